"""Every Tensor op and loss: forward value against NumPy, backward against central differences.

The lessons show learners gradients computed by the engine, so every op must differentiate
correctly for any shape NumPy accepts — including broadcasting, reflected operands, reused
nodes and very deep graphs — and must stay finite on large inputs.
"""

from __future__ import annotations

import itertools
import operator
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from oppija.engine import (
    Tensor,
    affine,
    binary_cross_entropy,
    concat,
    cross_entropy,
    is_grad_enabled,
    mse_loss,
    no_grad,
    stack,
)
from oppija.engine.gradcheck import gradcheck, numeric_gradient
from oppija.engine.trace import trace

TOL = 1e-6
FAST = settings(
    max_examples=25,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],  # no slow 'explain' phase
    suppress_health_check=[HealthCheck.too_slow],
)
SHAPES = hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4)


# ----------------------------------------------------------------------------- helpers
def floats(lo: float = -3.0, hi: float = 3.0) -> st.SearchStrategy[float]:
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def away_from(points: Sequence[float], gap: float = 0.1) -> st.SearchStrategy[float]:
    """Floats in [-3, 3] at least ``gap`` from each of ``points`` (kinks of relu, abs, clip)."""
    edges = [-3.0, *sorted(points), 3.0]
    pieces = [
        floats(lo + (gap if i > 0 else 0.0), hi - (gap if i < len(edges) - 2 else 0.0))
        for i, (lo, hi) in enumerate(itertools.pairwise(edges))
    ]
    return st.one_of(*pieces)


NONZERO = away_from([0.0], gap=0.5)
POSITIVE = floats(0.2, 3.0)


def arrays(
    shape: Any = SHAPES, elements: st.SearchStrategy[float] | None = None
) -> st.SearchStrategy[np.ndarray]:
    return hnp.arrays(np.float64, shape, elements=floats() if elements is None else elements)


def weights(shape: tuple[int, ...]) -> np.ndarray:
    """A fixed, uneven weight per output element, so that a misplaced gradient shows up."""
    size = int(np.prod(shape, dtype=int))
    return np.cos(0.7 * np.arange(size) + 0.3).reshape(shape) + 1.5


def assert_gradcheck(
    fn: Callable[..., Tensor], *arrays_: np.ndarray | Tensor, tol: float = TOL
) -> list[Tensor]:
    """gradcheck Σ w·fn(inputs), relative to the gradient's size; returns the inputs."""
    tensors = [
        a if isinstance(a, Tensor) else Tensor(np.array(a, dtype=np.float64), requires_grad=True)
        for a in arrays_
    ]
    w = Tensor(weights(fn(*tensors).shape))
    errors = gradcheck(lambda: fn(*tensors) * w, tensors)
    for k, (t, err) in enumerate(zip(tensors, errors, strict=True)):
        grad = np.zeros_like(t.data) if t.grad is None else t.grad
        assert grad.shape == t.shape, f"input {k}: gradient shape {grad.shape} ≠ {t.shape}"
        scale = max(1.0, float(np.max(np.abs(grad), initial=0.0)))
        assert err <= tol * scale, f"input {k}: analytic and numeric gradient differ by {err}"
    return tensors


@contextmanager
def strict_numerics() -> Iterator[None]:
    """Fail on any RuntimeWarning or overflow / division by zero / invalid value."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
            yield


@st.composite
def broadcast_pair(
    draw: st.DrawFn,
    left: st.SearchStrategy[float] | None = None,
    right: st.SearchStrategy[float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    shapes = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4))
    a_shape, b_shape = shapes.input_shapes
    return draw(arrays(a_shape, left)), draw(arrays(b_shape, right))


@st.composite
def array_and_axis(
    draw: st.DrawFn, allow_tuple: bool = True
) -> tuple[np.ndarray, int | tuple[int, ...] | None]:
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
    nd = len(shape)
    options: list[st.SearchStrategy[Any]] = [st.integers(-nd, nd - 1)]
    if allow_tuple:
        options.append(st.none())
        options.append(
            st.lists(st.integers(0, nd - 1), min_size=1, max_size=nd, unique=True).map(
                lambda axes: tuple(a - nd if k % 2 else a for k, a in enumerate(axes))
            )
        )
    return draw(arrays(shape)), draw(st.one_of(*options))


# ----------------------------------------------------------------------- binary ops
BINARY = {
    "+": (operator.add, None),
    "-": (operator.sub, None),
    "*": (operator.mul, None),
    "/": (operator.truediv, NONZERO),
}


@pytest.mark.parametrize("symbol", list(BINARY))
@FAST
@given(data=st.data())
def test_binary_op_with_broadcasting(symbol: str, data: st.DataObject) -> None:
    """a ∘ b for any broadcastable shapes; each gradient is summed back to its input's shape."""
    op, right = BINARY[symbol]
    a, b = data.draw(broadcast_pair(right=right))
    result = op(Tensor(a), Tensor(b))
    np.testing.assert_allclose(result.data, op(a, b), rtol=1e-12)
    assert_gradcheck(op, a, b)


@FAST
@given(x=arrays(elements=away_from([0.0], gap=0.2)), power=st.sampled_from([0, 1, 2, 3, -1, -2]))
def test_pow_integer_scalar_exponent(x: np.ndarray, power: int) -> None:
    """t ** n for an integer n works for bases of either sign (2 takes a faster path)."""
    np.testing.assert_allclose((Tensor(x) ** power).data, x ** float(power), rtol=1e-12)
    assert_gradcheck(lambda t: t**power, x)


@FAST
@given(x=arrays(elements=POSITIVE), power=st.sampled_from([0.5, 1.5, -0.5, 2.5, -1.3]))
def test_pow_real_scalar_exponent(x: np.ndarray, power: float) -> None:
    """t ** r for a real r on positive bases."""
    np.testing.assert_allclose((Tensor(x) ** power).data, x**power, rtol=1e-12)
    assert_gradcheck(lambda t: t**power, x)


