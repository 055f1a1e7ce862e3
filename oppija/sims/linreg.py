"""Linear regression y = θ₀ + θ₁x learned by gradient descent on the mean squared error.

The data are seeded (the same seed gives the same points on every machine, so a teacher's demo
is the same every time): x uniform in [−2; 2], y = 1 + 1,5x plus Gaussian noise. The gradient
comes from the engine (``mse_loss`` and ``backward``), and the descent ends at the least-squares
fit, which the tests check against ``np.linalg.lstsq``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from oppija.arrays import Array
from oppija.engine.losses import mse_loss
from oppija.engine.tensor import Tensor
from oppija.i18n import _
from oppija.sims.base import choose
from oppija.sims.regression import RegressionDescent
from oppija.sims.settings import DemoSettingError, wrong_count

DEFAULT_LR = 0.1
DEFAULT_POINTS = 20
DEFAULT_NOISE = 0.5
DEFAULT_SEED = 1
DEFAULT_STEPS = 1000
X_RANGE = (-2.0, 2.0)
TRUE_INTERCEPT = 1.0
TRUE_SLOPE = 1.5


def line_data(points: int, noise: float, seed: int) -> tuple[Array, Array]:
    """The seeded data set: xs uniform in :data:`X_RANGE`, ys on the true line plus noise."""
    rng = np.random.default_rng(seed)
    xs = rng.uniform(*X_RANGE, size=points)
    ys = TRUE_INTERCEPT + TRUE_SLOPE * xs + noise * rng.standard_normal(points)
    return xs, ys


@dataclass(frozen=True)
class LinearRegressionParams:
    """The settings of one run, checked against the ``linreg`` parameter table."""

    lr: float
    points: int
    noise: float
    seed: int
    steps: int
    xs: tuple[float, ...] | None = None
    """Points given by hand (a practice exercise's few): they replace the seeded ones."""
    ys: tuple[float, ...] | None = None
    start: tuple[float, float] = (0.0, 0.0)


def given_points(settings: Mapping[str, object]) -> tuple[tuple[float, ...], ...] | None:
    """``xs`` and ``ys`` given together and as many of each, or neither.

    Raises:
        DemoSettingError: translated, for one without the other or lists of unequal length.
    """
    empty: tuple[float, ...] = ()
    x_values = tuple(float(v) for v in choose(settings, "xs", empty))
    y_values = tuple(float(v) for v in choose(settings, "ys", empty))
    if not x_values and not y_values:
        return None
    if not x_values or not y_values:
        raise DemoSettingError(_("“xs” and “ys” are given together: the points' x and y"))
    if len(x_values) != len(y_values):
        raise wrong_count("ys", len(x_values), len(y_values))
    return x_values, y_values


class LinearRegressionDescent(RegressionDescent):
    """Descent on 𝓔(θ₀, θ₁) = 1/m · Σᵢ (θ₀ + θ₁xᵢ − yᵢ)², from θ = (0; 0) or a given start,
    over seeded points or a few given by hand (``xs``, ``ys``)."""

    name = "linreg"
    params: LinearRegressionParams

    @classmethod
    def build_params(cls, settings: Mapping[str, object]) -> LinearRegressionParams:
        points = given_points(settings)
        start = tuple(float(v) for v in choose(settings, "start", (0.0, 0.0)))
        return LinearRegressionParams(
            lr=float(choose(settings, "lr", DEFAULT_LR)),
            points=len(points[0]) if points else int(choose(settings, "points", DEFAULT_POINTS)),
            noise=float(choose(settings, "noise", DEFAULT_NOISE)),
            seed=int(choose(settings, "seed", DEFAULT_SEED)),
            steps=int(choose(settings, "steps", DEFAULT_STEPS)),
            xs=points[0] if points else None,
            ys=points[1] if points else None,
            start=(start[0], start[1]),
        )

    def data(self) -> tuple[Array, Array]:
        params = self.params
        if params.xs is not None and params.ys is not None:
            return np.array(params.xs), np.array(params.ys)
        return line_data(params.points, params.noise, params.seed)

    def start_theta(self) -> Array:
        """θ = (0; 0) unless a start is given."""
        super().start_theta()
        return np.array(self.params.start, dtype=np.float64)

    def error(self, weights: Tensor) -> Tensor:
        """The mean squared error of the line's predictions."""
        return mse_loss(Tensor.lift(self.design) @ weights, self.ys)

    def link(self, z: Array) -> Array:
        """The line predicts θ₀ + θ₁x itself."""
        return z

    def view_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The data's box with a margin: fixed for a data set, so the picture never jumps."""
        x_lo = min(X_RANGE[0], float(np.min(self.xs)))
        x_hi = max(X_RANGE[1], float(np.max(self.xs)))
        y_lo, y_hi = float(np.min(self.ys)), float(np.max(self.ys))
        margin = 0.1 * max(y_hi - y_lo, 1.0)
        return ((x_lo, x_hi), (y_lo - margin, y_hi + margin))
