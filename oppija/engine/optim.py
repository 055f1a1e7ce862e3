"""Optimisers: what to do with a gradient once backpropagation has found it."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from oppija.engine.tensor import Tensor


class SGD:
    """Gradient descent θ ← θ − α·∇𝓔, optionally with momentum v ← βv + ∇𝓔, θ ← θ − αv."""

    def __init__(self, params: Iterable[Tensor], lr: float, momentum: float = 0.0) -> None:
        self.params = list(params)
        if not np.isfinite(lr) or lr <= 0:
            raise ValueError("the learning rate must be a positive number")
        if not 0.0 <= momentum < 1.0:
            raise ValueError("momentum must be in [0, 1)")
        self.lr = float(lr)
        self.momentum = float(momentum)
        self._velocity: list[np.ndarray | None] = [None] * len(self.params)

    def step(self) -> None:
        for k, p in enumerate(self.params):
            if p.grad is None:
                continue
            if self.momentum:
                v = self._velocity[k]
                v = p.grad.copy() if v is None else self.momentum * v + p.grad
                self._velocity[k] = v
                p.data -= self.lr * v
            else:
                p.data -= self.lr * p.grad

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None
