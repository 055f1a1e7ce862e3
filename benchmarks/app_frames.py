"""A demo frame in the app against the picture's own cost, for every demo kind, two sizes.

Run with ``python benchmarks/app_frames.py [--frames N]``. What is compared, exactly:

- **app frame**: the CPU time of this process from a demo step as the learner's ``n`` key or
  the run's timer makes it (``DemoPanel.action_step``, or ``action_reset`` when the run has
  ended) until the app has painted that step: the simulation's step, the widgets' updates
  (picture, readout, status), any layout, and Textual's compositor writing the frame. The real
  app (``OppijaApp``, the Estonian lecture) runs headless (``App.run_test``) at 120×40 and at
  160×48, on the first slide that shows each demo kind, fully revealed;
- **picture**: the CPU time of ``draw_scene`` (through the widget's ``draw``, with its scene
  options) for the same state at the same picture size, mode and theme: what the picture
  itself costs, drawn once more right after the app's frame (interleaved, frame by frame).

Per demo and size the medians of both and their ratio are printed, and how many of the timed
frames laid the screen out (``layouts``, counted by the screen's public
``screen_layout_refresh_signal``: a readout that needs another number of lines, a reset that
changes it); then ``ratio
app-frame/picture: R`` (the worst demo and size; the goal of issue 14 is at most 1.5) and
``worst frame: X ms (demo, size)``. A frame is "painted" when Textual's compositor has written
the screen: that moment needs Textual's private ``Screen._compositor_refresh`` (wrapped here as
in benchmarks/startup.py; tests/tui/test_textual_private_api.py fails loudly when Textual drops
it). Idle waiting (Textual's update timer waits up to 1/60 s before painting) is not CPU time
and does not count.

For reference, per size, a frame that changes one line of text (the demo's status) and nothing
else: what Textual spends on any frame of this screen (every widget on it is composed again),
the floor under every demo's frame. And, per size, the same for a bare Textual app (a ``Header``,
a one-line widget, a ``Static`` filling the screen with text, a ``Footer``) whose one line is
changed and repainted with ``refresh()`` (no layout): about the least any frame of a Textual app
at that size costs. A frame is the picture plus Textual's part, so a ratio of 1.5 needs Textual's
part to cost at most half the picture: for a picture cheaper than twice the bare frame, no Textual
screen can meet it. The last lines count the demos where even the bare frame would.

Then, at 160×48, each demo runs at the fastest speed (60 steps a second) for a second of wall
clock, and the steps it really made per second are printed (``steps/s at 60``): a demo that
keeps its speed makes about 60; one that ended sooner says after how many steps. Beside it, the
share of one core the process used meanwhile: below 100 % the demo is not what limits the
speed (on a busy machine the process waits for a core).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from oppija import i18n
from oppija.content.loader import load_lecture
from oppija.content.model import Lecture
from oppija.progress import ProgressStore
from oppija.sims.demo import Demo
from oppija.sims.registry import DEMOS
from oppija.tui.app import OppijaApp
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.widgets.demo_panel import SPEEDS, DemoPanel
from oppija.tui.widgets.demo_picture import DemoPicture
from oppija.tui.widgets.live_text import LiveText

SIZES = ((120, 40), (160, 48))
FRAME_TIMEOUT = 5.0  # seconds of wall clock: only reached when a step paints nothing
SPEED_SECONDS = 1.0

# Each frame the compositor writes sets this event (see the docstring: a private hook).
_compositor_refresh = Screen._compositor_refresh
painted: list[asyncio.Event] = []  # the running loop's event (each asyncio.run has its own)
floors: list[tuple[tuple[int, int], float]] = []  # per size: a frame that changes one line


def _painting(self: Screen[object]) -> None:
    _compositor_refresh(self)
    if self.is_current and painted:
        painted[-1].set()


Screen._compositor_refresh = _painting  # type: ignore[method-assign,assignment]


@dataclass
class Measured:
    """One demo at one size: CPU milliseconds per app frame and per picture, one per frame."""

    kind: str
    size: tuple[int, int]
    app: list[float]
    picture: list[float]
    layouts: int = 0  # how many times the screen was laid out during the timed frames

    @property
    def ratio(self) -> float:
        return statistics.median(self.app) / statistics.median(self.picture)


def first_slides(lecture: Lecture) -> dict[str, str]:
    """The first slide that shows each demo kind, in the registry's order."""
    found: dict[str, str] = {}
    for section in lecture.sections:
        for slide in section.slides:
            if slide.demo is not None:
                found.setdefault(slide.demo.kind, slide.id)
    missing = set(DEMOS) - set(found)
    if missing:
        raise SystemExit(f"no slide shows {sorted(missing)}")
    return {kind: found[kind] for kind in DEMOS}


