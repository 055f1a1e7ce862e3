"""The playground: seeded toy data, engine training that learns XOR, honest numbers, no noise."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from oppija import i18n
from oppija.engine.losses import cross_entropy
from oppija.engine.nn import MLP
from oppija.engine.tensor import Tensor
from oppija.scenes.words.playground import playground_readout
from oppija.scenes.words.status import status_sentence
from oppija.sims import playground
from oppija.sims.playground import (
    DATASETS,
    POINTS,
    Playground,
    binary_loss,
    class_probability,
    scores,
    toy_data,
)
from oppija.sims.settings import DemoSettingError

pytestmark = pytest.mark.filterwarnings("error")  # no RuntimeWarning may escape


def test_xor_reaches_full_training_accuracy_with_its_seed() -> None:
    """The default run (XOR, 2 × 4 tanh, α = 0,6, seed 1, full-batch descent) gets every
    training point right at epoch 166, its error falling all the way; the test allows 180."""
    sim = Playground()
    assert sim.params.dataset == "xor"
    for _epoch in range(180):
        if sim.state()["train_accuracy"] == 1.0:
            break
        sim.step()
    assert sim.state()["train_accuracy"] == 1.0
    assert sim.epoch == 166
    assert all(b <= a for a, b in zip(sim.losses, sim.losses[1:], strict=False))
    assert sim.state()["test_accuracy"] >= 0.95
    assert sim.losses[-1] < sim.losses[0] / 3


@pytest.mark.parametrize("name", DATASETS)
def test_toy_data_are_seeded_inside_the_square_and_labelled_as_their_shape(name: str) -> None:
    xs, labels = toy_data(name, POINTS, np.random.default_rng(5))
    again, _same = toy_data(name, POINTS, np.random.default_rng(5))
    other, _labels = toy_data(name, POINTS, np.random.default_rng(6))
    assert xs.shape == (POINTS, 2) and np.array_equal(xs, again) and not np.array_equal(xs, other)
    assert np.all(np.abs(xs) <= 1.0)
    assert set(labels.tolist()) == {0, 1}
    if name == "xor":
        assert np.array_equal(labels, (np.sign(xs[:, 0]) == np.sign(xs[:, 1])).astype(int))
        assert np.all(np.abs(xs) >= 0.1)  # kept away from the axes
    else:
        assert labels.sum() == POINTS // 2
    if name == "circle":
        radius = np.hypot(xs[:, 0], xs[:, 1])
        assert np.all(radius[labels == 1] <= 0.5) and np.all(radius[labels == 0] >= 0.7)


def test_the_split_is_70_30_and_new_data_takes_the_next_seed() -> None:
    sim = Playground(dataset="moons", seed=4)
    state = sim.state()
    assert (state["train_points"], state["test_points"]) == (140, 60)
    before = sim.data.train_x.copy()
    sim.run(3)
    version = sim.version
    sim.new_data()
    assert sim.params.seed == 5 and sim.settings["seed"] == 5
    assert sim.epoch == 0 and sim.step_count == 0 and sim.version > version
    assert not np.array_equal(before, sim.data.train_x)
    assert np.array_equal(Playground(dataset="moons", seed=5).data.train_x, sim.data.train_x)


def test_reset_keeps_the_data_and_starts_the_same_weights_again() -> None:
    sim = Playground(dataset="circle")
    start = [p.data.copy() for p in sim.network.parameters()]
    sim.run(5)
    first_losses = list(sim.losses)
    sim.reset()
    assert sim.epoch == 0
    again = sim.network.parameters()
    assert all(np.array_equal(a, p.data) for a, p in zip(start, again, strict=True))
    sim.run(5)
    assert sim.losses == first_losses  # the shuffling is seeded too


def test_binary_loss_is_the_cross_entropy_of_sigmoid() -> None:
    """z = 0 for a class-1 point: −ln σ(0) = ln 2; z = ln 3 for a class-0 point:
    −ln(1 − σ(ln 3)) = −ln(1/4) = ln 4; their mean is 1,5 · ln 2."""
    logits = Tensor(np.array([[0.0], [math.log(3.0)]]), requires_grad=True)
    loss = binary_loss(logits, np.array([1, 0]))
    assert float(loss.data) == pytest.approx(1.5 * math.log(2.0))
    loss.backward()
    assert logits.grad is not None  # ∂/∂z = (σ(z) − y)/n: (½ − 1)/2 and (¾ − 0)/2
    assert logits.grad[:, 0] == pytest.approx([-0.25, 0.375])


def numpy_logits(sim: Playground, xs: np.ndarray) -> np.ndarray:
    """The network's output computed independently with NumPy from its weights."""
    layers = sim.network.layers
    out = xs
    for layer in layers[:-1]:
        out = np.tanh(out @ layer.weight.data + layer.bias.data)
    return (out @ layers[-1].weight.data + layers[-1].bias.data)[:, 0]


