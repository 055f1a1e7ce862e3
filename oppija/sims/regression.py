"""What linear and logistic regression share: seeded points, θ = (θ₀; θ₁), x₀ = 1.

Both fit y = f(θ₀ + θ₁x) to one-dimensional data by gradient descent from θ = (0; 0); they differ
only in their data, in f (none for the line, σ for the logistic curve) and in their error. The
gradient comes from the engine: the error is built as a graph and ``backward`` fills ∇𝓔.
"""

from __future__ import annotations

from abc import abstractmethod

import numpy as np

from oppija.arrays import Array
from oppija.engine.tensor import Tensor
from oppija.sims.base import Simulation, plain
from oppija.sims.plain import Json


class RegressionDescent(Simulation):
    """Descent on the error of y = f(θ₀ + θ₁x) over seeded points ``xs``, ``ys``."""

    dim = 2

    def __init__(self, **settings: object) -> None:
        self.xs = np.zeros(0)
        self.ys = np.zeros(0)
        self.design = np.zeros((0, 2))
        super().__init__(**settings)

    # -------------------------------------------------------------- to implement
    @abstractmethod
    def data(self) -> tuple[Array, Array]:
        """The seeded points (xs, ys) of the current settings."""

    @abstractmethod
    def error(self, weights: Tensor) -> Tensor:
        """The error of the weights over the points, as an engine graph."""

    @abstractmethod
    def link(self, z: Array) -> Array:
        """f in y = f(θ₀ + θ₁x): what the model predicts from θ₀ + θ₁x."""

    # -------------------------------------------------------------- shared
    def start_theta(self) -> Array:
        self.xs, self.ys = self.data()
        self.design = np.column_stack([np.ones_like(self.xs), self.xs])  # x₀ = 1
        return np.zeros(2)

    def evaluate(self, theta: Array) -> tuple[float, Array]:
        weights = Tensor(theta, requires_grad=True)
        loss = self.error(weights)
        loss.backward()
        assert weights.grad is not None
        return float(loss.data), weights.grad.copy()

    def prediction(self, xs: Array) -> Array:
        """f(θ₀ + θ₁x) over ``xs`` (NaN if θ is no longer finite)."""
        xs = np.asarray(xs, dtype=np.float64)
        with np.errstate(all="ignore"):
            values = self.link(self.theta[0] + self.theta[1] * xs)
        return np.where(np.isfinite(values), values, np.nan)

    def state(self) -> dict[str, Json]:
        data = self.common_state()
        data.update(
            losses=plain(self.history.losses),
            points=plain(np.column_stack([self.xs, self.ys])),
        )
        return data
