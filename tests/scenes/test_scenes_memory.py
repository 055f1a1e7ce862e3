"""An animation left running in a classroom does not creep up in memory.

Measured with tracemalloc (every Python and NumPy allocation, not the process's resident size,
which other tests move): after a warm-up, the memory still held must not grow from one window of
frames to the next. The window is whole runs of the demo, from one start-over to another: a run
keeps its path as it goes (memory that is given back when the next run starts), so a window that
ended mid-run would count that path as a creep. A leak of 200 bytes a frame (2 MiB over ten
thousand frames, the old bound) shows within two runs; the leaky frame below proves the
measurement sees one.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable

import pytest

from oppija.plot import PlotStyles
from oppija.scenes import draw_scene
from oppija.sims import create_simulation

WARM_UP_RUNS = 3  # caches fill, first allocations settle
WINDOW_RUNS = 2  # runs between the two measurements
LONGEST_RUN = 1000  # frames: a default run that has not ended by then never ends
LEAK_BOUND = 200  # bytes a frame

Frame = Callable[[], bool]
"""One frame of an animation; True when the frame started the demo over."""


def animation(name: str) -> Frame:
    """One frame of demo ``name`` as the widget animates it: a step, then the picture."""
    styles = PlotStyles.default()
    simulation = create_simulation(name, {})

    def frame() -> bool:
        nonlocal simulation
        started_over = simulation.status != "running"
        if started_over:
            simulation = simulation.changed()  # start over, as space does after the end
        simulation.step()
        draw_scene(simulation, 40, 12, "braille", styles)
        return started_over

    return frame


def frames_of_runs(frame: Frame, runs: int) -> int:
    """Play ``runs`` whole runs (until the demo has started over ``runs`` times); the frames."""
    frames = started = 0
    while started < runs:
        assert frames < runs * LONGEST_RUN, f"no run ended within {LONGEST_RUN} frames"
        started += frame()
        frames += 1
    return frames


def growth_per_frame(frame: Frame) -> float:
    """Bytes still held after a window of whole runs, less than before it, per frame."""
    tracemalloc.start()
    try:
        frames_of_runs(frame, WARM_UP_RUNS)
        gc.collect()
        before, _peak = tracemalloc.get_traced_memory()
        window = frames_of_runs(frame, WINDOW_RUNS)
        gc.collect()
        after, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (after - before) / window


@pytest.mark.parametrize("name", ["gd1d", "gd2d"])
def test_frames_hold_no_more_memory_as_they_go(name: str) -> None:
    assert growth_per_frame(animation(name)) < LEAK_BOUND


def test_the_measurement_sees_a_small_leak() -> None:
    kept: list[bytes] = []
    frame = animation("gd1d")

    def leaky() -> bool:
        kept.append(bytes(LEAK_BOUND))  # the slow creep the bound is for
        return frame()

    assert growth_per_frame(leaky) >= LEAK_BOUND
