"""Simulation speed: two long headless runs against hand-written loops doing the same updates.

Run with ``python benchmarks/sims.py [--rounds N]``. What is compared, exactly:

- ``gd1d``: ``GradientDescent1D(steps=10000, lr=0,0001)`` built, run for 10 000 steps and its
  ``to_json()`` read (what ``oppija demo gd1d --set steps=10000 --set lr=0,0001 --steps 10000
  --json`` computes), against a plain-``math`` loop of the same 10 000 updates θ ← θ − α·2θ on
  𝓔 = x² that keeps the same history (θ, 𝓔, 𝓔′, |Δθ|) and checks convergence and divergence;
- ``playground``: ``Playground(steps=3000)`` built, run for 3000 epochs and its ``to_json()``
  read (every epoch's error and accuracy), against a hand-written NumPy loop over the same data
  and starting weights: per epoch a shuffle, the 2-4-4-1 tanh network's forward and backward
  pass with the sigmoid cross-entropy, a gradient step, and the error and accuracy of the
  training and test points.

Times are CPU seconds of this process (other programs on a busy machine do not count), medians
over rounds in which the contenders alternate. ``ratio NAME/hand-written`` (above 1: the
simulation is slower) is comparable between checkouts measured on different days; the absolute
times are not. With ``--commands``, the two ``oppija demo`` commands (without ``--json``: they
print the final picture) are also timed as whole processes, start-up included, by the CPU time
the child used; with ``--against DIR`` they are timed from another checkout too (``git
worktree add DIR main``), alternating with this one, and ``ratio this/DIR`` is printed per
command.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oppija.sims.gd1d import GradientDescent1D
from oppija.sims.playground import Playground

ROOT = Path(__file__).resolve().parent.parent

GD_STEPS, GD_LR = 10_000, 1e-4
EPOCHS = 3000
COMMANDS = {
    "gd1d": ["demo", "gd1d", "--set", "steps=10000", "--set", "lr=0,0001", "--steps", "10000"],
    "playground": ["demo", "playground", "--set", "steps=3000", "--steps", "3000"],
    "start-up": ["list"],
}


def gd1d_simulation() -> object:
    simulation = GradientDescent1D(steps=GD_STEPS, lr=GD_LR)
    simulation.run(GD_STEPS)
    return simulation.to_json()


def gd1d_by_hand() -> object:
    """θ ← θ − α·2θ on x² from 3 in plain floats, with the history and the end checks."""
    theta, lr = 3.0, GD_LR
    loss, grad = theta * theta, 2.0 * theta
    history = [(theta, loss, grad, math.nan)]
    for _ in range(GD_STEPS):
        new = theta - lr * grad
        step = abs(new - theta)
        theta, loss, grad = new, new * new, 2.0 * new
        history.append((theta, loss, grad, step))
        if not (math.isfinite(loss) and abs(loss) <= 1e12):
            break
        if step < 1e-6 and lr * abs(grad) < 1e-6:
            break
    return history


def playground_simulation() -> object:
    simulation = Playground(steps=EPOCHS)
    simulation.run(EPOCHS)
    return simulation.to_json()


def playground_by_hand() -> Callable[[], object]:
    """The same training by hand in NumPy, from the simulation's data and starting weights."""
    start = Playground(steps=EPOCHS)
    data = start.data
    weights = [(layer.weight.data.copy(), layer.bias.data.copy()) for layer in start.network.layers]
    points = np.concatenate([data.train_x, data.test_x])
    train = len(data.train_x)
    lr = start.params.lr

    def forward(xs: np.ndarray, layers: list[tuple[np.ndarray, np.ndarray]]) -> list[np.ndarray]:
        outputs = [xs]
        for k, (w, b) in enumerate(layers):
            z = outputs[-1] @ w + b
            outputs.append(z if k == len(layers) - 1 else np.tanh(z))
        return outputs

    def error(z: np.ndarray, labels: np.ndarray) -> float:
        return float(np.mean(np.logaddexp(0.0, z) - labels * z))

    def run() -> object:
        layers = [(w.copy(), b.copy()) for w, b in weights]
        rng = np.random.default_rng(0)
        scores = []
        for _ in range(EPOCHS):
            order = rng.permutation(train)
            xs, labels = data.train_x[order], data.train_y[order]
            outputs = forward(xs, layers)
            delta = (1.0 / (1.0 + np.exp(-outputs[-1][:, 0])) - labels)[:, None] / train
            for k in range(len(layers) - 1, -1, -1):
                w, b = layers[k]
                grad_w, grad_b = outputs[k].T @ delta, delta.sum(axis=0)
                if k:
                    delta = (delta @ w.T) * (1.0 - outputs[k] ** 2)
                layers[k] = (w - lr * grad_w, b - lr * grad_b)
            z = forward(points, layers)[-1][:, 0]
            scores.append(
                (
                    error(z[:train], data.train_y),
                    float(np.mean((z[:train] > 0) == (data.train_y == 1))),
                    error(z[train:], data.test_y),
                    float(np.mean((z[train:] > 0) == (data.test_y == 1))),
                )
            )
        return scores

    return run


