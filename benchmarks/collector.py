"""Key presses with Python's default garbage collector against the one ``oppija`` sets.

Run with ``python benchmarks/collector.py [--rounds N]``. The real app (its progress in a new
temporary folder) runs headless in this process (``App.run_test(size=(120, 40))``) and is walked
through the Estonian lecture with → to the last step and back with ←, one press at a time, each
timed by the process's CPU time until the app has handled it and painted the screen (as in
``benchmarks/navigation.py``). Two ways take turns, a new app each walk, round after round:

- default: Python's thresholds (700, 10, 10), nothing frozen;
- session: as ``oppija`` in a terminal runs, ``oppija.collector.prepare_for_session`` called
  once the first slide is painted (what the process holds is frozen, young collections every
  5 000 new objects); undone after the walk.

Every collection's pause is timed too (``gc.callbacks``). Printed for each way: the mean and
90th percentile CPU a press, the slowest press, the collections by generation, their time and the
longest pause; then ``ratio session/default, CPU a press`` (means; goal ≤ 0,9) and ``ratio
session/default, longest pause`` (the longest full-collection pause of each; goal ≤ 1).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from navigation import SIZE, oppija_app, percentile, slide_texts  # beside this file
from painted import until_painted
from textual import events

from oppija import i18n
from oppija.collector import prepare_for_session
from oppija.content.loader import load_lecture
from oppija.threads import limit_blas_threads


class Pauses:
    """Each collection's generation and length, while listening."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, float]] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seen.append((info["generation"], time.perf_counter() - self._started))


async def walk(data: Path, presses: int, session: bool, pauses: Pauses) -> list[float]:
    """CPU seconds of each press of a walk there (→) and back (←), each until painted."""
    times: list[float] = []
    app = oppija_app(data)
    async with app.run_test(size=SIZE) as pilot:
        await until_painted(pilot)
        if session:
            prepare_for_session()
        gc.callbacks.append(pauses)
        try:
            for key_name in ["right"] * presses + ["left"] * presses:
                key = events.Key(key_name, None)
                key.set_sender(app)
                start = time.process_time()
                app.post_message(key)
                await until_painted(pilot)
                times.append(time.process_time() - start)
        finally:
            gc.callbacks.remove(pauses)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="walks of each way (default 2)")
    args = parser.parse_args()
    limit_blas_threads()
    i18n.set_language("et")
    presses = len(slide_texts(load_lecture("et"))) - 1
    defaults = gc.get_threshold()
    times: dict[str, list[float]] = {"default": [], "session": []}
    pauses = {name: Pauses() for name in times}
    with tempfile.TemporaryDirectory(prefix="oppija-collector-") as folder:
        for round_ in range(args.rounds):
            for name in times:
                data = Path(folder) / f"{name}-{round_}"
                times[name] += asyncio.run(walk(data, presses, name == "session", pauses[name]))
                gc.unfreeze()
                gc.set_threshold(*defaults)
                gc.collect()
    load = ", ".join(f"{value:.2f}".replace(".", ",") for value in os.getloadavg())
    print(f"{presses} presses there and back a walk, {args.rounds} walks each; load {load}")
    longest: dict[str, float] = {}
    for name, values in times.items():
        seen = pauses[name].seen
        counts = [sum(1 for generation, _ in seen if generation == g) for g in range(3)]
        full = [length for generation, length in seen if generation == 2]
        longest[name] = max(full, default=0.0)
        print(
            f"{name:>8}: mean {statistics.mean(values) * 1000:6.2f} ms CPU a press, 90th"
            f" percentile {percentile(values, 0.9) * 1000:6.2f} ms, slowest"
            f" {max(values) * 1000:6.1f} ms; collections {counts[0]}/{counts[1]}/{counts[2]}"
            f" (young/middle/full), {sum(length for _, length in seen):.2f} s, longest full"
            f" {longest[name] * 1000:.1f} ms"
        )
    ratio = statistics.mean(times["session"]) / statistics.mean(times["default"])
    print(f"ratio session/default, CPU a press: {ratio:.2f}")
    if longest["default"] > 0:
        pause = longest["session"] / longest["default"]
        print(f"ratio session/default, longest pause: {pause:.2f}")


if __name__ == "__main__":
    main()
