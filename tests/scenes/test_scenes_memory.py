"""An animation left running in a classroom does not creep up in memory.

Measured with tracemalloc (every Python and NumPy allocation, not the process's resident size,
which other tests move): after a warm-up, the memory still held must not grow from one window of
frames to the next. A leak of 200 bytes a frame (2 MiB over ten thousand frames, the old bound)
shows within a few hundred frames; the leaky frame below proves the measurement sees one.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable

import pytest

from oppija.plot import PlotStyles
from oppija.scenes import draw_scene
from oppija.sims import create_simulation

WARM_UP = 200  # frames: caches fill, first allocations settle
WINDOW = 400  # frames between the two measurements
LEAK_BOUND = 200  # bytes a frame


def animation(name: str) -> Callable[[], None]:
    """One frame of demo ``name`` as the widget animates it: a step, then the picture."""
    styles = PlotStyles.default()
    simulation = create_simulation(name, {})

    def frame() -> None:
        nonlocal simulation
        if simulation.status != "running":
            simulation = simulation.changed()  # start over, as space does after the end
        simulation.step()
        draw_scene(simulation, 40, 12, "braille", styles)

    return frame


def growth_per_frame(frame: Callable[[], None]) -> float:
    """Bytes still held after a window of frames, less than before it, per frame."""
    tracemalloc.start()
    try:
        for _ in range(WARM_UP):
            frame()
        gc.collect()
        before, _peak = tracemalloc.get_traced_memory()
        for _ in range(WINDOW):
            frame()
        gc.collect()
        after, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (after - before) / WINDOW


@pytest.mark.parametrize("name", ["gd1d", "gd2d"])
def test_frames_hold_no_more_memory_as_they_go(name: str) -> None:
    assert growth_per_frame(animation(name)) < LEAK_BOUND


def test_the_measurement_sees_a_small_leak() -> None:
    kept: list[bytes] = []
    frame = animation("gd1d")

    def leaky() -> None:
        frame()
        kept.append(bytes(LEAK_BOUND))  # the slow creep the bound is for

    assert growth_per_frame(leaky) >= LEAK_BOUND