@FAST
@given(pair=broadcast_pair(left=POSITIVE, right=floats(-2.0, 2.0)))
@example(pair=(np.array([0.5, 1.5]), np.array(2.0)))  # an exponent of exactly 2
def test_pow_tensor_exponent(pair: tuple[np.ndarray, np.ndarray]) -> None:
    """a ** b with both a Tensor: ∂/∂a = b·aᵇ⁻¹ and ∂/∂b = aᵇ·ln a, broadcast back."""
    a, b = pair
    np.testing.assert_allclose((Tensor(a) ** Tensor(b)).data, a**b, rtol=1e-12)
    assert_gradcheck(operator.pow, a, b)


@FAST
@given(x=arrays(elements=floats(-2.0, 2.0)), base=st.sampled_from([0.5, 2.0, 3.0, float(np.e)]))
@example(x=np.array(2.0), base=3.0)  # an exponent of exactly 2
def test_scalar_to_the_power_of_tensor(x: np.ndarray, base: float) -> None:
    """base ** t (Tensor.__rpow__): ∂/∂t = baseᵗ·ln base."""
    np.testing.assert_allclose((base ** Tensor(x)).data, base**x, rtol=1e-12)
    assert_gradcheck(lambda t: base**t, x)


def test_pow_by_tensor_two_differentiates_the_exponent() -> None:
    """The exponent's gradient aᵇ·ln a must not vanish when the exponent happens to be 2."""
    a = Tensor([1.5, 2.0], requires_grad=True)
    b = Tensor(2.0, requires_grad=True)
    (a**b).sum().backward()
    assert b.grad is not None, "a ** Tensor(2.0) gives the exponent no gradient"
    np.testing.assert_allclose(b.grad, np.sum(a.data**2 * np.log(a.data)), rtol=1e-12)
    np.testing.assert_allclose(a.grad, 2.0 * a.data, rtol=1e-12)


def test_scalar_to_the_power_of_tensor_two() -> None:
    """3 ** t at t = 2 has derivative 9·ln 3, like at any other t."""
    t = Tensor(2.0, requires_grad=True)
    (3.0**t).backward()
    assert t.grad is not None, "3.0 ** Tensor(2.0) gives t no gradient"
    np.testing.assert_allclose(t.grad, 9.0 * np.log(3.0), rtol=1e-12)


def test_pow_by_the_exponent_at_a_negative_base_is_nan_not_zero() -> None:
    """∂(aᵇ)/∂b = aᵇ·ln a has no value for a < 0: NaN, never the 0 it used to be (issue 13).

    PyTorch agrees (reasoned from its autograd formula, torch is not installed here): the
    exponent's gradient of ``torch.pow`` is ``result * self.log()``, replaced by 0 only where
    ``self == 0`` and ``exponent >= 0``; ``log`` of a negative number is nan, so
    ``torch.tensor(-2.).pow(torch.tensor(3., requires_grad=True))`` gets ``grad = nan`` for
    the exponent, while the base's gradient b·aᵇ⁻¹ = 12 is an ordinary number.
    """
    a = Tensor([-2.0, 0.0, 0.0, 2.0], requires_grad=True)
    b = Tensor([3.0, 3.0, 0.0, 3.0], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # NaN by construction, not by a NumPy warning
        (a**b).sum().backward()
    assert b.grad is not None and a.grad is not None
    assert np.isnan(b.grad[0])  # a < 0: undefined
    assert b.grad[1] == 0.0 and b.grad[2] == 0.0  # a = 0, b ≥ 0: 0 by convention (aᵇ·ln a → 0)
    np.testing.assert_allclose(b.grad[3], 8.0 * np.log(2.0), rtol=1e-12)
    # ∂/∂a = b·aᵇ⁻¹, with 0 where b = 0 (0⁰ = 1 is flat; 0·0⁻¹ would be NaN)
    np.testing.assert_array_equal(a.grad, [12.0, 0.0, 0.0, 12.0])


def test_pow_by_the_exponent_at_a_negative_base_traces_nan() -> None:
    """The trace's local derivative, which the graph demo shows, is NaN too."""
    x = Tensor(-2.0, requires_grad=True)
    y = Tensor(3.0, requires_grad=True)
    with trace() as recorder:
        (x**y).backward()
    (record,) = recorder.steps
    local_x, local_y = (parent.local for parent in record.parents)
    assert local_x is not None and local_y is not None
    assert float(local_x) == 12.0
    assert np.isnan(local_y)


REFLECTED: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "**": operator.pow,
}
LEFT_KINDS = ["python-scalar", "numpy-scalar", "numpy-array"]


def _left_operand(kind: str, shape: tuple[int, ...]) -> Any:
    if kind == "python-scalar":
        return 1.5
    if kind == "numpy-scalar":
        return np.float64(1.5)
    return 0.5 + np.arange(int(np.prod(shape, dtype=int))).reshape(shape) % 3


@pytest.mark.parametrize("kind", LEFT_KINDS)
@pytest.mark.parametrize("symbol", list(REFLECTED))
@FAST
@given(x=arrays(shape=hnp.array_shapes(min_dims=0, max_dims=2, max_side=4), elements=NONZERO))
def test_reflected_op_with_constant_on_the_left(symbol: str, kind: str, x: np.ndarray) -> None:
    """`2 * t`, `np.ones(3) + t`, … return a Tensor (not an object array) and differentiate."""
    op = REFLECTED[symbol]
    left = _left_operand(kind, x.shape)
    result = op(left, Tensor(x))
    assert isinstance(result, Tensor)
    assert result.data.dtype == np.float64
    np.testing.assert_allclose(result.data, op(np.asarray(left, dtype=np.float64), x), rtol=1e-12)
    assert_gradcheck(lambda t: op(left, t), x)