def cpu_seconds(call: Callable[[], object]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def command_environment(checkout: Path) -> dict[str, str]:
    """The child's environment: ``checkout``'s oppija, and bytecode written (as pip does for an
    installed app), so that no run pays for compiling sources another run compiled."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def command_seconds(arguments: list[str], checkout: Path = ROOT) -> float:
    """CPU seconds (user + system) that ``python -m oppija ARGUMENTS`` used, start-up included,
    with the ``oppija`` of ``checkout``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "oppija", *arguments],
        cwd=checkout,
        env=command_environment(checkout),
        capture_output=True,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare(name: str, contenders: dict[str, Callable[[], object]], rounds: int) -> None:
    samples: dict[str, list[float]] = {key: [] for key in contenders}
    for k in range(rounds):
        for key in contenders if k % 2 == 0 else reversed(list(contenders)):
            samples[key].append(cpu_seconds(contenders[key]))
    medians = {key: statistics.median(values) for key, values in samples.items()}
    print(f"{name}: CPU seconds, median of {rounds} rounds")
    for key, value in medians.items():
        print(f"  {key:<14} {value * 1000:8.0f} ms")
    print(f"ratio {name}/hand-written: {medians['simulation'] / medians['hand-written']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds per contender")
    parser.add_argument("--commands", action="store_true", help="time the oppija demo commands")
    parser.add_argument(
        "--against", type=Path, metavar="DIR", help="also time the commands from checkout DIR"
    )
    args = parser.parse_args()
    gd1d_simulation()  # warm up: imports, parsed presets, first allocations
    compare("gd1d", {"simulation": gd1d_simulation, "hand-written": gd1d_by_hand}, args.rounds)
    by_hand = playground_by_hand()
    compare(
        "playground", {"simulation": playground_simulation, "hand-written": by_hand}, args.rounds
    )
    if args.commands or args.against:
        time_commands(args.rounds, args.against)


def time_commands(rounds: int, against: Path | None) -> None:
    """The ``oppija demo`` commands as whole processes, alternating with ``against``'s."""
    checkouts = {"this": ROOT} if against is None else {"this": ROOT, "other": against.resolve()}
    runs = [(key, where) for key in COMMANDS for where in checkouts]
    samples: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
    for key, where in runs:  # warm up, untimed: bytecode compiled, files in the disk cache
        command_seconds(COMMANDS[key], checkouts[where])
    for k in range(rounds):
        for key, where in runs if k % 2 == 0 else reversed(runs):
            samples[key, where].append(command_seconds(COMMANDS[key], checkouts[where]))
    print(f"whole commands: CPU seconds of the process, median of {rounds} rounds")
    for key in COMMANDS:
        shown = "oppija " + " ".join(COMMANDS[key])
        medians = {where: statistics.median(samples[key, where]) for where in checkouts}
        for where, value in medians.items():
            print(f"  {value * 1000:8.0f} ms  {shown}  ({checkouts[where]})")
        if against is not None:
            print(f"ratio this/other ({key}): {medians['this'] / medians['other']:.2f}")


if __name__ == "__main__":
    main()
