"""The child process of the concurrent-saves test, in a module of its own.

A child started with ``spawn`` imports the module its target lives in: this one needs only
``oppija.progress``, not the test module's pytest and Hypothesis, so the children start saving
sooner and the test's time is spent where the race is.
"""

from __future__ import annotations

from multiprocessing.synchronize import Barrier
from pathlib import Path

from oppija.progress import Progress, ProgressStore

SAVES = 200
START_TIMEOUT = 120.0  # seconds; only reached when a process cannot start at all


def save_many(directory: str, worker: int, start: Barrier) -> None:
    """Save ``SAVES`` different records, each a few kilobytes, once every process is ready."""
    store = ProgressStore(Path(directory))
    start.wait(START_TIMEOUT)
    for i in range(SAVES):
        store.save(
            Progress(
                slide_id=f"worker-{worker}",
                step=i,
                seen={f"slide-{worker}-{k:04d}" for k in range(100 + i % 50)},
                settings={"worker": worker, "note": "ä" * (i % 97)},
            )
        )
