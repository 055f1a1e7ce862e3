"""Checking an analytic gradient against central differences, in float64."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from oppija.arrays import Array
from oppija.engine.tensor import Tensor


def numeric_gradient(f: Callable[[], Tensor], tensor: Tensor, eps: float = 1e-6) -> Array:
    """∂f/∂t by (f(t + ε) − f(t − ε)) / 2ε, one element at a time; f must return a scalar."""
    grad = np.zeros(tensor.data.shape)
    data = tensor.data  # nudged in place, whatever its memory layout
    for index in np.ndindex(data.shape):
        saved = data[index]
        data[index] = saved + eps
        plus = float(np.sum(f().data))
        data[index] = saved - eps
        minus = float(np.sum(f().data))
        data[index] = saved
        grad[index] = (plus - minus) / (2.0 * eps)
    return grad


def gradcheck(f: Callable[[], Tensor], inputs: Sequence[Tensor], eps: float = 1e-6) -> list[float]:
    """The largest |analytic − numeric| for each input; f is rebuilt from the inputs each call.

    f's output is summed, so that a non-scalar output is checked through Σ out.
    """
    for t in inputs:
        t.grad = None
    out = f()
    out.sum().backward()
    errors = []
    for t in inputs:
        analytic = np.zeros_like(t.data) if t.grad is None else t.grad
        numeric = numeric_gradient(f, t, eps)
        errors.append(float(np.max(np.abs(analytic - numeric))) if t.data.size else 0.0)
    return errors
