"""oppija's own autograd engine: NumPy arrays that know their derivatives (NumPy only).

The names below are loaded on first use, so that importing a submodule does not import them
all. The formula language learners type is :mod:`oppija.expr`, beside the engine.
``oppija.engine.trace`` is the tracing module; its ``trace()`` is imported from there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from oppija.lazy_names import lazy_names

if TYPE_CHECKING:  # the names as their modules define them (the type checker reads these)
    from oppija.engine.losses import binary_cross_entropy as binary_cross_entropy
    from oppija.engine.losses import cross_entropy as cross_entropy
    from oppija.engine.losses import mse_loss as mse_loss
    from oppija.engine.tensor import Tensor as Tensor
    from oppija.engine.tensor import affine as affine
    from oppija.engine.tensor import concat as concat
    from oppija.engine.tensor import is_grad_enabled as is_grad_enabled
    from oppija.engine.tensor import no_grad as no_grad
    from oppija.engine.tensor import stack as stack

__all__, __getattr__ = lazy_names(
    __name__,
    {
        "losses": ("binary_cross_entropy", "cross_entropy", "mse_loss"),
        "tensor": ("Tensor", "affine", "concat", "is_grad_enabled", "no_grad", "stack"),
    },
)
