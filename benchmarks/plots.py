"""Plot rendering speed: oppija's renderers against uniplot and plotext, timed in one run.

Run with ``python benchmarks/plots.py [--quick] [--only NAME]``. Each case is a set of
contenders that draw the same picture; one repeat times every contender once, in an order that
alternates between repeats, so all of them see the same machine load. The report gives medians
and ratios (other/oppija: above 1 means oppija is faster), never a bare pass or fail.

Add a case by appending a ``Case`` to ``CASES``: a name, a description, the name of the
reference contender and a function that returns the contenders (name -> zero-argument call).
Libraries that are not installed are left out of the report with a note.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oppija.plot import line_chart
from oppija.plot import ticks as plot_ticks

WIDTH, HEIGHT = 78, 22  # the whole chart, axes and tick labels included, in terminal cells

Contenders = dict[str, Callable[[], object]]


@dataclass(frozen=True)
class Case:
    """One picture drawn by several contenders; ratios are taken against ``reference``."""

    name: str
    description: str
    reference: str
    contenders: Callable[[], Contenders]


def noisy_sine() -> tuple[np.ndarray, np.ndarray]:
    """200 points of sin(x) plus seeded noise on [0, 10]."""
    rng = np.random.default_rng(5)
    xs = np.linspace(0.0, 10.0, 200)
    return xs, np.sin(xs) + rng.normal(0.0, 0.1, xs.size)


def line_plot_contenders() -> Contenders:
    xs, ys = noisy_sine()
    contenders: Contenders = {
        "oppija segments": lambda: line_chart(xs, ys, WIDTH, HEIGHT).to_segments(),
        "oppija text": lambda: line_chart(xs, ys, WIDTH, HEIGHT).to_text(),
    }

    def cold_labels() -> object:  # the tick labels' Babel formatting, not remembered
        plot_ticks._label.cache_clear()
        return line_chart(xs, ys, WIDTH, HEIGHT).to_segments()

    contenders["oppija segments, labels not cached"] = cold_labels

    try:
        import uniplot
    except ImportError:
        print("  (uniplot is not installed: pip install uniplot)")
    else:
        # uniplot's width/height are its plotting area; 70×19 gives a 75×22 box with labels.
        contenders["uniplot"] = lambda: uniplot.plot_to_string(ys, xs, width=70, height=19)

    plotext_build = _plotext_builder(xs, ys)
    if plotext_build is not None:
        contenders["plotext"] = plotext_build
    return contenders


def _plotext_builder(xs: np.ndarray, ys: np.ndarray) -> Callable[[], object] | None:
    """plotext's build for a 78×22 figure (5.x: module functions; 6.x: ``plotext.figure``)."""
    try:
        import plotext
    except ImportError:
        print("  (plotext is not installed: pip install plotext)")
        return None
    x_list, y_list = xs.tolist(), ys.tolist()
    if hasattr(plotext, "plotsize"):  # plotext 5

        def build_v5() -> object:
            plotext.clf()
            plotext.plotsize(WIDTH, HEIGHT)
            plotext.plot(x_list, y_list)
            return plotext.build()

        return build_v5
    figure = plotext.figure

    def build_v6() -> object:
        figure.clear()
        figure.plot_size(WIDTH, HEIGHT)
        figure.draw(figure.signal(x_list, y_list).lines())
        return figure.build().string()

    return build_v6


CASES = [
    Case(
        name="line-200",
        description=f"a 200-point line plot with axes at {WIDTH}×{HEIGHT} cells",
        reference="oppija segments",
        contenders=line_plot_contenders,
    ),
]


FRAME_WIDTH, FRAME_HEIGHT = 160, 48  # a demo frame's size (a large terminal)
FRAME_GOAL_MS = 5.0


def frame_contenders() -> Contenders:
    """One frame of each demo as the app runs it: one step, then the whole picture drawn.

    A run that has ended starts over, so that every timed frame does a real step.
    """
    from oppija.plot import PlotStyles
    from oppija.scenes import draw_scene
    from oppija.sims import create_simulation

    styles = PlotStyles.default()

    def frame(name: str) -> Callable[[], object]:
        simulation = create_simulation(name, {})

        def one_frame() -> object:
            nonlocal simulation
            if simulation.status != "running":
                simulation = simulation.changed()
            simulation.step()
            return draw_scene(simulation, FRAME_WIDTH, FRAME_HEIGHT, "braille", styles)

        return one_frame

    from oppija.sims.registry import DEMOS

    return {f"frame {name}": frame(name) for name in DEMOS}  # every demo has a picture


def time_once(call: Callable[[], object]) -> float:
    """Microseconds for one call; anything the call prints is swallowed."""
    with contextlib.redirect_stdout(io.StringIO()):
        start = time.perf_counter()
        call()
        return (time.perf_counter() - start) * 1e6


def run_frames(repeats: int) -> None:
    """Each demo's frame time against the budget (no other library draws these)."""
    print(f"frames: one step and the whole picture at {FRAME_WIDTH}×{FRAME_HEIGHT} cells")
    contenders = frame_contenders()
    for call in contenders.values():
        time_once(call)
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for k in range(repeats):
        for name in contenders if k % 2 == 0 else reversed(list(contenders)):
            samples[name].append(time_once(contenders[name]))
    for name, values in samples.items():
        median_ms = statistics.median(values) / 1000
        print(
            f"  {name:<36} median {median_ms:7.2f} ms  "
            f"({median_ms / FRAME_GOAL_MS:.2f} of the {FRAME_GOAL_MS:g} ms budget)"
        )


def run_case(case: Case, repeats: int) -> None:
    print(f"{case.name}: {case.description}")
    contenders = case.contenders()
    names = list(contenders)
    for name in names:  # warm up: imports, caches, first allocations
        time_once(contenders[name])
    samples: dict[str, list[float]] = {name: [] for name in names}
    for k in range(repeats):
        for name in names if k % 2 == 0 else reversed(names):
            samples[name].append(time_once(contenders[name]))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    for name, value in medians.items():
        print(f"  {name:<36} median {value:9.1f} µs  ({repeats} runs)")
    reference = medians[case.reference]
    short = case.reference.split()[0]
    for name, value in medians.items():
        if not name.startswith(short):
            print(f"ratio {name}/{short}: {value / reference:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a rough check)")
    parser.add_argument(
        "--only",
        metavar="NAME",
        help="run one case: " + ", ".join([*(c.name for c in CASES), "frames"]),
    )
    parser.add_argument("--repeats", type=int, default=None, help="repeats per contender")
    args = parser.parse_args()
    repeats = args.repeats or (60 if args.quick else 400)
    chosen = [c for c in CASES if args.only in (None, c.name)]
    if not chosen and args.only != "frames":
        parser.error(f"no case named {args.only!r}")
    for case in chosen:
        run_case(case, repeats)
    if args.only in (None, "frames"):
        run_frames(repeats)


if __name__ == "__main__":
    main()
