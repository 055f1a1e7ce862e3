"""The backward trace: the data a lesson replays to show the chain rule one step at a time.

A demo walks learners through ``rec.steps`` in order, showing each node's upstream gradient,
its local derivatives and what it sends to its parents, so the steps must come in the order
backpropagation really runs, multiply out correctly, and add up to the real gradients.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import numpy as np
import pytest

from oppija.engine import Tensor
from oppija.engine.trace import Recorder, TraceStep, active_recorder, replay, trace

Graph = tuple[Tensor, list[Tensor], dict[str, Tensor]]


def lecture_network() -> Graph:
    """h = σ(Vᵀx), y = σ(Uᵀh), 𝓔 = (1 − y)², as in test_nn's hand-worked example."""
    x = Tensor([1.0, 0.0], name="x")
    V = Tensor([[0.5, -0.5], [0.3, 0.8]], requires_grad=True, name="V")
    U = Tensor([[1.0], [-1.0]], requires_grad=True, name="U")
    z_h = x @ V
    h = z_h.sigmoid()
    z_y = h @ U
    y = z_y.sigmoid()
    error = ((1.0 - y) ** 2).sum()
    return error, [V, U], {"z_h": z_h, "h": h, "z_y": z_y, "y": y}


def reused_and_broadcast() -> Graph:
    """s = a + b broadcast (3,1)+(4,), t = tanh(s) used twice, a used twice."""
    a = Tensor([[0.1], [-0.4], [0.7]], requires_grad=True, name="a")
    b = Tensor([0.3, -0.2, 0.5, -0.9], requires_grad=True, name="b")
    s = a + b
    t = s.tanh()
    out = (t * t + t * a).sigmoid().mean()
    return out, [a, b], {"s": s, "t": t}


def elementwise_chain() -> Graph:
    """Same-shaped elementwise ops only: σ, tanh, ·, + and a reused leaf."""
    p = Tensor([0.2, -1.3, 0.8], requires_grad=True, name="p")
    q = Tensor([1.1, 0.4, -0.6], requires_grad=True, name="q")
    m = p * q
    n = m.tanh() + p
    out = (n.sigmoid() * m).sum()
    return out, [p, q], {"m": m, "n": n}


GRAPHS: dict[str, Callable[[], Graph]] = {
    "lecture-network": lecture_network,
    "reused-and-broadcast": reused_and_broadcast,
    "elementwise-chain": elementwise_chain,
}


def traced(build: Callable[[], Graph]) -> tuple[Recorder, Tensor, list[Tensor], dict[str, Tensor]]:
    root, leaves, inner = build()
    with trace() as rec:
        root.backward()
    return rec, root, leaves, inner


def unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum a broadcast gradient back down to ``shape`` (written out here, independently)."""
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and grad.shape[axis] != 1:
            grad = grad.sum(axis=axis, keepdims=True)
    return grad


def by_node(steps: list[TraceStep]) -> dict[int, TraceStep]:
    return {step.node: step for step in steps}


# ---------------------------------------------------------------------------- order
@pytest.mark.parametrize("graph", list(GRAPHS))
def test_steps_come_in_backward_order(graph: str) -> None:
    """Each node's step comes after the steps of every node that consumes it; root first."""
    rec, root, _, inner = traced(GRAPHS[graph])
    steps = rec.steps
    assert [step.index for step in steps] == list(range(len(steps)))
    assert len({step.node for step in steps}) == len(steps), "a node was visited twice"
    assert steps[0].node == rec.node_id(root)
    np.testing.assert_array_equal(steps[0].upstream, np.ones_like(root.data))
    position = {step.node: step.index for step in steps}
    for tensor in inner.values():  # every inner node took its turn
        assert rec.node_id(tensor) in position
    for step in steps:
        for parent in step.parents:
            if parent.node in position:
                assert position[parent.node] > step.index, (
                    f"step {step.index} ({step.op}) feeds node {parent.node}, "
                    f"which was processed earlier, at step {position[parent.node]}"
                )


