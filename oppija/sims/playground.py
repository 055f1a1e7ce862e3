"""TensorFlow Playground in a terminal: a small MLP learns to separate 2-D toy data, live.

The data sets are seeded and lie in the square [−1; 1]²: ``xor`` (the four quadrants, kept a
little away from the axes), ``circle`` (a disc inside a ring), ``moons`` (two interleaved half
circles) and ``spiral`` (two arms). 200 points, 30 % of them held out as a test set. The network
is the engine's :class:`~oppija.engine.nn.MLP` with one output, the class-1 logit z; the error is
the cross-entropy of σ(z), computed from the logits (a stable log-softmax over [0, z]).

One step is one epoch: the training points shuffled and taken in a few mini-batches (one
gradient step each). The epoch keeps a copy of its weights (a few dozen numbers); whether the run
diverged follows from them at once (a bound on the logits, see :func:`logit_bound`), and the
error and the accuracy on the training and test sets are computed only when read (a drawn frame,
``state()``): an epoch's logits on the training points come with the next epoch's training pass,
which starts from its weights, and the rest from one forward pass over the stacked weights of
every epoch not yet scored, so a run of many epochs without a picture (``oppija demo --steps``)
pays for no forward pass of its own per epoch. The decision map — the class-1 probability over
a grid — is one batched forward pass without a graph, cached until the weights change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np

from oppija.arrays import Array
from oppija.engine.losses import cross_entropy
from oppija.engine.nn import MLP, activate
from oppija.engine.optim import SGD
from oppija.engine.tensor import Tensor, no_grad
from oppija.i18n import N_
from oppija.sims.base import plain
from oppija.sims.demo import Demo
from oppija.sims.params import SEED_MAX
from oppija.sims.plain import Json

DATASETS = ("xor", "circle", "moons", "spiral")
# What the picture's title calls each data set (translated when shown).
DATASET_TITLES = {
    "xor": N_("XOR"),
    "circle": N_("circle"),
    "moons": N_("two moons"),
    "spiral": N_("spiral"),
}
POINTS = 200
TEST_FRACTION = 0.3
BATCHES = 1  # full-batch gradient descent, as in the lecture: one step an epoch (a frame)
VIEW = (-1.1, 1.1)  # the map shows the data square with a small margin
# [0, z] as logits: softmax over them is [1 − σ(z), σ(z)], so class 1 has probability σ(z).
TWO_CLASS = np.array([[0.0, 1.0]])
# Logits no larger than this keep the error finite: a point's cross-entropy is at most |z| + log 2,
# and the mean of a few hundred such numbers stays far below float64's 1,8·10³⁰⁸.
SAFE_LOGIT = 1e300
# Activations whose outputs lie in [−1; 1] whatever goes in (a bound on the next layer's inputs).
BOUNDED_ACTIVATIONS = ("tanh", "sigmoid")
# Epochs scored at once: bounds the arrays of a long run read at its end (epochs × points × 2).
SCORED_AT_ONCE = 1000


# ----------------------------------------------------------------------------- toy data
def toy_data(name: str, points: int, rng: np.random.Generator) -> tuple[Array, Array]:
    """``points`` seeded 2-D points in [−1; 1]² and their labels 0/1 (half of each, but xor)."""
    if name == "xor":
        raw = rng.uniform(-1.0, 1.0, (points, 2))
        xs = np.sign(raw) * (0.1 + 0.9 * np.abs(raw))  # 0,1 away from the axes: a clean task
        return xs, (xs[:, 0] * xs[:, 1] > 0).astype(np.intp)
    ones = points // 2
    labels = np.concatenate([np.ones(ones, np.intp), np.zeros(points - ones, np.intp)])
    if name == "circle":
        inner = rng.uniform(0.0, 0.5, ones)
        outer = rng.uniform(0.7, 1.0, points - ones)
        radius = np.concatenate([inner, outer])
        angle = rng.uniform(0.0, 2 * math.pi, points)
        xs = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    elif name == "moons":
        t = rng.uniform(0.0, math.pi, points)
        upper = np.column_stack([np.cos(t), np.sin(t)])  # class 0: the upper moon
        lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])  # class 1, interleaved
        xs = np.where((labels == 1)[:, None], lower, upper) + rng.normal(0.0, 0.08, (points, 2))
        xs = (xs - [0.5, 0.25]) / 1.6  # x from −1 to 2, y from −0,5 to 1 -> inside [−1; 1]²
    elif name == "spiral":
        t = rng.uniform(0.08, 1.0, points)
        angle = 1.75 * 2 * math.pi * t + math.pi * labels
        xs = np.column_stack([t * np.cos(angle), t * np.sin(angle)])
        xs += rng.normal(0.0, 0.02, (points, 2))
    else:
        raise ValueError(f"unknown data set {name!r}")
    return np.clip(xs, -1.0, 1.0), labels


class Split(NamedTuple):
    """A data set divided into the points the network learns from and the points it is tested on."""

    train_x: Array
    train_y: Array
    test_x: Array
    test_y: Array


def split(xs: Array, labels: Array, test_fraction: float, rng: np.random.Generator) -> Split:
    """A seeded random train/test split (the test set: ``test_fraction`` of the points)."""
    order = rng.permutation(len(xs))
    test = round(len(xs) * test_fraction)
    train_idx, test_idx = order[test:], order[:test]
    return Split(xs[train_idx], labels[train_idx], xs[test_idx], labels[test_idx])


# ----------------------------------------------------------------------------- the network
def binary_loss(logits: Tensor, labels: Array) -> Tensor:
    """Cross-entropy of σ(z) against labels 0/1, from the logits z (shape n × 1)."""
    return cross_entropy(logits * TWO_CLASS, labels)


def train_epoch(
    network: MLP,
    optimiser: SGD,
    xs: Array,
    labels: Array,
    batches: int,
    rng: np.random.Generator,
) -> Array | None:
    """One pass over the data in ``batches`` shuffled mini-batches, one gradient step each.

    ``labels`` are 0/1 or one-hot rows. Returns the logits z of the points, in their order, at
    the weights the epoch started from, when the pass was one batch (its forward pass computed
    them all); None for several batches, each of which saw other weights.
    """
    order = rng.permutation(len(xs))
    # One batch is the whole shuffled order (array_split would cost a twentieth of the epoch).
    chunks = [order] if batches == 1 else np.array_split(order, min(batches, len(xs)))
    for chunk in chunks:
        logits = network(Tensor.lift(xs[chunk]))
        loss = binary_loss(logits, labels[chunk])
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    if len(chunks) != 1:
        return None
    start = np.empty(len(xs))
    start[order] = logits.data[:, 0]
    return start


def class_probability(network: MLP, xs: Array) -> Array:
    """P(class 1) = σ(z) for each row of ``xs``, in one forward pass without a graph."""
    with no_grad():
        z = network(Tensor.lift(xs)).data[:, 0]
    return Tensor.lift(z).sigmoid().data


def scores(network: MLP, data: Split) -> tuple[float, float, float, float]:
    """The error (cross-entropy) and the accuracy (share of points on the right side) on the
    training and on the test points, from one forward pass over both."""
    train = len(data.train_x)
    with no_grad():
        logits = network(Tensor.lift(np.concatenate([data.train_x, data.test_x])))
        numbers = []
        for rows, labels in ((slice(None, train), data.train_y), (slice(train, None), data.test_y)):
            part = logits[rows]
            if len(labels) == 0:
                numbers += [math.nan, math.nan]
                continue
            numbers.append(float(binary_loss(part, labels).data))
            numbers.append(float(np.mean((part.data[:, 0] > 0) == (labels == 1))))
    train_loss, train_accuracy, test_loss, test_accuracy = numbers
    return train_loss, train_accuracy, test_loss, test_accuracy


def epoch_losses(logits: Array, labels: Array) -> Array:
    """:func:`binary_loss` for many epochs at once: ``logits`` holds one row of z per epoch.

    The same engine ops on the same numbers, stacked, so each epoch's error is the very float
    that ``binary_loss`` gives for that epoch alone (a test holds them equal).
    """
    one_hot = np.eye(2)[labels.astype(np.intp)]  # as cross_entropy builds it
    with no_grad():
        log_probabilities = (Tensor(logits[..., None]) * TWO_CLASS).log_softmax(axis=-1)
        return (-(Tensor(one_hot) * log_probabilities).sum(axis=-1).mean(axis=-1)).data


def epoch_accuracies(logits: Array, labels: Array) -> Array:
    """The share of points on the right side of z = 0, per epoch (one row of z per epoch)."""
    right: Array = np.mean((logits > 0) == (labels == 1), axis=-1)
    return right


def layer_weights(network: MLP) -> list[Tensor]:
    """The network's weights and biases, layer by layer: the order of a weight snapshot."""
    return [p for layer in network.layers for p in (layer.weight, layer.bias) if p is not None]


