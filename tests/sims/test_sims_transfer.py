"""Transfer learning: pre-training beats scratch on the small task; frozen layers stay frozen."""

from __future__ import annotations

import json

import numpy as np
import pytest

from oppija import i18n
from oppija.scenes.words.status import status_sentence
from oppija.sims.settings import DemoSettingError
from oppija.sims.transfer import TASK_POINTS, TransferLearning, pretrained

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize("mode", ["last", "all"])
def test_pretraining_beats_scratch_on_the_small_task_with_the_fixed_seeds(mode: str) -> None:
    """Seed 3, 200 epochs: fine-tuned 88 % (last) / 92 % (all) of new points, scratch 73 %."""
    sim = TransferLearning(mode=mode)
    sim.run(10_000)
    assert (sim.status, sim.epoch) == ("done", 200)
    curves = sim.state()["curves"]
    tuned, scratch = curves["fine_tuned"], curves["scratch"]
    assert tuned["test_accuracies"][-1] > scratch["test_accuracies"][-1] + 0.1
    assert tuned["test_losses"][-1] < scratch["test_losses"][-1]
    # it also learns faster: after 20 epochs the fine-tuned error has fallen, scratch's barely
    assert tuned["losses"][20] < 0.8 * tuned["losses"][0]
    assert scratch["losses"][20] > 0.95 * scratch["losses"][0]
    assert sim.winner() == "fine_tuned"
    assert sim.state()["winner"] == "fine_tuned"


def test_pretraining_learnt_task_one() -> None:
    body, accuracy = pretrained(3)
    assert accuracy > 0.95
    assert [array.shape for array in body] == [(2, 8), (8,), (8, 8), (8,)]
    assert not body[0].flags.writeable  # shared by every run with this seed


def test_last_mode_freezes_the_pretrained_layers_and_trains_only_the_new_one() -> None:
    sim = TransferLearning(mode="last")
    body, _accuracy = pretrained(sim.params.seed)
    tuned = sim.runs["fine_tuned"].network
    scratch = sim.runs["scratch"].network
    # the same new output layer for both: pre-training is the only difference
    assert np.array_equal(tuned.layers[-1].weight.data, scratch.layers[-1].weight.data)
    head_before = tuned.layers[-1].weight.data.copy()
    sim.run(5)
    assert np.array_equal(tuned.layers[0].weight.data, body[0])
    assert np.array_equal(tuned.layers[1].bias.data, body[3])
    assert not np.array_equal(tuned.layers[-1].weight.data, head_before)
    # 8 weights + 1 bias learn, against (2·8 + 8) + (8·8 + 8) + (8 + 1) = 105 from scratch
    assert sim.trainable_parameters == {"fine_tuned": 9, "scratch": 105}


def test_all_mode_trains_every_layer() -> None:
    sim = TransferLearning(mode="all")
    body, _accuracy = pretrained(sim.params.seed)
    sim.run(3)
    assert not np.array_equal(sim.runs["fine_tuned"].network.layers[0].weight.data, body[0])
    assert sim.trainable_parameters == {"fine_tuned": 105, "scratch": 105}


def test_state_is_json_and_the_outcome_comes_when_done() -> None:
    sim = TransferLearning(steps=4)
    sim.run(2)
    state = json.loads(json.dumps(sim.to_json()))["state"]
    assert state["mode"] == "last" and state["epoch"] == 2
    assert set(state["curves"]) == {"fine_tuned", "scratch"}
    assert all(len(curve["losses"]) == 3 for curve in state["curves"].values())
    assert state["task"]["train_points"] == TASK_POINTS
    assert state["winner"] is None and status_sentence(sim) == ""
    sim.run(10)
    state = sim.state()
    assert sim.status == "done" and state["epoch"] == 4
    assert state["winner"] in ("fine_tuned", "scratch", "tie")
    assert "4 epochs" in status_sentence(sim)


def test_the_outcome_is_reworded_in_the_active_language() -> None:
    """Worded when read: after a language switch its numbers follow the new language."""
    sim = TransferLearning(steps=3)
    sim.run(3)
    accuracy = sim.runs["fine_tuned"].test_accuracies[-1]
    assert i18n.format_percent(accuracy) in status_sentence(sim)
    i18n.set_language("et")
    try:
        estonian_percent = i18n.format_percent(accuracy)
        estonian = status_sentence(sim)
    finally:
        i18n.set_language("en")
    assert estonian_percent != i18n.format_percent(accuracy)  # "88 %" against "88%"
    assert estonian_percent in estonian


def test_the_same_seed_gives_the_same_run_and_settings_are_checked() -> None:
    one, two = TransferLearning(seed=5), TransferLearning(seed=5)
    one.run(5)
    two.run(5)
    assert one.state() == two.state()
    with pytest.raises(DemoSettingError):
        TransferLearning(mode="middle")
    other = one.changed(mode="all")
    assert isinstance(other, TransferLearning) and other.params.seed == 5 and other.epoch == 0
