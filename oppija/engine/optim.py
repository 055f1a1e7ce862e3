"""Optimisers: what to do with a gradient once backpropagation has found it."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from oppija.arrays import Array
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
        self._velocity: list[Array | None] = [None] * len(self.params)

    def step(self) -> None:
        lr = self.lr
        if not self.momentum:
            for p in self.params:
                if p.grad is not None:
                    p.data -= lr * p.grad
            return
        for k, p in enumerate(self.params):
            if p.grad is None:
                continue
            v = self._velocity[k]
            v = p.grad.copy() if v is None else self.momentum * v + p.grad
            self._velocity[k] = v
            p.data -= lr * v

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None


class Adam:
    """Adam: a step per parameter scaled by running averages of the gradient and its square.

    Kingma and Ba's efficient form (Algorithm 1 with the reordering of their section 2):
    m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  αₜ = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ),
    θ ← θ − αₜ·m/(√v + ε). It is the bias-corrected θ ← θ − α·m̂/(√v̂ + ε′) with
    m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) and ε′ = ε/√(1 − β₂ᵗ): PyTorch's form, but for ε, which
    matters only while √v̂ is as small as ε. The tiny models behind the sequence demos train in a
    fraction of a second with it, where plain gradient descent needs many times the steps.
    """

    def __init__(
        self,
        params: Iterable[Tensor],
        lr: float = 0.01,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
    ) -> None:
        self.params = list(params)
        if not np.isfinite(lr) or lr <= 0:
            raise ValueError("the learning rate must be a positive number")
        if not all(0.0 <= beta < 1.0 for beta in betas):
            raise ValueError("Adam's betas must be in [0, 1)")
        self.lr = float(lr)
        self.betas = (float(betas[0]), float(betas[1]))
        self.eps = float(eps)
        self.t = 0
        self._m = [np.zeros_like(p.data) for p in self.params]
        self._v = [np.zeros_like(p.data) for p in self.params]

    def step(self) -> None:
        self.t += 1
        beta1, beta2 = self.betas
        scale = self.lr * np.sqrt(1.0 - beta2**self.t) / (1.0 - beta1**self.t)
        for k, p in enumerate(self.params):
            if p.grad is None:
                continue
            self._m[k] = beta1 * self._m[k] + (1.0 - beta1) * p.grad
            self._v[k] = beta2 * self._v[k] + (1.0 - beta2) * p.grad**2
            p.data -= scale * self._m[k] / (np.sqrt(self._v[k]) + self.eps)

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None