def test_lecture_network_steps_in_order() -> None:
    """The lecture network is a chain: sum, **, −, σ, @, σ, @ — from the error back to V."""
    rec, _, _, inner = traced(lecture_network)
    assert [step.op for step in rec.steps] == ["sum", "**", "-", "sigmoid", "@", "sigmoid", "@"]
    steps = by_node(rec.steps)
    y_step = steps[rec.node_id(inner["y"])]
    assert y_step.upstream == pytest.approx(np.array([-0.878149]), abs=1e-6)  # ∂𝓔/∂y
    assert y_step.parents[0].grad == pytest.approx(np.array([-0.216278]), abs=1e-6)  # ∂𝓔/∂z_y
    h_step = steps[rec.node_id(inner["h"])]
    np.testing.assert_allclose(h_step.value, [0.622459, 0.377541], atol=1e-6)
    np.testing.assert_allclose(h_step.parents[0].grad, [-0.050826, 0.050826], atol=1e-6)


# ----------------------------------------------------------------------- step contents
@pytest.mark.parametrize("graph", list(GRAPHS))
def test_every_step_is_complete(graph: str) -> None:
    """Each step names its op and holds value, upstream, and a local derivative and a
    gradient for each parent (no gradient for parents that are constants)."""
    rec, _, leaves, inner = traced(GRAPHS[graph])
    steps = by_node(rec.steps)
    for tensor in inner.values():
        step = steps[rec.node_id(tensor)]
        np.testing.assert_array_equal(step.value, tensor.data)
        np.testing.assert_array_equal(step.upstream, tensor.grad)
    leaf_ids = {rec.node_id(leaf): leaf for leaf in leaves}
    for step in rec.steps:
        assert isinstance(step.op, str) and step.op
        assert isinstance(step.value, np.ndarray) and isinstance(step.upstream, np.ndarray)
        assert step.upstream.shape == step.value.shape
        assert step.parents
        for parent in step.parents:
            assert parent.local is not None
            if parent.node in leaf_ids:
                assert parent.name == leaf_ids[parent.node].name
                assert parent.grad is not None
                assert parent.grad.shape == leaf_ids[parent.node].shape
    # the constant 1.0 in (1 − y) and the exponent 2 receive no gradient
    if graph == "lecture-network":
        minus = next(step for step in rec.steps if step.op == "-")
        assert minus.parents[0].grad is None and minus.parents[1].grad is not None
        power = next(step for step in rec.steps if step.op == "**")
        assert power.parents[1].grad is None


@pytest.mark.parametrize("graph", list(GRAPHS))
def test_elementwise_grad_is_upstream_times_local(graph: str) -> None:
    """For σ, tanh, · and +: what a step sends a parent is upstream × local (summed over
    any broadcast axes)."""
    rec, _, _, _ = traced(GRAPHS[graph])
    checked = set()
    for step in rec.steps:
        if step.op not in {"sigmoid", "tanh", "*", "+"}:
            continue
        for parent in step.parents:
            if parent.grad is None:
                continue
            expected = unbroadcast(step.upstream * parent.local, parent.grad.shape)
            np.testing.assert_allclose(parent.grad, expected, rtol=1e-12, atol=1e-15)
        checked.add(step.op)
    if graph != "lecture-network":
        assert checked == {"sigmoid", "tanh", "*", "+"}


def test_local_derivatives_of_sigmoid_and_tanh() -> None:
    """σ′ = σ(1 − σ) and tanh′ = 1 − tanh², taken at the node's own value."""
    rec, _, _, _ = traced(elementwise_chain)
    for step in rec.steps:
        if step.op == "sigmoid":
            np.testing.assert_allclose(step.parents[0].local, step.value * (1 - step.value))
        if step.op == "tanh":
            np.testing.assert_allclose(step.parents[0].local, 1 - step.value**2)


