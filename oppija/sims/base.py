"""What every descent simulation shares: status, history, settings, plain-data state.

A simulation is driven by a widget (one ``step()`` per frame) and by ``oppija demo`` (``run(n)``
and ``state()``); both need the same rules for when a run ends, so they live here. Numbers never
raise: every update runs under ``np.errstate(all="ignore")`` and a non-finite number or an error
above :data:`LOSS_BOUND` ends the run as ``diverged`` with a translated message.
"""

from __future__ import annotations

import copy
import math
from abc import abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import Field
from typing import ClassVar, NamedTuple, Protocol, TypeVar, cast

import numpy as np

from oppija.arrays import Array
from oppija.sims.demo import Demo
from oppija.sims.params import DemoSettingError
from oppija.sims.plain import Json, Status, plain

# A run has converged when its last step and the plain gradient step from where it stands are
# both shorter than this (the lecture's "parameters barely change any more").
TOLERANCE = 1e-6
# A run has diverged when |𝓔| grows above this: 10¹² is far beyond any preset's start
# (x² from 3 is 9) yet reached by x² with α = 1,1 in 70 steps, long before float64 overflows.
LOSS_BOUND = 1e12
LOSS_BOUND_TEXT = "10¹²"


# Rows a history keeps as tuples before it writes them into its buffer together (a few kB).
PENDING_ROWS = 64

# One number, or a vector's numbers; a number that is not finite is None (plain data).
Numbers = float | None | list[float | None]


class NumbersRow(NamedTuple):
    """One row of a demo's numbers view: step k, θ, 𝓔(θ), ∇𝓔(θ), and |Δθ| (None at k = 0)."""

    k: int
    theta: Numbers
    loss: float | None
    grad: Numbers
    step: float | None


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _numbers(values: list[float]) -> Numbers:
    """One number as itself, several as a list (a 1-D descent's θ is a number)."""
    if len(values) == 1:
        return _finite(values[0])
    return [_finite(value) for value in values]


class History:
    """Every visited θ with its 𝓔, ∇𝓔 and step length, in one growing float64 buffer.

    Columns: θ (``dim``), 𝓔, ∇𝓔 (``dim``), |Δθ|. Arrays, not lists of lists: a long run stays
    small and a widget can draw the path without converting it. A step adds its row as a tuple
    of floats; the tuples reach the buffer together, when the rows are read (a drawn frame, the
    JSON) or when :data:`PENDING_ROWS` wait, so a long run without a picture neither writes its
    rows one by one nor holds many as Python objects.
    """

    def __init__(self, dim: int, capacity: int = 64) -> None:
        self.dim = dim
        self._rows = np.full((capacity, 2 * dim + 2), np.nan)
        self._count = 0
        self._pending: list[tuple[float, ...]] = []

    def __len__(self) -> int:
        return self._count + len(self._pending)

    def append(
        self, theta: Sequence[float], loss: float, grad: Sequence[float], step: float
    ) -> None:
        """Add the row θ, 𝓔, ∇𝓔, |Δθ| (θ and ∇𝓔 with ``dim`` numbers each)."""
        self._pending.append((*theta, loss, *grad, step))
        if len(self._pending) >= PENDING_ROWS:
            self._store_pending()

    @property
    def rows(self) -> Array:
        self._store_pending()
        return self._rows[: self._count]

    def _store_pending(self) -> None:
        """The rows added since the last read, into the buffer (grown when full)."""
        pending = self._pending
        if pending:
            end = self._count + len(pending)
            if end > len(self._rows):
                grown = np.full((max(end, 2 * len(self._rows)), self._rows.shape[1]), np.nan)
                grown[: self._count] = self._rows[: self._count]
                self._rows = grown
            self._rows[self._count : end] = pending
            self._count = end
            pending.clear()

    @property
    def thetas(self) -> Array:
        return self.rows[:, : self.dim]

    @property
    def losses(self) -> Array:
        return self.rows[:, self.dim]

    @property
    def grads(self) -> Array:
        return self.rows[:, self.dim + 1 : 2 * self.dim + 1]

    @property
    def steps(self) -> Array:
        return self.rows[:, 2 * self.dim + 1]


