"""A recurrent network reading a word letter by letter: rolled, unrolled step by step, backward.

The lecture's RNN hᵢ = σ(Vᵀxᵢ + Wᵀhᵢ₋₁), yᵢ = σ(Uᵀhᵢ) with h₀ = 0 and no bias
(lessons/et/06-vorgutuubid.md, slides "rnn-intro" and "rnn-unroll"), computed by the engine's
``RNNCell`` and a U matrix. Each letter is one-hot over the word's own distinct letters in
alphabetical order ("kass": a, k, s, so x for "k" is (0; 1; 0)).

Step 0 shows the network rolled up (one cell and its loop W); each ``step()`` unrolls one more
time step; one step after the last letter shows the backward view: ‖∂h_T/∂hᵢ‖ for every step,
the size of the last hidden state's gradient with respect to each earlier one, found by the
engine's ``backward()`` through the unrolled graph (one pass per component of h_T). Every step
back multiplies it by ∂hᵢ/∂hᵢ₋₁ = diag(hᵢ(1 − hᵢ))·Wᵀ, so it usually shrinks: the vanishing
gradient. ``scale_recurrent(2)`` doubles W to see what a larger W does.

Mode "seeded": weights drawn from the seed (what the slide describes). Mode "trained": the
same start, then trained by backpropagation through time (Adam, binary cross-entropy) to
predict the next letter of the word; the training is cached in memory.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from oppija.arrays import Array
from oppija.engine.losses import binary_cross_entropy
from oppija.engine.nn import RNNCell
from oppija.engine.optim import Adam
from oppija.engine.tensor import Tensor, no_grad, stack
from oppija.sims.base import plain
from oppija.sims.demo import ReplayedDemo, changes
from oppija.sims.plain import Json
from oppija.text.numbers import decimal

TRAINING_STEPS = 300
TRAINING_RATE = 0.05
GOOD_ENOUGH = 0.02  # the training error at which training stops early
SCALE_LIMITS = (1 / 64, 64.0)  # how far + and − may scale W


@dataclass(frozen=True)
class RNNParams:
    """One run's settings: the word, the hidden units, seeded or trained weights, the seed."""

    word: str = "kass"
    hidden: int = 3
    mode: str = "seeded"
    seed: int = 0


@dataclass(frozen=True)
class Unrolled:
    """What the engine computed over the whole sequence, one row per time step.

    ``input_part`` is Vᵀxᵢ, ``recurrent_part`` Wᵀhᵢ₋₁, ``pre`` their sum, ``hidden`` hᵢ,
    ``outputs`` yᵢ; ``jacobians[i]`` is ∂h_T/∂hᵢ₊₁ (row k: the gradient of h_T's k-th value).
    """

    input_part: Array
    recurrent_part: Array
    pre: Array
    hidden: Array
    outputs: Array
    jacobians: Array

    @property
    def gradient_norms(self) -> Array:
        """‖∂h_T/∂hᵢ‖ (Frobenius: the square root of the sum of the squares) for i = 1 … T."""
        norms: Array = np.sqrt(np.sum(self.jacobians**2, axis=(1, 2)))
        return norms


def letters_of(word: str) -> list[str]:
    """The word's distinct letters in alphabetical order: the one-hot positions."""
    return sorted(set(word))


def one_hot(word: str) -> Array:
    """T × n: row i is letter i of the word, one-hot over :func:`letters_of`."""
    letters = letters_of(word)
    rows = np.zeros((len(word), len(letters)))
    rows[np.arange(len(word)), [letters.index(c) for c in word]] = 1.0
    return rows


def seeded_weights(inputs: int, outputs: int, hidden: int, seed: int) -> dict[str, Array]:
    """V and W as the engine's RNNCell draws them for the seed, then U from the same stream."""
    rng = np.random.default_rng(seed)
    cell = RNNCell(inputs, hidden, seed=rng)
    U = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, outputs))
    return {"V": cell.V.data.copy(), "W": cell.W.data.copy(), "U": U}


def run_cell(cell: RNNCell, U: Tensor, inputs: Array) -> tuple[list[Tensor], list[Tensor]]:
    """h₁ … h_T and y₁ … y_T through the engine, every step with the same V, W and U."""
    h: Tensor | None = None
    hidden, outputs = [], []
    for x in inputs:
        h = cell(Tensor(x), h)
        hidden.append(h)
        outputs.append((h @ U).sigmoid())
    return hidden, outputs