def weight_snapshot(network: MLP) -> Array:
    """Every weight and bias of ``network`` in one flat copy (:func:`layer_weights`' order)."""
    return np.concatenate([p.data.ravel() for p in layer_weights(network)])


def epoch_logits(network: MLP, snapshots: Array, points: Array) -> Array:
    """The logits z over ``points`` for many epochs at once: row e of the result is what
    ``network`` gives with the weights of ``snapshots[e]`` (a :func:`weight_snapshot` each).

    The network's own ops (x·W + b, then its activation) on the weights stacked along a first
    axis: NumPy runs each epoch's products as it runs them for that epoch alone, so every logit
    is the very float a forward pass of that epoch gives (a test holds them equal).
    """
    x = Tensor.lift(points)
    start = 0
    last = network.layers[-1]
    with no_grad():
        for layer in network.layers:
            inputs, outputs = layer.weight.shape
            weight = snapshots[:, start : start + inputs * outputs]
            start += inputs * outputs
            bias = snapshots[:, start : start + outputs]
            start += outputs
            z = x @ Tensor.lift(weight.reshape(-1, inputs, outputs))
            z = z + Tensor.lift(bias.reshape(-1, 1, outputs))
            x = activate(z, network.output_activation if layer is last else network.activation)
    return x.data[..., 0]


