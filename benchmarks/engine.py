"""Engine overhead: one training step with oppija's engine against the same maths by hand.

Run with ``python benchmarks/engine.py``. Two workloads, each one whole training step (forward,
backward, update) from the same starting weights:

- XOR: the 2-4-1 sigmoid net on the four XOR points, full batch, mean squared error, SGD lr 2.0.
- LSTM: an LSTM cell (3 inputs, 8 hidden units, the lecture's f, i, o, c equations) reading a
  batch of 4 sequences for 10 time steps, mean squared error of the last h against a target,
  backpropagation through time, SGD lr 0.1.

Contestants: the oppija engine (``MLP``, each layer one node of weighted sums and activation,
or ``LSTMCell.unroll`` with the twelve weights W_f … b_c joined once per sequence and a time
step three nodes, the gates, c and h; ``mse_loss``, ``SGD``); hand-written NumPy doing the same
maths with its backward pass written out (for the LSTM the weights held as three joined arrays,
the four gates as one product and three arrays updated, as one writes it by hand); PyTorch (CPU,
float64, one thread: ``torch.nn.Linear`` or ``torch.nn.LSTMCell`` with the same weights, its
second LSTM bias held at 0) and micrograd (XOR only: its scalar ``Value`` nodes, one per
number), each only when installed — neither is a dependency of oppija, and a missing one is
named and skipped. Before timing, every contestant's losses over three steps are checked to
agree with the engine's, so that all of them do the same work.

Timing: CPU time of this process (``time.process_time``), BLAS on one thread as in oppija itself
(``oppija.threads``) and PyTorch on one thread (``torch.set_num_threads(1)``). The contestants
take turns, a block of steps each (after one untimed step), round after round, so that all of
them see the same machine load; the median over the rounds of the time per step is printed, with
``ratio engine/hand-written`` for each workload (goal ≤ 1.5).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oppija.threads import limit_blas_threads

limit_blas_threads()  # before NumPy loads, as `oppija` does it

import numpy as np  # noqa: E402

from oppija.engine import Tensor, mse_loss  # noqa: E402
from oppija.engine.nn import MLP, LSTMCell  # noqa: E402
from oppija.engine.optim import SGD  # noqa: E402
from oppija.engine.tensor import stable_sigmoid  # noqa: E402

Step = Callable[[], float]
"""One training step; returns the loss before the update."""

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
XOR_LR = 2.0

LSTM_INPUTS, LSTM_HIDDEN, LSTM_BATCH, LSTM_STEPS = 3, 8, 4, 10
LSTM_LR = 0.1
_data = np.random.default_rng(7)
LSTM_X = _data.normal(size=(LSTM_STEPS, LSTM_BATCH, LSTM_INPUTS))
LSTM_Y = _data.uniform(-0.5, 0.5, size=(LSTM_BATCH, LSTM_HIDDEN))


# ------------------------------------------------------------------------------------ XOR
def xor_weights() -> list[np.ndarray]:
    """W1 (2×4), b1, W2 (4×1), b2 as the engine's MLP draws them for seed 0."""
    model = MLP([2, 4, 1], activation="sigmoid", output_activation="sigmoid", seed=0)
    return [p.data.copy() for p in model.parameters()]


def xor_engine() -> Step:
    model = MLP([2, 4, 1], activation="sigmoid", output_activation="sigmoid", seed=0)
    optimiser = SGD(model.parameters(), lr=XOR_LR)
    inputs = Tensor(XOR_X)

    def step() -> float:
        optimiser.zero_grad()
        loss = mse_loss(model(inputs), XOR_Y)
        loss.backward()
        optimiser.step()
        return float(loss.data)

    return step


def xor_numpy() -> Step:
    w1, b1, w2, b2 = xor_weights()
    n = XOR_Y.size

    def step() -> float:
        nonlocal w1, b1, w2, b2
        h = stable_sigmoid(XOR_X @ w1 + b1)
        y = stable_sigmoid(h @ w2 + b2)
        diff = y - XOR_Y
        loss = float((diff * diff).mean())
        dz2 = (2.0 / n) * diff * (y * (1.0 - y))
        dz1 = (dz2 @ w2.T) * (h * (1.0 - h))
        w2 -= XOR_LR * (h.T @ dz2)
        b2 -= XOR_LR * dz2.sum(axis=0)
        w1 -= XOR_LR * (XOR_X.T @ dz1)
        b1 -= XOR_LR * dz1.sum(axis=0)
        return loss

    return step


