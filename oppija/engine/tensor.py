"""The Tensor: a NumPy array that remembers how it was made, so that it can be differentiated.

Micrograd's shape over float64 arrays. Every operation builds a new Tensor whose ``_backward``
turns the upstream gradient into one gradient per parent, and whose ``_local`` gives the local
derivatives that the trace records (computed only while tracing). Each op keeps its forward and
backward side by side.
"""

from __future__ import annotations

import contextlib
import itertools
import operator
from collections.abc import Callable, Iterator, Sequence
from types import EllipsisType
from typing import SupportsIndex, TypeAlias

import numpy as np
import numpy.typing as npt

from oppija import arrays
from oppija.arrays import Array
from oppija.engine import trace as tracing

ArrayLike: TypeAlias = "Tensor | npt.ArrayLike"
"""What an op accepts besides a Tensor: a number, a nested sequence, an array."""
Grads: TypeAlias = tuple[Array | None, ...]
Index: TypeAlias = "Tensor | arrays.Index"
Axes: TypeAlias = SupportsIndex | Sequence[SupportsIndex] | arrays.IntArray

_grad_enabled = True
_creation = itertools.count()  # a child is always made after its parents: a topological order
_creation_number = operator.attrgetter("_seq")


@contextlib.contextmanager
def no_grad() -> Iterator[None]:
    """Build no graph inside the block: for evaluation and for optimiser updates."""
    global _grad_enabled
    previous = _grad_enabled
    _grad_enabled = False
    try:
        yield
    finally:
        _grad_enabled = previous


def is_grad_enabled() -> bool:
    """Whether new operations record their parents."""
    return _grad_enabled


def unbroadcast(grad: Array, shape: tuple[int, ...]) -> Array:
    """Sum a gradient back down to the shape of the input that NumPy broadcast."""
    if grad.shape == shape:
        return grad
    if grad.shape[1:] == shape:  # the common case: a bias added to every row of a batch
        summed: Array = np.add.reduce(grad, axis=0)  # grad.sum(axis=0) without its wrapper
        return summed
    extra = grad.ndim - len(shape)
    if extra > 0:
        grad = grad.sum(axis=tuple(range(extra)))
    axes = tuple(i for i, size in enumerate(shape) if size == 1 and grad.shape[i] != 1)
    if axes:
        grad = grad.sum(axis=axes, keepdims=True)
    return grad.reshape(shape)


def _whole_numbers(args: tuple[Axes, ...]) -> tuple[int, ...]:
    """``f(2, 3)`` and ``f((2, 3))`` alike, as NumPy's reshape and transpose accept both."""
    if len(args) == 1 and isinstance(args[0], Sequence | np.ndarray):
        return tuple(int(n) for n in args[0])
    numbers = []
    for n in args:
        if isinstance(n, Sequence | np.ndarray):
            raise TypeError("give either whole numbers or one sequence of them")
        numbers.append(int(n))
    return tuple(numbers)


_BASIC_INDEX = (slice, EllipsisType, int, np.integer)


def _names_each_element_once(index: arrays.Index) -> bool:
    """Slices, whole numbers and ``...`` (basic indexing) never name an element twice."""
    for part in index if isinstance(index, tuple) else (index,):
        if isinstance(part, bool) or not isinstance(part, _BASIC_INDEX):
            return False  # True and False add an axis; arrays and lists may repeat a position
    return True


def _scatter_add(
    shape: tuple[int, ...], index: arrays.Index, values: Array | float, once: bool
) -> Array:
    """Zeros of ``shape`` with ``values`` added at ``index``, repeated positions summed.

    ``once``: ``index`` names each element at most once (see ``_names_each_element_once``).
    """
    out = np.zeros(shape)
    if once:
        out[index] = values
        return out
    # NumPy's stub for ufunc.at takes only integer arrays, but at() indexes like [] does.
    np.add.at(out, index, values)  # type: ignore[arg-type]
    return out


def _any_requires_grad(parents: tuple[Tensor, ...]) -> bool:
    for parent in parents:  # noqa: SIM110 - a plain loop: this runs for every op
        if parent.requires_grad:
            return True
    return False


