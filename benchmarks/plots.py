"""Plot rendering speed: oppija's line chart against uniplot and plotext, timed in one run.

Run with ``python benchmarks/plots.py [--quick] [--only NAME]``. What is compared, exactly:

- ``line-WxH``: one 200-point line (a noisy sine) drawn with axes and tick labels into one plain
  string of W×H terminal cells, by each library with braille dots (2×4 per cell) and the points
  joined by lines: oppija's ``line_chart(...).to_text()`` joined with newlines, uniplot's
  ``plot_to_string(..., lines=True, character_set="braille")`` and plotext's braille ``lines()``
  built to a colourless string. Every contender's output is measured before timing; a library
  whose picture is not W×H cells (plotext shrinks to the terminal's size above 78×22) is left
  out of that size with a note, so no ratio compares pictures of different sizes.
- ``frames``: see :func:`frame_contenders` (oppija alone, against a time budget).

One repeat times every contender once, in an order that alternates between repeats, so all of
them see the same machine load; times are medians of single calls in CPU time (the process's,
so other programs on a busy machine do not count). The report gives
ratios other/oppija (above 1 means oppija is faster), never a bare pass or fail. Libraries that
are not installed (``pip install -e .[bench]``) are left out with a note.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oppija.plot import line_chart

LINE_SIZES = ((78, 22), (160, 48))  # whole pictures, axes and tick labels included, in cells

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


def cells(text: str) -> tuple[int, int]:
    """(columns, rows) of a drawn string, colour codes aside."""
    rows = re.sub(r"\x1b\[[0-9;]*m", "", text).rstrip("\n").split("\n")
    return max(len(row) for row in rows), len(rows)


def line_plot_contenders(width: int, height: int) -> Contenders:
    """oppija, uniplot and plotext drawing the same braille line to a W×H string."""
    xs, ys = noisy_sine()
    contenders: Contenders = {
        "oppija": lambda: "\n".join(line_chart(xs, ys, width, height).to_text()),
    }
    for name, build in (("uniplot", _uniplot_builder), ("plotext", _plotext_builder)):
        call = build(xs, ys, width, height)
        if call is None:
            continue
        drawn = cells(str(call()))
        if drawn == (width, height):
            contenders[name] = call
        else:
            print(f"  ({name} drew {drawn[0]}×{drawn[1]} cells, not {width}×{height}: left out)")
    return contenders


def _uniplot_builder(
    xs: np.ndarray, ys: np.ndarray, width: int, height: int
) -> Callable[[], object] | None:
    """uniplot's braille lines; its width/height are the plotting area, so the area is found
    that makes the whole box (border, labels) W×H cells."""
    try:
        import uniplot
    except ImportError:
        print("  (uniplot is not installed: pip install uniplot)")
        return None

    def draw(area_width: int, area_height: int) -> str:
        return str(
            uniplot.plot_to_string(
                ys,
                xs,
                width=area_width,
                height=area_height,
                lines=True,
                character_set="braille",
            )
        )

    area = (width - 5, height - 3)
    drawn = cells(draw(*area))
    area = (area[0] + width - drawn[0], area[1] + height - drawn[1])
    return lambda: draw(*area)


def _plotext_builder(
    xs: np.ndarray, ys: np.ndarray, width: int, height: int
) -> Callable[[], object] | None:
    """plotext's braille lines built to a colourless string (plotext 6's ``figure`` API)."""
    try:
        import plotext
    except ImportError:
        print("  (plotext is not installed: pip install plotext)")
        return None
    figure = getattr(plotext, "figure", None)
    if figure is None:
        print("  (plotext older than 6 has another API: left out)")
        return None
    x_list, y_list = xs.tolist(), ys.tolist()

    def build() -> object:
        figure.clear()
        figure.plot_size(width, height)
        figure.draw(figure.signal(x_list, y_list, marker="braille").lines())
        return figure.build().string(colorless=True)

    return build


CASES = [
    Case(
        name=f"line-{width}x{height}",
        description=f"a 200-point braille line with axes, to one string of {width}×{height} cells",
        reference="oppija",
        contenders=lambda width=width, height=height: line_plot_contenders(width, height),
    )
    for width, height in LINE_SIZES
]


FRAME_WIDTH, FRAME_HEIGHT = 160, 48  # a demo frame's size (a large terminal)
FRAME_GOAL_MS = 5.0


def frame_contenders() -> Contenders:
    """Per demo: one simulation step, then its whole picture drawn by the scene to Rich
    Segments at 160×48 cells (``draw_scene``). This is the picture's share of a frame only, not
    the frame the learner sees (Textual's layout and compositor come on top:
    ``benchmarks/app_frames.py`` times that). A run that has ended starts over, so that every
    timed frame does a real step."""
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
    """CPU microseconds for one call; anything the call prints is swallowed."""
    with contextlib.redirect_stdout(io.StringIO()):
        start = time.process_time()
        call()
        return (time.process_time() - start) * 1e6


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
    for name, value in medians.items():
        if name != case.reference:
            print(f"ratio {name}/{case.reference} ({case.name}): {value / reference:.2f}")


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
