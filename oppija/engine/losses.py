"""Error functions (veafunktsioonid): how far a prediction is from the truth, as a Tensor."""

from __future__ import annotations

import numpy as np

from oppija.arrays import Array
from oppija.engine.tensor import ArrayLike, Tensor, stable_log_softmax

_EPS = 1e-12


def mse_loss(prediction: Tensor, target: ArrayLike) -> Tensor:
    """Mean squared error, the lecture's 𝓔 = 1/n · Σᵢ (yᵢ − ŷᵢ)², as one node of the graph.

    One op instead of three (−, ², mean) because every training step runs it: the same maths
    as ``((prediction - target) ** 2).mean()``, which the tests check it against.
    """
    if isinstance(target, Tensor):  # a target that is a Tensor is a parent; a constant is not
        parents: tuple[Tensor, ...] = (prediction, target)
        diff = prediction.data - target.data
    else:
        parents = (prediction,)
        diff = prediction.data - np.asarray(target, dtype=np.float64)
    n = diff.size

    def backward(g: Array) -> tuple[Array | None, ...]:  # g is one number: 𝓔 is
        d = (2.0 * float(g) / n) * diff  # ∂𝓔/∂ŷ = 2(ŷ − y)/n, ∂𝓔/∂y = −2(ŷ − y)/n
        return (d,) if len(parents) == 1 else (d, -d if parents[1].requires_grad else None)

    def local() -> tuple[Array, ...]:
        return ((2.0 / n) * diff, (-2.0 / n) * diff)[: len(parents)]

    squares = np.vdot(diff, diff)  # Σ (ŷ − y)² over every element, in one product
    return prediction._child(np.asarray(squares / n), parents, "mse", backward, local)


def binary_cross_entropy(probability: Tensor, target: ArrayLike) -> Tensor:
    """−mean(y·log p + (1 − y)·log(1 − p)), with p kept away from 0 and 1 so log stays finite."""
    p = probability.clip(_EPS, 1.0 - _EPS)
    y = Tensor.lift(target)
    return -(y * p.log() + (1.0 - y) * (1.0 - p).log()).mean()


def cross_entropy(logits: Tensor, target: ArrayLike) -> Tensor:
    """Cross-entropy from raw logits, 𝓔 = −1/n · Σᵢ Σₖ yᵢₖ · log softmax(zᵢ)ₖ, as one node.

    ``target`` is either one class index per row (integers) or a one-hot / probability row per
    row, the same shape as ``logits``. One op instead of five (log softmax, ·, Σ, mean, −)
    because every training step of the playground, logistic regression and attention runs it:
    the same floats as ``-(y * logits.log_softmax()).sum(axis=-1).mean()``, which the tests
    check it against.
    """
    target_data = target.data if isinstance(target, Tensor) else np.asarray(target)
    if target_data.shape == logits.shape:
        y = target_data.astype(np.float64, copy=False)
    else:
        indices = target_data.astype(np.intp).reshape(logits.shape[:-1])
        y = np.eye(logits.shape[-1])[indices]
    log_p = stable_log_softmax(logits.data, -1)
    rows = log_p[..., 0].size

    def backward(g: Array) -> tuple[Array | None, ...]:  # ∂𝓔/∂zᵢ = (softmax(zᵢ) − yᵢ)/n
        by_log_p = (-g.item() / rows) * y  # through −mean and Σ: −yᵢₖ/n
        return (by_log_p - np.exp(log_p) * by_log_p.sum(axis=-1, keepdims=True),)

    return logits._child(-(y * log_p).sum(axis=-1).mean(), (logits,), "cross_entropy", backward)
