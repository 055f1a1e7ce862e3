"""Softmax with temperature: the slide's numbers, exp/Σexp, stability at ±1000, the gradient."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oppija.sims import create_simulation
from oppija.sims.settings import DemoSettingError
from oppija.sims.softmax import TEMPERATURES, Softmax

pytestmark = pytest.mark.filterwarnings("error")

LOGITS = st.lists(
    st.floats(-1000, 1000, allow_nan=False, allow_infinity=False), min_size=1, max_size=10
)


def numpy_softmax(z: np.ndarray, temperature: float) -> np.ndarray:
    """exp(zᵢ/T)/Σ exp(zⱼ/T), the maximum subtracted first (the same value, written out)."""
    scaled = z / temperature
    e = np.exp(scaled - scaled.max())
    return e / e.sum()


def test_the_slide_example() -> None:
    """lessons/et/08-kokkuvote.md: p ≈ (0,659; 0,242; 0,099), 𝓔 = −ln 0,659 ≈ 0,417,
    ∂𝓔/∂z = (−0,341; 0,242; 0,099)."""
    state = Softmax(logits=(2, 1, 0.1), temperature=1, target=0).state()
    assert state["probabilities"] == pytest.approx([0.659, 0.242, 0.099], abs=5e-4)
    assert state["cross_entropy"] == pytest.approx(0.417, abs=5e-4)
    assert state["gradient"] == pytest.approx([-0.341, 0.242, 0.099], abs=5e-4)
    assert state["one_hot"] == [1.0, 0.0, 0.0]
    assert state["logits"] == [2.0, 1.0, 0.1]


def test_the_slide_wrong_answers() -> None:
    """Car right: 𝓔 = −ln 0,099 ≈ 2,317; dog right: 𝓔 = −ln 0,242 ≈ 1,417."""
    assert Softmax(target=2).cross_entropy == pytest.approx(2.317, abs=5e-4)
    assert Softmax(target=1).cross_entropy == pytest.approx(1.417, abs=5e-4)


def test_the_demo_paragraph_first_logit_three() -> None:
    """First logit 2 → 3: p₀ rises to 0,840 and the error falls from 0,417 to 0,174."""
    demo = Softmax()
    demo.set_logits("3 1 0,1")
    assert demo.probabilities[0] == pytest.approx(0.840, abs=5e-4)
    assert demo.cross_entropy == pytest.approx(0.174, abs=5e-4)
    moved = Softmax()
    moved.nudge(1)
    moved.nudge(1)  # u twice: +0,5 + 0,5 on the chosen (first) logit
    assert moved.logits.tolist() == [3.0, 1.0, 0.1]
    assert moved.probabilities[0] == pytest.approx(0.840, abs=5e-4)


@pytest.mark.parametrize(
    ("temperature", "expected"),
    [
        (0.5, (0.864, 0.117, 0.019)),
        (1.0, (0.659, 0.242, 0.099)),
        (2.0, (0.502, 0.304, 0.194)),
        (5.0, (0.400, 0.327, 0.273)),
    ],
)
def test_the_temperature_table(temperature: float, expected: tuple[float, ...]) -> None:
    demo = Softmax(temperature=temperature)
    assert demo.probabilities == pytest.approx(expected, abs=5e-4)


def test_low_temperature_sharpens_high_flattens_order_kept() -> None:
    """T = 0,1 gives the first class more than 0,9999 (the quiz); T = 100 is nearly uniform."""
    cold, hot = Softmax(temperature=0.1), Softmax(temperature=100)
    assert cold.probabilities[0] > 0.9999
    assert hot.probabilities == pytest.approx([1 / 3] * 3, abs=0.01)
    for demo in (cold, hot):
        assert list(np.argsort(-demo.probabilities)) == [0, 1, 2]


@settings(max_examples=80, deadline=None)
@given(LOGITS, st.sampled_from(TEMPERATURES), st.integers(0, 9))
def test_probabilities_sum_to_one_and_equal_exp_over_sum(
    logits: list[float], temperature: float, target: int
) -> None:
    target = target % len(logits)
    demo = Softmax(logits=tuple(logits), temperature=temperature, target=target)
    p = demo.probabilities
    assert np.all(np.isfinite(p)) and np.all(p >= 0)
    assert float(p.sum()) == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(p, numpy_softmax(np.array(logits), temperature), atol=1e-12)
    assert math.isfinite(demo.cross_entropy) and demo.cross_entropy >= 0
    # The engine's gradient is the slide's (p − y)/T.
    y = np.zeros(len(logits))
    y[target] = 1.0
    np.testing.assert_allclose(demo.gradient, (p - y) / temperature, atol=1e-9)


def test_huge_logits_give_the_same_distribution_without_warnings() -> None:
    """1000 999 998,1 and 2 1 0,1 differ by a constant: the same p (no overflow, no warning)."""
    huge = create_simulation("softmax", {"logits": "1000 999 998,1"})
    small = Softmax()
    np.testing.assert_allclose(huge.probabilities, small.probabilities, atol=1e-12)
    assert huge.cross_entropy == pytest.approx(small.cross_entropy, abs=1e-12)
    extreme = Softmax(logits=(1000, -1000), temperature=0.01, target=1)
    assert extreme.probabilities.tolist() == [1.0, 0.0]
    assert extreme.cross_entropy == pytest.approx(2000 / 0.01)
    json.dumps(extreme.to_json(), allow_nan=False)  # every number finite


def test_gradient_equals_central_differences() -> None:
    """∂𝓔/∂zᵢ from the engine against (𝓔(z + εeᵢ) − 𝓔(z − εeᵢ))/2ε computed in NumPy."""
    z = np.array([0.3, -1.2, 2.5, 0.0])
    temperature, target, eps = 0.7, 2, 1e-6

    def error(logits: np.ndarray) -> float:
        return float(-np.log(numpy_softmax(logits, temperature)[target]))

    numeric = np.array(
        [(error(z + eps * e) - error(z - eps * e)) / (2 * eps) for e in np.eye(len(z))]
    )
    demo = Softmax(logits=tuple(z), temperature=temperature, target=target)
    np.testing.assert_allclose(demo.gradient, numeric, atol=1e-7)


def test_a_step_descends_and_the_right_class_rises_until_converged() -> None:
    demo = Softmax()
    before = demo.state()
    demo.step()
    after = demo.state()
    expected = np.array(before["logits"]) - 0.5 * np.array(before["gradient"])
    np.testing.assert_allclose(after["logits"], expected, atol=1e-12)
    assert after["probabilities"][0] > before["probabilities"][0]
    assert after["cross_entropy"] < before["cross_entropy"]
    demo.run(1000)
    assert demo.status == "converged"
    assert demo.probabilities[0] >= 0.99
    assert demo.step_count < 200
    demo.nudge(-1)  # the right logit down again: the run can go on
    assert demo.status == "running"


def test_controls_change_the_current_state() -> None:
    demo = Softmax()
    demo.step()
    logits = demo.logits.copy()
    demo.warmer(1)
    assert demo.temperature == 2.0
    np.testing.assert_array_equal(demo.logits, logits)  # T changed, the logits stayed
    demo.warmer(-1)
    demo.warmer(-1)
    assert demo.temperature == 0.5
    for _ in range(20):
        demo.warmer(-1)
    assert demo.temperature == 0.01  # the bottom of the range, never beyond
    demo.set_temperature("2,5")
    assert demo.temperature == 2.5
    demo.warmer(1)
    assert demo.temperature == 5.0
    demo.choose_logit(1)
    demo.nudge(-1)
    assert demo.logits[1] == pytest.approx(logits[1] - 0.5)
    demo.choose_logit(-1)
    demo.choose_logit(-1)
    assert demo.selected == 2  # wraps around
    demo.next_target()
    assert demo.target == 1 and demo.one_hot.tolist() == [0.0, 1.0, 0.0]
    demo.next_target()
    demo.next_target()
    assert demo.target == 0
    reset = demo.changed()
    assert reset.logits.tolist() == [2.0, 1.0, 0.1]  # r: back to the start's logits
    assert reset.temperature == 5.0  # … with the temperature the learner chose


def test_typed_logits_are_a_new_start() -> None:
    demo = Softmax(target=2)
    demo.step()
    demo.set_logits("1; 2; 3; 4")
    assert demo.step_count == 0 and demo.logits.tolist() == [1.0, 2.0, 3.0, 4.0]
    assert demo.changed().logits.tolist() == [1.0, 2.0, 3.0, 4.0]
    with pytest.raises(DemoSettingError):
        demo.set_logits("1 2")  # the target 2 would not exist
    assert demo.logits.tolist() == [1.0, 2.0, 3.0, 4.0]  # nothing changed


def test_a_target_beyond_the_logits_is_a_translated_error() -> None:
    with pytest.raises(DemoSettingError, match="from 0 to 2, not 3"):
        Softmax(target=3)
    with pytest.raises(DemoSettingError):
        create_simulation("softmax", {"logits": "1 2", "target": "2"})
    demo = Softmax()
    with pytest.raises(DemoSettingError):
        demo.set_target(3)
    with pytest.raises(DemoSettingError):
        demo.set_temperature("0")


def test_json_shape() -> None:
    data = json.loads(json.dumps(create_simulation("softmax", {"logits": "1 2 3"}).to_json()))
    assert data["demo"] == "softmax"
    assert set(data["state"]) >= {
        "logits",
        "temperature",
        "probabilities",
        "target",
        "cross_entropy",
        "gradient",
    }
    assert data["state"]["logits"] == [1.0, 2.0, 3.0]
    assert sum(data["state"]["probabilities"]) == pytest.approx(1.0)