@FAST
@given(x=arrays(shape=hnp.array_shapes(min_dims=1, max_dims=2, max_side=4)))
def test_numpy_array_matmul_tensor(x: np.ndarray) -> None:
    """`A @ t` with A a NumPy array calls Tensor.__rmatmul__."""
    left = np.cos(np.arange(3 * x.shape[0])).reshape(3, x.shape[0])
    result = left @ Tensor(x)
    assert isinstance(result, Tensor)
    np.testing.assert_allclose(result.data, left @ x, rtol=1e-12)
    assert_gradcheck(lambda t: left @ t, x)


@FAST
@given(x=arrays())
def test_unary_minus(x: np.ndarray) -> None:
    np.testing.assert_array_equal((-Tensor(x)).data, -x)
    assert_gradcheck(operator.neg, x)


# --------------------------------------------------------------------------- matmul
MATMUL_SHAPES = {
    "2d@2d": lambda b, m, k, n: ((m, k), (k, n)),
    "1d@2d": lambda b, m, k, n: ((k,), (k, n)),
    "2d@1d": lambda b, m, k, n: ((m, k), (k,)),
    "1d@1d": lambda b, m, k, n: ((k,), (k,)),
    "3d@2d": lambda b, m, k, n: ((b, m, k), (k, n)),
    "2d@3d": lambda b, m, k, n: ((m, k), (b, k, n)),
    "3d@3d": lambda b, m, k, n: ((b, m, k), (b, k, n)),
    "3d@1d": lambda b, m, k, n: ((b, m, k), (k,)),
}


@pytest.mark.parametrize("case", list(MATMUL_SHAPES))
@FAST
@given(data=st.data(), dims=st.tuples(*[st.integers(1, 4)] * 4))
def test_matmul(case: str, data: st.DataObject, dims: tuple[int, int, int, int]) -> None:
    """A @ B for vectors, matrices and batches; batch dimensions are summed out of B's grad."""
    a_shape, b_shape = MATMUL_SHAPES[case](*dims)
    a, b = data.draw(arrays(a_shape)), data.draw(arrays(b_shape))
    np.testing.assert_allclose((Tensor(a) @ Tensor(b)).data, a @ b, rtol=1e-12, atol=1e-12)
    assert_gradcheck(operator.matmul, a, b)


def test_vector_dot_vector_backward() -> None:
    """v @ w of two 1-D Tensors is a scalar whose gradients are w and v."""
    v = Tensor([1.0, 2.0, 3.0], requires_grad=True)
    w = Tensor([4.0, 5.0, 6.0], requires_grad=True)
    (v @ w).backward()
    np.testing.assert_array_equal(v.grad, w.data)
    np.testing.assert_array_equal(w.grad, v.data)


@FAST
@given(
    data=st.data(),
    rows=st.sampled_from([(), (3,), (2, 3)]),
    dims=st.tuples(*[st.integers(1, 4)] * 2),
)
def test_affine_is_matmul_plus_bias(
    data: st.DataObject, rows: tuple[int, ...], dims: tuple[int, int]
) -> None:
    """affine(x, W, b) = x @ W + b for one row, a batch and a batch of batches, all three
    differentiated (a Linear layer's one node)."""
    inputs, outputs = dims
    x = data.draw(arrays((*rows, inputs)))
    w, b = data.draw(arrays((inputs, outputs))), data.draw(arrays((outputs,)))
    np.testing.assert_allclose(
        affine(Tensor(x), Tensor(w), Tensor(b)).data, x @ w + b, rtol=1e-12, atol=1e-12
    )
    assert_gradcheck(affine, x, w, b)


def test_affine_with_a_constant_input_differentiates_the_weights_only() -> None:
    """A batch of data (an array, not a Tensor) is lifted; W and b get x@W+b's gradients."""
    x = np.array([[1.0, 2.0], [3.0, -1.0]])
    w = Tensor([[0.5], [-0.25]], requires_grad=True)
    b = Tensor([0.1], requires_grad=True)
    out = affine(x, w, b)
    (out * Tensor([[1.0], [2.0]])).sum().backward()
    np.testing.assert_allclose(w.grad, x.T @ np.array([[1.0], [2.0]]))
    np.testing.assert_allclose(b.grad, [3.0])


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_affine_with_an_activation_is_the_general_ops(activation: str) -> None:
    """affine(x, W, b, f) = f(x @ W + b): the values and every gradient of the two ops, and
    central differences agree (ReLU's inputs kept away from its kink)."""
    rng = np.random.default_rng(1)
    x, w, b = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)
    z = x @ w + b
    x[np.abs(z).min(axis=1) < 0.05] += 0.2  # no weighted sum right at ReLU's kink
    fused = [Tensor(v, requires_grad=True) for v in (x, w, b)]
    general = [Tensor(v, requires_grad=True) for v in (x, w, b)]
    up = Tensor(weights((5, 4)))
    out = affine(*fused, activation)
    expected = getattr(general[0] @ general[1] + general[2], activation)()
    np.testing.assert_allclose(out.data, expected.data, rtol=1e-12)
    (out * up).sum().backward()
    (expected * up).sum().backward()
    for mine, theirs in zip(fused, general, strict=True):
        np.testing.assert_allclose(mine.grad, theirs.grad, rtol=1e-12, atol=1e-15)
    assert_gradcheck(lambda *ts: affine(*ts, activation), x, w, b)


def test_affine_refuses_an_unknown_activation() -> None:
    with pytest.raises(ValueError, match="softplus"):
        affine(Tensor(np.ones((1, 2))), Tensor(np.ones((2, 2))), Tensor(np.ones(2)), "softplus")


@pytest.mark.parametrize(
    ("x_shape", "w_shape", "b_shape"),
    [
        ((2, 3), (4, 5), (5,)),
        ((2, 3), (3, 5), (4,)),
        ((), (3, 5), (5,)),
        ((3,), (3,), (3,)),
        ((2, 3), (3, 5), (4, 2, 5)),
    ],
)
def test_affine_rejects_shapes_that_do_not_fit(
    x_shape: tuple[int, ...], w_shape: tuple[int, ...], b_shape: tuple[int, ...]
) -> None:
    with pytest.raises(ValueError, match="affine"):
        affine(Tensor(np.ones(x_shape)), Tensor(np.ones(w_shape)), Tensor(np.ones(b_shape)))