@functools.lru_cache(maxsize=32)
def trained_weights(word: str, hidden: int, seed: int) -> tuple[tuple[str, Array], ...]:
    """The seeded weights trained to predict each next letter (BPTT with Adam), cached.

    At most ``TRAINING_STEPS`` updates, fewer once the error is below ``GOOD_ENOUGH``.

    Returns (name, weights) pairs plus ("losses", the error before and after); the arrays are
    read-only, so that the cache cannot be changed by a caller.
    """
    inputs = one_hot(word)
    n = inputs.shape[1]
    start = seeded_weights(n, n, hidden, seed)
    cell = RNNCell(n, hidden, seed=seed)
    cell.V.data[...] = start["V"]
    cell.W.data[...] = start["W"]
    U = Tensor(start["U"], requires_grad=True, name="U")
    targets = inputs[1:]
    losses: list[float] = []
    if len(word) >= 2:
        optimiser = Adam([cell.V, cell.W, U], lr=TRAINING_RATE)
        with np.errstate(all="ignore"):
            for _step in range(TRAINING_STEPS):
                _hidden, outputs = run_cell(cell, U, inputs[:-1])
                loss = binary_cross_entropy(stack(outputs), targets)
                losses.append(float(loss.data))
                if losses[-1] < GOOD_ENOUGH:  # every next letter is far ahead of the others
                    break
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
            with no_grad():
                _hidden, outputs = run_cell(cell, U, inputs[:-1])
                losses.append(float(binary_cross_entropy(stack(outputs), targets).data))
    weights = {"V": cell.V.data.copy(), "W": cell.W.data.copy(), "U": U.data.copy()}
    for array in weights.values():
        array.flags.writeable = False
    record = np.array([losses[0], losses[-1]] if losses else [np.nan, np.nan])
    record.flags.writeable = False
    return (*weights.items(), ("losses", record))


def unroll(weights: Mapping[str, Array], inputs: Array) -> Unrolled:
    """The forward pass over all steps and ∂h_T/∂hᵢ from the engine's backward pass."""
    count, n = inputs.shape
    hidden_size = weights["W"].shape[0]
    cell = RNNCell(n, hidden_size, seed=0)
    cell.V.data = np.array(weights["V"], dtype=np.float64)
    cell.W.data = np.array(weights["W"], dtype=np.float64)
    U = Tensor(np.array(weights["U"], dtype=np.float64), requires_grad=True, name="U")
    hidden, outputs = run_cell(cell, U, inputs)
    last = hidden[-1]
    jacobians = np.zeros((count, hidden_size, hidden_size))
    for k in range(hidden_size):  # row k of every ∂h_T/∂hᵢ: backward from h_T's k-th value
        seed = np.zeros(hidden_size)
        seed[k] = 1.0
        last.backward(seed)
        for i, h in enumerate(hidden):
            jacobians[i, k] = h.grad
    states = np.array([h.data for h in hidden])
    previous = np.vstack([np.zeros((1, hidden_size)), states[:-1]])
    input_part = inputs @ cell.V.data
    recurrent_part = previous @ cell.W.data
    return Unrolled(
        input_part=input_part,
        recurrent_part=recurrent_part,
        pre=input_part + recurrent_part,
        hidden=states,
        outputs=np.array([y.data for y in outputs]),
        jacobians=jacobians,
    )


