"""oppija's own autograd engine: NumPy arrays that know their derivatives (NumPy only).

The names below are loaded on first use, so that importing a submodule does not import them
all. The formula language learners type is :mod:`oppija.expr`, beside the engine.
``oppija.engine.trace`` is the tracing module; its ``trace()`` is imported from there.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oppija.engine.losses import binary_cross_entropy, cross_entropy, mse_loss
    from oppija.engine.tensor import Tensor, concat, is_grad_enabled, no_grad, stack

_HOMES = {
    "binary_cross_entropy": "losses",
    "cross_entropy": "losses",
    "mse_loss": "losses",
    "Tensor": "tensor",
    "concat": "tensor",
    "is_grad_enabled": "tensor",
    "no_grad": "tensor",
    "stack": "tensor",
}

__all__ = [
    "Tensor",
    "binary_cross_entropy",
    "concat",
    "cross_entropy",
    "is_grad_enabled",
    "mse_loss",
    "no_grad",
    "stack",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"oppija.engine.{home}"), name)