def all_finite(values: list[float]) -> bool:
    """Whether every number is finite; θ and ∇𝓔 hold one or two, for which ``math`` is several
    times quicker than ``np.all(np.isfinite(...))``."""
    # The sum of finite numbers is finite unless it overflows; one that is not finite (or
    # inf − inf) makes it so. Only an overflowing sum needs the numbers looked at one by one.
    return math.isfinite(sum(values)) or all([math.isfinite(value) for value in values])


def length(values: list[float]) -> float:
    """The Euclidean length √(Σ v²) of one or two numbers, with ``math``: what
    ``np.linalg.norm`` gives (to the last bit or one unit of it: NumPy's dot product fuses the
    multiply and add on CPUs that can), in a fraction of its time."""
    return math.sqrt(sum([value * value for value in values]))


def finite_or_nan(values: Array) -> Array:
    """``values`` as float64 with every non-finite entry replaced by NaN (plots skip NaN)."""
    out = np.asarray(values, dtype=np.float64)
    return np.where(np.isfinite(out), out, np.nan)


T = TypeVar("T")

_NICE_HALVES = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


LARGEST_HALF_WIDTH = 1e300  # a view of twice this width still has finite steps between points


def nice_half_width(extent: float, least: float = 2.0) -> float:
    """The smallest "nice" number (1, 1,5, 2, 2,5, 3, 4, 5, 6, 8 × 10ᵏ) ≥ ``extent``.

    View ranges snap to these, so that a picture changes only when the path leaves it, not on
    every frame. A path that ran off to 10³⁰⁸ is shown within ±10³⁰⁰: the width of a wider view
    overflows.
    """
    target = min(max(least, extent), LARGEST_HALF_WIDTH) if math.isfinite(extent) else least
    scale = 10.0 ** math.floor(math.log10(target))
    for nice in _NICE_HALVES:
        if nice * scale >= target * (1 - 1e-12):
            return nice * scale
    return 10.0 * scale


class DescentParams(Protocol):
    """What every descent's frozen params hold: the learning rate α and the step limit."""

    __dataclass_fields__: ClassVar[dict[str, Field[object]]]

    @property
    def lr(self) -> float: ...

    @property
    def steps(self) -> int: ...