# ----------------------------------------------------------------------- reductions
@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("reduction", ["sum", "mean"])
@FAST
@given(case=array_and_axis())
def test_sum_and_mean(
    reduction: str, keepdims: bool, case: tuple[np.ndarray, int | tuple[int, ...] | None]
) -> None:
    """sum / mean over all elements, one axis (also negative) or several, keepdims either way."""
    x, axis = case
    result = getattr(Tensor(x), reduction)(axis=axis, keepdims=keepdims)
    expected = getattr(np, reduction)(x, axis=axis, keepdims=keepdims)
    assert result.shape == expected.shape
    np.testing.assert_allclose(result.data, expected, rtol=1e-12, atol=1e-12)
    assert_gradcheck(lambda t: getattr(t, reduction)(axis=axis, keepdims=keepdims), x)


@pytest.mark.parametrize("reduction", ["sum", "mean"])
def test_reduction_of_a_scalar(reduction: str) -> None:
    """Reducing a 0-d Tensor is the identity, gradient 1."""
    t = Tensor(2.5, requires_grad=True)
    getattr(t, reduction)().backward()
    assert t.grad == pytest.approx(1.0)


# -------------------------------------------------------------- elementwise unary
UNARY: dict[str, tuple[Callable[[Tensor], Tensor], Callable[[np.ndarray], np.ndarray], Any]] = {
    "exp": (Tensor.exp, np.exp, floats()),
    "log": (Tensor.log, np.log, floats(0.1, 3.0)),
    "sigmoid": (Tensor.sigmoid, lambda a: 1.0 / (1.0 + np.exp(-a)), floats(-6.0, 6.0)),
    "tanh": (Tensor.tanh, np.tanh, floats()),
    "relu": (Tensor.relu, lambda a: np.maximum(a, 0.0), away_from([0.0])),
    "sin": (Tensor.sin, np.sin, floats()),
    "cos": (Tensor.cos, np.cos, floats()),
    "abs": (Tensor.abs, np.abs, away_from([0.0])),
    "sqrt": (Tensor.sqrt, np.sqrt, floats(0.1, 3.0)),
    "clip": (lambda t: t.clip(-1.0, 1.5), lambda a: np.clip(a, -1.0, 1.5), away_from([-1.0, 1.5])),
}


@pytest.mark.parametrize("name", list(UNARY))
@FAST
@given(data=st.data())
def test_elementwise_unary(name: str, data: st.DataObject) -> None:
    """exp, log, σ, tanh, relu, sin, cos, |·|, √ and clip, away from their kinks."""
    op, reference, elements = UNARY[name]
    x = data.draw(arrays(elements=elements))
    np.testing.assert_allclose(op(Tensor(x)).data, reference(x), rtol=1e-12, atol=1e-15)
    assert_gradcheck(op, x)


def test_relu_and_clip_pass_no_gradient_where_flat() -> None:
    """relu′ = 0 for negative inputs; clip′ = 0 outside [low, high], 1 inside."""
    x = Tensor([-2.0, -0.5, 0.5, 2.0], requires_grad=True)
    x.relu().sum().backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0, 1.0, 1.0])
    x.zero_grad()
    x.clip(-1.0, 1.0).sum().backward()
    np.testing.assert_array_equal(x.grad, [0.0, 1.0, 1.0, 0.0])


# --------------------------------------------------------------- softmax family
def _np_softmax(x: np.ndarray, axis: int) -> np.ndarray:
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
@FAST
@given(case=array_and_axis(allow_tuple=False))
def test_softmax_and_log_softmax(name: str, case: tuple[np.ndarray, int]) -> None:
    """softmax(axis) sums to 1 along the axis; log_softmax is its log; both differentiate."""
    x, axis = case
    result = getattr(Tensor(x), name)(axis=axis)
    expected = _np_softmax(x, axis)
    if name == "log_softmax":
        expected = np.log(expected)
    else:
        np.testing.assert_allclose(result.data.sum(axis=axis), 1.0, rtol=1e-12)
    np.testing.assert_allclose(result.data, expected, rtol=1e-10, atol=1e-12)
    assert_gradcheck(lambda t: getattr(t, name)(axis=axis), x)


# ------------------------------------------------------------------ shape ops
@FAST
@given(x=arrays(), data=st.data())
def test_reshape(x: np.ndarray, data: st.DataObject) -> None:
    """reshape(*shape), reshape(shape) and reshape(-1) keep the values; the gradient folds back."""
    reversed_shape = tuple(reversed(x.shape))
    form = data.draw(st.sampled_from(["varargs", "tuple", "flat"]))
    reshape: Callable[[Tensor], Tensor] = {
        "varargs": lambda t: t.reshape(*reversed_shape),
        "tuple": lambda t: t.reshape(reversed_shape),
        "flat": lambda t: t.reshape(-1),
    }[form]
    expected = x.reshape(-1) if form == "flat" else x.reshape(reversed_shape)
    np.testing.assert_array_equal(reshape(Tensor(x)).data, expected)
    assert_gradcheck(reshape, x)


@FAST
@given(x=arrays())
def test_T(x: np.ndarray) -> None:
    """.T reverses the axes, as in NumPy."""
    np.testing.assert_array_equal(Tensor(x).T.data, x.T)
    assert_gradcheck(lambda t: t.T, x)


@FAST
@given(data=st.data())
def test_transpose_with_axes(data: st.DataObject) -> None:
    """transpose(*axes) permutes like NumPy; the gradient is permuted back."""
    x = data.draw(arrays(hnp.array_shapes(min_dims=1, max_dims=3, max_side=4)))
    axes = tuple(data.draw(st.permutations(range(x.ndim))))
    np.testing.assert_array_equal(Tensor(x).transpose(*axes).data, x.transpose(axes))
    assert_gradcheck(lambda t: t.transpose(*axes), x)


