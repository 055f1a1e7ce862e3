"""An LSTM reading a sequence one time step at a time: the lecture's five equations with numbers.

The numbers are the engine's :class:`oppija.engine.nn.LSTMCell` (one input, 1–8 hidden units,
weights drawn from a fixed seed): after each call its ``gates`` hold fₜ, iₜ, oₜ, the candidate
gₜ = tanh(W_c xₜ + U_c hₜ₋₁ + b_c), cₜ and hₜ. Beside them each gate's three terms (W xₜ,
U hₜ₋₁, b) are computed with the same Tensors, so that the picture can write every equation out.
The lesson's sequence 1; 0; 0; 0; 1 shows the first 1's trace in the memory c fading or staying
while the zeros come in (with the default seed: unit 1 fades, unit 2 stays).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from oppija.arrays import Array
from oppija.engine.nn import LSTMCell
from oppija.engine.tensor import Tensor, no_grad
from oppija.i18n import _
from oppija.sims.base import choose, plain
from oppija.sims.demo import ReplayedDemo
from oppija.sims.plain import Json
from oppija.sims.settings import DemoSettingError, wrong_count

DEFAULT_HIDDEN = 2
GATE_NAMES = ("f", "i", "o", "g")  # the candidate g uses the cell's "c" weights
QUANTITIES = ("f", "i", "o", "g", "c", "h")
WEIGHT_GROUPS = ("W", "U", "b")


def weight_key(gate: str) -> str:
    """The cell's key for a gate's weights: the candidate g's are the cell's "c" weights."""
    return "c" if gate == "g" else gate


@dataclass(frozen=True)
class LSTMParams:
    """The input sequence (one number per time step), hidden units, and the weights' seed."""

    sequence: tuple[float, ...] = (1.0, 0.0, 0.0, 0.0, 1.0)  # the slide's
    hidden: int = DEFAULT_HIDDEN
    seed: int = 1  # unit 1's memory of the first 1 fades over the zeros, unit 2's stays


@dataclass(frozen=True)
class TimeStep:
    """One time step: its input, the state it started from, the gates and each gate's terms.

    ``terms[gate]`` is (W xₜ, U hₜ₋₁, b), each one value per hidden unit.
    """

    x: float
    h_prev: Array
    c_prev: Array
    gates: dict[str, Array]
    terms: dict[str, tuple[Array, Array, Array]]

    def to_dict(self) -> dict[str, Json]:
        return {name: plain(self.gates[name]) for name in QUANTITIES}


