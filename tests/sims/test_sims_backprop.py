"""The backprop step-through: the slide's numbers, gradients that agree, a replay in order."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from oppija import i18n
from oppija.scenes.words.backprop import backprop_lines
from oppija.sims.backprop import Backpropagation
from oppija.sims.settings import DemoSettingError

pytestmark = pytest.mark.filterwarnings("error")

ACTIVATIONS = {
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda h, z: h * (1 - h)),
    "tanh": (np.tanh, lambda h, z: 1 - h**2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda h, z: (z > 0).astype(float)),
}


def hand_gradients(
    x: np.ndarray, target: float, V: np.ndarray, U: np.ndarray, activation: str
) -> tuple[np.ndarray, np.ndarray, float]:
    """∂𝓔/∂V and ∂𝓔/∂U written out with the chain rule in NumPy, independently of the engine."""
    f, f_prime = ACTIVATIONS[activation]
    z = x @ V
    h = f(z)
    s = h @ U
    y = 1 / (1 + np.exp(-s))
    error = float(np.sum((target - y) ** 2))
    d_s = -2 * (target - y) * y * (1 - y)  # (1,)
    d_U = np.outer(h, d_s)
    d_z = (U @ d_s) * f_prime(h, z)
    return np.outer(x, d_z), d_U, error


def test_the_slide_example_by_hand() -> None:
    """lessons/et/04-narvivorgud.md: y ≈ 0,555, 𝓔 ≈ 0,198, ∂𝓔/∂u₁ ≈ −0,137, ∂𝓔/∂u₂ ≈ −0,088,
    ∂𝓔/∂v₁₁ ≈ −0,052, ∂𝓔/∂v₂₁ = 0, u₁ ← 1,068, v₁₁ ← 0,526, then y ≈ 0,573, 𝓔 ≈ 0,182."""
    state = Backpropagation(hidden=2, activation="sigmoid", lr=0.5, inputs="1; 0", target=1).state()
    assert state["weights"] == {"V": [[0.5, -0.4], [0.3, 0.8]], "U": [[1.0], [-1.0]]}
    assert state["values"]["h"] == pytest.approx([0.622, 0.401], abs=5e-4)
    assert state["values"]["y"] == pytest.approx(0.555, abs=5e-4)
    assert state["values"]["error"] == pytest.approx(0.198, abs=5e-4)
    grads = state["gradients"]
    assert np.array(grads["U"]).ravel() == pytest.approx([-0.137, -0.088], abs=5e-4)
    assert grads["V"][0][0] == pytest.approx(-0.052, abs=5e-4)
    assert grads["V"][1] == [0.0, 0.0]  # x₂ = 0: its weights get no gradient
    after = state["updated_weights"]
    assert after["U"][0][0] == pytest.approx(1.068, abs=5e-4)
    assert after["V"][0][0] == pytest.approx(0.526, abs=5e-4)
    assert after["V"][1] == [0.3, 0.8]
    assert state["error_after"] == pytest.approx(0.182, abs=5e-4)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("hidden", [2, 3])
@pytest.mark.parametrize("seed", [None, 1, 12345])
def test_gradients_equal_hand_derivation_and_finite_differences(
    activation: str, hidden: int, seed: int | None
) -> None:
    settings: dict[str, object] = {"activation": activation, "hidden": hidden}
    if seed is not None:
        settings.update(seed=seed, inputs=(0.7, -1.3), target=0.2)
    demo = Backpropagation(**settings)
    state = demo.state()
    V, U = (np.array(state["weights"][k]) for k in ("V", "U"))
    assert V.shape == (2, hidden) and U.shape == (hidden, 1)
    d_V, d_U, error = hand_gradients(np.array(state["inputs"]), state["target"], V, U, activation)
    assert state["values"]["error"] == pytest.approx(error, rel=1e-12)
    np.testing.assert_allclose(state["gradients"]["V"], d_V, atol=1e-12)
    np.testing.assert_allclose(state["gradients"]["U"], d_U, atol=1e-12)
    for name in ("V", "U"):
        engine, numeric = (np.array(state[key][name]) for key in ("gradients", "numeric_gradients"))
        assert engine.shape == numeric.shape
        np.testing.assert_allclose(engine, numeric, atol=1e-7)
        after = np.array(state["updated_weights"][name])
        np.testing.assert_allclose(after, np.array(state["weights"][name]) - state["lr"] * engine)


def test_the_replay_shows_every_trace_record_in_order() -> None:
    demo = Backpropagation()
    records = demo.state()["trace"]
    ops = [record["op"] for record in records]
    assert ops == ["sum", "**", "-", "sigmoid", "@", "sigmoid", "@"]
    seen = []
    while demo.status == "running":
        demo.step()
        current = demo.state()["current"]
        if current["phase"] == "backward":
            seen.append(current["trace_index"])
            assert current["numbers"]["record"] == records[current["trace_index"]]
            assert current["op"] == ops[current["trace_index"]]
    assert seen == list(range(len(records)))


def test_the_phases_come_in_order_and_the_steps_are_as_promised() -> None:
    demo = Backpropagation(hidden=3)
    kinds, phases = [], []
    while demo.status == "running":
        demo.step()
        current = demo.current
        assert current is not None
        kinds.append(current.kind)
        phases.append(demo.state()["phase"])
    # 3 hidden neurons and y, the error, 7 trace records, U, V, the new answer
    assert kinds == ["neuron"] * 4 + ["error"] + ["trace"] * 7 + ["update"] * 2 + ["result"]
    assert phases == ["forward"] * 5 + ["backward"] * 7 + ["update"] * 3


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_each_product_multiplies_out_to_the_recorded_gradient(activation: str) -> None:
    """upstream × local derivative (summed for a matrix product) = the gradient in the record."""
    demo = Backpropagation(activation=activation, hidden=3, seed=5)
    checked = 0
    for step in demo.script:
        if step.kind != "trace":
            continue
        assert step.numbers["products"], step.node
        for item in step.numbers["products"]:
            total = sum(up * local for up, local in item["terms"])
            assert total == pytest.approx(item["gradient"], rel=1e-12, abs=1e-15)
            checked += 1
    # Σ:1, ²:1, −:1, σ:1, Uᵀh: 3 h + 3 u, f: 3, Vᵀx: 6
    assert checked == 1 + 1 + 1 + 1 + 6 + 3 + 6


def test_forward_and_update_numbers_come_from_the_engine() -> None:
    demo = Backpropagation()
    state = demo.state()
    first = demo.script[0].numbers
    assert first["sum"] == state["values"]["z"][0]
    assert first["value"] == state["values"]["h"][0]
    update_u = next(step for step in demo.script if step.kind == "update" and step.node == "U")
    assert [w["after"] for w in update_u.numbers["weights"]] == pytest.approx(
        np.ravel(state["updated_weights"]["U"]).tolist()
    )


def test_a_large_step_count_runs_to_the_end_of_one_update() -> None:
    demo = Backpropagation()
    demo.run(100_000)
    data = demo.to_json()
    assert data["status"] == "done" and data["step"] == data["state"]["total"] == 14
    assert data["state"]["phase"] == "update"
    assert data["state"]["weights"] == data["state"]["updated_weights"]
    json.dumps(data, allow_nan=False)


def test_back_shows_the_previous_step_and_to_end_finishes() -> None:
    demo = Backpropagation()
    demo.back()  # nothing before the start
    assert demo.step_count == 0 and demo.current is None
    demo.run(6)
    sixth = demo.state()["current"]
    demo.step()
    demo.back()
    assert demo.state()["current"] == sixth
    demo.to_end()
    assert demo.status == "done" and demo.step_count == len(demo.script)
    version = demo.version
    demo.back()
    assert demo.status == "running" and demo.step_count == len(demo.script) - 1
    assert demo.version > version


def test_weights_show_new_values_only_after_their_update_step() -> None:
    demo = Backpropagation()
    start = demo.state()["start_weights"]
    demo.run(12)  # the U update
    assert demo.current is not None and demo.current.node == "U"
    shown = demo.state()["weights"]
    assert shown["V"] == start["V"] and shown["U"] != start["U"]


def test_gradients_are_revealed_as_the_trace_is_replayed() -> None:
    demo = Backpropagation()
    demo.run(4)  # h₁, h₂, y, the error: nothing backward yet
    assert demo.revealed_gradients() == {}
    demo.run(5)  # records Σ, ², −, σ, Uᵀh
    revealed = demo.revealed_gradients()
    assert "U" in revealed and "V" not in revealed
    np.testing.assert_allclose(revealed["U"], demo.state()["gradients"]["U"])
    demo.run(2)
    np.testing.assert_allclose(demo.revealed_gradients()["V"], demo.state()["gradients"]["V"])


def test_typed_inputs_target_and_weights() -> None:
    demo = Backpropagation()
    assert demo.with_inputs("0; 1").params.inputs == (0.0, 1.0)
    assert demo.with_target("0,25").params.target == 0.25
    typed = demo.with_weights("V", "0,1 0,2; 0,3 0,4")
    assert typed.state()["weights"]["V"] == [[0.1, 0.2], [0.3, 0.4]]
    assert typed.state()["weights"]["U"] == [[1.0], [-1.0]]
    kept = typed.with_inputs((2, 3)).with_weights("U", [0.5, -0.5])
    assert kept.state()["weights"] == {"V": [[0.1, 0.2], [0.3, 0.4]], "U": [[0.5], [-0.5]]}
    assert kept.changed(hidden=3).state()["weights"]["V"][0] == [0.5, -0.4, -0.2]


@pytest.mark.parametrize(
    ("name", "value"),
    [("V", "1 2 3"), ("U", "11 0"), ("W", "1 2"), ("V", "a b c d"), ("U", [float("nan"), 1])],
)
def test_bad_typed_weights_are_refused_with_a_message(name: str, value: object) -> None:
    with pytest.raises(DemoSettingError) as error:
        Backpropagation().with_weights(name, value)
    assert str(error.value)


def test_next_round_starts_from_the_new_weights_and_the_error_falls() -> None:
    demo = Backpropagation()
    errors = []
    for _ in range(5):
        demo.to_end()
        errors.append(demo.state()["values"]["error"])
        after = demo.state()["updated_weights"]
        demo.next_round()
        assert demo.state()["start_weights"] == after and demo.status == "running"
    assert all(b < a for a, b in itertools.pairwise(errors))
    assert demo.round == 5


def test_extreme_numbers_never_raise() -> None:
    demo = Backpropagation(lr=10, inputs=(10, -10), target=-10, activation="relu", hidden=3)
    demo = demo.with_weights("V", [10, -10, 10, -10, 10, -10]).with_weights("U", [10, 10, -10])
    for _ in range(20):
        demo.to_end()
        json.dumps(demo.to_json(), allow_nan=False)
        demo.next_round()
    assert demo.status in ("running", "diverged")


def test_sentences_use_the_active_number_format() -> None:
    i18n.set_language("et")
    demo = Backpropagation()
    demo.run(1)
    assert "z₁ = 0,5 · 1 + 0,3 · 0 = 0,5" in "\n".join(backprop_lines(demo))
    demo.run(8)  # y, the error, Σ, ², −, σ, then the Uᵀh record
    assert "∂𝓔/∂u₁ = (−0,22) × 0,622 = −0,137" in backprop_lines(demo)
    ascii_text = "".join(backprop_lines(demo, ascii_only=True))
    assert {char for char in ascii_text if not char.isascii()} <= set("õäöüšžÕÄÖÜŠŽ")
    assert "dE/du1 = (-0,22) * 0,622 = -0,137" in ascii_text


def test_a_relu_kink_inside_the_finite_difference_interval_is_found() -> None:
    """x = (0,6; −1) makes z₁ = 0,5·0,6 − 0,3 exactly 0 (issue 13): the engine's ReLU′(0) = 0
    and the central difference (half the slope) differ for v₁₁ and v₂₁, by right; the others
    agree. The state names the kinks."""
    demo = Backpropagation(activation="relu", inputs="0,6; -1")
    demo.to_end()
    state = demo.state()
    assert state["values"]["z"][0] == 0.0
    assert state["kinks"] == ["v₁₁", "v₂₁"]
    engine = np.array(state["gradients"]["V"])
    numeric = np.array(state["numeric_gradients"]["V"])
    kinks = demo.computed.kinks["V"]
    assert np.all(np.abs(engine - numeric)[kinks] > 0.01)
    np.testing.assert_allclose(engine[~kinks], numeric[~kinks], atol=1e-7)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_no_kinks_away_from_z_zero(activation: str) -> None:
    assert Backpropagation(activation=activation).state()["kinks"] == []
