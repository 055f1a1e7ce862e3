"""Softmax with a temperature, the one-hot target and the cross-entropy, computed by the engine.

The lecture's example (lessons/et/08-kokkuvote.md): logits z = (2; 1; 0,1) give
p ≈ (0,659; 0,242; 0,099), and with class 0 right 𝓔 = −ln p₀ ≈ 0,417. The probabilities are
``(Tensor(z) / T).softmax()``, the error ``−log_softmax(z / T)[target]`` and its gradient comes
from ``backward()``: ∂𝓔/∂z = (p − y)/T. Both ops subtract the maximum first, so logits of ±1000
give the same distribution as their differences do. ``step()`` is one gradient-descent step on
the logits themselves, so that the learner watches the right class's probability rise.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from oppija.arrays import Array
from oppija.engine.tensor import Tensor, no_grad
from oppija.i18n import _, format_integer
from oppija.sims.base import choose, plain
from oppija.sims.demo import Demo, changes
from oppija.sims.plain import Json
from oppija.sims.settings import DemoSettingError, checked_number, checked_numbers

DEFAULT_LOGITS = (2.0, 1.0, 0.1)  # the slide's cat, dog and car
LEARNING_RATE = 0.5  # α of step(): the right class's p rises visibly from the first step
LOGIT_BOUND = 1000.0  # the parameter table's range for a logit
NUDGE = 0.5  # how far u and d move the chosen logit
CONVERGED_AT = 0.99  # the run ends once the right class has this much probability
# + and − walk these temperatures: the table on the slide has 0,5, 1, 2 and 5.
TEMPERATURES = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)


@dataclass(frozen=True)
class SoftmaxParams:
    """The start: logits, temperature T and the right class (numbered from 0)."""

    logits: tuple[float, ...]
    temperature: float
    target: int


def checked_target(target: int, count: int) -> int:
    """``target`` if it names one of ``count`` classes; a translated error otherwise."""
    if 0 <= target < count:
        return target
    raise DemoSettingError(
        _("“target” must be a class number from 0 to {last}, not {value}").format(
            last=format_integer(count - 1), value=format_integer(target)
        )
    )


def softmax_numbers(logits: Array, temperature: float, target: int) -> tuple[Array, float, Array]:
    """p = softmax(z/T), 𝓔 = −ln p_target and ∂𝓔/∂z, all from the engine.

    The gradient is the engine's ``backward()`` through log-softmax; it equals (p − y)/T.
    """
    with np.errstate(all="ignore"):
        z = Tensor(np.asarray(logits, dtype=np.float64), requires_grad=True)
        scaled = z / temperature
        probabilities = scaled.softmax()
        error = -scaled.log_softmax()[target]
        error.backward()
        gradient = np.zeros_like(z.data) if z.grad is None else np.array(z.grad, dtype=float)
        return probabilities.data.copy(), float(error.data), gradient


def probabilities_at(logits: Array, temperature: float) -> Array:
    """softmax(z/T) alone from the engine (no error, no gradient): the temperature table."""
    with np.errstate(all="ignore"), no_grad():
        return (Tensor(np.asarray(logits, dtype=np.float64)) / temperature).softmax().data


class Softmax(Demo):
    """Logits to probabilities: change a logit, T or the right class and every number follows."""

    name = "softmax"
    params: SoftmaxParams

    @classmethod
    def build_params(cls, settings: Mapping[str, object]) -> SoftmaxParams:
        logits = tuple(float(v) for v in choose(settings, "logits", DEFAULT_LOGITS))
        target = int(choose(settings, "target", 0))
        return SoftmaxParams(
            logits=logits,
            temperature=float(choose(settings, "temperature", 1.0)),
            target=checked_target(target, len(logits)),
        )

    # ------------------------------------------------------------------ the run
    def begin(self) -> None:
        self.logits = np.array(self.params.logits, dtype=np.float64)
        self.temperature = self.params.temperature
        self.target = self.params.target
        self.selected = min(getattr(self, "selected", 0), len(self.logits) - 1)
        self._measure()

    def _measure(self) -> None:
        self.probabilities, self.cross_entropy, self.gradient = softmax_numbers(
            self.logits, self.temperature, self.target
        )
        self._check_end()

    def _check_end(self) -> None:
        p_target = float(self.probabilities[self.target])
        if not math.isfinite(self.cross_entropy) or not np.all(np.isfinite(self.gradient)):
            self.end("diverged", "numbers-undefined")
        elif p_target >= CONVERGED_AT:
            self.end("converged", "right-class-certain", p=p_target, bound=CONVERGED_AT)
        else:
            self.status = "running"
            self.ending = None

    def advance(self) -> None:
        """One gradient-descent step on the logits: z ← z − α·∂𝓔/∂z."""
        with np.errstate(all="ignore"):
            self.logits = self.logits - LEARNING_RATE * self.gradient
        self._measure()

    # ------------------------------------------------------------------ controls
    @changes
    def _edited(self) -> None:
        self._measure()

    def set_temperature(self, value: float | str) -> None:
        """T from typed text or a number; the logits stay (a translated error if out of range)."""
        temperature = checked_number(self.name, "temperature", value)
        self.settings["temperature"] = temperature
        self.params = replace(self.params, temperature=temperature)
        self.temperature = temperature
        self._edited()

    def warmer(self, direction: int) -> None:
        """The next temperature up (``direction`` 1) or down (−1) on the 1-2-5 ladder."""
        if direction > 0:
            higher = [t for t in TEMPERATURES if t > self.temperature * (1 + 1e-9)]
            chosen = higher[0] if higher else TEMPERATURES[-1]
        else:
            lower = [t for t in TEMPERATURES if t < self.temperature * (1 - 1e-9)]
            chosen = lower[-1] if lower else TEMPERATURES[0]
        self.set_temperature(chosen)

    def set_logits(self, values: Sequence[float] | str) -> None:
        """New logits typed (a new start: ``r`` comes back to them); T and the target stay.

        Raises:
            DemoSettingError: translated, for a bad list or a target beyond the new classes.
        """
        given = values if isinstance(values, str) else tuple(float(v) for v in values)
        logits = checked_numbers(self.name, "logits", given)
        checked_target(self.target, len(logits))
        self.settings["logits"] = logits
        self.params = replace(self.params, logits=logits)
        self.selected = min(self.selected, len(logits) - 1)
        self.reset()

    def set_target(self, value: int | str) -> None:
        """The right class (a translated error when there is no such class)."""
        target = checked_target(
            int(checked_number(self.name, "target", value)),
            len(self.logits),
        )
        self.settings["target"] = target
        self.params = replace(self.params, target=target)
        self.target = target
        self._edited()

    def next_target(self) -> None:
        """The next class is the right one (after the last, the first)."""
        self.set_target((self.target + 1) % len(self.logits))

    @changes
    def choose_logit(self, direction: int) -> None:
        """The logit that u and d move: the next one down (1) or up (−1), wrapping around."""
        self.selected = (self.selected + direction) % len(self.logits)

    def nudge(self, direction: int) -> None:
        """Raise (1) or lower (−1) the chosen logit by 0,5 (within ±1000)."""
        logits = self.logits.copy()
        moved = round(float(logits[self.selected]) + direction * NUDGE, 10)
        logits[self.selected] = min(max(moved, -LOGIT_BOUND), LOGIT_BOUND)
        self.logits = logits
        self._edited()

    # ------------------------------------------------------------------ reading
    @property
    def one_hot(self) -> Array:
        y = np.zeros(len(self.logits))
        y[self.target] = 1.0
        return y

    @property
    def lr(self) -> float:
        return LEARNING_RATE

    def state(self) -> dict[str, Json]:
        return {
            "logits": plain(self.logits),
            "temperature": plain(self.temperature),
            "probabilities": plain(self.probabilities),
            "target": self.target,
            "one_hot": plain(self.one_hot),
            "cross_entropy": plain(self.cross_entropy),
            "gradient": plain(self.gradient),
            "selected": self.selected,
            "lr": LEARNING_RATE,
        }