def xor_torch() -> Step:
    import torch

    w1, b1, w2, b2 = xor_weights()
    first, second = torch.nn.Linear(2, 4).double(), torch.nn.Linear(4, 1).double()
    with torch.no_grad():  # torch stores a layer's weight outputs × inputs
        first.weight.copy_(torch.from_numpy(w1.T.copy()))
        first.bias.copy_(torch.from_numpy(b1))
        second.weight.copy_(torch.from_numpy(w2.T.copy()))
        second.bias.copy_(torch.from_numpy(b2))
    net = torch.nn.Sequential(first, torch.nn.Sigmoid(), second, torch.nn.Sigmoid())
    optimiser = torch.optim.SGD(net.parameters(), lr=XOR_LR)
    x, y = torch.from_numpy(XOR_X), torch.from_numpy(XOR_Y)

    def step() -> float:
        optimiser.zero_grad()
        loss = torch.nn.functional.mse_loss(net(x), y)
        loss.backward()
        optimiser.step()
        return float(loss.detach())

    return step


def xor_micrograd() -> Step:
    from micrograd.engine import Value

    w1, b1, w2, b2 = xor_weights()
    hidden = [([Value(w) for w in w1[:, j]], Value(b1[j])) for j in range(4)]
    out = ([Value(w) for w in w2[:, 0]], Value(b2[0]))
    params = [p for ws, b in [*hidden, out] for p in [*ws, b]]

    def sigmoid(v: Value) -> Value:  # micrograd has no exp: one written the way its ops are
        e = Value(math.exp(-v.data), (v,), "exp")

        def backward() -> None:
            v.grad += -e.data * e.grad

        e._backward = backward
        return 1 / (1 + e)

    def neuron(weights: list[Value], bias: Value, inputs: list[Value] | list[float]) -> Value:
        return sigmoid(sum((w * x for w, x in zip(weights, inputs, strict=True)), bias))

    def step() -> float:
        for p in params:
            p.grad = 0.0
        total = Value(0.0)
        for xi, yi in zip(XOR_X.tolist(), XOR_Y.ravel().tolist(), strict=True):
            h = [neuron(ws, b, xi) for ws, b in hidden]
            total = total + (neuron(*out, h) - yi) ** 2
        loss = total * (1.0 / len(XOR_X))
        loss.backward()
        for p in params:
            p.data -= XOR_LR * p.grad
        return loss.data

    return step


# ----------------------------------------------------------------------------------- LSTM
def lstm_cell() -> LSTMCell:
    """The engine's cell for seed 0, with distinct biases so that a mixed-up gate shows."""
    cell = LSTMCell(LSTM_INPUTS, LSTM_HIDDEN, seed=0)
    rng = np.random.default_rng(1)
    for gate in cell.GATES:
        cell.b[gate].data[:] = rng.uniform(-0.5, 0.5, LSTM_HIDDEN)
    return cell


def lstm_engine() -> Step:
    cell = lstm_cell()
    optimiser = SGD(cell.parameters(), lr=LSTM_LR)
    inputs = [Tensor(x) for x in LSTM_X]

    def step() -> float:
        optimiser.zero_grad()
        h, _c = cell.unroll(inputs)[-1]
        loss = mse_loss(h, LSTM_Y)
        loss.backward()
        optimiser.step()
        return float(loss.data)

    return step


def lstm_numpy() -> Step:
    cell = lstm_cell()
    W = np.concatenate([cell.W[g].data for g in cell.GATES], axis=1)  # the f, i, o, c columns
    U = np.concatenate([cell.U[g].data for g in cell.GATES], axis=1)
    b = np.concatenate([cell.b[g].data for g in cell.GATES])
    n, size = LSTM_HIDDEN, LSTM_Y.size

    def step() -> float:
        nonlocal W, U, b
        h = c = np.zeros((LSTM_BATCH, n))
        saved = []
        for x in LSTM_X:
            z = x @ W + h @ U + b
            fio = stable_sigmoid(z[:, : 3 * n])
            g = np.tanh(z[:, 3 * n :])
            c_next = fio[:, :n] * c + fio[:, n : 2 * n] * g
            tc = np.tanh(c_next)
            saved.append((x, h, c, fio, g, tc))
            h, c = fio[:, 2 * n :] * tc, c_next
        diff = h - LSTM_Y
        loss = float((diff * diff).mean())
        dh, dc = (2.0 / size) * diff, np.zeros_like(c)
        dW, dU, db = np.zeros_like(W), np.zeros_like(U), np.zeros_like(b)
        for x, h_prev, c_prev, fio, g, tc in reversed(saved):
            f, i, o = fio[:, :n], fio[:, n : 2 * n], fio[:, 2 * n :]
            dc = dc + dh * o * (1.0 - tc * tc)
            dfio = np.concatenate([dc * c_prev, dc * g, dh * tc], axis=1) * (fio * (1.0 - fio))
            dz = np.concatenate([dfio, dc * i * (1.0 - g * g)], axis=1)
            dW += x.T @ dz
            dU += h_prev.T @ dz
            db += dz.sum(axis=0)
            dh, dc = dz @ U.T, dc * f
        W -= LSTM_LR * dW
        U -= LSTM_LR * dU
        b -= LSTM_LR * db
        return loss

    return step


