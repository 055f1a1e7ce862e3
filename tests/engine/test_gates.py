"""The LSTM's gate nodes: the numbers and gradients of the general ops, in fewer nodes.

The LSTM demo and the sequence lessons show what the cell computes; its three gate nodes must
give exactly what σ, tanh, ∘ and + give when the cell is built from them, for one sequence and
for a batch, with every weight, input and start state differentiated.
"""

from __future__ import annotations

import numpy as np
import pytest

from oppija.engine import Tensor
from oppija.engine.gates import cell_state, gate_values, hidden_state
from oppija.engine.gradcheck import gradcheck
from oppija.engine.nn import LSTMCell
from oppija.engine.trace import trace

HIDDEN = 3


def general_ops_step(
    cell: LSTMCell, x: Tensor, h: Tensor, c: Tensor
) -> tuple[Tensor, Tensor, dict[str, np.ndarray]]:
    """One time step from the engine's general ops: slices, σ, tanh, ∘ and +."""
    W, U, b = cell.joined()
    n = cell.hidden
    z = x @ W + h @ U + b
    f, i, o = (z[..., k * n : (k + 1) * n].sigmoid() for k in range(3))
    g = z[..., 3 * n :].tanh()
    c_new = f * c + i * g
    h_new = o * c_new.tanh()
    gates = {"f": f.data, "i": i.data, "o": o.data, "g": g.data, "c": c_new.data, "h": h_new.data}
    return h_new, c_new, gates


def lstm_cell() -> LSTMCell:
    cell = LSTMCell(2, HIDDEN, seed=3)
    rng = np.random.default_rng(4)
    for gate in cell.GATES:  # distinct biases, so that mixing up two gates shows
        cell.b[gate].data[:] = rng.uniform(-1.0, 1.0, HIDDEN)
    return cell


@pytest.mark.parametrize("batch", [(), (4,)])
def test_the_gate_nodes_give_the_general_ops_numbers_and_gradients(batch: tuple[int, ...]) -> None:
    rng = np.random.default_rng(5)
    xs = rng.normal(size=(3, *batch, 2))
    start = rng.normal(size=(2, *batch, HIDDEN))
    weights = Tensor(np.linspace(-1.0, 1.0, HIDDEN))
    leaves: list[list[Tensor]] = []
    seen: list[list[dict[str, np.ndarray]]] = []
    for fused in (True, False):
        cell = lstm_cell()
        inputs = [Tensor(x, requires_grad=True) for x in xs]
        h, c = Tensor(start[0], requires_grad=True), Tensor(start[1], requires_grad=True)
        leaves.append([*cell.parameters(), *inputs, h, c])
        seen.append([])
        for x in inputs:
            if fused:
                h, c = cell(x, (h, c))
                seen[-1].append(dict(cell.gates))
            else:
                h, c, gates = general_ops_step(cell, x, h, c)
                seen[-1].append(gates)
        ((h * weights).sum() + (c * c).sum()).backward()
    for fused_step, general_step in zip(*seen, strict=True):
        assert fused_step.keys() == general_step.keys()
        for key, value in general_step.items():
            np.testing.assert_allclose(fused_step[key], value, rtol=1e-12, err_msg=key)
    for fused_leaf, general_leaf in zip(*leaves, strict=True):
        assert fused_leaf.grad is not None and general_leaf.grad is not None
        np.testing.assert_allclose(fused_leaf.grad, general_leaf.grad, rtol=1e-10, atol=1e-14)


def test_a_time_step_is_three_nodes() -> None:
    """Backpropagation through one step visits h, c and the gates, one node for each line (or
    group of lines) of the slide, not sixteen small nodes."""
    cell = lstm_cell()
    h, c = cell(Tensor(np.ones(2)))
    with trace() as recorded:
        (h.sum() + c.sum()).backward()
    ops = [step.op for step in recorded.steps]
    assert ops[3:6] == ["h", "c", "gates"]  # then the joined weights


def test_each_gate_node_passes_gradcheck_also_with_a_broadcast_input_and_memory() -> None:
    """gate_values, cell_state and hidden_state against central differences; one
    input row xₜ and one memory row cₜ₋₁ serve a batch of two hₜ₋₁ (NumPy's broadcasting,
    summed back)."""
    rng = np.random.default_rng(6)
    x = Tensor(rng.normal(size=2), requires_grad=True)
    h_prev = Tensor(rng.normal(size=(2, HIDDEN)), requires_grad=True)
    W = Tensor(rng.normal(size=(2, 4 * HIDDEN)), requires_grad=True)
    U = Tensor(rng.normal(size=(HIDDEN, 4 * HIDDEN)), requires_grad=True)
    b = Tensor(rng.normal(size=4 * HIDDEN), requires_grad=True)
    c_prev = Tensor(rng.normal(size=HIDDEN), requires_grad=True)
    weights = Tensor(np.cos(np.arange(2 * HIDDEN)).reshape(2, HIDDEN) + 1.5)
    leaves = [x, h_prev, W, U, b, c_prev]

    def run() -> Tensor:
        gates = gate_values(x, h_prev, W, U, b, HIDDEN)
        c = cell_state(gates, c_prev, HIDDEN)
        return hidden_state(gates, c, HIDDEN) * weights + c

    errors = gradcheck(run, leaves)
    for tensor, error in zip(leaves, errors, strict=True):
        assert tensor.grad is not None and tensor.grad.shape == tensor.shape
        assert error < 1e-7
