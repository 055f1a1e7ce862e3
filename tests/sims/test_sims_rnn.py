"""The RNN demo: the lecture's equations, the slide's two steps, the gradient backward in time."""

from __future__ import annotations

import json

import numpy as np
import pytest

from oppija.scenes.words.rnn import rnn_lines
from oppija.sims import DEMOS, DemoSettingError, create_simulation
from oppija.sims.rnn import RecurrentNetwork, letters_of, one_hot, trained_weights

pytestmark = pytest.mark.filterwarnings("error")


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def by_hand(
    inputs: np.ndarray, V: np.ndarray, W: np.ndarray, U: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """hᵢ = σ(Vᵀxᵢ + Wᵀhᵢ₋₁), yᵢ = σ(Uᵀhᵢ), h₀ = 0, in NumPy without the engine."""
    h = np.zeros(W.shape[0])
    hidden, outputs = [], []
    for x in inputs:
        h = sigmoid(V.T @ x + W.T @ h)
        hidden.append(h)
        outputs.append(sigmoid(U.T @ h))
    return np.array(hidden), np.array(outputs)


def last_from(i: int, h_i: np.ndarray, inputs: np.ndarray, W: np.ndarray, V: np.ndarray):
    """h_T as a function of hᵢ (1-based i): the recurrence run on from step i + 1."""
    h = h_i
    for x in inputs[i:]:
        h = sigmoid(V.T @ x + W.T @ h)
    return h


def weights_of(state: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return tuple(np.array(state["weights"][k]) for k in ("V", "W", "U"))  # type: ignore[return-value]


def test_the_demo_is_registered_with_the_slides_defaults() -> None:
    assert DEMOS["rnn"].simulation_class() is RecurrentNetwork
    demo = create_simulation("rnn", {})
    assert demo.params.word == "kass" and demo.params.hidden == 3
    assert demo.params.mode == "seeded" and demo.state()["phase"] == "rolled"


def test_letters_are_one_hot_over_the_words_sorted_distinct_letters() -> None:
    assert letters_of("kass") == ["a", "k", "s"]
    np.testing.assert_array_equal(one_hot("kass"), [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 0, 1]])
    state = RecurrentNetwork(word="kass").state()
    assert state["letters"] == ["a", "k", "s"]
    assert state["inputs"][0] == [0.0, 1.0, 0.0]  # x for "k"


@pytest.mark.parametrize(
    ("word", "hidden", "mode", "seed"),
    [
        ("kass", 3, "seeded", 0),
        ("kass", 1, "seeded", 7),
        ("kassikene", 8, "seeded", 3),
        ("kass", 3, "trained", 0),
        ("tere", 5, "trained", 2),
        ("a", 2, "seeded", 0),
    ],
)
def test_hidden_and_outputs_are_the_lectures_equations(
    word: str, hidden: int, mode: str, seed: int
) -> None:
    demo = RecurrentNetwork(word=word, hidden=hidden, mode=mode, seed=seed)
    demo.to_end()
    state = demo.state()
    V, W, U = weights_of(state)
    assert V.shape == (len(set(word)), hidden) and W.shape == (hidden, hidden)
    assert U.shape == (hidden, len(set(word)))
    h, y = by_hand(np.array(state["inputs"]), V, W, U)
    np.testing.assert_allclose(state["hidden"], h, rtol=1e-12)
    np.testing.assert_allclose(state["outputs"], y, rtol=1e-12)


def test_the_slides_scalar_example() -> None:
    """V = 1, W = 2, U = 1, x₁ = 1, x₂ = 0: h₁ ≈ 0,731, y₁ ≈ 0,675, h₂ ≈ 0,812, y₂ ≈ 0,693 and
    ∂h₂/∂h₁ = h₂(1 − h₂)·W ≈ 0,305."""
    demo = RecurrentNetwork.slide_example()
    demo.step()
    state = demo.state()
    assert state["hidden"] == [pytest.approx([0.731], abs=5e-4)]
    assert state["outputs"] == [pytest.approx([0.675], abs=5e-4)]
    demo.step()
    state = demo.state()
    assert np.ravel(state["hidden"]) == pytest.approx([0.731, 0.812], abs=5e-4)
    assert np.ravel(state["outputs"]) == pytest.approx([0.675, 0.693], abs=5e-4)
    demo.step()
    state = demo.state()
    assert state["phase"] == "backward"
    h2 = state["hidden"][1][0]
    assert state["gradient_norms"][0] == pytest.approx(h2 * (1 - h2) * 2, rel=1e-12)
    assert state["gradient_norms"] == pytest.approx([0.305, 1.0], abs=5e-4)
    assert any("0,305" in line or "0.305" in line for line in rnn_lines(demo))


@pytest.mark.parametrize(("word", "hidden", "seed"), [("kass", 3, 0), ("kassikene", 4, 5)])
def test_gradient_norms_equal_finite_differences_and_the_jacobian_product(
    word: str, hidden: int, seed: int
) -> None:
    demo = RecurrentNetwork(word=word, hidden=hidden, seed=seed)
    demo.scale_recurrent(4)  # a larger W: numbers well away from zero
    demo.to_end()
    state = demo.state()
    V, W, U = weights_of(state)
    inputs = np.array(state["inputs"])
    h, _y = by_hand(inputs, V, W, U)
    count = len(word)
    epsilon = 1e-6
    product = np.eye(hidden)  # ∂h_T/∂h_T, then times ∂hᵢ₊₁/∂hᵢ = diag(σ′)·Wᵀ going back
    expected_product = [np.linalg.norm(product)]
    for i in range(count - 1, 0, -1):  # hᵢ for i = T − 1 … 1 (1-based)
        step = (h[i] * (1 - h[i]))[:, None] * W.T
        product = product @ step
        expected_product.append(np.linalg.norm(product))
    norms = state["gradient_norms"]
    np.testing.assert_allclose(norms[::-1], expected_product, rtol=1e-10)
    for i in range(1, count + 1):
        columns = []
        for j in range(hidden):
            bump = np.zeros(hidden)
            bump[j] = epsilon
            up = last_from(i, h[i - 1] + bump, inputs, W, V)
            down = last_from(i, h[i - 1] - bump, inputs, W, V)
            columns.append((up - down) / (2 * epsilon))
        numeric = np.linalg.norm(np.array(columns))
        assert norms[i - 1] == pytest.approx(numeric, rel=1e-6)
    assert norms[0] < norms[-1]  # random W of this size: it shrinks back in time


def test_trained_weights_predict_the_next_letters_better_than_seeded() -> None:
    """After "k" comes "a", then "s", then "s"; the last "s" has no next letter (left out).
    In "kassikene" one "s" is followed by "s" and the other by "i": only h tells them apart."""
    for word, hidden in (("kass", 3), ("kassikene", 5)):
        trained = RecurrentNetwork(word=word, hidden=hidden, mode="trained")
        seeded = RecurrentNetwork(word=word, hidden=hidden, mode="seeded")
        right = list(word[1:])
        assert trained.predictions()[:-1] == right
        assert seeded.predictions() is None  # random weights guess nothing on the picture

        def error(demo: RecurrentNetwork, word: str = word) -> float:
            y = np.array(demo.unrolled.outputs[:-1])
            target = one_hot(word)[1:]
            return float(-np.mean(target * np.log(y) + (1 - target) * np.log(1 - y)))

        assert error(trained) < 0.1 < error(seeded)
        losses = trained.state()["training_error"]
        assert losses[1] < losses[0] / 10
        assert seeded.state()["training_error"] is None


def test_training_is_cached_for_the_settings_that_matter() -> None:
    first = RecurrentNetwork(word="tere", hidden=2, mode="trained", seed=4)
    hits = trained_weights.cache_info().hits
    again = RecurrentNetwork(word="tere", hidden=2, mode="trained", seed=4)
    assert trained_weights.cache_info().hits == hits + 1
    np.testing.assert_array_equal(first.weights["W"], again.weights["W"])
    again.scale_recurrent(2)
    np.testing.assert_array_equal(dict(trained_weights("tere", 2, 4))["W"], first.weights["W"])


def test_steps_unroll_one_letter_at_a_time_then_the_backward_view() -> None:
    demo = RecurrentNetwork()
    phases, lengths = [], []
    for _k in range(6):
        state = demo.state()
        phases.append(state["phase"])
        lengths.append((len(state["hidden"]), len(state["outputs"])))
        assert (state["gradient_norms"] is None) == (state["phase"] != "backward")
        demo.step()
    assert phases == ["rolled", "forward", "forward", "forward", "forward", "backward"]
    assert lengths == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (4, 4)]
    assert demo.status == "done" and demo.step_count == 5
    demo.back()
    assert demo.state()["phase"] == "forward" and demo.status == "running"
    assert len(demo.state()["hidden"]) == 4
    for _k in range(10):
        demo.back()
    assert demo.step_count == 0 and demo.state()["phase"] == "rolled"
    demo.to_end()
    assert demo.state()["phase"] == "backward" and demo.status == "done"
    assert len(demo.state()["gradient_norms"]) == 4