def test_accuracies_and_losses_agree_with_an_independent_forward_pass() -> None:
    sim = Playground(dataset="moons")
    sim.run(20)
    z = numpy_logits(sim, sim.data.test_x)
    y = sim.data.test_y
    p = 1 / (1 + np.exp(-z))
    expected_loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert sim.state()["test_accuracy"] == pytest.approx(np.mean((z > 0) == (y == 1)))
    assert sim.state()["test_losses"][-1] == pytest.approx(expected_loss)
    assert class_probability(sim.network, sim.data.test_x) == pytest.approx(p)


def test_the_probability_map_is_one_cached_forward_pass_over_the_grid() -> None:
    sim = Playground()
    grid = sim.probability_map((-1.0, 1.0), (-1.0, 2.0), 5, 4)
    assert grid.shape == (4, 5)  # rows are y (from the bottom), columns x
    assert sim.probability_map((-1.0, 1.0), (-1.0, 2.0), 5, 4) is grid  # unchanged weights
    z = numpy_logits(sim, np.array([[1.0, -1.0], [-1.0, 2.0]]))
    assert [grid[0, 4], grid[3, 0]] == pytest.approx(1 / (1 + np.exp(-z)))
    sim.step()
    assert sim.probability_map((-1.0, 1.0), (-1.0, 2.0), 5, 4) is not grid


def test_state_is_json_with_the_issue_s_keys() -> None:
    sim = Playground(dataset="spiral", layers=3, units=8, activation="relu", lr=0.1)
    sim.run(4)
    data = json.loads(json.dumps(sim.to_json()))
    state = data["state"]
    assert data["demo"] == "playground" and data["step"] == 4
    assert {"train_accuracy", "test_accuracy", "losses", "test_losses", "epoch"} <= set(state)
    assert state["epoch"] == 4 and len(state["losses"]) == len(state["test_losses"]) == 5
    assert state["sizes"] == [2, 8, 8, 8, 1]
    assert data["params"]["dataset"] == "spiral"


def test_settings_are_checked_and_changed_starts_a_new_run() -> None:
    sim = Playground()
    sim.run(2)
    other = sim.changed(dataset="circle", units="3")
    assert isinstance(other, Playground)
    assert (other.params.dataset, other.params.units, other.epoch) == ("circle", 3, 0)
    with pytest.raises(DemoSettingError):
        Playground(units=9)
    with pytest.raises(DemoSettingError):
        Playground(dataset="blobs")


def test_the_step_limit_ends_the_run() -> None:
    sim = Playground(steps=5)
    sim.run(50)
    assert (sim.status, sim.epoch) == ("done", 5)
    assert "5" in status_sentence(sim)


def test_blown_up_weights_end_the_run_as_diverged_without_a_warning() -> None:
    sim = Playground()
    sim.network.layers[0].weight.data[0, 0] = math.nan
    sim.step()
    assert sim.status == "diverged"
    assert json.dumps(sim.to_json())  # NaN became null
    assert sim.to_json()["state"]["losses"][-1] is None
    sim.step()  # an ended run stays put
    assert sim.epoch == 1


def test_readout_uses_the_active_number_format() -> None:
    sim = Playground()
    sim.run(3)
    i18n.set_language("et")
    try:
        text = "\n".join(playground_readout(sim))
    finally:
        i18n.set_language("en")
    assert "0," in text and "%" in text
    assert all(line.isascii() for line in playground_readout(Playground(), ascii_only=True))


def test_an_epoch_computes_one_cross_entropy_and_scores_wait_until_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The training step's error is the only cross-entropy an epoch computes; the errors and
    accuracies on the training and test points are computed when something reads them."""
    calls = []

    def counted(logits: Tensor, target: np.ndarray) -> Tensor:
        calls.append(len(target))
        return cross_entropy(logits, target)

    monkeypatch.setattr(playground, "cross_entropy", counted)
    sim = Playground()
    calls.clear()
    sim.run(50)
    assert calls == [len(sim.data.train_x)] * 50
    assert len(sim.losses) == len(sim.test_accuracies) == 51


def test_an_epoch_runs_the_network_once_and_its_scores_need_no_pass_of_their_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An epoch's one forward pass is the training pass: whether it diverged follows from its
    weights, and the scores of many epochs come from one pass over their stacked weights."""
    passes = []
    forward = MLP.forward

    def counted(network: MLP, x: Tensor) -> Tensor:
        passes.append(len(x.data))
        return forward(network, x)

    monkeypatch.setattr(MLP, "__call__", counted)
    sim = Playground()
    passes.clear()
    sim.run(50)
    assert passes == [len(sim.data.train_x)] * 50
    assert len(sim.losses) == 51 and passes == [len(sim.data.train_x)] * 50


