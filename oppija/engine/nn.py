"""Layers built from Tensors: the lecture's networks, each parameter a Tensor with a gradient.

Weights are stored inputs × outputs, so a layer computes ``x @ W + b``: for a row vector x
this is the lecture's Wᵀx.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import numpy as np

from oppija.arrays import Array
from oppija.engine.gates import cell_state, gate_values, hidden_state
from oppija.engine.tensor import Tensor, affine, concat

ACTIVATIONS = ("sigmoid", "tanh", "relu", "identity")


def activate(x: Tensor, name: str) -> Tensor:
    """Apply an activation function (aktiveerimisfunktsioon) by its name."""
    if name == "sigmoid":
        return x.sigmoid()
    if name == "tanh":
        return x.tanh()
    if name == "relu":
        return x.relu()
    if name == "identity":
        return x
    raise ValueError(f"unknown activation {name!r}; expected one of {', '.join(ACTIVATIONS)}")


def _rng(seed: int | np.random.Generator | None) -> np.random.Generator:
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


class Module:
    """Anything with parameters: finds them in its attributes, lists and sub-modules.

    Each layer defines its own ``forward`` (their arguments differ) and calls it on ``layer(...)``.
    """

    def named_parameters(self, prefix: str = "") -> Iterator[tuple[str, Tensor]]:
        for key, value in vars(self).items():
            yield from _named(value, f"{prefix}{key}")

    def parameters(self) -> list[Tensor]:
        return [p for _, p in self.named_parameters()]

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = None


def _named(value: object, name: str) -> Iterator[tuple[str, Tensor]]:
    if isinstance(value, Tensor):
        if value.requires_grad:
            yield name, value
    elif isinstance(value, Module):
        yield from value.named_parameters(f"{name}.")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _named(item, f"{name}.{i}")


class Linear(Module):
    """y = x·W + b, with W drawn uniformly in ±1/√inputs (the usual fan-in scale)."""

    def __init__(
        self,
        inputs: int,
        outputs: int,
        bias: bool = True,
        seed: int | np.random.Generator | None = 0,
        name: str = "W",
    ) -> None:
        rng = _rng(seed)
        bound = 1.0 / np.sqrt(inputs)
        self.weight = Tensor(rng.uniform(-bound, bound, (inputs, outputs)), True, name)
        self.bias = Tensor(rng.uniform(-bound, bound, outputs), True, f"b_{name}") if bias else None

    def forward(self, x: Tensor, activation: str = "identity") -> Tensor:
        """f(x·W + b) for the activation f named (by default none: the weighted sums)."""
        if self.bias is None:
            return activate(x @ self.weight, activation)
        return affine(x, self.weight, self.bias, activation)  # one node for the whole layer

    __call__ = forward


class MLP(Module):
    """A feed-forward network (otsesuunatud närvivõrk): Linear layers with an activation between.

    ``sizes`` lists the layer widths from input to output, e.g. ``[2, 4, 1]``. The hidden layers
    use ``activation``; the output uses ``output_activation`` ("identity" gives raw logits).
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activation: str = "sigmoid",
        output_activation: str = "identity",
        seed: int | np.random.Generator | None = 0,
    ) -> None:
        if len(sizes) < 2 or any(int(s) < 1 for s in sizes):
            raise ValueError("an MLP needs at least an input and an output size, each ≥ 1")
        for name in (activation, output_activation):
            if name not in ACTIVATIONS:
                raise ValueError(f"unknown activation {name!r}")
        rng = _rng(seed)
        self.activation = activation
        self.output_activation = output_activation
        self.layers = [
            Linear(int(a), int(b), seed=rng, name=f"W{i + 1}")
            for i, (a, b) in enumerate(itertools.pairwise(sizes))
        ]

    def forward(self, x: Tensor) -> Tensor:
        *hidden, last = self.layers
        for layer in hidden:
            x = layer.forward(x, self.activation)
        return last.forward(x, self.output_activation)

    __call__ = forward


class RNNCell(Module):
    """The lecture's recurrent cell: hᵢ = σ(Vᵀxᵢ + Wᵀhᵢ₋₁) (no bias, as on the slide)."""

    def __init__(
        self,
        inputs: int,
        hidden: int,
        activation: str = "sigmoid",
        seed: int | np.random.Generator | None = 0,
    ) -> None:
        rng = _rng(seed)
        self.activation = activation
        self.V = Tensor(rng.normal(0.0, 1.0 / np.sqrt(inputs), (inputs, hidden)), True, "V")
        self.W = Tensor(rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, hidden)), True, "W")

    def forward(self, x: Tensor, h: Tensor | None = None) -> Tensor:
        if h is None:
            h = Tensor(np.zeros((*x.shape[:-1], self.W.shape[0])))
        return activate(x @ self.V + h @ self.W, self.activation)

    __call__ = forward


