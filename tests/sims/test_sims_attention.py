"""The attention demo: weights equal softmax(QKᵀ/√dₖ) done by hand, the trained decoder copies
and reverses, the heads look at the right input word, and stepping works both ways."""

from __future__ import annotations

import json

import numpy as np
import pytest

from oppija.sims import DEMOS, DemoSettingError, create_simulation
from oppija.sims.attention import Attention
from oppija.sims.attention_model import END, trained_model

pytestmark = pytest.mark.filterwarnings("error")

DEFAULT = ["See", "on", "meie", "sisendlause"]
EIGHT = "üks kaks kolm neli viis kuus seitse kaheksa"


def softmax_rows(a: np.ndarray) -> np.ndarray:
    e = np.exp(a - a.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def head_columns(matrix: np.ndarray, head: int, dk: int) -> np.ndarray:
    return matrix[:, head * dk : (head + 1) * dk]


def by_hand_x(demo: Attention) -> np.ndarray:
    """X = word vector + position vector, straight from the model's matrices."""
    m = demo.model.matrices
    tokens = [demo.model.vocabulary.words.index(w) for w in demo.params.words]
    return m["embed"][tokens] + m["positions"][: len(tokens)]


def test_registered_and_defaults_are_the_slides() -> None:
    assert DEMOS["attention"].simulation_class() is Attention
    demo = Attention()
    state = demo.state()
    assert state["sentence"] == DEFAULT
    assert (state["heads"], state["task"], state["view"]) == (2, "reverse", "decoding")
    assert state["output"] == [] and state["position"] == 0
    assert state["target"] == ["sisendlause", "meie", "on", "See", END]


@pytest.mark.parametrize("heads", [1, 2, 3, 5, 8])
def test_encoder_weights_are_softmax_of_scaled_scores_and_z_times_wo_is_the_product(
    heads: int,
) -> None:
    demo = Attention(heads=heads)
    m, walk = demo.model.matrices, demo.walk
    dk = demo.model.head_width
    x = by_hand_x(demo)
    assert np.allclose(walk["X"], x)
    zs = []
    for head in range(heads):
        q = x @ head_columns(m["encoder_q"], head, dk)
        k = x @ head_columns(m["encoder_k"], head, dk)
        v = x @ head_columns(m["encoder_v"], head, dk)
        weights = softmax_rows(q @ k.T / np.sqrt(dk))
        assert np.allclose(walk["weights"][head], weights)
        assert np.allclose(walk["weights"][head].sum(axis=1), 1.0)
        zs.append(weights @ v)
        assert np.allclose(walk["Z"][head], weights @ v)
    concat = np.concatenate(zs, axis=1)
    assert concat.shape == (4, heads * dk)
    assert np.allclose(walk["concat"], concat)
    assert np.allclose(walk["output"], concat @ m["encoder_o"])
    assert walk["output"].shape == x.shape  # the same shape as the input, as on the slide


@pytest.mark.parametrize("heads", [1, 2, 4, 8])
def test_decoding_weights_are_softmax_of_the_decoders_query_against_the_input_keys(
    heads: int,
) -> None:
    demo = Attention(heads=heads)
    demo.to_end()
    m, vocabulary = demo.model.matrices, demo.model.vocabulary
    dk = demo.model.head_width
    x = by_hand_x(demo)
    weights = np.array(demo.state()["weights"])
    assert weights.shape == (heads, 5, 4)  # heads × output steps × input words
    previous = [vocabulary.start] + [vocabulary.words.index(w) for w in demo.output[:-1]]
    for step, word in enumerate(previous):
        query_input = m["decoder_embed"][word] + m["decoder_positions"][step]
        for head in range(heads):
            q = query_input @ head_columns(m["q"], head, dk)
            k = x @ head_columns(m["k"], head, dk)
            expected = softmax_rows((q @ k.T / np.sqrt(dk))[None, :])[0]
            assert np.allclose(weights[head, step], expected)
            assert weights[head, step].sum() == pytest.approx(1.0)


@pytest.mark.parametrize("heads", range(1, 9))
@pytest.mark.parametrize("task", ["reverse", "copy"])
def test_the_trained_decoder_writes_the_right_words_and_looks_at_the_right_input_word(
    heads: int, task: str
) -> None:
    demo = Attention(heads=heads, task=task)
    demo.to_end()
    state = demo.state()
    expected = DEFAULT[::-1] if task == "reverse" else DEFAULT
    assert state["output"] == [*expected, END]
    assert demo.status == "done"
    weights = np.array(state["weights"])[:, :4, :]  # the word steps, without ⟨lõpp⟩
    mirrored = [3, 2, 1, 0] if task == "reverse" else [0, 1, 2, 3]
    assert weights.mean(axis=0).argmax(axis=1).tolist() == mirrored
    if heads <= 2:  # one or two heads: each of them finds the word by itself
        assert weights.argmax(axis=2).tolist() == [mirrored] * heads


@pytest.mark.parametrize(
    ("sentence", "task"), [("Tere", "reverse"), (EIGHT, "reverse"), (EIGHT, "copy")]
)
def test_a_typed_sentence_of_one_or_eight_words_is_decoded(sentence: str, task: str) -> None:
    demo = create_simulation("attention", {"sentence": sentence, "task": task})
    demo.to_end()
    words = sentence.split()
    expected = words[::-1] if task == "reverse" else words
    assert demo.state()["output"] == [*expected, END]
    weights = np.array(demo.state()["weights"])
    assert weights.shape == (2, len(words) + 1, len(words))
    order = list(range(len(words)))
    assert weights[:, : len(words)].mean(axis=0).argmax(axis=1).tolist() == (
        order[::-1] if task == "reverse" else order
    )


def test_steps_write_one_word_each_back_takes_it_away_and_the_end_is_done() -> None:
    demo = Attention()
    demo.step()
    assert demo.state()["output"] == ["sisendlause"]
    assert np.array(demo.state()["weights"]).shape == (2, 1, 4)
    top = demo.state()["probabilities"]
    assert top[0]["word"] == "sisendlause" and top[0]["probability"] > 0.5
    assert sum(p["probability"] for p in top) <= 1.0 + 1e-9
    demo.step()
    assert demo.state()["output"] == ["sisendlause", "meie"]
    demo.back()
    assert demo.state()["output"] == ["sisendlause"]
    demo.back()
    demo.back()  # nothing before the start
    assert demo.step_count == 0 and demo.state()["weights"] == [[], []]
    demo.to_end()
    assert demo.status == "done" and demo.step_count == 5
    demo.step()  # an ended run stays where it is
    assert demo.step_count == 5
    demo.back()
    assert demo.status == "running" and demo.state()["output"][-1] == "See"


def test_the_walk_through_has_five_stages_and_reports_the_encoder_weights() -> None:
    demo = Attention(heads=4)
    version = demo.version
    demo.next_view()
    assert demo.version > version
    state = demo.state()
    assert (state["view"], state["stage"], state["total"]) == ("steps", 1, 4)
    assert np.array(state["weights"]).shape == (4, 4, 4)  # heads × words × words
    assert state["weights"] == state["encoder_weights"]
    demo.run(10)
    assert (demo.stage, demo.status) == (5, "done")
    assert demo.state()["shapes"] == {
        "X": [4, 16],
        "W_Q": [16, 4],
        "Q": [4, 4],
        "scores": [4, 4],
        "concat": [4, 16],
        "W_O": [16, 16],
        "output": [4, 16],
    }
    demo.set_view("decoding")
    assert (demo.step_count, demo.status) == (0, "running")


def test_the_chosen_head_goes_round_and_survives_a_change() -> None:
    demo = Attention(heads=2)
    demo.choose_head(1)
    assert demo.state()["head"] == 2
    demo.choose_head(1)
    assert demo.state()["head"] == 1
    demo.choose_head(-1)
    again = demo.changed(task="copy")
    assert (again.head, again.view, again.params.task) == (1, "decoding", "copy")
    fewer = again.changed(heads=1)
    assert fewer.head == 0  # clamped to the heads there are


def test_training_is_cached_per_setting_and_the_json_is_plain() -> None:
    first = Attention(heads=3, task="copy")
    second = first.changed()
    assert second.model is first.model
    assert trained_model(3, "copy", tuple(DEFAULT), 0) is first.model
    other_seed = first.changed(seed=5)
    assert other_seed.model is not first.model
    first.to_end()
    json.dumps(first.to_json())  # everything plain data


@pytest.mark.parametrize(
    "settings",
    [
        {"sentence": "   "},
        {"sentence": "a b c d e f g h i"},
        {"heads": "9"},
        {"task": "sort"},
        {"sentence": "a" * 61},
    ],
)
def test_bad_settings_are_refused_with_a_message(settings: dict[str, str]) -> None:
    with pytest.raises(DemoSettingError):
        create_simulation("attention", settings)
    with pytest.raises(DemoSettingError):
        Attention(view="sideways")


def test_repeated_words_share_one_vocabulary_entry() -> None:
    demo = Attention(sentence="a b a", task="copy")
    assert demo.state()["vocabulary"] == ["a", "b", END]
    demo.to_end()
    assert demo.state()["output"] == ["a", "b", "a", END]