def logit_bound(network: MLP, snapshot: Array, input_bound: float) -> float:
    """An upper bound on |z| for inputs within ±``input_bound``, from the largest weight alone.

    A layer with n inputs within ±B and weights within ±m gives outputs within ±(n·m·B + m);
    tanh and σ bring them back within ±1. NaN when a weight is not a number, infinite when one
    is infinite: either way a bound that says nothing, and the logits are computed instead.
    """
    largest = float(np.abs(snapshot).max())
    bound = input_bound
    last = network.layers[-1]
    for layer in network.layers:
        bound = layer.weight.shape[0] * largest * bound + largest
        name = network.output_activation if layer is last else network.activation
        if name in BOUNDED_ACTIVATIONS:
            bound = 1.0 if math.isfinite(bound) else bound
    return bound


def parameters_finite(parameters: list[Tensor]) -> bool:
    """True while every weight is a finite number (a too large α can blow them up)."""
    return all(bool(np.isfinite(p.data).all()) for p in parameters)


def weights_finite(network: MLP) -> bool:
    """True while every weight of ``network`` is a finite number."""
    return parameters_finite(network.parameters())


def seed_streams(seed: int, count: int) -> list[np.random.Generator]:
    """``count`` independent generators from one seed (data, weights, shuffling …)."""
    return [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(count)]


# ----------------------------------------------------------------------------- the demo
@dataclass(frozen=True)
class PlaygroundParams:
    """The settings of one run, checked against the ``playground`` parameter table."""

    dataset: str = "xor"
    layers: int = 2
    units: int = 4
    activation: str = "tanh"
    lr: float = 0.6
    seed: int = 1
    steps: int = 2000


