"""Engine overhead: one training step of the XOR 2-4-1 sigmoid net, engine vs. hand-written NumPy.

Run with ``python benchmarks/engine.py``. Both versions do exactly the same maths (full batch,
mean squared error, SGD with lr 2.0) and are timed alternately in one process, so the ratio is
fair on a noisy machine. Rows for PyTorch and micrograd are added when they are installed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oppija.engine import Tensor, mse_loss
from oppija.engine.nn import MLP
from oppija.engine.optim import SGD
from oppija.engine.tensor import stable_sigmoid

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])
LR = 2.0


def engine_trainer() -> Callable[[], float]:
    model = MLP([2, 4, 1], activation="sigmoid", output_activation="sigmoid", seed=0)
    optimiser = SGD(model.parameters(), lr=LR)
    inputs = Tensor(X)

    def step() -> float:
        optimiser.zero_grad()
        loss = mse_loss(model(inputs), Y)
        loss.backward()
        optimiser.step()
        return float(loss.data)

    return step


def numpy_trainer() -> Callable[[], float]:
    model = MLP([2, 4, 1], activation="sigmoid", output_activation="sigmoid", seed=0)
    w1, b1, w2, b2 = (p.data.copy() for p in model.parameters())
    n = Y.size

    def step() -> float:
        nonlocal w1, b1, w2, b2
        h = stable_sigmoid(X @ w1 + b1)
        y = stable_sigmoid(h @ w2 + b2)
        diff = y - Y
        loss = float((diff * diff).mean())
        dy = 2.0 * diff / n
        dz2 = dy * (y * (1.0 - y))
        dw2 = h.T @ dz2
        db2 = dz2.sum(axis=0)
        dh = dz2 @ w2.T
        dz1 = dh * (h * (1.0 - h))
        dw1 = X.T @ dz1
        db1 = dz1.sum(axis=0)
        w1 -= LR * dw1
        b1 -= LR * db1
        w2 -= LR * dw2
        b2 -= LR * db2
        return loss

    return step


def torch_trainer() -> Callable[[], float] | None:
    try:
        import torch
    except ImportError:
        return None
    torch.manual_seed(0)
    net = torch.nn.Sequential(
        torch.nn.Linear(2, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 1), torch.nn.Sigmoid()
    ).double()
    opt = torch.optim.SGD(net.parameters(), lr=LR)
    xt, yt = torch.tensor(X), torch.tensor(Y)

    def step() -> float:
        opt.zero_grad()
        loss = ((net(xt) - yt) ** 2).mean()
        loss.backward()
        opt.step()
        return float(loss)

    return step


def micrograd_trainer() -> Callable[[], float] | None:
    try:
        from micrograd.engine import Value
        from micrograd.nn import Neuron
    except ImportError:
        return None
    import math
    import random

    random.seed(0)
    hidden = [Neuron(2, nonlin=False) for _ in range(4)]
    out = Neuron(4, nonlin=False)
    params = [p for n in [*hidden, out] for p in n.parameters()]

    def sig(v: Value) -> Value:  # micrograd has no exp: add one the way its own ops are written
        e = Value(math.exp(-v.data), (v,), "exp")

        def backward() -> None:
            v.grad += -e.data * e.grad

        e._backward = backward
        return 1 / (1 + e)

    def step() -> float:
        for p in params:
            p.grad = 0.0
        total = Value(0.0)
        for xi, yi in zip(X.tolist(), Y.ravel().tolist(), strict=True):
            h = [sig(n(xi)) for n in hidden]
            y = sig(out(h))
            total = total + (y - yi) ** 2
        loss = total * (1.0 / len(X))
        loss.backward()
        for p in params:
            p.data -= LR * p.grad
        return loss.data

    return step


def time_one(step: Callable[[], float]) -> float:
    """Microseconds for one step."""
    start = time.perf_counter()
    step()
    return (time.perf_counter() - start) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2000, help="training steps per version")
    args = parser.parse_args()

    engine, hand = engine_trainer(), numpy_trainer()
    extra = {"PyTorch (CPU)": torch_trainer(), "micrograd": micrograd_trainer()}
    extra = {k: v for k, v in extra.items() if v is not None}
    runs: dict[str, list[float]] = {"oppija engine": [], "hand-written NumPy": []}
    runs.update({k: [] for k in extra})
    for k in range(args.steps):  # alternate step by step, so both see the same machine load
        runs["oppija engine"].append(time_one(engine))
        runs["hand-written NumPy"].append(time_one(hand))
        if k % 10 == 0:  # the slow ones, sampled
            for name, step in extra.items():
                runs[name].append(time_one(step))

    medians = {name: statistics.median(t) for name, t in runs.items()}
    print(f"XOR 2-4-1 sigmoid net, full batch, MSE, SGD lr {LR}: median µs per training step")
    for name, value in medians.items():
        print(f"  {name:<22} {value:10.1f} µs")
    ratio = medians["oppija engine"] / medians["hand-written NumPy"]
    print(f"ratio engine/hand-written: {ratio:.2f}")
    for name in extra:
        print(f"ratio {name}/engine: {medians[name] / medians['oppija engine']:.2f}")


if __name__ == "__main__":
    main()