def lstm_torch() -> Step:
    import torch

    cell = lstm_cell()
    order = ("i", "f", "c", "o")  # torch's order of the gates: input, forget, cell, output
    net = torch.nn.LSTMCell(LSTM_INPUTS, LSTM_HIDDEN).double()
    with torch.no_grad():  # torch stores weights outputs × inputs and adds two biases
        net.weight_ih.copy_(torch.from_numpy(np.concatenate([cell.W[g].data.T for g in order])))
        net.weight_hh.copy_(torch.from_numpy(np.concatenate([cell.U[g].data.T for g in order])))
        net.bias_ih.copy_(torch.from_numpy(np.concatenate([cell.b[g].data for g in order])))
        net.bias_hh.zero_()
    net.bias_hh.requires_grad_(False)  # one bias, as the lecture has it
    optimiser = torch.optim.SGD(net.parameters(), lr=LSTM_LR)
    inputs, target = torch.from_numpy(LSTM_X), torch.from_numpy(LSTM_Y)

    def step() -> float:
        optimiser.zero_grad()
        h = c = torch.zeros(LSTM_BATCH, LSTM_HIDDEN, dtype=torch.float64)
        for x in inputs:
            h, c = net(x, (h, c))
        loss = torch.nn.functional.mse_loss(h, target)
        loss.backward()
        optimiser.step()
        return float(loss.detach())

    return step


# --------------------------------------------------------------------------------- timing
WORKLOADS: dict[str, tuple[str, dict[str, Callable[[], Step]], int]] = {
    "XOR": (
        f"XOR 2-4-1 sigmoid net, full batch, MSE, SGD lr {XOR_LR}",
        {
            "oppija engine": xor_engine,
            "hand-written NumPy": xor_numpy,
            "PyTorch (1 thread)": xor_torch,
            "micrograd": xor_micrograd,
        },
        20,
    ),
    "LSTM": (
        f"LSTM {LSTM_INPUTS}→{LSTM_HIDDEN}, batch {LSTM_BATCH}, {LSTM_STEPS} time steps, "
        f"MSE of the last h, BPTT, SGD lr {LSTM_LR}",
        {
            "oppija engine": lstm_engine,
            "hand-written NumPy": lstm_numpy,
            "PyTorch (1 thread)": lstm_torch,
        },
        4,
    ),
}
"""Each workload: its title, its contestants, and the steps each runs in its turn."""


def contestants(makers: dict[str, Callable[[], Step]]) -> dict[str, Step]:
    """Every contestant whose library is installed; the others are named and skipped."""
    steps: dict[str, Step] = {}
    for name, make in makers.items():
        try:
            steps[name] = make()
        except ImportError as missing:
            print(f"  ({name} skipped: {missing.name} is not installed)")
    return steps


def check_same_losses(steps: dict[str, Step]) -> None:
    """Three steps of every contestant from fresh weights give the engine's three losses."""
    losses = {name: [step() for _ in range(3)] for name, step in steps.items()}
    reference = losses["oppija engine"]
    for name, values in losses.items():
        if not np.allclose(values, reference, rtol=1e-9, atol=0.0):
            raise SystemExit(f"{name} computes other losses than the engine: {values} {reference}")


def time_rounds(steps: dict[str, Step], rounds: int, block: int) -> dict[str, float]:
    """Median CPU µs per step over ``rounds`` rounds, each contestant a block of steps a round.

    Each turn starts with one step left untimed, so that no contestant pays for refilling the
    caches the one before it emptied (micrograd's thousands of objects, PyTorch's code).
    """
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(rounds):
        for name, step in steps.items():
            step()
            start = time.process_time()
            for _ in range(block):
                step()
            times[name].append((time.process_time() - start) / block * 1e6)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100, help="turns of every contestant")
    args = parser.parse_args()
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"CPU µs per training step, median of {args.rounds} rounds; load average {load:.2f}")
    for workload, (title, makers, block) in WORKLOADS.items():
        print(f"{title}:")
        steps = contestants(makers)
        check_same_losses(steps)
        medians = time_rounds(steps, args.rounds, block)
        for name, value in medians.items():
            print(f"  {name:<22} {value:10.1f} µs")
        engine = medians["oppija engine"]
        print(
            f"ratio engine/hand-written ({workload}): {engine / medians['hand-written NumPy']:.2f}"
        )
        for name, value in medians.items():
            if name not in ("oppija engine", "hand-written NumPy"):
                print(f"ratio {name}/engine ({workload}): {value / engine:.2f}")


if __name__ == "__main__":
    main()