class Playground(Demo):
    """Live training of a small MLP on 2-D toy data: decision map, error curves, accuracies.

    Widget actions: :meth:`step` (one epoch), :meth:`reset` (fresh weights, same data),
    :meth:`new_data` (the next seed: new points and new weights), and new settings through
    :meth:`changed` (data set, layers, units, activation, α).
    """

    name = "playground"
    params: PlaygroundParams
    params_type = PlaygroundParams

    def __init__(self, **settings: object) -> None:
        self._map_key: tuple[object, ...] | None = None
        self._map: Array = np.zeros((0, 0))
        super().__init__(**settings)

    @property
    def sizes(self) -> list[int]:
        """The layer widths: 2 inputs, the hidden layers, 1 output (the class-1 logit)."""
        return [2, *([self.params.units] * self.params.layers), 1]

    # ------------------------------------------------------------------ running
    def begin(self) -> None:
        """The seed's data and fresh weights: epoch 0, nothing learnt yet."""
        data_rng, split_rng, weight_rng, self._shuffle_rng = seed_streams(self.params.seed, 4)
        xs, labels = toy_data(self.params.dataset, POINTS, data_rng)
        self.data = split(xs, labels, TEST_FRACTION, split_rng)
        self.network = MLP(self.sizes, self.params.activation, "identity", seed=weight_rng)
        self.optimiser = SGD(self.network.parameters(), self.params.lr)
        self._points = np.concatenate([self.data.train_x, self.data.test_x])
        self._input_bound = float(np.abs(self._points).max())
        self._unscored: list[Array] = []  # each epoch's weight snapshot, not yet scored
        # The training points' logits of the first unscored epochs, from the next epoch's pass.
        self._train_logits: list[Array] = []
        self._train_one_hot = np.eye(2)[self.data.train_y]  # cross_entropy's own one-hot rows
        self._losses: list[float] = []
        self._test_losses: list[float] = []
        self._train_accuracies: list[float] = []
        self._test_accuracies: list[float] = []
        self._record()

    def advance(self) -> None:
        with np.errstate(all="ignore"):
            # The last epoch is not scored yet, every unscored one before it has its training
            # logits, and the weights are still the ones it ended with (nothing touched them).
            wanted = len(self._train_logits) == len(self._unscored) - 1 and np.array_equal(
                weight_snapshot(self.network), self._unscored[-1]
            )
            logits = train_epoch(
                self.network,
                self.optimiser,
                self.data.train_x,
                self._train_one_hot,
                BATCHES,
                self._shuffle_rng,
            )
            if wanted and logits is not None:
                self._train_logits.append(logits)  # the last epoch's, on the training points
            self._record()
        if not self._training_error_finite():
            self.end("diverged", "training-diverged-try-smaller-rate", epoch=self.epoch)
        elif self.epoch >= self.params.steps:
            self.end("done", "epoch-limit", epochs=self.epoch)

    def _record(self) -> None:
        """This epoch's weights, kept for scoring the epoch when its numbers are read."""
        self._unscored.append(weight_snapshot(self.network))

    def _training_error_finite(self) -> bool:
        """Whether this epoch's weights are numbers and their training error is one too:
        certainly when the logits are bounded by :data:`SAFE_LOGIT` (:func:`logit_bound`),
        else (rarely: huge weights) by computing the logits and, if need be, the error now."""
        with np.errstate(all="ignore"):
            if logit_bound(self.network, self._unscored[-1], self._input_bound) <= SAFE_LOGIT:
                return True  # False for NaN
            if not parameters_finite(self.optimiser.params):
                return False
            with no_grad():  # over every point, as the scores later compute them
                logits = self.network(Tensor.lift(self._points)).data[: len(self.data.train_x), 0]
            if np.abs(logits).max() <= SAFE_LOGIT:  # False for NaN
                return True
            return math.isfinite(float(epoch_losses(logits, self.data.train_y)))

    def _score(self) -> None:
        """Error and accuracy for every epoch not yet scored, many epochs in one go.

        The training points' logits of most epochs came with the next epoch's training pass
        (each row of a forward pass is computed alone, so they are the floats a pass over every
        point gives; a test holds them equal); the others are computed here from the epochs'
        weights, stacked.
        """
        data = self.data
        for start in range(0, len(self._unscored), SCORED_AT_ONCE):
            snapshots = np.array(self._unscored[start : start + SCORED_AT_ONCE])
            known = self._train_logits[start : start + SCORED_AT_ONCE]
            train = len(data.train_x)
            with np.errstate(all="ignore"):
                if not known:  # one pass over every point (a frame drawn after each epoch)
                    logits = epoch_logits(self.network, snapshots, self._points)
                    train_logits, test_logits = logits[:, :train], logits[:, train:]
                else:
                    test_logits = epoch_logits(self.network, snapshots, data.test_x)
                    train_logits = np.array(known)
                    if len(known) < len(snapshots):
                        rest = epoch_logits(self.network, snapshots[len(known) :], data.train_x)
                        train_logits = np.concatenate([train_logits, rest])
                self._losses += epoch_losses(train_logits, data.train_y).tolist()
                self._train_accuracies += epoch_accuracies(train_logits, data.train_y).tolist()
                self._test_losses += epoch_losses(test_logits, data.test_y).tolist()
                self._test_accuracies += epoch_accuracies(test_logits, data.test_y).tolist()
        self._unscored.clear()
        self._train_logits.clear()

    @property
    def losses(self) -> list[float]:
        """The error on the training points, per epoch (epoch 0: the untrained network)."""
        self._score()
        return self._losses

    @property
    def test_losses(self) -> list[float]:
        """The error on the test points, per epoch."""
        self._score()
        return self._test_losses

    @property
    def train_accuracies(self) -> list[float]:
        """The share of training points on the right side, per epoch."""
        self._score()
        return self._train_accuracies

    @property
    def test_accuracies(self) -> list[float]:
        """The share of test points on the right side, per epoch."""
        self._score()
        return self._test_accuracies

    def new_data(self) -> None:
        """New points and new weights: the next seed (the widget's "new data" key)."""
        seed = (self.params.seed + 1) % (SEED_MAX + 1)
        self.settings["seed"] = seed
        self.params = replace(self.params, seed=seed)
        self.reset()

    @property
    def epoch(self) -> int:
        """Epochs trained so far."""
        return len(self._losses) + len(self._unscored) - 1

    # ------------------------------------------------------------------ drawing
    def probability_map(
        self,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        columns: int,
        rows: int,
    ) -> Array:
        """P(class 1) over a ``rows`` × ``columns`` grid (row 0 at the bottom), as
        ``np.meshgrid`` lays it out; one forward pass, cached until the weights change."""
        key = (self.version, x_range, y_range, columns, rows)
        if key != self._map_key:
            xs = np.linspace(*x_range, max(columns, 1))
            ys = np.linspace(*y_range, max(rows, 1))
            grid_x, grid_y = np.meshgrid(xs, ys)
            points = np.column_stack([grid_x.ravel(), grid_y.ravel()])
            with np.errstate(all="ignore"):
                values = class_probability(self.network, points).reshape(grid_x.shape)
            self._map = np.where(np.isfinite(values), values, np.nan)
            self._map_key = key
        return self._map

    def view_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The data square with a margin (fixed: the map never jumps)."""
        return VIEW, VIEW

    def state(self) -> dict[str, Json]:
        return {
            "epoch": self.epoch,
            "train_accuracy": plain(self.train_accuracies[-1]),
            "test_accuracy": plain(self.test_accuracies[-1]),
            "losses": plain(np.array(self.losses)),
            "test_losses": plain(np.array(self.test_losses)),
            "train_accuracies": plain(np.array(self.train_accuracies)),
            "test_accuracies": plain(np.array(self.test_accuracies)),
            "dataset": self.params.dataset,
            "sizes": self.sizes,
            "train_points": len(self.data.train_x),
            "test_points": len(self.data.test_x),
        }