class RecurrentNetwork(ReplayedDemo):
    """The lecture's RNN over a word: rolled, then one time step per step, then backward."""

    name = "rnn"
    params: RNNParams
    params_type = RNNParams

    def __init__(
        self,
        *,
        weights: Mapping[str, object] | None = None,
        inputs: object = None,
        **settings: object,
    ) -> None:
        """``weights`` ({"V", "W", "U"}) and ``inputs`` (T × n numbers) replace the word's
        one-hot letters and the seeded or trained weights (the slide's scalar example)."""
        self._given_weights = (
            None
            if weights is None
            else {k: np.atleast_2d(np.array(v, dtype=np.float64)) for k, v in weights.items()}
        )
        self._given_inputs = (
            None if inputs is None else np.atleast_2d(np.array(inputs, dtype=np.float64))
        )
        self.w_scale = 1.0
        super().__init__(**settings)

    @classmethod
    def slide_example(cls) -> RecurrentNetwork:
        """The slide's two steps with scalars: V = 1, W = 2, U = 1, h₀ = 0, x₁ = 1, x₂ = 0."""
        return cls(weights={"V": 1.0, "W": 2.0, "U": 1.0}, inputs=[[1.0], [0.0]], hidden=1)

    def changed(self, **values: object) -> RecurrentNetwork:
        """A new run with some settings replaced (W at its own scale again); given weights and
        inputs stay while the word and the hidden units do."""
        settings = {**self.settings, **values}
        keep = all(settings.get(k) == self.settings.get(k) for k in ("word", "hidden"))
        return type(self)(
            weights=self._given_weights if keep else None,
            inputs=self._given_inputs if keep else None,
            **settings,
        )

    # -------------------------------------------------------------- the run
    def begin(self) -> None:
        if self._given_inputs is not None:
            self.inputs = self._given_inputs
            self.letters: list[str] | None = None
            self.labels = [decimal(float(row[0]), 3) for row in self.inputs]
        else:
            self.inputs = one_hot(self.params.word)
            self.letters = letters_of(self.params.word)
            self.labels = list(self.params.word)
        self.training_losses: tuple[float, float] | None = None
        self.base_weights = self._weights()
        self._compute()

    def _weights(self) -> dict[str, Array]:
        if self._given_weights is not None:
            return {k: v.copy() for k, v in self._given_weights.items()}
        n = self.inputs.shape[1]
        if self.params.mode == "trained":
            found = dict(trained_weights(self.params.word, self.params.hidden, self.params.seed))
            losses = found.pop("losses")
            if np.all(np.isfinite(losses)):
                self.training_losses = (float(losses[0]), float(losses[1]))
            return {k: np.array(v) for k, v in found.items()}
        return seeded_weights(n, n, self.params.hidden, self.params.seed)

    def _compute(self) -> None:
        self.weights = {**self.base_weights, "W": self.base_weights["W"] * self.w_scale}
        with np.errstate(all="ignore"):
            self.unrolled = unroll(self.weights, self.inputs)
        arrays = (self.unrolled.hidden, self.unrolled.outputs, self.unrolled.jacobians)
        if not all(np.all(np.isfinite(a)) for a in arrays):
            self.end("diverged", "too-large-to-draw")
        elif self.status == "diverged":
            self.status = "done" if self.step_count >= self.total else "running"
            self.ending = None

    @changes
    def scale_recurrent(self, factor: float) -> None:
        """Multiply W by ``factor`` (kept between 1/64 and 64 times the start); the view stays."""
        low, high = SCALE_LIMITS
        scale = min(max(self.w_scale * float(factor), low), high)
        if scale != self.w_scale:
            self.w_scale = scale
            self._compute()

    @property
    def length(self) -> int:
        """T, the number of time steps (letters)."""
        return int(self.inputs.shape[0])

    @property
    def total(self) -> int:
        """Steps in the walk: T forward steps and the backward view."""
        return self.length + 1

    @property
    def final_step(self) -> int:
        return self.total

    @property
    def phase(self) -> str:
        if self.step_count == 0:
            return "rolled"
        return "forward" if self.step_count <= self.length else "backward"

    @property
    def shown_steps(self) -> int:
        """How many time steps are unrolled on the picture."""
        return min(self.step_count, self.length)

    def advance(self) -> None:
        if self.step_count + 1 >= self.total:
            self.end("done", "backward-through-time")

    # -------------------------------------------------------------- reading
    def predictions(self) -> list[str] | None:
        """The letter with the largest yᵢ at every step (trained mode only)."""
        if self.params.mode != "trained" or self.letters is None:
            return None
        return [self.letters[int(np.argmax(y))] for y in self.unrolled.outputs]

    def next_letters(self) -> list[str | None]:
        """The letter that really comes next at every step (None after the last)."""
        return [*self.labels[1:], None]

    def same_input_before(self, step: int) -> int | None:
        """The latest earlier step (1-based) with the same input as ``step``, or None."""
        rows = self.inputs
        for earlier in range(step - 1, 0, -1):
            if np.array_equal(rows[earlier - 1], rows[step - 1]):
                return earlier
        return None

    def step_factors(self) -> Array:
        """‖∂hᵢ/∂hᵢ₋₁‖ = ‖diag(hᵢ(1 − hᵢ))·Wᵀ‖ for i = 2 … T, from the engine's values."""
        h = self.unrolled.hidden[1:]
        slopes = h * (1.0 - h)  # σ′ at every step
        factors = slopes[:, :, None] * self.weights["W"].T[None, :, :]
        norms: Array = np.sqrt(np.sum(factors**2, axis=(1, 2)))
        return norms

    def state(self) -> dict[str, Json]:
        shown = self.shown_steps
        unrolled = self.unrolled
        backward = self.phase == "backward"
        predictions = self.predictions()
        return {
            "word": self.params.word if self._given_inputs is None else "",
            "letters": self.letters,
            "mode": self.params.mode,
            "seed": self.params.seed,
            "hidden_units": int(self.weights["W"].shape[0]),
            "phase": self.phase,
            "position": self.step_count,
            "total": self.total,
            "length": self.length,
            "inputs": plain(self.inputs),
            "hidden": plain(unrolled.hidden[:shown]),
            "outputs": plain(unrolled.outputs[:shown]),
            "predictions": None if predictions is None else predictions[:shown],
            "gradient_of": f"h{self.length}",
            "gradient_norms": plain(unrolled.gradient_norms) if backward else None,
            "step_factors": plain(self.step_factors()) if backward else None,
            "w_scale": self.w_scale,
            "weights": plain(self.weights),
            "training_error": None if self.training_losses is None else plain(self.training_losses),
        }

    @property
    def given_weights(self) -> bool:
        """Whether the weights were given as settings (not drawn at random or trained)."""
        return self._given_weights is not None