async def quiet(app: OppijaApp) -> None:
    """Until the app has no work left: workers done, a few idle turns of the loop."""
    await app.workers.wait_for_complete()
    for _turn in range(3):
        await asyncio.sleep(0.02)


async def open_demo(app: OppijaApp, slide_id: str) -> DemoPanel[Demo]:
    """The demo of ``slide_id``, fully revealed, once it has the keys and has settled."""
    screen = app.screen
    assert isinstance(screen, LectureScreen)
    shown: asyncio.Future[Widget] = asyncio.get_running_loop().create_future()

    def on_shown(widget: Widget) -> None:
        if not shown.done():
            shown.set_result(widget)

    screen.demo_shown.subscribe(app, on_shown, immediate=True)
    try:
        screen.go_to(slide_id, screen.lecture.slide(slide_id).step_count - 1)
        demo = await asyncio.wait_for(shown, FRAME_TIMEOUT * 6)
    finally:
        screen.demo_shown.unsubscribe(app)
    await quiet(app)
    assert isinstance(demo, DemoPanel)
    return demo


def one_move(demo: DemoPanel[Demo]) -> Callable[[], None]:
    """A step, or a fresh start when the run has ended (a step would change nothing)."""
    return demo.action_step if demo.simulation.status == "running" else demo.action_reset


async def app_frame(demo: DemoPanel[Demo]) -> float | None:
    """CPU milliseconds from a move until the frame showing it is painted (None: no frame)."""
    move = one_move(demo)
    painted[-1].clear()
    start = time.process_time()
    move()
    try:
        await asyncio.wait_for(painted[-1].wait(), FRAME_TIMEOUT)
    except TimeoutError:
        return None
    return (time.process_time() - start) * 1000


def picture_cost(demo: DemoPanel[Demo]) -> float:
    """CPU milliseconds of drawing the current state's picture once more, at its size."""
    picture = demo.query_one(DemoPicture)
    width, height = picture.content_size
    styles = picture.styles_for_plot()
    start = time.process_time()
    demo.draw(width, height, picture.mode, styles)
    return (time.process_time() - start) * 1000


async def measure_size(
    size: tuple[int, int], slides: dict[str, str], frames: int, data: Path
) -> list[Measured]:
    """Every demo at one terminal size, in one app."""
    painted.append(asyncio.Event())
    store = ProgressStore(data)
    app = OppijaApp(load_lecture("et"), store.load().progress, store)
    results: list[Measured] = []
    async with app.run_test(size=size):
        await quiet(app)
        for kind, slide_id in slides.items():
            demo = await open_demo(app, slide_id)
            for _warm in range(3):
                await app_frame(demo)
                await quiet(app)
            measured = Measured(kind, size, [], [])
            counted = app.screen.screen_layout_refresh_signal

            def count_layout(_screen: object, measured: Measured = measured) -> None:
                measured.layouts += 1

            counted.subscribe(app, count_layout, immediate=True)
            for _frame in range(frames):
                cost = await app_frame(demo)
                if cost is None:
                    continue
                measured.app.append(cost)
                measured.picture.append(picture_cost(demo))
                await asyncio.sleep(0.005)  # anything the frame left behind runs untimed
            counted.unsubscribe(app)
            if not measured.app:
                raise SystemExit(f"{kind}: no step painted a frame")
            results.append(measured)
        floors.append((size, await one_line_floor(demo, frames)))
    return results


async def one_line_floor(demo: DemoPanel[Demo], frames: int) -> float:
    """CPU milliseconds of a frame that changes one line of text (the demo's status) and
    nothing else: what Textual spends on any frame of this screen, the floor under a demo's."""
    status = demo.query_one("#demo-status", LiveText)
    costs: list[float] = []
    for frame in range(frames):
        painted[-1].clear()
        start = time.process_time()
        status.show(f"{frame % 2}")
        await asyncio.wait_for(painted[-1].wait(), FRAME_TIMEOUT)
        costs.append((time.process_time() - start) * 1000)
        await asyncio.sleep(0.005)
    return statistics.median(costs)


class OneLine(Widget):
    """One line of text, repainted by ``refresh()`` alone (no layout): the cheapest change."""

    DEFAULT_CSS = "OneLine { height: 1; }"
    text = "rida 0"

    def render(self) -> str:
        return self.text


class BareApp(App[None]):
    """Header, a line of text, a ``Static`` filling the screen with text, Footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield OneLine()
        yield Static("\n".join(f"rida {row}: " + "tekst " * 12 for row in range(60)))
        yield Footer()


async def bare_one_line(size: tuple[int, int], frames: int) -> float:
    """CPU milliseconds of a bare app's frame that changes its one line and nothing else."""
    painted.append(asyncio.Event())
    app = BareApp()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        line = app.query_one(OneLine)
        costs: list[float] = []
        for frame in range(frames):
            line.text = f"rida {frame % 2}"
            painted[-1].clear()
            start = time.process_time()
            line.refresh()
            await asyncio.wait_for(painted[-1].wait(), FRAME_TIMEOUT)
            costs.append((time.process_time() - start) * 1000)
            await asyncio.sleep(0.005)
    return statistics.median(costs)