INDICES = [
    pytest.param(2, id="int"),
    pytest.param(-1, id="negative-int"),
    pytest.param(slice(1, 3), id="slice"),
    pytest.param((slice(None), -2), id="column"),
    pytest.param(slice(None, None, -2), id="negative-step"),
    pytest.param((-3, slice(1, None)), id="negative-int-and-slice"),
    pytest.param([0, 0, 3, 0], id="fancy-repeated"),
    pytest.param(([0, 0, 1], [2, 2, 2]), id="fancy-pairs-repeated"),
    pytest.param((Ellipsis, [1, 1]), id="ellipsis-fancy-repeated"),
    pytest.param(np.array([True, False, True, True]), id="boolean-mask"),
]


@pytest.mark.parametrize("index", INDICES)
@FAST
@given(x=arrays((4, 3)))
def test_indexing(index: Any, x: np.ndarray) -> None:
    """t[index] for ints, slices, negatives and fancy indices; repeats add up in the gradient."""
    np.testing.assert_array_equal(Tensor(x)[index].data, x[index])
    assert_gradcheck(lambda t: t[index], x)


def test_fancy_index_with_repeats_accumulates() -> None:
    """Picking element 1 three times sends it three times the gradient."""
    x = Tensor(np.zeros(5), requires_grad=True)
    x[[1, 1, 1, 3]].sum().backward()
    np.testing.assert_array_equal(x.grad, [0.0, 3.0, 0.0, 1.0, 0.0])
    y = Tensor(np.zeros(5), requires_grad=True)
    y[Tensor([4, 4, 0])].sum().backward()  # an index held in a Tensor works the same way
    np.testing.assert_array_equal(y.grad, [1.0, 0.0, 0.0, 0.0, 2.0])


@FAST
@given(data=st.data())
def test_stack(data: st.DataObject) -> None:
    """stack(tensors, axis) along a new (also negative) axis; each input gets its slice back."""
    shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=2, max_side=4))
    parts = [data.draw(arrays(shape)) for _ in range(data.draw(st.integers(1, 3)))]
    axis = data.draw(st.integers(-len(shape) - 1, len(shape)))
    np.testing.assert_array_equal(
        stack([Tensor(p) for p in parts], axis).data, np.stack(parts, axis)
    )
    assert_gradcheck(lambda *ts: stack(ts, axis=axis), *parts)


@FAST
@given(data=st.data())
def test_concat(data: st.DataObject) -> None:
    """concat(tensors, axis) of parts with different lengths along the axis."""
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, max_side=4))
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    parts = []
    for _ in range(data.draw(st.integers(1, 3))):
        part_shape = list(shape)
        part_shape[axis] = data.draw(st.integers(1, 3))
        parts.append(data.draw(arrays(tuple(part_shape))))
    expected = np.concatenate(parts, axis)
    np.testing.assert_array_equal(concat([Tensor(p) for p in parts], axis).data, expected)
    assert_gradcheck(lambda *ts: concat(ts, axis=axis), *parts)


