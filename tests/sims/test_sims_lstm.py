"""The LSTM step-through: the five equations in NumPy agree, back() undoes, the slide's example."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from oppija.scenes.words.status import status_sentence
from oppija.sims import create_simulation
from oppija.sims.lstm import LSTMGates
from oppija.sims.settings import DemoSettingError

pytestmark = pytest.mark.filterwarnings("error")


def sigmoid(a: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-a))


def lecture_equations(
    weights: dict[str, np.ndarray], sequence: list[float], hidden: int
) -> list[dict[str, np.ndarray]]:
    """The slide's five equations written out in NumPy, independently of the engine."""
    W = {g: np.array(weights[f"W_{g}"]) for g in "fioc"}
    U = {g: np.array(weights[f"U_{g}"]) for g in "fioc"}
    b = {g: np.array(weights[f"b_{g}"]) for g in "fioc"}
    h, c = np.zeros(hidden), np.zeros(hidden)
    out = []
    for value in sequence:
        x = np.array([value])

        def pre(g: str, x: np.ndarray = x, h: np.ndarray = h) -> np.ndarray:
            return x @ W[g] + h @ U[g] + b[g]

        f, i, o = sigmoid(pre("f")), sigmoid(pre("i")), sigmoid(pre("o"))
        g = np.tanh(pre("c"))
        c = f * c + i * g
        h = o * np.tanh(c)
        out.append({"f": f, "i": i, "o": o, "g": g, "c": c, "h": h})
    return out


@pytest.mark.parametrize("hidden", [1, 2, 5, 8])
@pytest.mark.parametrize("seed", [0, 1, 99])
def test_gates_and_states_equal_the_equations(hidden: int, seed: int) -> None:
    sequence = [1.0, 0.0, -2.5, 0.0, 3.0, 0.5]
    demo = LSTMGates(sequence=tuple(sequence), hidden=hidden, seed=seed)
    demo.to_end()
    state = demo.state()
    assert demo.status == "done" and state["step"] == len(sequence)
    expected = lecture_equations(state["weights"], sequence, hidden)
    assert len(state["gates"]) == len(sequence)
    for got, want in zip(state["gates"], expected, strict=True):
        assert set(got) == {"f", "i", "o", "g", "c", "h"}
        for name, values in want.items():
            np.testing.assert_allclose(got[name], values, atol=1e-12)
    for step in state["gates"]:
        for name in ("f", "i", "o"):
            assert all(0 < v < 1 for v in step[name])  # gates are between closed and open


def test_the_terms_add_up_to_each_gate() -> None:
    """The picture writes σ(W x + U h + b): the three terms give the gate's value."""
    demo = LSTMGates(hidden=3, seed=4)
    demo.run(3)
    step = demo.current
    assert step is not None
    for gate, squash in (("f", sigmoid), ("i", sigmoid), ("o", sigmoid), ("g", np.tanh)):
        wx, uh, b = step.terms[gate]
        np.testing.assert_allclose(squash(wx + uh + b), step.gates[gate], atol=1e-12)
    np.testing.assert_allclose(step.c_prev, demo.steps[1].gates["c"])


def test_back_restores_the_previous_state() -> None:
    demo = LSTMGates()
    demo.run(3)
    after_two = LSTMGates()
    after_two.run(2)
    demo.back()
    assert demo.step_count == 2 and demo.status == "running"
    assert demo.state() == after_two.state()
    demo.step()  # forward again gives the same numbers as before
    again = LSTMGates()
    again.run(3)
    assert demo.state()["gates"] == again.state()["gates"]
    demo.to_end()
    assert demo.status == "done" and status_sentence(demo)
    demo.back()
    assert demo.status == "running" and demo.step_count == 4
    for _ in range(10):
        demo.back()
    assert demo.step_count == 0 and demo.state()["gates"] == []


def test_the_slide_one_neuron_example() -> None:
    """f = 0,9, c₋₁ = 2, i = 0,1, candidate 0,5, o = 0,5: c = 1,85 and h ≈ 0,476."""
    logit = lambda p: math.log(p / (1 - p))  # noqa: E731
    weights = {f"{group}_{g}": [[0.0]] for group in ("W", "U") for g in "fioc"}
    weights.update(b_f=[logit(0.9)], b_i=[logit(0.1)], b_o=[0.0], b_c=[math.atanh(0.5)])
    demo = LSTMGates(weights=weights, initial=([0.0], [2.0]), sequence=(1.0,), hidden=1)
    demo.step()
    gates = demo.state()["gates"][0]
    assert gates["f"][0] == pytest.approx(0.9)
    assert gates["i"][0] == pytest.approx(0.1)
    assert gates["g"][0] == pytest.approx(0.5)
    assert gates["c"][0] == pytest.approx(1.85)
    assert gates["h"][0] == pytest.approx(0.476, abs=5e-4)
    assert demo.changed().state()["weights"]["b_f"] == [pytest.approx(logit(0.9))]  # r keeps them


def test_bad_hand_weights_are_translated_errors() -> None:
    with pytest.raises(DemoSettingError):
        LSTMGates(weights={"W_x": [[1.0]]}, hidden=1)
    with pytest.raises(DemoSettingError):
        LSTMGates(weights={"W_f": [[1.0, 2.0, 3.0]]}, hidden=2)
    with pytest.raises(DemoSettingError):
        LSTMGates(initial=([0.0], [1.0, 2.0]), hidden=2)


def test_the_default_shows_memory_fading_and_staying() -> None:
    """The lesson's demo: 1; 0; 0; 0; 1 with two units, the default seed. While the zeros come
    in, unit 1's memory of the first 1 fades and unit 2's stays; the last 1 writes again."""
    demo = create_simulation("lstm", {"sequence": "1 0 0 0 1", "hidden": "2"})
    demo.to_end()
    c = np.array([step["c"] for step in demo.state()["gates"]])
    assert abs(c[3, 0]) < 0.7 * abs(c[0, 0])  # fades
    assert abs(c[3, 1]) > 0.8 * abs(c[0, 1])  # stays
    assert abs(c[4, 0]) > abs(c[3, 0])  # the second 1 is written


def test_json_shape() -> None:
    demo = create_simulation("lstm", {"sequence": "0,5 -1", "hidden": "3", "seed": "7"})
    demo.run(1)
    data = json.loads(json.dumps(demo.to_json(), allow_nan=False))
    assert data["demo"] == "lstm" and data["step"] == 1
    state = data["state"]
    assert state["sequence"] == [0.5, -1.0]
    assert len(state["gates"]) == 1
    assert {"f", "i", "o", "c", "h"} <= set(state["gates"][0])
    assert all(len(values) == 3 for values in state["gates"][0].values())
    assert np.array(state["weights"]["W_f"]).shape == (1, 3)
    assert np.array(state["weights"]["U_c"]).shape == (3, 3)


def test_large_inputs_stay_finite() -> None:
    demo = LSTMGates(sequence=(10.0, -10.0) * 6, hidden=8, seed=3)
    demo.to_end()
    assert demo.status == "done"
    json.dumps(demo.to_json(), allow_nan=False)