# ---------------------------------------------------------------------------- replay
@pytest.mark.parametrize("graph", list(GRAPHS))
def test_replay_reproduces_every_gradient(graph: str) -> None:
    """Adding up what the steps sent gives every leaf's .grad, and each inner node's upstream."""
    rec, _, leaves, inner = traced(GRAPHS[graph])
    totals = replay(rec.steps)
    for leaf in leaves:
        np.testing.assert_allclose(totals[rec.node_id(leaf)], leaf.grad, rtol=1e-12, atol=1e-12)
    for tensor in inner.values():
        np.testing.assert_allclose(totals[rec.node_id(tensor)], tensor.grad, rtol=1e-12)
    for step in rec.steps[1:]:
        np.testing.assert_allclose(totals[step.node], step.upstream, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("graph", list(GRAPHS))
def test_tracing_does_not_change_gradients(graph: str) -> None:
    """The gradients are the same with and without a trace."""
    root, leaves, _ = GRAPHS[graph]()
    root.backward()
    _, _, traced_leaves, _ = traced(GRAPHS[graph])
    for plain, with_trace in zip(leaves, traced_leaves, strict=True):
        np.testing.assert_array_equal(plain.grad, with_trace.grad)


# ---------------------------------------------------------------------- the context
def test_nothing_is_recorded_outside_the_context() -> None:
    """After the block, backward records nothing more; without a block nothing is active."""
    assert active_recorder() is None
    root, leaves, _ = lecture_network()
    with trace() as rec:
        assert active_recorder() is rec
        root.backward()
    count = len(rec.steps)
    assert count > 0
    assert active_recorder() is None
    root.backward()
    lecture_network()[0].backward()
    assert len(rec.steps) == count
    np.testing.assert_allclose(leaves[0].grad, 2.0 * replay(rec.steps)[rec.node_id(leaves[0])])


def test_trace_ends_even_after_an_error() -> None:
    """An exception inside the block still deactivates the recorder."""
    with pytest.raises(ZeroDivisionError), trace():
        1 / 0  # noqa: B018
    assert active_recorder() is None


def test_two_backward_passes_in_one_trace() -> None:
    """Steps of several backward calls append, numbered on; a node keeps its id."""
    root, leaves, _ = elementwise_chain()
    with trace() as rec:
        root.backward()
        first = len(rec.steps)
        root.backward()
    assert len(rec.steps) == 2 * first
    assert [step.index for step in rec.steps] == list(range(2 * first))
    assert [s.node for s in rec.steps[:first]] == [s.node for s in rec.steps[first:]]
    totals = replay(rec.steps)
    for leaf in leaves:  # leaves accumulated both passes, and so did the replay
        np.testing.assert_allclose(totals[rec.node_id(leaf)], leaf.grad, rtol=1e-12)


def test_node_ids_are_small_and_stable() -> None:
    """node_id numbers tensors 0, 1, 2, … in the order first met, and repeats the same id."""
    rec = Recorder()
    a, b = Tensor(1.0), Tensor(2.0)
    assert [rec.node_id(a), rec.node_id(b), rec.node_id(a)] == [0, 1, 0]


# ------------------------------------------------------------------------ to_dict
@pytest.mark.parametrize("graph", list(GRAPHS))
def test_to_dict_is_json(graph: str) -> None:
    """Each step's to_dict() goes through json.dumps (strict JSON) and back unchanged."""
    rec, _, _, _ = traced(GRAPHS[graph])
    dicts = [step.to_dict() for step in rec.steps]
    text = json.dumps(dicts, allow_nan=False)
    assert json.loads(text) == dicts
    for step, d in zip(rec.steps, dicts, strict=True):
        assert set(d) == {"index", "node", "name", "op", "value", "upstream", "parents"}
        assert d["op"] == step.op and d["node"] == step.node
        np.testing.assert_array_equal(np.array(d["upstream"]), step.upstream)
        for parent, p in zip(step.parents, d["parents"], strict=True):
            assert set(p) == {"node", "name", "local", "grad"}
            assert (p["grad"] is None) == (parent.grad is None)