def test_stack_and_concat_with_constants() -> None:
    """Constant parts (even first) get no gradient; Tensor parts still do."""
    x = Tensor([1.0, 2.0], requires_grad=True)
    out = concat([np.zeros(2), x, Tensor([5.0])]) * Tensor([1.0, 2.0, 3.0, 4.0, 5.0])
    out.sum().backward()
    np.testing.assert_array_equal(x.grad, [3.0, 4.0])
    x.zero_grad()
    (stack([np.ones(2), x], axis=1) * Tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
    np.testing.assert_array_equal(x.grad, [2.0, 4.0])


# ---------------------------------------------------------------- broadcasting
def test_broadcast_column_plus_row() -> None:
    """(3,1) + (1,4): each input's gradient is summed over the axis it was stretched along."""
    a = Tensor(np.arange(3.0).reshape(3, 1), requires_grad=True)
    b = Tensor(np.arange(4.0).reshape(1, 4), requires_grad=True)
    out = a + b
    assert out.shape == (3, 4)
    (out * Tensor(weights((3, 4)))).sum().backward()
    assert a.grad.shape == (3, 1) and b.grad.shape == (1, 4)
    np.testing.assert_allclose(a.grad, weights((3, 4)).sum(axis=1, keepdims=True))
    np.testing.assert_allclose(b.grad, weights((3, 4)).sum(axis=0, keepdims=True))
    assert_gradcheck(operator.add, a.data, b.data)


def test_broadcast_matrix_times_vector() -> None:
    """(2,3) * (3,): the vector's gradient is Σ over rows of upstream × matrix."""
    m = Tensor(np.arange(6.0).reshape(2, 3), requires_grad=True)
    v = Tensor([1.0, -2.0, 0.5], requires_grad=True)
    (m * v).sum().backward()
    assert v.grad.shape == (3,)
    np.testing.assert_allclose(v.grad, m.data.sum(axis=0))
    np.testing.assert_allclose(m.grad, np.broadcast_to(v.data, (2, 3)))
    assert_gradcheck(operator.mul, m.data, v.data)


def test_broadcast_scalar_tensor_times_matrix() -> None:
    """A 0-d Tensor times a matrix gets a 0-d gradient: the sum over the matrix."""
    s = Tensor(2.0, requires_grad=True)
    m = Tensor(np.arange(6.0).reshape(2, 3), requires_grad=True)
    (s * m).sum().backward()
    assert s.grad.shape == ()
    assert float(s.grad) == pytest.approx(15.0)
    np.testing.assert_allclose(m.grad, np.full((2, 3), 2.0))
    assert_gradcheck(operator.mul, s.data, m.data)


# --------------------------------------------------------- graph bookkeeping
def test_reused_node_gets_the_sum_of_its_paths() -> None:
    """y = x·x + x uses x three times: dy/dx = 2x + 1."""
    x = Tensor([-1.0, 0.5, 2.0], requires_grad=True)
    (x * x + x).sum().backward()
    np.testing.assert_allclose(x.grad, 2.0 * x.data + 1.0, rtol=1e-12)
    assert_gradcheck(lambda t: t * t + t, x.data)


def test_reused_inner_node_gets_the_sum_of_its_paths() -> None:
    """a = eˣ, y = a·a + a: dy/dx = (2a + 1)·a, the inner node collecting both paths first."""
    x = Tensor([-1.0, 0.5, 2.0], requires_grad=True)
    a = x.exp()
    (a * a + a).sum().backward()
    e = np.exp(x.data)
    np.testing.assert_allclose(a.grad, 2.0 * e + 1.0, rtol=1e-12)
    np.testing.assert_allclose(x.grad, (2.0 * e + 1.0) * e, rtol=1e-12)

    def diamond(t: Tensor) -> Tensor:
        b = t.sigmoid()
        return (b * t + b.tanh() * b) / (b + 1.0)

    assert_gradcheck(lambda t: (lambda a: a * a + a)(t.exp()), x.data)
    assert_gradcheck(diamond, x.data)


def test_a_node_used_many_times_sums_without_touching_the_gradients_it_was_given() -> None:
    """s = ((a + a) + a) + a: + hands the same upstream array to both parents, so a's first
    share is s's own gradient; summing a's four shares must leave every node's gradient as
    it was (ones) and give a its 4, x its 8."""
    x = Tensor([1.0, -2.0], requires_grad=True)
    a = x * 2.0
    partial = a + a
    more = partial + a
    total = more + a
    total.backward(np.ones(2))
    for node in (total, more, partial):
        np.testing.assert_array_equal(node.grad, [1.0, 1.0])
    np.testing.assert_array_equal(a.grad, [4.0, 4.0])
    np.testing.assert_array_equal(x.grad, [8.0, 8.0])


def test_leaf_gradients_accumulate_over_backward_calls() -> None:
    """Calling backward twice (on the same or on a new graph) adds up the leaf gradients."""
    x = Tensor([1.0, -2.0, 3.0], requires_grad=True)
    w = Tensor([0.5, 0.25, -1.0], requires_grad=True)
    y = ((x * w).sigmoid() * x).sum()
    y.backward()
    once_x, once_w = x.grad.copy(), w.grad.copy()
    y.backward()
    np.testing.assert_allclose(x.grad, 2.0 * once_x, rtol=1e-12)
    np.testing.assert_allclose(w.grad, 2.0 * once_w, rtol=1e-12)
    ((x * w).sigmoid() * x).sum().backward()
    np.testing.assert_allclose(x.grad, 3.0 * once_x, rtol=1e-12)


def test_zero_grad_resets() -> None:
    """After zero_grad the next backward gives the single-call gradient again."""
    x = Tensor([1.0, 2.0], requires_grad=True)
    (x * x).sum().backward()
    (x * x).sum().backward()
    x.zero_grad()
    assert x.grad is None
    (x * x).sum().backward()
    np.testing.assert_allclose(x.grad, 2.0 * x.data)


def test_leaf_grad_does_not_alias_other_gradients() -> None:
    """Two leaves fed the same upstream gradient own separate arrays."""
    a = Tensor([1.0, 2.0], requires_grad=True)
    b = Tensor([3.0, 4.0], requires_grad=True)
    (a + b).sum().backward()
    a.grad[0] = 99.0
    np.testing.assert_array_equal(b.grad, [1.0, 1.0])


def test_leaf_grads_share_no_memory_with_any_other_gradient() -> None:
    """A leaf's .grad is its own array: not a view of a reshape's, a slice's or the seed's."""
    a = Tensor(np.arange(6.0), requires_grad=True)
    b = Tensor(np.ones((2, 3)), requires_grad=True)
    c = Tensor(np.ones(6), requires_grad=True)
    d = Tensor(np.ones(4), requires_grad=True)
    shaped = a.reshape(2, 3)
    joined = concat([a, c])
    out = shaped + b + joined.reshape(2, 6)[:, :3] + concat([d, d[:2]])[:6].reshape(2, 3)
    seed = np.full((2, 3), 2.0)
    out.backward(seed)
    seed[:] = 0.0  # the caller's array is theirs to change
    leaves = [a.grad, b.grad, c.grad, d.grad]
    others = [shaped.grad, joined.grad, out.grad, seed]
    for i, leaf in enumerate(leaves):
        for other in leaves[i + 1 :] + others:
            assert not np.shares_memory(leaf, other)
    np.testing.assert_array_equal(b.grad, np.full((2, 3), 2.0))
    np.testing.assert_array_equal(d.grad, [4.0, 4.0, 2.0, 2.0])


def test_basic_slices_send_their_gradient_back_in_place() -> None:
    """Slices, whole numbers and ``...`` name each element once: the gradient lands as it left."""
    x = Tensor(np.arange(24.0).reshape(2, 3, 4), requires_grad=True)
    (x[..., 1:3] * 2.0).sum().backward()
    (x[1, :, np.int64(0)] * 3.0).sum().backward()
    expected = np.zeros((2, 3, 4))
    expected[..., 1:3] += 2.0
    expected[1, :, 0] += 3.0
    np.testing.assert_array_equal(x.grad, expected)


def test_no_grad_builds_no_graph() -> None:
    """Inside no_grad results need no gradient, and cannot be backpropagated; it then resets."""
    x = Tensor([1.0, 2.0], requires_grad=True)
    with no_grad():
        assert not is_grad_enabled()
        y = (x * 3.0).sigmoid().sum()
    assert is_grad_enabled()
    assert y.requires_grad is False
    with pytest.raises(RuntimeError):
        y.backward()
    with pytest.raises(KeyError), no_grad():
        raise KeyError("boom")
    assert is_grad_enabled()
    assert (x * 3.0).requires_grad is True


def test_detach_cuts_the_graph() -> None:
    """detach() keeps the values, but nothing flows back through it."""
    w = Tensor([1.0, -1.0], requires_grad=True)
    x = Tensor([2.0, 3.0], requires_grad=True)
    h = (w * 2.0).tanh()
    d = h.detach()
    assert d.requires_grad is False
    np.testing.assert_array_equal(d.data, h.data)
    (d * x).sum().backward()
    np.testing.assert_array_equal(x.grad, h.data)
    assert w.grad is None


def test_constants_get_no_gradient() -> None:
    """Only Tensors with requires_grad receive .grad."""
    x = Tensor([1.0, 2.0], requires_grad=True)
    c = Tensor([3.0, 4.0])
    (x * c).sum().backward()
    assert c.grad is None
    np.testing.assert_array_equal(x.grad, c.data)


@pytest.mark.parametrize("step", ["mul", "add"])
def test_deep_chain_backpropagates_iteratively(step: str) -> None:
    """5000 successive ops backpropagate without RecursionError."""
    x = Tensor(1.0, requires_grad=True)
    y = x
    for _ in range(5000):
        y = y * 1.0001 if step == "mul" else y + 1.0
    y.backward()
    expected = 1.0001**5000 if step == "mul" else 1.0
    assert float(x.grad) == pytest.approx(expected, rel=1e-9)


def test_backward_with_an_explicit_seed() -> None:
    """backward(g) on a non-scalar output computes the vector–Jacobian product with g."""
    x = Tensor([1.0, 2.0, 3.0], requires_grad=True)
    (x * x).backward(np.array([1.0, 0.0, -1.0]))
    np.testing.assert_array_equal(x.grad, [2.0, 0.0, -6.0])


def test_gradcheck_handles_tensors_built_from_transposed_arrays() -> None:
    """gradcheck perturbs the Tensor itself even when its data is not C-contiguous."""
    t = Tensor(np.arange(6.0).reshape(2, 3).T, requires_grad=True)
    numeric = numeric_gradient(lambda: (t * t).sum(), t)
    np.testing.assert_allclose(numeric, 2.0 * t.data, atol=1e-6)
    assert max(gradcheck(lambda: t * t, [t])) < TOL


# --------------------------------------------------------- numerical stability
EXTREME = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 999.0], [-1000.0, -999.0, -1000.0]])


