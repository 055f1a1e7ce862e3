"""Logistic regression y = σ(θ₀ + θ₁x) learned by gradient descent, with a choice of error.

The data are seeded and one-dimensional with x₀ = 1 (the slide's picture: points at y = 0 and
y = 1 and the sigmoid between them): x uniform in [−3; 3], y = 1 with probability σ(1,5x − 0,5).
The descent starts from θ = (0; 0), as the slide's worked example does. The gradient comes from
the engine for either error:

- ``cross-entropy``: 𝓔 = −1/m · Σᵢ [yᵢ ln σ(zᵢ) + (1 − yᵢ) ln(1 − σ(zᵢ))], computed from the
  logits (a stable log-softmax over [0, z]), so its gradient is exactly 1/m · Σᵢ (σ(zᵢ) − yᵢ) xᵢ
  even when the model is confidently wrong;
- ``mse``: 𝓔 = 1/m · Σᵢ (σ(zᵢ) − yᵢ)², gradient 2/m · Σᵢ (σ(zᵢ) − yᵢ) σ(zᵢ)(1 − σ(zᵢ)) xᵢ.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from oppija.arrays import Array
from oppija.engine.losses import cross_entropy, mse_loss
from oppija.engine.tensor import Tensor, stable_sigmoid
from oppija.sims.plain import Json
from oppija.sims.regression import RegressionDescent

X_RANGE = (-3.0, 3.0)
TRUE_THETA = (-0.5, 1.5)

# The update rule of each error, printed under the plot (mathematics: the same in every language).
UPDATE_RULES: dict[str, str] = {
    "cross-entropy": "θⱼ ← θⱼ − α · 1/m · Σᵢ (σ(θᵀx⁽ⁱ⁾) − y⁽ⁱ⁾) xⱼ⁽ⁱ⁾",
    "mse": "θⱼ ← θⱼ − α · 2/m · Σᵢ (σ(θᵀx⁽ⁱ⁾) − y⁽ⁱ⁾) σ(θᵀx⁽ⁱ⁾)(1 − σ(θᵀx⁽ⁱ⁾)) xⱼ⁽ⁱ⁾",
}
# [0, z] as logits: softmax over them is [1 − σ(z), σ(z)], so class 1 has probability σ(z).
_TWO_CLASS = np.array([[0.0, 1.0]])


def class_data(points: int, seed: int) -> tuple[Array, Array]:
    """The seeded data set: xs uniform in :data:`X_RANGE`, labels 0/1 drawn from σ(1,5x − 0,5)."""
    rng = np.random.default_rng(seed)
    xs = rng.uniform(*X_RANGE, size=points)
    probability = stable_sigmoid(TRUE_THETA[0] + TRUE_THETA[1] * xs)
    labels = (rng.random(points) < probability).astype(np.float64)
    return xs, labels


@dataclass(frozen=True)
class LogisticRegressionParams:
    """The settings of one run, checked against the ``logreg`` parameter table."""

    lr: float = 0.5
    points: int = 20
    seed: int = 1
    loss: str = "cross-entropy"
    steps: int = 1000


class LogisticRegressionDescent(RegressionDescent):
    """Descent on the chosen error of y = σ(θ₀ + θ₁x), from θ = (0; 0)."""

    name = "logreg"
    params: LogisticRegressionParams
    params_type = LogisticRegressionParams

    def data(self) -> tuple[Array, Array]:
        return class_data(self.params.points, self.params.seed)

    def error(self, weights: Tensor) -> Tensor:
        """The chosen error of the weights, as an engine graph."""
        logits = Tensor.lift(self.design) @ weights
        if self.params.loss == "mse":
            return mse_loss(logits.sigmoid(), self.ys)
        two_class = logits.reshape(-1, 1) * _TWO_CLASS
        return cross_entropy(two_class, self.ys.astype(np.intp))

    def link(self, z: Array) -> Array:
        """The logistic curve predicts the probability σ(θ₀ + θ₁x) of class 1."""
        return stable_sigmoid(z)

    @property
    def update_rule(self) -> str:
        """The update rule of the chosen error (Unicode mathematics)."""
        return UPDATE_RULES[self.params.loss]

    def view_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The data's x range and probabilities from 0 to 1 with a margin (fixed)."""
        return (X_RANGE, (-0.1, 1.1))

    def state(self) -> dict[str, Json]:
        data = super().state()
        data.update(loss_kind=self.params.loss, update_rule=self.update_rule)
        return data