class LSTMGates(ReplayedDemo):
    """The LSTM cell stepped through a sequence: ``step()`` one time step, ``back()``, End."""

    name = "lstm"
    params: LSTMParams
    params_type = LSTMParams

    def __init__(
        self,
        *,
        weights: Mapping[str, object] | None = None,
        initial: tuple[Sequence[float], Sequence[float]] | None = None,
        **settings: object,
    ) -> None:
        """``weights`` ({"W_f": …, "U_c": …, "b_o": …}) replace the seeded ones by hand;
        ``initial`` is (h₀, c₀), zeros unless given (the slide's example starts from c = 2)."""
        self._hand_weights = {
            key: np.array(value, dtype=float) for key, value in (weights or {}).items()
        }
        self._initial = initial
        super().__init__(**settings)

    def changed(self, **values: object) -> LSTMGates:
        """A new run; weights set by hand stay while the number of hidden units does."""
        settings = {**self.settings, **values}
        same = int(choose(settings, "hidden", DEFAULT_HIDDEN)) == self.params.hidden
        keep = same and settings.get("seed") == self.settings.get("seed")
        return type(self)(
            weights=self._hand_weights if keep else None,
            initial=self._initial if same else None,
            **settings,
        )

    # ------------------------------------------------------------------ the run
    def begin(self) -> None:
        hidden = self.params.hidden
        self.cell = LSTMCell(1, hidden, seed=self.params.seed)
        for key, value in self._hand_weights.items():
            self._set_weight(key, value)
        h0, c0 = self._initial or (np.zeros(hidden), np.zeros(hidden))
        self.start = (self._vector(h0, "h₀"), self._vector(c0, "c₀"))
        self.steps: list[TimeStep] = []

    def _vector(self, values: Sequence[float] | Array, name: str) -> Array:
        vector = np.asarray(values, dtype=np.float64).reshape(-1)
        if vector.size != self.params.hidden or not np.all(np.isfinite(vector)):
            raise wrong_count(name, self.params.hidden, vector.size)
        return vector

    def _set_weight(self, key: str, value: Array) -> None:
        group, _sep, gate = key.partition("_")
        tensors = getattr(self.cell, group, None) if group in WEIGHT_GROUPS else None
        if not isinstance(tensors, dict) or gate not in tensors:
            raise DemoSettingError(_("unknown weight matrix “{name}”").format(name=key))
        target = tensors[gate]
        if value.size != target.data.size or not np.all(np.isfinite(value)):
            raise wrong_count(key, target.data.size, value.size)
        target.data = value.reshape(target.data.shape).astype(np.float64)

    @property
    def length(self) -> int:
        return len(self.params.sequence)

    def advance(self) -> None:
        """One time step: the cell reads xₜ from (hₜ₋₁, cₜ₋₁)."""
        step = self.time_step(len(self.steps))
        self.steps.append(step)
        if not all(np.all(np.isfinite(v)) for v in step.gates.values()):
            self.end("diverged", "numbers-undefined")
        elif len(self.steps) >= self.length:
            self.end("done", "sequence-read")

    def time_step(self, t: int) -> TimeStep:
        """Time step ``t`` (counted from 0, at most the next) computed by the cell, not taken:
        what ``step()`` shows next, so practice can ask for it first."""
        h_prev, c_prev = self.state_before(t)
        x_value = self.params.sequence[t]
        with np.errstate(all="ignore"), no_grad():
            x, h = Tensor(np.array([x_value])), Tensor(h_prev)
            terms = {
                gate: (
                    (x @ self.cell.W[weight_key(gate)]).data.copy(),
                    (h @ self.cell.U[weight_key(gate)]).data.copy(),
                    self.cell.b[weight_key(gate)].data.copy(),
                )
                for gate in GATE_NAMES
            }
            self.cell(x, (h, Tensor(c_prev)))
        gates = {name: np.array(self.cell.gates[name], dtype=np.float64) for name in QUANTITIES}
        return TimeStep(x_value, h_prev.copy(), c_prev.copy(), gates, terms)

    def state_before(self, t: int) -> tuple[Array, Array]:
        """(hₜ₋₁, cₜ₋₁) for time step ``t`` (counted from 0): the start state or the last step's."""
        if t == 0:
            return self.start[0].copy(), self.start[1].copy()
        last = self.steps[t - 1]
        return last.gates["h"].copy(), last.gates["c"].copy()

    @property
    def can_step_back(self) -> bool:
        """Back from any step read, a diverged one too (the run goes on from before it)."""
        return bool(self.steps)

    def retreat(self) -> None:
        """The last time step is forgotten, the run goes on from before it."""
        self.steps.pop()
        super().retreat()

    @property
    def final_step(self) -> int:
        """The whole sequence read."""
        return self.length

    # ------------------------------------------------------------------ reading
    @property
    def current(self) -> TimeStep | None:
        return self.steps[-1] if self.steps else None

    def weights(self) -> dict[str, Array]:
        """Every weight by its lecture name: W_f, U_f, b_f, … (W: input × hidden)."""
        return {
            f"{group}_{gate}": getattr(self.cell, group)[gate].data.copy()
            for group in WEIGHT_GROUPS
            for gate in LSTMCell.GATES
        }

    def cell_scale(self) -> float:
        """The largest |c| so far, at least 1: the c bars are drawn against it."""
        values = [float(np.max(np.abs(step.gates["c"]))) for step in self.steps]
        return max([1.0, *values])

    def state(self) -> dict[str, Json]:
        return {
            "sequence": plain(self.params.sequence),
            "step": self.step_count,
            "hidden": self.params.hidden,
            "gates": [step.to_dict() for step in self.steps],
            "h0": plain(self.start[0]),
            "c0": plain(self.start[1]),
            "weights": {key: plain(value) for key, value in self.weights().items()},
        }