def test_the_last_two_steps_have_the_same_input_but_different_h() -> None:
    """The slide: „Vaata kahte viimast sammu: sisend on mõlemal „s“, aga peitseisund h on
    erinev“."""
    demo = RecurrentNetwork(word="kass", hidden=3, mode="seeded")
    demo.run(4)
    state = demo.state()
    assert state["inputs"][2] == state["inputs"][3]
    assert np.max(np.abs(np.subtract(state["hidden"][2], state["hidden"][3]))) > 0.01
    assert demo.same_input_before(4) == 3 and demo.same_input_before(3) is None
    assert any("Same input as in step 3, but h₃" in line for line in rnn_lines(demo))


def test_scaling_w_keeps_the_view_and_changes_the_gradient() -> None:
    demo = RecurrentNetwork()
    demo.to_end()
    before = demo.state()
    demo.scale_recurrent(2)
    after = demo.state()
    assert after["phase"] == "backward" and demo.status == "done"
    assert after["w_scale"] == 2.0
    np.testing.assert_allclose(after["weights"]["W"], np.multiply(before["weights"]["W"], 2))
    assert after["weights"]["V"] == before["weights"]["V"]
    assert after["gradient_norms"][0] != pytest.approx(before["gradient_norms"][0])
    for _k in range(20):  # held at 64 × W: the numbers stay finite (σ saturates)
        demo.scale_recurrent(2)
    assert demo.w_scale == 64.0 and demo.status == "done"
    assert all(np.isfinite(demo.state()["gradient_norms"]))
    for _k in range(20):
        demo.scale_recurrent(0.5)
    assert demo.w_scale == 1 / 64
    assert demo.changed().w_scale == 1.0  # a new run starts from the weights as drawn