def within_goal_possible(measured: Measured, bare_frame: float) -> bool:
    """Whether a frame costing the picture plus only a bare Textual frame would meet 1.5×."""
    picture = statistics.median(measured.picture)
    return (picture + bare_frame) / picture <= 1.5


@dataclass
class Speed:
    """One demo run at the fastest speed: steps a second of wall clock, the share of one core
    the process used meanwhile, whether the run ended, and how many steps it made."""

    kind: str
    per_second: float
    core_share: float
    ended: bool
    steps: int


async def speed_check(slides: dict[str, str], data: Path) -> list[Speed]:
    """At 160×48, each demo run at the fastest speed: steps a second of wall clock."""
    store = ProgressStore(data)
    app = OppijaApp(load_lecture("et"), store.load().progress, store)
    found: list[Speed] = []
    async with app.run_test(size=SIZES[-1]):
        await quiet(app)
        for kind, slide_id in slides.items():
            demo = await open_demo(app, slide_id)
            for _faster in range(len(SPEEDS)):
                demo.action_speed(1)
            if demo.simulation.status != "running":
                demo.action_reset()
            before = demo.simulation.step_count
            start, cpu = time.perf_counter(), time.process_time()
            demo.action_play()
            while demo.playing and time.perf_counter() - start < SPEED_SECONDS:
                await asyncio.sleep(0.01)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            ended = not demo.playing
            if demo.playing:
                demo.action_play()
            steps = demo.simulation.step_count - before
            found.append(Speed(kind, steps / elapsed, cpu / elapsed, ended, steps))
            await quiet(app)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=30, help="frames per demo and size")
    parser.add_argument("--no-speed", action="store_true", help="skip the 60 steps/s check")
    args = parser.parse_args()
    i18n.set_language("et")
    slides = first_slides(load_lecture("et"))
    results: list[Measured] = []
    with tempfile.TemporaryDirectory() as data:
        for size in SIZES:
            results += asyncio.run(measure_size(size, slides, args.frames, Path(data) / "f"))
        speeds = [] if args.no_speed else asyncio.run(speed_check(slides, Path(data) / "s"))
    bare = [(size, asyncio.run(bare_one_line(size, args.frames))) for size in SIZES]
    header = f"{'demo':14} {'size':>7} {'app frame ms':>13} {'picture ms':>11} {'ratio':>6}"
    print(f"{header} {'layouts':>8}")
    for m in results:
        shown = f"{m.size[0]}x{m.size[1]}"
        app_ms, picture_ms = statistics.median(m.app), statistics.median(m.picture)
        row = f"{m.kind:14} {shown:>7} {app_ms:13.2f} {picture_ms:11.2f} {m.ratio:6.2f}"
        print(f"{row} {m.layouts:4}/{len(m.app)}")
    for (width, height), floor in floors:
        print(f"one line of text repainted, nothing else ({width}x{height}): {floor:.2f} ms")
    for (width, height), cost in bare:
        print(f"bare Textual app, one line changed ({width}x{height}): {cost:.2f} ms")
    bare_at = dict(bare)
    reachable = [m for m in results if within_goal_possible(m, bare_at[m.size])]
    print(
        "demos where even a bare app's frame around the picture stays within 1.5 × it "
        f"((picture + bare) / picture ≤ 1.5): {len(reachable)} of {len(results)}"
        + (
            f" ({', '.join(f'{m.kind} {m.size[0]}x{m.size[1]}' for m in reachable)})"
            if reachable
            else ""
        )
    )
    for speed in speeds:
        note = f" (ended after {speed.steps} steps)" if speed.ended else ""
        share = f"{speed.core_share:4.0%} of a core"
        print(f"steps/s at {SPEEDS[-1]}: {speed.kind:14} {speed.per_second:5.1f}  {share}{note}")
    worst_ratio = max(results, key=lambda m: m.ratio)
    worst_frame = max(results, key=lambda m: statistics.median(m.app))
    print(
        f"ratio app-frame/picture: {worst_ratio.ratio:.2f} "
        f"({worst_ratio.kind}, {worst_ratio.size[0]}x{worst_ratio.size[1]})"
    )
    print(
        f"worst frame: {statistics.median(worst_frame.app):.2f} ms "
        f"({worst_frame.kind}, {worst_frame.size[0]}x{worst_frame.size[1]})"
    )


if __name__ == "__main__":
    main()
