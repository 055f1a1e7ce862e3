"""Activation functions side by side with their derivatives: σ, tanh and ReLU, read at any x.

The lecture's point is twofold: all three are non-linear, and their derivatives differ in size —
σ′ is at most 0,25, so backpropagation through many sigmoid layers shrinks the gradient (the
vanishing gradient), while tanh′(0) = 1 and ReLU′ = 1 for every positive input. The values and
the derivatives are the engine's: f is built from Tensor ops and f′ comes from ``backward()``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from oppija.arrays import Array
from oppija.engine.nn import activate
from oppija.engine.tensor import Tensor
from oppija.sims.base import plain
from oppija.sims.demo import Demo, changes
from oppija.sims.plain import Json
from oppija.sims.settings import checked_number

FUNCTIONS = ("sigmoid", "tanh", "relu")
X_LIMIT = 10.0  # the parameter table's range for x
VIEW_HALF = 6.0  # σ and tanh have flattened out by ±6; a wider view only when x is beyond it
SWEEP_STEP = 0.25  # how far one step() moves x while sweeping
CURVE_POINTS = 241  # the curves in the state: every 0,05 over ±6
# The largest value of each derivative (σ′(0) = 0,25; tanh′(0) = 1; ReLU′ = 1 for t > 0).
MAX_DERIVATIVE = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0}
DEEP_LAYERS = 10  # the slide's example: ten sigmoid layers give at most 0,25¹⁰


@dataclass(frozen=True)
class ActivationsParams:
    """Which function, and where x starts."""

    function: str = "sigmoid"
    x: float = 0.0


def evaluate(function: str, xs: Array | float) -> tuple[Array, Array]:
    """f(xs) and f′(xs) from the engine: the forward ops, then ``backward()`` for the slope.

    One call for a whole array: the sum's gradient with respect to each xᵢ is f′(xᵢ), because
    each output depends on its own input only.
    """
    with np.errstate(all="ignore"):
        x = Tensor(np.asarray(xs, dtype=np.float64), requires_grad=True)
        y = activate(x, function)
        y.sum().backward()
        grad = np.zeros_like(x.data) if x.grad is None else np.asarray(x.grad, dtype=np.float64)
        return y.data.copy(), grad


class Activations(Demo):
    """One activation function, its derivative, and the point x the learner moves."""

    name = "activations"
    params: ActivationsParams
    params_type = ActivationsParams

    def begin(self) -> None:
        self.x = self.params.x
        self._curve_cache: tuple[tuple[str, float, int], Array, Array, Array] | None = None
        self._measure()

    def _measure(self) -> None:
        value, derivative = evaluate(self.params.function, self.x)
        self.value = float(value)
        self.derivative = float(derivative)

    def advance(self) -> None:
        """Sweep x to the right by a quarter; past the view's right edge it starts at the left."""
        lo, hi = self.view_range()
        x = self.x + SWEEP_STEP
        self.x = lo if x > hi + 1e-9 else x
        self._measure()

    # ------------------------------------------------------------------ controls
    @changes
    def set_x(self, value: float | str) -> None:
        """Put x at ``value`` (typed text or a number).

        Raises:
            DemoSettingError: if the value is not a number in −10 … 10 (translated).
        """
        self.x = checked_number(self.name, "x", value)
        self._measure()

    @changes
    def nudge(self, dx: float) -> None:
        """Move x by ``dx`` (the arrow keys), staying inside −10 … 10."""
        if not math.isfinite(dx):
            return
        self.x = float(np.clip(round(self.x + dx, 10), -X_LIMIT, X_LIMIT))
        self._measure()

    @changes
    def next_function(self) -> None:
        """σ → tanh → ReLU → σ, keeping x where it is."""
        following = FUNCTIONS[(FUNCTIONS.index(self.params.function) + 1) % len(FUNCTIONS)]
        self.settings["function"] = following
        self.params = replace(self.params, function=following)
        self._curve_cache = None
        self._measure()

    # ------------------------------------------------------------------ drawing
    def view_range(self) -> tuple[float, float]:
        """±6, or ±10 once x is beyond 6 (the picture changes only then)."""
        half = VIEW_HALF if abs(self.x) <= VIEW_HALF else X_LIMIT
        return (-half, half)

    def curves(self, points: int = CURVE_POINTS) -> tuple[Array, Array, Array]:
        """xs over the view, f(xs) and f′(xs); remembered until the function or view changes."""
        lo, hi = self.view_range()
        key = (self.params.function, hi, points)
        cached = self._curve_cache
        if cached is not None and cached[0] == key:
            return cached[1], cached[2], cached[3]
        xs = np.linspace(lo, hi, max(int(points), 2))
        values, derivatives = evaluate(self.params.function, xs)
        self._curve_cache = (key, xs, values, derivatives)
        return xs, values, derivatives

    @property
    def max_derivative(self) -> float:
        return MAX_DERIVATIVE[self.params.function]

    def state(self) -> dict[str, Json]:
        xs, values, derivatives = self.curves()
        return {
            "function": self.params.function,
            "x": plain(self.x),
            "value": plain(self.value),
            "derivative": plain(self.derivative),
            "max_derivative": self.max_derivative,
            "deep_factor": self.max_derivative**DEEP_LAYERS,
            "curves": {
                "x": plain(xs),
                "value": plain(values),
                "derivative": plain(derivatives),
            },
        }