def test_sigmoid_saturates_without_overflow() -> None:
    """σ(−1000) ≈ 0 and σ(1000) = 1, finite, with a finite zero gradient and no warning."""
    x = Tensor([-1000.0, -40.0, 0.0, 40.0, 1000.0], requires_grad=True)
    with strict_numerics():
        s = x.sigmoid()
        s.sum().backward()
    assert s.data[0] == pytest.approx(0.0, abs=1e-300)
    assert s.data[-1] == 1.0
    assert s.data[2] == 0.5
    assert np.all(np.isfinite(x.grad))
    assert x.grad[0] == pytest.approx(0.0, abs=1e-300) and x.grad[-1] == 0.0


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_softmax_family_on_huge_logits(name: str) -> None:
    """softmax rows still sum to 1 and log_softmax stays finite for logits of ±1000."""
    x = Tensor(EXTREME, requires_grad=True)
    with strict_numerics():
        out = getattr(x, name)(axis=-1)
        (out * Tensor(weights(out.shape))).sum().backward()
    assert np.all(np.isfinite(out.data)) and np.all(np.isfinite(x.grad))
    probabilities = out.data if name == "softmax" else np.exp(out.data)
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(probabilities[0], [1.0, 0.0, 0.0], atol=1e-300)


@FAST
@given(x=arrays(hnp.array_shapes(min_dims=1, max_dims=3, max_side=4), floats(-1000.0, 1000.0)))
def test_softmax_family_stable_for_any_large_input(x: np.ndarray) -> None:
    """For any logits in ±1000, softmax sums to 1, log_softmax ≤ 0, all finite, no warning."""
    t = Tensor(x, requires_grad=True)
    with strict_numerics():
        s = t.softmax(axis=-1)
        ls = t.log_softmax(axis=-1)
        sig = t.sigmoid()
        (s.sum() + ls.sum() + sig.sum()).backward()
    np.testing.assert_allclose(s.data.sum(axis=-1), 1.0, rtol=1e-12)
    assert np.all(ls.data <= 0.0) and np.all(np.isfinite(ls.data))
    assert np.all((sig.data >= 0.0) & (sig.data <= 1.0))
    assert np.all(np.isfinite(t.grad))


LOSSES_AT_EXTREMES: dict[str, Callable[[Tensor], Tensor]] = {
    "mse": lambda x: mse_loss(x, np.zeros(x.shape)),
    "bce-of-sigmoid": lambda x: binary_cross_entropy(x.sigmoid(), (EXTREME < 0).astype(float)),
    "bce-of-saturated-probability": lambda x: binary_cross_entropy(
        (x / 1000.0).clip(0.0, 1.0), (EXTREME <= 0).astype(float)
    ),
    "cross-entropy-indices": lambda x: cross_entropy(x, np.array([1, 0, 1])),
    "cross-entropy-one-hot": lambda x: cross_entropy(x, np.eye(3)[[1, 0, 1]]),
}


@pytest.mark.parametrize("name", list(LOSSES_AT_EXTREMES))
def test_losses_on_extreme_inputs(name: str) -> None:
    """Losses of confidently wrong ±1000 predictions are large but finite, with finite grads."""
    x = Tensor(EXTREME, requires_grad=True)
    with strict_numerics():
        loss = LOSSES_AT_EXTREMES[name](x)
        loss.backward()
    assert loss.shape == ()
    assert np.isfinite(loss.item()) and loss.item() > 0.0
    assert np.all(np.isfinite(x.grad))