def stable_sigmoid(x: Array) -> Array:
    """σ(x) = 1/(1 + e⁻ˣ) without overflow: exp only ever sees −|x|."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def stable_log_softmax(x: Array, axis: int) -> Array:
    """log softmax with the maximum subtracted first, so exp never overflows."""
    shifted: Array = x - x.max(axis=axis, keepdims=True)
    totals: Array = np.exp(shifted).sum(axis=axis, keepdims=True)
    return shifted - np.log(totals)


class Tensor:
    """A float64 array with an optional gradient and the recipe that made it."""

    __slots__ = (
        "_acc",
        "_backward",
        "_local",
        "_parents",
        "_seq",
        "data",
        "grad",
        "name",
        "op",
        "requires_grad",
    )
    __array_priority__ = 1000  # so that ndarray + Tensor calls Tensor.__radd__

    data: Array
    grad: Array | None
    requires_grad: bool
    name: str
    op: str
    _seq: int
    _acc: Array | None
    _parents: tuple[Tensor, ...]
    _backward: Callable[[Array], Grads] | None
    _local: Callable[[], Grads] | None

    def __init__(self, data: ArrayLike, requires_grad: bool = False, name: str = "") -> None:
        if isinstance(data, Tensor):
            data = data.data
        self._start(np.array(data, dtype=np.float64, order="C"), requires_grad, name)

    # ----------------------------------------------------------------- plumbing
    def _start(self, data: Array, requires_grad: bool = False, name: str = "") -> None:
        """Every slot of a Tensor that no op made yet: no parents, no gradient."""
        self.data = data
        self.grad = None
        self.requires_grad = requires_grad
        self.name = name
        self.op = ""
        self._seq = next(_creation)
        self._acc = None
        self._parents = ()
        self._backward = None
        self._local = None

    def _child(
        self,
        data: Array,
        parents: tuple[Tensor, ...],
        op: str,
        backward: Callable[[Array], Grads],
        local: Callable[[], Grads] | None = None,
    ) -> Tensor:
        """A result of an op; it keeps its parents only when a gradient can flow back."""
        out = Tensor.__new__(Tensor)  # every slot set here, not in _start: ops run by the thousand
        out.data = data
        out.grad = None
        out.name = ""
        out.op = op
        out._seq = next(_creation)
        out._acc = None
        if _grad_enabled and (parents[0].requires_grad or _any_requires_grad(parents)):
            out.requires_grad = True
            out._parents = parents
            out._backward = backward
            out._local = local
        else:
            out.requires_grad = False
            out._parents = ()
            out._backward = None
            out._local = None
        return out

    @staticmethod
    def lift(value: ArrayLike) -> Tensor:
        """A constant Tensor for a scalar or an array (not copied); Tensors pass through."""
        if isinstance(value, Tensor):
            return value
        out = Tensor.__new__(Tensor)
        out._start(np.asarray(value, dtype=np.float64))
        return out

    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    @property
    def ndim(self) -> int:
        return self.data.ndim

    @property
    def size(self) -> int:
        return self.data.size

    def item(self) -> float:
        return float(self.data.item())

    def numpy(self) -> Array:
        return self.data

    def __len__(self) -> int:
        return len(self.data)

    def __repr__(self) -> str:
        grad = "" if self.grad is None else f", grad={self.grad!r}"
        return f"Tensor({self.data!r}{grad})"

    def detach(self) -> Tensor:
        """The same values, cut off from the graph."""
        return Tensor(self.data.copy())

    def zero_grad(self) -> None:
        self.grad = None

    # ------------------------------------------------------ elementwise binary
    def __add__(self, other: ArrayLike) -> Tensor:
        if not isinstance(other, Tensor):
            other = Tensor.lift(other)
        return self._child(
            self.data + other.data,
            (self, other),
            "+",
            lambda g: (g, g),  # ∂(a+b)/∂a = 1, ∂(a+b)/∂b = 1
            lambda: (np.ones_like(self.data), np.ones_like(other.data)),
        )

    def __sub__(self, other: ArrayLike) -> Tensor:
        if not isinstance(other, Tensor):
            other = Tensor.lift(other)
        return self._child(
            self.data - other.data,
            (self, other),
            "-",
            lambda g: (g, -g if other.requires_grad else None),  # ∂(a−b)/∂a = 1, ∂(a−b)/∂b = −1
            lambda: (np.ones_like(self.data), -np.ones_like(other.data)),
        )

    def __mul__(self, other: ArrayLike) -> Tensor:
        if not isinstance(other, Tensor):
            other = Tensor.lift(other)
        a, b = self.data, other.data
        return self._child(
            a * b,
            (self, other),
            "*",
            lambda g: (  # ∂(ab)/∂a = b, ∂(ab)/∂b = a
                g * b if self.requires_grad else None,
                g * a if other.requires_grad else None,
            ),
            lambda: (b, a),
        )

    def __truediv__(self, other: ArrayLike) -> Tensor:
        if not isinstance(other, Tensor):
            other = Tensor.lift(other)
        a, b = self.data, other.data
        return self._child(
            a / b,
            (self, other),
            "/",
            lambda g: (g / b, -g * a / (b * b)),  # ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²
            lambda: (1.0 / b, -a / (b * b)),
        )

    def __pow__(self, other: ArrayLike) -> Tensor:
        if not isinstance(other, Tensor):
            other = Tensor.lift(other)
        a, b = self.data, other.data
        if b.ndim == 0 and b == 2.0 and not other.requires_grad:  # a plain square, the common case
            return self._child(
                a * a,
                (self, other),
                "**",
                lambda g: (g * 2.0 * a, None),  # ∂a²/∂a = 2a
                lambda: (2.0 * a, np.zeros_like(b)),
            )
        out = a**b

        def local() -> tuple[Array, Array]:
            """∂aᵇ/∂a = b·aᵇ⁻¹ and ∂aᵇ/∂b = aᵇ·ln a, with PyTorch's conventions at the edges.

            b = 0 gives ∂/∂a = 0 (a⁰ = 1 is flat, also at a = 0 where aᵇ⁻¹ is infinite); a = 0
            with b ≥ 0 gives ∂/∂b = 0 (aᵇ·ln a → 0); a < 0 gives ∂/∂b = NaN: aᵇ is not even
            defined for the b near an integer one, so it has no slope along b. Never 0 there.
            """
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                by_a = np.where(b == 0.0, 0.0, b * a ** (b - 1.0))
                ln_a = np.log(np.where(a < 0, np.nan, a))  # NaN, not a warning, for a < 0
                by_b = np.where((a == 0.0) & (b >= 0.0), 0.0, out * ln_a)
            return by_a, by_b

        def backward(g: Array) -> Grads:
            da, db = local()
            return g * da, (g * db if other.requires_grad else None)

        return self._child(out, (self, other), "**", backward, local)

    def __radd__(self, other: ArrayLike) -> Tensor:
        return Tensor.lift(other) + self

    def __rsub__(self, other: ArrayLike) -> Tensor:
        return Tensor.lift(other) - self

    def __rmul__(self, other: ArrayLike) -> Tensor:
        return Tensor.lift(other) * self

    def __rtruediv__(self, other: ArrayLike) -> Tensor:
        return Tensor.lift(other) / self

    def __rpow__(self, other: ArrayLike) -> Tensor:
        return Tensor.lift(other) ** self

    def __neg__(self) -> Tensor:
        return self._child(
            -self.data,
            (self,),
            "neg",
            lambda g: (-g,),  # ∂(−a)/∂a = −1
            lambda: (-np.ones_like(self.data),),
        )

    # ------------------------------------------------------------------ matmul
    def __matmul__(self, other: ArrayLike) -> Tensor:
        if not isinstance(other, Tensor):
            other = Tensor.lift(other)
        a, b = self.data, other.data

        def backward(g: Array) -> Grads:  # ∂(AB)/∂A = g·Bᵀ, ∂(AB)/∂B = Aᵀ·g
            if a.ndim == 2 and b.ndim == 2:
                return (
                    g @ b.T if self.requires_grad else None,
                    a.T @ g if other.requires_grad else None,
                )
            a2 = a[None, :] if a.ndim == 1 else a
            b2 = b[:, None] if b.ndim == 1 else b
            g2 = g
            if b.ndim == 1:  # restore the axes that 1-D operands lost, the last one first
                g2 = np.expand_dims(g2, -1)
            if a.ndim == 1:
                g2 = np.expand_dims(g2, -2)
            ga = gb = None
            if self.requires_grad:
                ga = g2 @ np.swapaxes(b2, -1, -2)
                if a.ndim == 1:
                    ga = ga.reshape(ga.shape[:-2] + ga.shape[-1:])
                ga = unbroadcast(ga, a.shape)
            if other.requires_grad:
                gb = np.swapaxes(a2, -1, -2) @ g2
                if b.ndim == 1:
                    gb = gb.reshape(gb.shape[:-1])
                gb = unbroadcast(gb, b.shape)
            return ga, gb

        return self._child(a @ b, (self, other), "@", backward, lambda: (b, a))

    def __rmatmul__(self, other: ArrayLike) -> Tensor:
        return Tensor.lift(other) @ self

    # ------------------------------------------------------------- reductions
    def sum(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        shape = self.data.shape

        def backward(g: Array) -> Grads:  # ∂Σa/∂aᵢ = 1: spread g back over the summed axes
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)
            return (np.zeros(shape) + g,)

        return self._child(
            self.data.sum(axis=axis, keepdims=keepdims),
            (self,),
            "sum",
            backward,
            lambda: (np.ones(shape),),
        )

    def mean(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        shape = self.data.shape
        count = (
            self.data.size
            if axis is None
            else int(np.prod([shape[i] for i in np.atleast_1d(axis)]))
        )

        def backward(g: Array) -> Grads:  # ∂mean/∂aᵢ = 1/n
            if axis is None:
                return (np.full(shape, g.item() / count),)
            if not keepdims:
                g = np.expand_dims(g, axis)
            return (np.zeros(shape) + g / count,)

        return self._child(
            self.data.mean(axis=axis, keepdims=keepdims),
            (self,),
            "mean",
            backward,
            lambda: (np.full(shape, 1.0 / count),),
        )

    # ------------------------------------------------------- elementwise unary
    def _elementwise(self, out: Array, op: str, local: Callable[[], Array]) -> Tensor:
        """An op whose gradient is the upstream gradient times a local derivative."""
        return self._child(out, (self,), op, lambda g: (g * local(),), lambda: (local(),))

    def exp(self) -> Tensor:
        e = np.exp(self.data)
        return self._elementwise(e, "exp", lambda: e)  # (eᵃ)′ = eᵃ

    def log(self) -> Tensor:
        a = self.data
        return self._elementwise(np.log(a), "log", lambda: 1.0 / a)  # (ln a)′ = 1/a

    def sigmoid(self) -> Tensor:
        s = stable_sigmoid(self.data)
        return self._elementwise(s, "sigmoid", lambda: s * (1.0 - s))  # σ′ = σ(1 − σ)

    def tanh(self) -> Tensor:
        t = np.tanh(self.data)
        return self._elementwise(t, "tanh", lambda: 1.0 - t * t)  # tanh′ = 1 − tanh²

    def relu(self) -> Tensor:
        a = self.data
        return self._elementwise(np.maximum(a, 0.0), "relu", lambda: (a > 0).astype(np.float64))

    def sin(self) -> Tensor:
        a = self.data
        return self._elementwise(np.sin(a), "sin", lambda: np.cos(a))  # sin′ = cos

    def cos(self) -> Tensor:
        a = self.data
        return self._elementwise(np.cos(a), "cos", lambda: -np.sin(a))  # cos′ = −sin

    def abs(self) -> Tensor:
        a = self.data
        return self._elementwise(np.abs(a), "abs", lambda: np.sign(a))  # |a|′ = sign a

    def sqrt(self) -> Tensor:
        r = np.sqrt(self.data)
        return self._elementwise(r, "sqrt", lambda: 0.5 / r)  # (√a)′ = 1/(2√a)

    def clip(self, low: float, high: float) -> Tensor:
        a = self.data
        inside = lambda: ((a >= low) & (a <= high)).astype(np.float64)  # noqa: E731
        return self._elementwise(np.clip(a, low, high), "clip", inside)

    # ------------------------------------------------------- along one axis
    def softmax(self, axis: int = -1) -> Tensor:
        s = np.exp(stable_log_softmax(self.data, axis))

        def backward(g: Array) -> Grads:  # ∂sᵢ/∂aⱼ = sᵢ(δᵢⱼ − sⱼ)
            return (s * (g - (g * s).sum(axis=axis, keepdims=True)),)

        return self._child(s, (self,), "softmax", backward, lambda: (s * (1.0 - s),))

    def log_softmax(self, axis: int = -1) -> Tensor:
        ls = stable_log_softmax(self.data, axis)

        def backward(g: Array) -> Grads:  # ∂(log sᵢ)/∂aⱼ = δᵢⱼ − sⱼ
            return (g - np.exp(ls) * g.sum(axis=axis, keepdims=True),)

        return self._child(ls, (self,), "log_softmax", backward, lambda: (1.0 - np.exp(ls),))

    # ------------------------------------------------------------------ shape
    def reshape(self, *shape: Axes) -> Tensor:
        new_shape = _whole_numbers(shape)
        old = self.data.shape
        return self._child(
            self.data.reshape(new_shape),
            (self,),
            "reshape",
            lambda g: (g.reshape(old),),
            lambda: (np.ones(old),),
        )

    def transpose(self, *axes: Axes) -> Tensor:
        order = _whole_numbers(axes) or tuple(reversed(range(self.data.ndim)))
        inverse = tuple(np.argsort(order))
        return self._child(
            self.data.transpose(order),
            (self,),
            "T",
            lambda g: (g.transpose(inverse),),
            lambda: (np.ones(self.data.shape),),
        )

    @property
    def T(self) -> Tensor:
        return self.transpose()

    def __getitem__(self, index: Index) -> Tensor:
        if isinstance(index, Tensor):
            index = index.data.astype(np.intp)
        shape = self.data.shape
        once = _names_each_element_once(index)

        def backward(g: Array) -> Grads:  # the slice's gradient lands where it came from
            return (_scatter_add(shape, index, g, once),)

        def local() -> Grads:
            return (_scatter_add(shape, index, 1.0, once),)

        return self._child(self.data[index], (self,), "[]", backward, local)

    # --------------------------------------------------------------- backward
    def _graph(self) -> list[Tensor]:
        """The nodes between this one and the leaves, latest made first: a topological order.

        A node is always made after its parents, so once sorted by creation number every node
        comes after all the nodes that used it. The list grows while it is read (no recursion).
        """
        nodes = [self]
        seen = {self}
        for node in nodes:
            for parent in node._parents:
                if parent._parents and parent not in seen:  # a leaf has no turn of its own
                    seen.add(parent)
                    nodes.append(parent)
        nodes.sort(key=_creation_number, reverse=True)
        return nodes

    def backward(self, grad: ArrayLike | None = None) -> None:
        """Fill ``.grad`` of everything this Tensor depends on, in reverse topological order.

        Leaves accumulate (``+=``) over calls; inner nodes hold the gradient of the latest call.
        """
        if not self.requires_grad:
            raise RuntimeError("backward() on a Tensor that does not require a gradient")
        if grad is None:  # ∂out/∂out = 1 (np.ones is a Python wrapper: slower than this)
            seed = np.zeros(self.data.shape)
            seed += 1.0
        else:
            seed = np.array(grad, dtype=np.float64)
        if seed.shape != self.data.shape:
            seed = np.broadcast_to(seed, self.data.shape).copy()
        if not self._parents:  # a leaf's gradient with respect to itself
            self.grad = seed if self.grad is None else self.grad + seed
            return

        recorder = tracing.active_recorder()
        order = self._graph()
        summed: set[Tensor] = set()  # nodes whose gathered gradient is an array this walk made
        self._acc = seed
        try:
            for node in order:  # every node that used this one has passed its share back
                g = node._acc
                if g is None:  # no gradient reached it this time
                    continue
                node._acc = None
                node.grad = g
                assert node._backward is not None  # every node with parents has one
                parent_grads = node._backward(g)
                if recorder is not None:
                    recorder.record(node, g, parent_grads)
                for parent, pg in zip(node._parents, parent_grads):  # noqa: B905 - one per parent
                    if pg is None or not parent.requires_grad:
                        continue
                    shape = parent.data.shape
                    if pg.shape != shape:
                        pg = unbroadcast(pg, shape)
                    if parent._parents:  # summed until its own turn comes
                        acc = parent._acc
                        if acc is None:
                            parent._acc = pg
                        elif parent in summed:  # no one else holds that array: added in place
                            acc += pg
                        else:
                            parent._acc = acc + pg
                            summed.add(parent)
                    elif parent.grad is None:  # a leaf's own array: g or a view of it is copied
                        parent.grad = pg.copy() if pg is g or pg.base is not None else pg
                    else:  # a leaf adds up, also over calls
                        parent.grad = parent.grad + pg
        except BaseException:  # leave no half-summed gradient behind for the next call
            for node in order:
                node._acc = None
            raise


LAYER_ACTIVATIONS: dict[
    str, tuple[Callable[[Array], Array] | None, Callable[[Array], Array] | None]
]
LAYER_ACTIVATIONS = {
    "identity": (None, None),  # the weighted sums themselves
    "sigmoid": (stable_sigmoid, lambda y: y * (1.0 - y)),  # σ′ = σ(1 − σ)
    "tanh": (np.tanh, lambda y: 1.0 - y * y),  # tanh′ = 1 − tanh²
    "relu": (lambda z: np.maximum(z, 0.0), lambda y: (y > 0.0).astype(np.float64)),  # 1 where z > 0
}
"""What affine() can apply after the weighted sums, each derivative written from the output y."""


def affine(
    x: Tensor | ArrayLike, weight: Tensor, bias: Tensor, activation: str = "identity"
) -> Tensor:
    """``x @ weight + bias`` as one node: a layer's weighted sums, and its activation if named.

    The lecture draws a neuron as a weighted sum and then an activation function; this is a
    layer of them as one node and one turn backward, where the general ops took two or three,
    with the same numbers (the tests compare them). ``weight`` is inputs × outputs, ``bias`` one
    number per output, ``x`` one row or many; ``activation`` one of ``LAYER_ACTIVATIONS``.
    """
    xt = x if isinstance(x, Tensor) else Tensor.lift(x)
    a, w, b = xt.data, weight.data, bias.data
    if w.ndim != 2 or b.shape != w.shape[1:]:
        raise ValueError(
            f"affine() needs a weight matrix (inputs × outputs) and a bias for each output, "
            f"not shapes {w.shape} and {b.shape}"
        )
    if activation not in LAYER_ACTIVATIONS:
        raise ValueError(f"affine(): unknown activation {activation!r}")
    try:
        out = a @ w + b
    except ValueError:  # NumPy's words for it name gufunc signatures
        raise ValueError(f"affine(): x of shape {a.shape} does not fit W of {w.shape}") from None
    squash, slope = LAYER_ACTIVATIONS[activation]
    if squash is not None:
        out = squash(out)

    def backward(g: Array) -> Grads:  # ∂/∂x = g·Wᵀ, ∂/∂W = xᵀ·g, ∂/∂b = Σ over the rows of g
        if slope is not None:  # back through the activation first: g·f′ at the weighted sums
            g = g * slope(out)
        rows, g_rows = (
            (a, g) if a.ndim == 2 else (a.reshape(-1, w.shape[0]), g.reshape(-1, w.shape[1]))
        )
        return (
            g @ w.T if xt.requires_grad else None,
            rows.T @ g_rows if weight.requires_grad else None,
            np.add.reduce(g_rows, axis=0) if bias.requires_grad else None,
        )

    def local() -> Grads:  # as for @ and +: the other factor; the bias's own slope
        return w, a, np.ones_like(out) if slope is None else slope(out)

    return xt._child(out, (xt, weight, bias), _LAYER_OPS[activation], backward, local)


_LAYER_OPS = {
    name: "affine" if name == "identity" else f"{name}(affine)" for name in LAYER_ACTIVATIONS
}
"""The op each layer node is traced as: affine, sigmoid(affine), …"""


def stack(tensors: Sequence[Tensor | ArrayLike], axis: int = 0) -> Tensor:
    """Join same-shaped Tensors along a new axis; each gets its slice of the gradient back."""
    parts = tuple(Tensor.lift(t) for t in tensors)
    if not parts:
        raise ValueError("stack() needs at least one tensor")
    data = np.stack([p.data for p in parts], axis=axis)

    def backward(g: Array) -> Grads:
        return tuple(np.take(g, i, axis=axis) for i in range(len(parts)))

    return parts[0]._child(
        data, parts, "stack", backward, lambda: tuple(np.ones(p.data.shape) for p in parts)
    )


def concat(tensors: Sequence[Tensor | ArrayLike], axis: int = 0) -> Tensor:
    """Join Tensors end to end along an existing axis; each gets its stretch of the gradient."""
    parts = tuple([t if isinstance(t, Tensor) else Tensor.lift(t) for t in tensors])
    if not parts:
        raise ValueError("concat() needs at least one tensor")
    data = np.concatenate([p.data for p in parts], axis=axis)

    def backward(g: Array) -> Grads:  # part k's gradient is its stretch along the joined axis
        index = [slice(None)] * g.ndim
        stretches = []
        end = 0
        for p in parts:
            start, end = end, end + p.data.shape[axis]
            index[axis] = slice(start, end)
            stretches.append(g[tuple(index)])
        return tuple(stretches)

    return parts[0]._child(
        data, parts, "concat", backward, lambda: tuple(np.ones(p.data.shape) for p in parts)
    )
