"""The activations demo: the engine's values and slopes at x, the controls, the JSON."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from oppija import i18n
from oppija.scenes.words.activations import activations_readout, vanishing_caption
from oppija.sims.activations import Activations
from oppija.sims.settings import DemoSettingError

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize(
    ("function", "x", "value", "derivative"),
    [
        ("sigmoid", 0.0, 0.5, 0.25),  # σ(0) = 0,5, σ′(0) = 0,5 · 0,5
        ("sigmoid", 3.0, 1 / (1 + math.exp(-3)), 0.045176659730912),  # the slide's σ′(3) ≈ 0,045
        ("tanh", 0.0, 0.0, 1.0),  # four times σ′(0)
        ("tanh", 1.0, 0.7615941559557649, 1 - 0.7615941559557649**2),  # tanh(1) ≈ 0,762
        ("relu", 3.0, 3.0, 1.0),
        ("relu", -2.0, 0.0, 0.0),  # ReLU(−2) = 0
    ],
)
def test_value_and_derivative_at_x(
    function: str, x: float, value: float, derivative: float
) -> None:
    demo = Activations(function=function, x=x)
    state = demo.state()
    assert state["value"] == pytest.approx(value, abs=1e-12)
    assert state["derivative"] == pytest.approx(derivative, abs=1e-12)


def test_the_sigmoid_derivative_is_never_above_a_quarter() -> None:
    curves = Activations(function="sigmoid").state()["curves"]
    derivatives = np.array(curves["derivative"])
    assert derivatives.max() == pytest.approx(0.25)
    assert np.all(derivatives <= 0.25 + 1e-15)
    xs = np.array(curves["x"])
    assert np.allclose(np.array(curves["value"]), 1 / (1 + np.exp(-xs)))


def test_the_curves_slope_agrees_with_finite_differences() -> None:
    curves = Activations(function="tanh").state()["curves"]
    xs, values, slopes = (np.array(curves[key]) for key in ("x", "value", "derivative"))
    numeric = np.gradient(values, xs)
    assert np.allclose(slopes[1:-1], numeric[1:-1], atol=2e-3)


def test_controls_move_x_and_change_the_function() -> None:
    demo = Activations()
    version = demo.version
    demo.set_x("1,5")
    assert demo.x == 1.5
    demo.nudge(-0.5)
    assert demo.x == 1.0
    demo.nudge(100.0)
    assert demo.x == 10.0  # stays inside the parameter's range
    assert demo.view_range() == (-10.0, 10.0)
    demo.next_function()
    assert demo.params.function == "tanh"
    assert demo.value == pytest.approx(math.tanh(10.0))
    demo.next_function()
    demo.next_function()
    assert demo.params.function == "sigmoid"
    assert demo.version > version
    with pytest.raises(DemoSettingError):
        demo.set_x("11")


def test_steps_sweep_x_to_the_right_and_wrap_around() -> None:
    demo = Activations(x=5.5)
    demo.run(2)
    assert demo.x == 6.0
    demo.step()
    assert demo.x == -6.0
    assert demo.step_count == 3
    demo.reset()
    assert demo.x == 5.5 and demo.step_count == 0


def test_json_shape() -> None:
    data = json.loads(json.dumps(Activations(function="relu", x=2).to_json()))
    assert data["demo"] == "activations"
    state = data["state"]
    assert {"function", "x", "value", "derivative", "curves"} <= set(state)
    assert state["function"] == "relu" and state["x"] == 2.0
    assert len(state["curves"]["x"]) == len(state["curves"]["derivative"])


def test_the_caption_says_the_slides_numbers_in_estonian_format() -> None:
    i18n.set_language("et")
    text = vanishing_caption()
    assert "0,25" in text and "0,00000095" in text


def test_readout_in_ascii_has_no_symbols() -> None:
    lines = activations_readout(Activations(x=-1), ascii_only=True)
    assert all(line.isascii() for line in lines)
    assert "sigma'(x) = 0.1966" in lines