def _side_by_side(gates: dict[str, Tensor]) -> Tensor:
    """One gate's weights after another along the last axis, in ``LSTMCell.GATES`` order."""
    return concat([gates[name] for name in LSTMCell.GATES], axis=-1)


class LSTMCell(Module):
    """The lecture's LSTM (pikk lühiajaline mälu), its five equations as on the slide.

    fₜ = σ(W_f xₜ + U_f hₜ₋₁ + b_f),  iₜ = σ(W_i xₜ + U_i hₜ₋₁ + b_i),
    oₜ = σ(W_o xₜ + U_o hₜ₋₁ + b_o),  cₜ = fₜ ∘ cₜ₋₁ + iₜ ∘ tanh(W_c xₜ + U_c hₜ₋₁ + b_c),
    hₜ = oₜ ∘ tanh(cₜ).
    After each call ``gates`` holds the values of f, i, o, the candidate g, c and h (the
    step's own arrays: read them, do not write into them).
    """

    GATES = ("f", "i", "o", "c")

    def __init__(
        self, inputs: int, hidden: int, seed: int | np.random.Generator | None = 0
    ) -> None:
        rng = _rng(seed)
        sx, sh = 1.0 / np.sqrt(inputs), 1.0 / np.sqrt(hidden)
        self.W = {
            g: Tensor(rng.uniform(-sx, sx, (inputs, hidden)), True, f"W_{g}") for g in self.GATES
        }
        self.U = {
            g: Tensor(rng.uniform(-sh, sh, (hidden, hidden)), True, f"U_{g}") for g in self.GATES
        }
        self.b = {g: Tensor(np.zeros(hidden), True, f"b_{g}") for g in self.GATES}
        self.b["f"].data[:] = 1.0  # start by remembering: a common, well-founded choice
        self.hidden = hidden
        self._last_step: tuple[Array, Array, Array] | None = None

    def named_parameters(self, prefix: str = "") -> Iterator[tuple[str, Tensor]]:
        for group, tensors in (("W", self.W), ("U", self.U), ("b", self.b)):
            for gate, tensor in tensors.items():
                yield f"{prefix}{group}_{gate}", tensor

    def joined(self) -> tuple[Tensor, Tensor, Tensor]:
        """W, U and b with the four gates side by side (f, i, o, c columns): one product a step."""
        return _side_by_side(self.W), _side_by_side(self.U), _side_by_side(self.b)

    def forward(
        self,
        x: Tensor,
        state: tuple[Tensor, Tensor] | None = None,
        joined: tuple[Tensor, Tensor, Tensor] | None = None,
    ) -> tuple[Tensor, Tensor]:
        """One time step; ``joined`` (from :meth:`joined`) saves joining the weights again."""
        if state is None:
            zeros = np.zeros((*x.shape[:-1], self.hidden))
            state = (Tensor(zeros), Tensor(zeros))
        h_prev, c_prev = state
        W, U, b = joined or self.joined()
        n = self.hidden
        gates = gate_values(x, h_prev, W, U, b, n)  # f, i, o = σ(…), g = tanh(…), side by side
        c = cell_state(gates, c_prev, n)  # cₜ = fₜ ∘ cₜ₋₁ + iₜ ∘ gₜ
        h = hidden_state(gates, c, n)  # hₜ = oₜ ∘ tanh(cₜ)
        self._last_step = (gates.data, c.data, h.data)
        return h, c

    @property
    def gates(self) -> dict[str, Array]:
        """f, i, o, the candidate g, c and h of the latest step, read when asked for."""
        if self._last_step is None:
            return {}
        values, c, h = self._last_step
        n = self.hidden
        f, i, o, g = (values[..., k * n : (k + 1) * n] for k in range(4))
        return {"f": f, "i": i, "o": o, "g": g, "c": c, "h": h}

    def unroll(
        self, xs: Sequence[Tensor], state: tuple[Tensor, Tensor] | None = None
    ) -> list[tuple[Tensor, Tensor]]:
        """(hₜ, cₜ) for every xₜ of a sequence, the weights joined once for all its steps."""
        joined = self.joined()
        states = []
        for x in xs:
            state = self.forward(x, state, joined)
            states.append(state)
        return states

    __call__ = forward