def stacked_passes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """(epochs, points) of every stacked scoring pass from now on."""
    passes: list[tuple[int, int]] = []
    stacked = playground.epoch_logits

    def counted(network: MLP, snapshots: np.ndarray, points: np.ndarray) -> np.ndarray:
        passes.append((len(snapshots), len(points)))
        return stacked(network, snapshots, points)

    monkeypatch.setattr(playground, "epoch_logits", counted)
    return passes


def test_the_training_points_are_scored_from_the_next_epochs_training_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The training pass of epoch k + 1 starts from epoch k's weights, so its logits score epoch
    k on the training points: only the test points, and the last epoch's training points, need
    a forward pass of their own when the scores are read."""
    passes = stacked_passes(monkeypatch)
    sim = Playground()
    sim.run(50)
    assert len(sim.losses) == 51
    assert passes == [(51, len(sim.data.test_x)), (1, len(sim.data.train_x))]


def test_an_epoch_read_at_once_is_scored_in_one_pass_over_every_point(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A widget reads the scores after every epoch: no training pass has scored it yet, so one
    stacked pass over all the points does it (not one for the test and one for the training
    points)."""
    passes = stacked_passes(monkeypatch)
    sim = Playground()
    for _ in range(4):
        assert len(sim.losses) == sim.epoch + 1
        sim.step()
    assert passes == [(1, POINTS)] * 4


def test_weights_changed_between_epochs_do_not_score_the_epoch_before() -> None:
    """An epoch is scored with the weights it ended with, even when something changed them
    before the next epoch's training pass (whose logits then belong to no epoch)."""
    sim = Playground()
    sim.run(3)
    ended_with = scores(sim.network, sim.data)
    sim.network.layers[0].weight.data[0, 0] += 0.5
    sim.run(2)
    loss, accuracy, test_loss, test_accuracy = ended_with
    assert sim.losses[3] == pytest.approx(loss, rel=1e-12) and sim.train_accuracies[3] == accuracy
    assert sim.test_losses[3] == pytest.approx(test_loss, rel=1e-12)
    assert sim.test_accuracies[3] == test_accuracy
    assert len(sim.losses) == 6


@pytest.mark.parametrize(
    ("dataset", "activation"), [("xor", "tanh"), ("spiral", "relu"), ("moons", "sigmoid")]
)
def test_scores_read_later_are_the_very_floats_of_each_epoch(dataset: str, activation: str) -> None:
    """Scored many epochs at once when read, each number is the float that scoring that epoch
    alone gives (the transfer demo's eager ``scores``): --json and the picture are unchanged."""
    later = Playground(dataset=dataset, activation=activation, layers=3, units=5)
    later.run(40)
    eager = Playground(dataset=dataset, activation=activation, layers=3, units=5)
    each = [scores(eager.network, eager.data)]
    for _ in range(40):
        eager.step()
        each.append(scores(eager.network, eager.data))
    columns = (list(column) for column in zip(*each, strict=True))
    train_loss, train_accuracy, test_loss, test_accuracy = columns
    # Exactly equal on the machine that wrote this; 12 digits allow another CPU's BLAS to round
    # a row of a stacked product in its last bit (what is printed and drawn stays the same).
    assert later.losses == pytest.approx(train_loss, rel=1e-12)
    assert later.test_losses == pytest.approx(test_loss, rel=1e-12)
    assert later.train_accuracies == train_accuracy and later.test_accuracies == test_accuracy
    assert later.epoch == eager.epoch == 40


def test_logits_too_large_for_a_finite_error_end_the_run_at_that_epoch() -> None:
    """Finite weights whose logits overflow the error end the run at once; large logits whose
    error is still a number (about 2·10³⁰⁰) do not."""
    overflowing, large = Playground(), Playground()
    for sim, weight in ((overflowing, 1e308), (large, 1e300)):
        sim.run(2)
        sim.network.layers[-1].weight.data[:] = weight
        sim.step()
    assert overflowing.status == "diverged" and overflowing.state()["losses"][-1] is None
    assert large.status == "running" and 1e300 < large.losses[-1] < 1e303
