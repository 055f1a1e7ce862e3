"""oppija's own autograd engine: NumPy arrays that know their derivatives (NumPy only)."""

from __future__ import annotations

from oppija.engine.expr import Formula, FormulaError, parse_formula
from oppija.engine.losses import binary_cross_entropy, cross_entropy, mse_loss
from oppija.engine.tensor import Tensor, concat, is_grad_enabled, no_grad, stack
from oppija.engine.trace import trace

__all__ = [
    "Formula",
    "FormulaError",
    "Tensor",
    "binary_cross_entropy",
    "concat",
    "cross_entropy",
    "is_grad_enabled",
    "mse_loss",
    "no_grad",
    "parse_formula",
    "stack",
    "trace",
]