class Simulation(Demo):
    """A descent demo: θ, 𝓔(θ) and ∇𝓔(θ) with their history, one update a step.

    Subclasses set ``name`` and ``dim``, build their params in :meth:`build_params`, and
    compute 𝓔 and ∇𝓔 in :meth:`evaluate`; the descent itself (:meth:`update`) may be
    overridden (momentum). ``version``, ``step()`` and ``reset()`` are the :class:`Demo`'s.
    """

    dim: ClassVar[int]
    params: DescentParams

    # -------------------------------------------------------------- to implement
    @abstractmethod
    def start_theta(self) -> Array:
        """θ⁽⁰⁾."""

    @abstractmethod
    def evaluate(self, theta: Array) -> tuple[float, Array]:
        """𝓔(θ) and ∇𝓔(θ) (the gradient from the engine's autograd)."""

    # -------------------------------------------------------------- the descent
    @property
    def lr(self) -> float:
        return float(self.params.lr)

    @property
    def max_steps(self) -> int:
        return int(self.params.steps)

    def begin(self) -> None:
        """θ⁽⁰⁾ with an empty history."""
        self.history = History(self.dim)
        self.theta = np.array(self.start_theta(), dtype=np.float64).reshape(self.dim)
        self.velocity = np.zeros(self.dim)
        with np.errstate(all="ignore"):
            loss, grad = self._safe_evaluate(self.theta)
        self.loss, self.grad = loss, grad
        self.history.append(self.theta.tolist(), loss, grad.tolist(), math.nan)
        self._check_numbers(start=True)

    def update(self, theta: Array, grad: Array) -> Array:
        """The new θ from the current one and its gradient: θ ← θ − α·∇𝓔."""
        return theta - self.lr * grad

    def run(self, n: int) -> None:
        """Up to ``n`` steps, with NumPy's warnings off once for all of them (not once a step:
        a descent step is a few microseconds of arithmetic)."""
        with np.errstate(all="ignore"):
            super().run(n)

    def advance(self) -> None:
        """One descent update; the run ends when it converged, diverged or used its steps.

        θ and ∇𝓔 hold one or two numbers: what is measured and checked on them is done on
        Python floats (the same IEEE arithmetic as NumPy's, without an array per number).
        Called by :meth:`run`, under its ``np.errstate``.
        """
        before = self.theta.tolist()
        new_theta = self.update(self.theta, self.grad)
        theta = new_theta.tolist()
        loss, grad = self._safe_evaluate(new_theta, theta)
        gradient = grad.tolist()
        step_length = length([new - old for new, old in zip(theta, before, strict=True)])
        self.theta, self.loss, self.grad = new_theta, loss, grad
        self.history.append(theta, loss, gradient, step_length)
        steps = self.step_count + 1  # counting this one
        if not (abs(loss) <= LOSS_BOUND and all_finite(theta) and all_finite(gradient)):
            self._check_numbers(start=False, step=steps)  # ends the run as diverged, says why
            return
        if step_length < TOLERANCE and self.lr * length(gradient) < TOLERANCE:
            self.end("converged", "converged", step=steps)
        elif steps >= self.max_steps:
            self.end("done", "step-limit", steps=steps)

    def _safe_evaluate(
        self, theta: Array, numbers: list[float] | None = None
    ) -> tuple[float, Array]:
        """𝓔(θ) and ∇𝓔(θ), or NaN for both when θ or a step of the formula is not a number
        (``numbers``: θ's numbers when the caller has them already)."""
        if not all_finite(theta.tolist() if numbers is None else numbers):
            return math.nan, np.full(self.dim, np.nan)
        try:
            loss, grad = self.evaluate(theta)
        except (OverflowError, ZeroDivisionError, FloatingPointError, ValueError):
            return math.nan, np.full(self.dim, np.nan)
        return float(loss), np.asarray(grad, dtype=np.float64).reshape(self.dim)

    def _check_numbers(self, start: bool, step: int = 0) -> bool:
        """End the run as diverged if a number is not finite or 𝓔 is beyond the bound."""
        finite = (
            math.isfinite(self.loss)
            and all_finite(self.theta.tolist())
            and all_finite(self.grad.tolist())
        )
        if finite and abs(self.loss) <= LOSS_BOUND:
            return False
        if (
            math.isfinite(self.loss)
            and abs(self.loss) <= LOSS_BOUND
            and all_finite(self.theta.tolist())
        ):  # 𝓔 is a number but its slope is not (xʸ by y at x < 0, √x at 0): say which
            undefined = bool(np.any(np.isnan(self.grad)))
            if start:
                self.end(
                    "diverged",
                    "gradient-undefined-at-start" if undefined else "gradient-infinite-at-start",
                )
            else:
                self.end(
                    "diverged",
                    "gradient-undefined" if undefined else "gradient-infinite",
                    step=step,
                )
            return True
        if start:
            self.end("diverged", "bad-start")
        else:
            self.end(
                "diverged", "error-beyond-bound" if finite else "numbers-undefined-at", step=step
            )
        return True

    # -------------------------------------------------------------- new settings
    def changed(self, **values: object) -> Simulation:
        """A new simulation (from its start) with some settings replaced.

        Choosing a ``preset`` starts from that preset: settings given earlier are dropped, only
        the ones given in the same call stay. Raises :class:`DemoSettingError` (translated).
        """
        merged = dict(values) if "preset" in values else {**self.settings, **values}
        return type(self)(**merged)

    def retuned(self, **values: object) -> Simulation:
        """Like :meth:`changed`, but the new simulation carries on from the current point.

        For the ``+``/``-`` keys: α (or β, or the step limit) changes while the descent runs,
        and the path so far stays. A diverged run starts over instead.
        """
        new = self.changed(**values)
        if self.status == "diverged" or "preset" in values:
            return new
        new._carry_on_from(self)
        return new

    def _carry_on_from(self, other: Simulation) -> None:
        self.history = copy.deepcopy(other.history)
        self.theta = other.theta.copy()
        self.velocity = other.velocity.copy()
        self.loss, self.grad = other.loss, other.grad.copy()
        self.step_count = other.step_count
        self.status, self.ending = "running", None
        if self.step_count >= self.max_steps:
            self.end("done", "step-limit", steps=self.step_count)
        self.version = other.version + 1

    def resume_at(self, theta: Sequence[float], steps: int) -> None:
        """Carry on from ``theta`` as θ after ``steps`` steps, the path before it unknown: a
        practice step asked again whose α changed on the way (the settings alone replay
        another path). The run starts over there, with θ as its only point.

        Raises:
            ValueError: ``theta`` is not ``dim`` finite numbers, or ``steps`` is negative.
        """
        numbers = [float(v) for v in theta]
        if len(numbers) != self.dim or not all_finite(numbers) or steps < 0:
            raise ValueError(f"cannot resume at θ = {numbers!r} after {steps!r} steps")
        self.reset()
        self.history = History(self.dim)
        self.theta = np.array(numbers, dtype=np.float64)
        with np.errstate(all="ignore"):
            self.loss, self.grad = self._safe_evaluate(self.theta, numbers)
        self.history.append(numbers, self.loss, self.grad.tolist(), math.nan)
        self.step_count = steps
        if not self._check_numbers(start=True) and steps >= self.max_steps:
            self.end("done", "step-limit", steps=steps)

    # -------------------------------------------------------------- reading
    @property
    def last_step_length(self) -> float:
        """|Δθ| of the last update (NaN before the first)."""
        steps = self.history.steps
        return float(steps[-1]) if len(steps) > 1 else math.nan

    # -------------------------------------------------------------- plain data

    def numbers_rows(self, start: int = 0) -> list[NumbersRow]:
        """The table of steps for the numbers view: (k, θ, 𝓔, ∇𝓔, |Δθ|) per step, plain data;
        from step ``start`` on (a view that follows a run reads only its new steps)."""
        d = self.dim
        table: list[list[float]] = self.history.rows[start:].tolist()
        return [
            NumbersRow(
                k,
                _numbers(row[:d]),
                _finite(row[d]),
                _numbers(row[d + 1 : 2 * d + 1]),
                _finite(row[2 * d + 1]),
            )
            for k, row in enumerate(table, start)
        ]

    def common_state(self) -> dict[str, Json]:
        """The numbers every descent reports: θ, 𝓔, ∇𝓔, k, α, the last step's length."""
        steps = self.history.steps
        one = self.dim == 1
        return {
            "theta": plain(float(self.theta[0]) if one else self.theta),
            "loss": plain(self.loss),
            "grad": plain(float(self.grad[0]) if one else self.grad),
            "step": self.step_count,
            "lr": self.lr,
            "step_size": plain(steps[-1]) if len(steps) > 1 else None,
        }


def choose(settings: Mapping[str, object], key: str, default: T) -> T:
    """A setting if it was given, else the preset's or the demo's default.

    The settings were checked against the demo's schema, so a given value has the default's
    type (a number for a number, a tuple of floats for numbers, a Formula for a formula).
    """
    value = settings.get(key)
    return default if value is None else cast(T, value)


__all__ = [
    "LOSS_BOUND",
    "TOLERANCE",
    "DemoSettingError",
    "History",
    "NumbersRow",
    "Simulation",
    "Status",
    "choose",
    "finite_or_nan",
    "nice_half_width",
    "plain",
]
