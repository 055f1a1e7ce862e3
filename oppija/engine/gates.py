"""The LSTM's equations as nodes of the graph: one node for each line the lecture writes.

The four gates live side by side in one array of 4n columns (f, i, o and the candidate g, in
``LSTMCell.GATES`` order), as one product of the joined weights makes them. Built from the
general ops, a time step was sixteen nodes, five of them slices of that array; here it is three
(the gates, cₜ and hₜ), each with its forward and its backward side by side like every op of the
engine, and the same numbers (the tests compare them with the general ops and with central
differences).
"""

from __future__ import annotations

import numpy as np

from oppija.arrays import Array
from oppija.engine.tensor import Grads, Tensor, stable_sigmoid, unbroadcast


def gate_values(x: Tensor, h_prev: Tensor, W: Tensor, U: Tensor, b: Tensor, hidden: int) -> Tensor:
    """fₜ, iₜ, oₜ = σ(W xₜ + U hₜ₋₁ + b) and the candidate gₜ = tanh(W xₜ + U hₜ₋₁ + b).

    The slide's four gate lines in one node: the weighted sums of all four gates in one product
    of the joined weights (W, U and b with the gates side by side), then each gate's squashing.
    """
    n3 = 3 * hidden
    a, h, w, u = x.data, h_prev.data, W.data, U.data
    sums = a @ w + h @ u + b.data
    batch = sums.shape[:-1]
    if a.shape[:-1] != batch or h.shape[:-1] != batch:  # one row for a batch: each row's share
        a = np.broadcast_to(a, (*batch, a.shape[-1]))
        h = np.broadcast_to(h, (*batch, h.shape[-1]))
    a_rows, h_rows = (a, h) if sums.ndim == 2 else (rows(a), rows(h))  # for ∂/∂W and ∂/∂U
    fio, candidate = stable_sigmoid(sums[..., :n3]), np.tanh(sums[..., n3:])
    values = np.concatenate((fio, candidate), axis=-1)

    def slopes() -> Array:  # σ′ = σ(1 − σ) for f, i and o; tanh′ = 1 − tanh² for g
        return np.concatenate((fio * (1.0 - fio), 1.0 - candidate * candidate), axis=-1)

    def backward(g: Array) -> Grads:  # through the squashing to the sums z, then z's parts:
        dz = g * slopes()  # ∂/∂x = dz·Wᵀ, ∂/∂h = dz·Uᵀ, ∂/∂W = xᵀdz, ∂/∂U = hᵀdz, ∂/∂b = Σdz
        dz_rows = dz if dz.ndim == 2 else rows(dz)
        return (
            dz @ w.T if x.requires_grad else None,
            dz @ u.T if h_prev.requires_grad else None,
            a_rows.T @ dz_rows if W.requires_grad else None,
            h_rows.T @ dz_rows if U.requires_grad else None,
            unbroadcast(dz, b.data.shape) if b.requires_grad else None,
        )

    def local() -> Grads:  # as for @ and +: the other factor, and the slope for the bias
        return w, u, a, h, slopes()

    return x._child(values, (x, h_prev, W, U, b), "gates", backward, local)


def rows(a: Array) -> Array:
    """An array as a matrix of rows: one row stays one, a batch of batches becomes one batch."""
    return a if a.ndim == 2 else a.reshape(-1, a.shape[-1])


def cell_state(gates: Tensor, c_prev: Tensor, hidden: int) -> Tensor:
    """cₜ = fₜ ∘ cₜ₋₁ + iₜ ∘ gₜ: what the cell forgets of its memory and what it writes in."""
    n = hidden
    values, c0 = gates.data, c_prev.data
    f, i, g = values[..., :n], values[..., n : 2 * n], values[..., 3 * n :]

    def backward(dc: Array) -> Grads:  # ∂c/∂f = cₜ₋₁, ∂c/∂i = g, ∂c/∂g = i, ∂c/∂cₜ₋₁ = f
        by_f, by_i, by_g = dc * c0, dc * g, dc * i
        if by_f.shape != f.shape:  # a memory with more rows than the gates: summed back
            by_f, by_i, by_g = (unbroadcast(d, f.shape) for d in (by_f, by_i, by_g))
        by_o = np.zeros(f.shape)  # o plays no part in c
        return (
            np.concatenate((by_f, by_i, by_o, by_g), axis=-1),
            dc * f if c_prev.requires_grad else None,
        )

    def local() -> Grads:
        d = np.zeros(values.shape)
        d[..., :n], d[..., n : 2 * n], d[..., 3 * n :] = c0, g, i
        return d, f

    return gates._child(f * c0 + i * g, (gates, c_prev), "c", backward, local)


def hidden_state(gates: Tensor, c: Tensor, hidden: int) -> Tensor:
    """hₜ = oₜ ∘ tanh(cₜ): the part of the memory the output gate lets out."""
    n = hidden
    values = gates.data
    o, squashed = values[..., 2 * n : 3 * n], np.tanh(c.data)

    def slope() -> Array:  # ∂h/∂c = o·(1 − tanh² c)
        return o * (1.0 - squashed * squashed)

    def backward(dh: Array) -> Grads:  # ∂h/∂o = tanh c
        by_o = dh * squashed
        if by_o.shape != o.shape:  # a memory with more rows than the gates: summed back
            by_o = unbroadcast(by_o, o.shape)
        d = np.zeros(values.shape)  # only o plays a part in h
        d[..., 2 * n : 3 * n] = by_o
        return d, dh * slope()

    def local() -> Grads:
        d = np.zeros(values.shape)
        d[..., 2 * n : 3 * n] = squashed
        return d, slope()

    return gates._child(o * squashed, (gates, c), "h", backward, local)
