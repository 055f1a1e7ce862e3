"""The computation-graph view: nodes as built, gradients as the trace adds them up."""

from __future__ import annotations

import json

import numpy as np
import pytest

from oppija.scenes.words.graph import graph_lines
from oppija.scenes.words.status import status_line
from oppija.sims.graph import ComputationGraph
from oppija.sims.settings import DemoSettingError

pytestmark = pytest.mark.filterwarnings("error")


def test_the_default_graph_by_hand() -> None:
    """f = x·y + x² at (2; −3): f = −2, ∂f/∂x = y + 2x = 1, ∂f/∂y = x = 2."""
    graph = ComputationGraph()
    state = graph.state()
    assert [(n["kind"], n["label"], n["value"]) for n in state["nodes"]] == [
        ("variable", "x", 2.0),
        ("variable", "y", -3.0),
        ("op", "*", -6.0),
        ("constant", "2", 2.0),
        ("op", "**", 4.0),
        ("op", "+", -2.0),
    ]
    assert state["nodes"][5]["parents"] == [2, 4]
    assert state["value"] == -2.0
    assert state["gradients"] == {"x": 1.0, "y": 2.0}
    assert all(n["grad"] is None for n in state["nodes"])


def test_each_step_reveals_one_record_and_x_adds_up() -> None:
    graph = ComputationGraph()
    graph.step()  # the sum: 1 to both terms
    assert graph.revealed_gradients() == {5: 1.0, 2: 1.0, 4: 1.0}
    graph.step()  # x²: 2x = 4 to x
    assert graph.revealed_gradients()[0] == 4.0
    graph.step()  # x·y: y = −3 to x, x = 2 to y
    assert graph.revealed_gradients()[0] == 1.0 and graph.revealed_gradients()[1] == 2.0
    assert graph.status == "done"
    assert "x is used more than once: its gradients add up to 1" in graph_lines(graph)
    graph.back()
    assert graph.status == "running" and graph.revealed_gradients()[0] == 4.0


@pytest.mark.parametrize(
    ("function", "x", "y"),
    [("sin(x) * exp(y) - x / y", 0.7, 1.3), ("sigmoid(x*y + x) ^ 2", -1.5, 0.4), ("-x + 3", 1, 1)],
)
def test_gradients_match_finite_differences(function: str, x: float, y: float) -> None:
    graph = ComputationGraph(function=function, x=x, y=y)
    graph.to_end()
    evaluate = graph.params.function.evaluate
    eps = 1e-6
    numeric_x = (evaluate(x=x + eps, y=y) - evaluate(x=x - eps, y=y)) / (2 * eps)
    numeric_y = (evaluate(x=x, y=y + eps) - evaluate(x=x, y=y - eps)) / (2 * eps)
    revealed = graph.revealed_gradients()
    assert revealed.get(0, 0.0) == pytest.approx(float(numeric_x), abs=1e-6)
    y_node = next((n.id for n in graph.nodes if n.label == "y"), None)
    expected_y = 0.0 if y_node is None else revealed.get(y_node, 0.0)
    assert expected_y == pytest.approx(float(numeric_y), abs=1e-6)
    json.dumps(graph.to_json(), allow_nan=False)


def test_the_trace_is_replayed_in_order() -> None:
    graph = ComputationGraph(function="tanh(x*y) + x")
    records = graph.state()["trace"]
    shown = []
    while graph.status == "running":
        graph.step()
        shown.append(graph.current.index if graph.current else None)
    assert shown == [r["index"] for r in records] == list(range(len(records)))


def test_a_constant_formula_is_done_at_once_and_nan_is_a_status() -> None:
    assert ComputationGraph(function="2 + 3").status == "done"
    broken = ComputationGraph(function="log(x)", x=-1)
    assert broken.status == "diverged"
    json.dumps(broken.to_json(), allow_nan=False)
    assert np.isnan(broken.nodes[-1].value)


@pytest.mark.parametrize(
    "settings", [{"function": "x +"}, {"function": "z"}, {"x": "abc"}, {"y": 1000}, {"lr": 1}]
)
def test_bad_settings_are_refused_with_a_message(settings: dict[str, object]) -> None:
    with pytest.raises(DemoSettingError) as error:
        ComputationGraph(**settings)
    assert str(error.value)


def test_the_exponents_gradient_at_a_negative_base_is_undefined_and_said() -> None:
    """x^y at (−2; 3): ∂f/∂y = xʸ·ln x has no value (issue 13): NaN with a reason, never 0."""
    graph = ComputationGraph(function="x^y", x=-2, y=3)
    assert graph.gradients["x"] == 12.0
    assert graph.gradients["y"] is not None and np.isnan(graph.gradients["y"])
    assert graph.state()["gradients"] == {"x": 12.0, "y": None}
    assert any("by y is undefined" in line for line in graph_lines(graph))  # said at once
    graph.to_end()
    lines = graph_lines(graph)
    assert "∂f/∂y: 1 × NaN = NaN" in lines
    assert any("ln a is undefined for a < 0" in line for line in lines)
    assert not any("used more than once" in line for line in lines)  # NaN ≠ NaN is no sum
    assert graph.status == "done"
    assert "by y is undefined" in status_line(graph)


def test_the_exponents_gradient_at_a_zero_base_is_zero() -> None:
    """0^y for y ≥ 0: the convention (as PyTorch's) that aᵇ·ln a is 0 at a = 0."""
    graph = ComputationGraph(function="x^y", x=0, y=2)
    assert graph.gradients == {"x": 0.0, "y": 0.0}
    graph.to_end()
    assert status_line(graph) == "Every gradient is known."


@pytest.mark.parametrize(("function", "name"), [("relu(x)*y", "ReLU"), ("abs(x) + y", "|x|")])
def test_a_kink_at_zero_is_said_to_be_a_choice(function: str, name: str) -> None:
    """ReLU′(0) and |x|′(0) do not exist; the engine's 0 there is a convention and says so."""
    graph = ComputationGraph(function=function, x=0, y=3)
    lines = [
        line for _ in range(graph.final_step) for line in (graph.step(), graph_lines(graph))[1]
    ]
    assert any(line.startswith(f"{name} has a kink at 0") for line in lines)
    away = ComputationGraph(function=function, x=1, y=3)
    away.to_end()
    assert not any("kink" in line for line in graph_lines(away))
