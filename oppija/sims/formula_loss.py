"""A formula as a descent's error 𝓔(θ): the presets parsed once, 𝓔 and ∇𝓔 from the engine.

The curve (``gd1d``) and the surface (``gd2d``) descend on a learner's formula the same way: each
component of θ is one variable of the formula, and the engine's autograd gives the gradient.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from oppija.arrays import Array
from oppija.engine.tensor import Tensor
from oppija.expr import Formula, parse_formula


@cache
def preset_formula(text: str, variables: tuple[str, ...]) -> Formula:
    """A preset's formula, parsed once."""
    return parse_formula(text, variables)


def loss_and_gradient(
    formula: Formula, variables: tuple[str, ...], theta: Array
) -> tuple[float, Array]:
    """𝓔(θ) and ∇𝓔(θ), with θ's components as ``variables`` in order.

    A formula whose value is not one number gives NaN (the run then ends as diverged); a
    variable the formula does not use has the derivative 0.
    """
    inputs = [Tensor(value, requires_grad=True) for value in theta.tolist()]
    out = formula(**dict(zip(variables, inputs, strict=True)))
    if out.data.size != 1:
        return math.nan, np.full(len(variables), math.nan)
    if out.requires_grad:
        out.backward()
    # One number each: .item() reads it without the reshape and indexing of an array.
    grad = [0.0 if t.grad is None else t.grad.item() for t in inputs]
    return out.data.item(), np.array(grad)