def test_state_is_json_and_changed_settings_make_a_new_run() -> None:
    demo = RecurrentNetwork(word="tere", hidden=2)
    demo.run(3)
    data = json.loads(json.dumps(demo.to_json()))
    assert data["demo"] == "rnn" and data["params"]["word"] == "tere"
    assert {
        "word",
        "mode",
        "phase",
        "inputs",
        "hidden",
        "outputs",
        "gradient_norms",
        "w_scale",
    } <= set(data["state"])
    other = demo.changed(hidden=5)
    assert other.step_count == 0 and np.array(other.state()["weights"]["W"]).shape == (5, 5)


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ({"word": "a" * 13}, "at most 12 characters"),
        ({"hidden": "9"}, "“hidden” must be between 1 and 8"),
        ({"mode": "learnt"}, "choose one of: seeded, trained"),
    ],
)
def test_bad_settings_are_refused(settings: dict[str, str], fragment: str) -> None:
    with pytest.raises(DemoSettingError) as caught:
        create_simulation("rnn", settings)
    assert fragment in str(caught.value)


def test_a_word_of_one_letter_still_steps_and_goes_backward() -> None:
    demo = RecurrentNetwork(word="a", mode="trained")
    demo.to_end()
    state = demo.state()
    assert state["phase"] == "backward" and state["gradient_norms"] == pytest.approx([np.sqrt(3)])
    assert state["training_error"] is None
