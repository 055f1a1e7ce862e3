"""Universal approximation, seen: N sigmoid units learn a curve, each unit's share drawn.

The network is the lecture's one hidden layer, ŷ(x) = Σⱼ cⱼ·σ(wⱼx + bⱼ) + c₀: every hidden unit
adds one smoothed step cⱼ·σ(wⱼx + bⱼ), and the sum of the steps follows the target. The engine
trains it (full-batch gradient descent with momentum on the mean squared error, seeded), and
with more units the fit gets closer — what the theorem promises, and what it does not: how many
units, and whether descent finds their weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np

from oppija.arrays import Array
from oppija.engine.losses import mse_loss
from oppija.engine.optim import SGD
from oppija.engine.tensor import Tensor, no_grad
from oppija.expr import Formula, parse_formula
from oppija.i18n import _
from oppija.sims.base import LOSS_BOUND, plain
from oppija.sims.demo import Demo
from oppija.sims.plain import Json

X_RANGE = (-3.0, 3.0)
POINTS = 61  # training points, every 0,1 over the range (the state's xs too)
ITERATIONS = 5  # descent updates per step(): enough to see the fit move, within a frame's time
MOMENTUM = 0.9  # plain descent on sigmoid units crawls; momentum makes the demo watchable

TARGETS: dict[str, str] = {"sin": "sin(x)", "abs": "abs(x)"}  # "step" is not a formula


@cache
def target_formula(text: str) -> Formula:
    return parse_formula(text, ("x",))


@dataclass(frozen=True)
class ApproximationParams:
    """The target (a named one, or a typed formula of x), the units and the descent's settings."""

    target: str = "sin"
    function: Formula | None = None
    units: int = 5  # the slide's five hidden units
    lr: float = 0.2
    steps: int = 1000  # steps of ITERATIONS each
    seed: int = 0


def target_values(params: ApproximationParams, xs: Array) -> Array:
    """The target over ``xs``; NaN where a typed formula is undefined (log of a negative)."""
    with np.errstate(all="ignore"):
        if params.function is not None:
            try:
                values = params.function.evaluate(x=xs)
            except (OverflowError, ZeroDivisionError, ValueError):
                return np.full(xs.shape, np.nan)
            values = np.broadcast_to(np.asarray(values, dtype=np.float64), xs.shape)
        elif params.target == "step":
            values = (xs >= 0).astype(np.float64)
        else:
            values = target_formula(TARGETS[params.target]).evaluate(x=xs)
        return np.where(np.isfinite(values), values, np.nan)


class Approximation(Demo):
    """A 1–N–1 sigmoid network fitted to a curve on −3 … 3."""

    name = "approximation"
    params: ApproximationParams
    params_type = ApproximationParams

    def changed(self, **values: object) -> Approximation:
        """A new run; a named target replaces a typed formula (and the other way round)."""
        merged = {**self.settings, **values}
        if "target" in values and "function" not in values:
            merged.pop("function", None)
        return Approximation(**merged)

    # ------------------------------------------------------------------ the network
    def begin(self) -> None:
        self.xs = np.linspace(*X_RANGE, POINTS)
        target = target_values(self.params, self.xs)
        self.known = np.isfinite(target)
        self.target = target
        n = self.params.units
        rng = np.random.default_rng(self.params.seed)
        # Each unit starts as a step of moderate steepness somewhere on the range, facing
        # either way: the picture of the theorem's proof, before any learning.
        slopes = rng.uniform(1.0, 3.0, n) * rng.choice([-1.0, 1.0], n)
        centres = rng.uniform(*X_RANGE, n)
        known_target = target[self.known]
        level = float(np.mean(known_target)) if known_target.size else 0.0
        self.w = Tensor(slopes.reshape(1, n), requires_grad=True, name="w")
        self.b = Tensor(-slopes * centres, requires_grad=True, name="b")
        self.c = Tensor(rng.normal(0.0, 0.5, (n, 1)) / math.sqrt(n), requires_grad=True, name="c")
        self.c0 = Tensor(np.array([level]), requires_grad=True, name="c0")
        self.optimizer = SGD([self.w, self.b, self.c, self.c0], self.params.lr, MOMENTUM)
        self._inputs = Tensor(self.xs[self.known].reshape(-1, 1))
        self._wanted = known_target.reshape(-1, 1)
        self.losses: list[float] = []
        if known_target.size < 2:
            self.end("diverged", "target-undefined")
            self.loss = math.nan
        else:
            with no_grad():
                self.loss = float(mse_loss(self.forward(self._inputs), self._wanted).data)
            self.losses.append(self.loss)

    def forward(self, inputs: Tensor) -> Tensor:
        """ŷ = σ(x·w + b)·c + c₀ for a column of inputs."""
        return (inputs @ self.w + self.b).sigmoid() @ self.c + self.c0

    def advance(self) -> None:
        """A few descent updates; the error after the last one is this step's."""
        with np.errstate(all="ignore"):
            for _k in range(ITERATIONS):
                self.optimizer.zero_grad()
                loss = mse_loss(self.forward(self._inputs), self._wanted)
                loss.backward()
                self.optimizer.step()
            with no_grad():
                self.loss = float(mse_loss(self.forward(self._inputs), self._wanted).data)
        self.losses.append(self.loss)
        if not math.isfinite(self.loss) or self.loss > LOSS_BOUND or not self._weights_finite():
            self.end("diverged", "error-too-large", step=self.step_count + 1)
        elif self.step_count + 1 >= self.params.steps:
            self.end("done", "step-limit", steps=self.params.steps)

    def _weights_finite(self) -> bool:
        return all(bool(np.all(np.isfinite(p.data))) for p in (self.w, self.b, self.c, self.c0))

    # ------------------------------------------------------------------ reading
    def contributions(self, xs: Array) -> tuple[Array, Array]:
        """Each unit's share cⱼ·σ(wⱼx + bⱼ) over ``xs`` (units × points), and their sum + c₀."""
        with no_grad(), np.errstate(all="ignore"):
            hidden = Tensor(np.asarray(xs, dtype=np.float64).reshape(-1, 1)) @ self.w + self.b
            shares = hidden.sigmoid() * self.c.T  # points × units
            total = shares.sum(axis=1) + self.c0
        return shares.data.T.copy(), total.data.copy()

    def target_text(self) -> str:
        """The target as a formula for titles."""
        if self.params.function is not None:
            return self.params.function.text
        if self.params.target == "step":
            return _("step function")
        return TARGETS[self.params.target]

    def state(self) -> dict[str, Json]:
        shares, total = self.contributions(self.xs)
        return {
            "target": self.params.target if self.params.function is None else None,
            "function": self.target_text(),
            "units": self.params.units,
            "loss": plain(self.loss),
            "losses": plain(np.asarray(self.losses)),
            "xs": plain(self.xs),
            "target_values": plain(self.target),
            "fit": plain(total),
            "contributions": plain(shares),
            "weights": {
                "w": plain(self.w.data.reshape(-1)),
                "b": plain(self.b.data),
                "c": plain(self.c.data.reshape(-1)),
                "c0": plain(float(self.c0.data[0])),
            },
        }
