"""Simulation speed: the two long ``oppija demo`` commands, before the speed-ups and now.

Run with ``python benchmarks/sims.py [--rounds N] [--before COMMIT|DIR] [--by-hand]``. What is
compared, exactly:

- the commands ``oppija demo gd1d --set steps=10000 --set lr=0,0001 --steps 10000`` and
  ``oppija demo playground --set steps=3000 --steps 3000`` (each prints its last frame as text),
  and ``oppija list`` for the start-up alone, each as a whole ``python -m oppija`` process,
  start-up included, timed by the CPU seconds (user + system) the child used;
- from two checkouts: "before" is the code of commit :data:`BEFORE` (the last one before the
  simulations were made faster, unpacked with ``git archive`` into a temporary folder) or the
  folder given with ``--before``, and "after" is this checkout;
- each child writes its bytecode (as pip does for an installed app) and each command runs once
  from each checkout untimed first, so no run pays for compiling sources or a cold disk cache;
  the two runs' outputs are compared there and must be the same bytes (the speed-ups change no
  number);
- then round after round, the checkouts alternating (before, after; after, before; …), and the
  medians are printed as ``NAME: before B s, after A s, speedup S×`` (S = B / A), followed by
  the least times and their ratio (on a busy machine other programs only ever add time, so the
  least is the steadier figure between runs).

With ``--by-hand``, this checkout's simulations are also timed inside this process against
hand-written loops doing the same updates (gd1d: a plain-``math`` loop of θ ← θ − α·2θ on x²
keeping the same history and end checks; playground: a NumPy loop over the same data and
starting weights with the same shuffles, forward and backward pass, gradient step and the
scores of every epoch), built, run and ``to_json()`` read, alternating, by this process's CPU
time, and ``ratio NAME/hand-written`` is printed (above 1: the simulation is slower).
"""

from __future__ import annotations

import argparse
import io
import math
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from oppija.sims.gd1d import GradientDescent1D  # noqa: E402 - this checkout's, after the path
from oppija.sims.playground import Playground  # noqa: E402

# The last commit before the simulations were made faster (issue 14, item 3).
BEFORE = "0cd9d12ad3a4ba69c0b37d89d5d35631b34d809d"

GD_STEPS, GD_LR = 10_000, 1e-4
EPOCHS = 3000
COMMANDS = {
    "gd1d": ["demo", "gd1d", "--set", "steps=10000", "--set", "lr=0,0001", "--steps", "10000"],
    "playground": ["demo", "playground", "--set", "steps=3000", "--steps", "3000"],
    "start-up (oppija list)": ["list"],
}


# ----------------------------------------------------------------------------- whole commands
def command_environment(checkout: Path) -> dict[str, str]:
    """The child's environment: ``checkout``'s oppija, and bytecode written (as pip does for an
    installed app), so that no run pays for compiling sources another run compiled."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_command(arguments: list[str], checkout: Path) -> tuple[float, bytes]:
    """CPU seconds (user + system) that ``python -m oppija ARGUMENTS`` used, start-up included,
    with the ``oppija`` of ``checkout``, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "oppija", *arguments],
        cwd=checkout,
        env=command_environment(checkout),
        capture_output=True,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def unpacked(commit: str, folder: Path) -> Path:
    """The files of ``commit`` of this repository, unpacked into ``folder``."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def time_commands(rounds: int, before: Path) -> None:
    """Each command from ``before`` and from this checkout, alternating, medians printed."""
    checkouts = {"before": before, "after": ROOT}
    runs = [(name, when) for name in COMMANDS for when in checkouts]
    for name in COMMANDS:  # warm up, untimed; the outputs must agree
        outputs = {when: run_command(COMMANDS[name], checkouts[when])[1] for when in checkouts}
        same = outputs["before"] == outputs["after"]
        print(f"{name}: the same output before and after: {'yes' if same else 'NO'}")
    samples: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
    for k in range(rounds):
        for name, when in runs if k % 2 == 0 else reversed(runs):
            samples[name, when].append(run_command(COMMANDS[name], checkouts[when])[0])
    print(f"whole processes, CPU seconds, median of {rounds} rounds ({before} → {ROOT})")
    for name in COMMANDS:
        old, new = (statistics.median(samples[name, when]) for when in checkouts)
        least_old, least_new = (min(samples[name, when]) for when in checkouts)
        print(
            f"{name}: before {old:.2f} s, after {new:.2f} s, speedup {old / new:.2f}× "
            f"(least: {least_old:.2f} s, {least_new:.2f} s, {least_old / least_new:.2f}×)"
        )


# ----------------------------------------------------------------------------- against by hand
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


def compare(name: str, contenders: dict[str, Callable[[], object]], rounds: int) -> None:
    samples: dict[str, list[float]] = {key: [] for key in contenders}
    for k in range(rounds):
        for key in contenders if k % 2 == 0 else reversed(list(contenders)):
            samples[key].append(cpu_seconds(contenders[key]))
    medians = {key: statistics.median(values) for key, values in samples.items()}
    print(f"{name} in this process: CPU seconds, median of {rounds} rounds")
    for key, value in medians.items():
        print(f"  {key:<14} {value * 1000:8.0f} ms")
    print(f"ratio {name}/hand-written: {medians['simulation'] / medians['hand-written']:.2f}")


def time_by_hand(rounds: int) -> None:
    gd1d_simulation()  # warm up: imports, parsed presets, first allocations
    compare("gd1d", {"simulation": gd1d_simulation, "hand-written": gd1d_by_hand}, rounds)
    by_hand = playground_by_hand()
    compare("playground", {"simulation": playground_simulation, "hand-written": by_hand}, rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds per contender")
    parser.add_argument(
        "--before",
        default=BEFORE,
        metavar="COMMIT|DIR",
        help="the code to compare with: a commit of this repository or a checkout's folder",
    )
    parser.add_argument(
        "--by-hand", action="store_true", help="also time the simulations against loops by hand"
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} (1 min) at the start")
    if Path(args.before).is_dir():
        time_commands(args.rounds, Path(args.before).resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="oppija-before-") as folder:
            time_commands(args.rounds, unpacked(args.before, Path(folder)))
    if args.by_hand:
        time_by_hand(args.rounds)
    print(f"load average {os.getloadavg()[0]:.1f} (1 min) at the end")


if __name__ == "__main__":
    main()