# ---------------------------------------------------------------------- losses
@FAST
@given(pair=broadcast_pair())
def test_mse_loss(pair: tuple[np.ndarray, np.ndarray]) -> None:
    """mse_loss(p, t) = mean((p − t)²), differentiable in both."""
    p, t = pair
    loss = mse_loss(Tensor(p), t)
    assert loss.shape == ()
    assert loss.item() == pytest.approx(np.mean((p - t) ** 2), rel=1e-12, abs=1e-15)
    assert_gradcheck(mse_loss, p, t)


@FAST
@given(
    p=arrays(hnp.array_shapes(min_dims=1, max_dims=2, max_side=4), floats(0.05, 0.95)),
    data=st.data(),
)
def test_binary_cross_entropy(p: np.ndarray, data: st.DataObject) -> None:
    """binary_cross_entropy = −mean(y·ln p + (1 − y)·ln(1 − p)) for soft or hard targets."""
    y = data.draw(arrays(p.shape, st.one_of(st.sampled_from([0.0, 1.0]), floats(0.0, 1.0))))
    loss = binary_cross_entropy(Tensor(p), y)
    expected = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
    assert loss.item() == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert_gradcheck(lambda q: binary_cross_entropy(q, y), p)


@st.composite
def logits_and_classes(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    rows, classes = draw(st.integers(1, 4)), draw(st.integers(2, 4))
    logits = draw(arrays((rows, classes), floats(-5.0, 5.0)))
    target = np.array(draw(st.lists(st.integers(0, classes - 1), min_size=rows, max_size=rows)))
    return logits, target


@FAST
@given(case=logits_and_classes())
def test_cross_entropy(case: tuple[np.ndarray, np.ndarray]) -> None:
    """cross_entropy(logits, indices) = one-hot version = −mean(log softmax[row, target])."""
    logits, target = case
    rows, classes = logits.shape
    by_index = cross_entropy(Tensor(logits), target)
    by_one_hot = cross_entropy(Tensor(logits), np.eye(classes)[target])
    by_tensor = cross_entropy(Tensor(logits), Tensor(target))
    log_p = np.log(_np_softmax(logits, axis=-1))
    expected = -np.mean(log_p[np.arange(rows), target])
    assert by_index.item() == pytest.approx(expected, rel=1e-10, abs=1e-12)
    assert by_one_hot.item() == pytest.approx(by_index.item(), rel=1e-12, abs=1e-15)
    assert by_tensor.item() == pytest.approx(by_index.item(), rel=1e-12, abs=1e-15)
    assert_gradcheck(lambda z: cross_entropy(z, target), logits)
    assert_gradcheck(lambda z: cross_entropy(z, np.eye(classes)[target]), logits)
    # the gradient of the mean cross-entropy is (softmax − one-hot) / rows
    z = Tensor(logits, requires_grad=True)
    cross_entropy(z, target).backward()
    expected_grad = (_np_softmax(logits, axis=-1) - np.eye(classes)[target]) / rows
    np.testing.assert_allclose(z.grad, expected_grad, rtol=1e-10, atol=1e-12)


# At the edges of each op's domain the engine's derivative is PyTorch's (reasoned from its
# autograd formulas): log′ = 1/a and √′ = 1/(2√a) are ∞ at 0, |x|′(0) = sign 0 = 0,
# ReLU′(0) = 0, clip passes the gradient at its bounds, (a/b)′ is ∞ at b = 0, a⁰ is flat.
EDGES: list[tuple[str, Callable[[Tensor], Tensor], float, float]] = [
    ("log at 0", lambda t: t.log(), 0.0, np.inf),
    ("log below 0", lambda t: t.log(), -1.0, -1.0),  # 1/a; the value itself is NaN
    ("sqrt at 0", lambda t: t.sqrt(), 0.0, np.inf),
    ("abs at 0", lambda t: t.abs(), 0.0, 0.0),
    ("relu at 0", lambda t: t.relu(), 0.0, 0.0),
    ("clip at its bound", lambda t: t.clip(0.0, 1.0), 1.0, 1.0),
    ("1/a at 0", lambda t: 1.0 / t, 0.0, -np.inf),
    ("a^0.5 at 0", lambda t: t**0.5, 0.0, np.inf),
    ("a^0 at 0", lambda t: t**0.0, 0.0, 0.0),  # was 0·0⁻¹ = NaN
    ("2^a", lambda t: 2.0**t, 0.0, np.log(2.0)),
    ("0^a at a = 1", lambda t: 0.0**t, 1.0, 0.0),  # aᵇ·ln a with a = 0, b ≥ 0: 0
    ("(−2)^a at a = 3", lambda t: (-2.0) ** t, 3.0, np.nan),  # ln(−2): no derivative
]


@pytest.mark.parametrize(("name", "op", "at", "expected"), EDGES, ids=[e[0] for e in EDGES])
def test_derivatives_at_the_edges_of_the_domain(
    name: str, op: Callable[[Tensor], Tensor], at: float, expected: float
) -> None:
    t = Tensor(at, requires_grad=True)
    with np.errstate(all="ignore"):
        op(t).backward()
    assert t.grad is not None
    np.testing.assert_equal(float(t.grad), expected, err_msg=name)


@FAST
@given(case=logits_and_classes())
def test_cross_entropy_is_one_node_with_the_general_ops_floats(
    case: tuple[np.ndarray, np.ndarray],
) -> None:
    """The fused loss is one node and gives the very loss and gradient that log softmax, ·, Σ,
    mean and − give when chained (the playground's stored outputs rely on it)."""
    logits, target = case
    one_hot = np.eye(logits.shape[1])[target]
    fused_z, chained_z = Tensor(logits, requires_grad=True), Tensor(logits, requires_grad=True)
    fused = cross_entropy(fused_z, target)
    chained = -(Tensor(one_hot) * chained_z.log_softmax(axis=-1)).sum(axis=-1).mean()
    with trace() as recorded:
        fused.backward()
    chained.backward()
    assert fused.item() == chained.item()
    np.testing.assert_array_equal(fused_z.grad, chained_z.grad)
    assert [step.op for step in recorded.steps] == ["cross_entropy"]
