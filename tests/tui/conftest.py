"""Shared set-up for the TUI tests: the real lecture, progress in a temporary folder."""

from __future__ import annotations

import asyncio
import functools
import html
import inspect
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.keys import key_to_character
from textual.message_pump import MessagePump
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerCancelled

from oppija import i18n
from oppija.content.loader import load_lecture
from oppija.content.model import Lecture
from oppija.progress import ProgressStore
from oppija.tui.app import OppijaApp
from oppija.tui.screens.lecture import LectureScreen

AppFactory = Callable[..., OppijaApp]


@pytest.fixture(autouse=True)
def estonian(in_estonian: None) -> None:
    """Every test starts in Estonian and leaves the language as it found it."""


@functools.cache
def shipped_lecture(language: str) -> Lecture:
    """The lecture that comes with oppija, parsed once per test process.

    Parsing it costs about a third of what an app costs to start, and a test starts an app
    each; a :class:`Lecture` is frozen (tuples of frozen records), so every app can be given the
    same one, as the running app keeps one per language for its whole session.
    """
    return load_lecture(language)


@pytest.fixture(scope="session")
def lecture_et() -> Lecture:
    return shipped_lecture("et")


@pytest.fixture(scope="session")
def lecture_en() -> Lecture:
    return shipped_lecture("en")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_app(data_dir: Path) -> AppFactory:
    """An app as `oppija` starts it: progress loaded from (and saved to) ``data_dir``."""

    def factory(*, slide: str | None = None, ascii_mode: bool = False) -> OppijaApp:
        store = ProgressStore(data_dir)
        loaded = store.load()
        if loaded.restored:
            i18n.set_language(loaded.progress.language)
        app = OppijaApp(
            shipped_lecture(i18n.current_language()),
            loaded.progress,
            store,
            start_slide=slide,
            notices=[loaded.notice] if loaded.notice else [],
            resumed=loaded.restored,
            ascii_mode=ascii_mode,
        )
        # Scrolling jumps instead of gliding: a test waits until the app has settled, and a
        # glide (End in the help, PgDn on a long slide) kept it waiting in real time, idle,
        # for a third of a second or more (a third of the key storms' time); where a scroll
        # ends is the same.
        app.animation_level = "none"
        return app

    return factory


# One run of text in Rich's SVG: its left edge in pixels, its line, the text (spaces escaped).
_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="([0-9.]+)" y="[^"]*" textLength="[^"]*" '
    r'clip-path="url\(#[^)]*-line-([0-9]+)\)">([^<]*)</text>'
)
_SVG_CHAR_WIDTH = 20 * 0.61  # Rich's export_svg: 20 px characters, aspect ratio 0,61


def screen_text(app: OppijaApp) -> str:
    """What the terminal shows right now, as plain lines of text.

    Read from the app's public SVG screenshot (the screen, with any screen under a modal, as
    the terminal shows it): each run of text sits at its column on its line.
    """
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, escaped in _SVG_TEXT.findall(app.export_screenshot()):
        column = round(float(x) / _SVG_CHAR_WIDTH)
        row = rows[int(line)]
        for char in html.unescape(escaped.replace("&#160;", " ")):
            if char == "\n":  # the line's end, where the terminal moves to the next
                break
            cells = cell_len(char)
            if cells == 0 and column > 0:  # a combining mark: it belongs to the cell before
                row[column - 1] += char
                continue
            if column >= width:
                break
            row[column] = char
            for covered in range(1, cells):  # a wide character's second cell
                if column + covered < width:
                    row[column + covered] = ""
            column += cells
    return "\n".join("".join(row) for row in rows)


# ----------------------------------------------------------------------------- driving the app
# Pilot.press and Pilot.pause wait for idleness by sleeping in 20 ms slices until the process
# seems idle: at least 40 ms a key, most of a long test's time. The helpers below wait on events
# instead: a callback queued behind the pending messages of the app, the screen, the focused
# widget and every widget with messages waiting, then a repaint, until nothing is left to do.

SETTLE_TIMEOUT = 30.0  # seconds; only reached when the app hangs
SETTLE_ROUNDS = 100


def _reach(mark: asyncio.Future[None]) -> None:
    mark.set_result(None)


async def _fence(app: App[object], nodes: list[MessagePump]) -> None:
    """Until each node has handled every message queued to it before this call."""
    loop = asyncio.get_running_loop()
    pending: set[asyncio.Future[None]] = set()
    for node in nodes:
        reached: asyncio.Future[None] = loop.create_future()
        if node.call_later(_reach, reached):  # a plain function: Textual inspects its signature
            pending.add(reached)
    deadline = loop.time() + SETTLE_TIMEOUT
    while pending and app.is_running:  # a crashed app drops its queues: stop waiting then
        _done, pending = await asyncio.wait(pending, timeout=0.1)
        if loop.time() > deadline:
            raise TimeoutError("the app did not finish its messages in time")


async def settle(pilot: Pilot[None]) -> None:
    """Until the app and its screen have handled everything the last input caused, drawn.

    Queues are drained until none holds a message (a handled message may post others), then the
    screen is drawn once; drawing runs the callbacks that wait for it (``call_after_refresh``),
    so if that queued anything, round again. A worker (a model training in a thread) is waited
    for, and its result handled, like a message.
    """
    app = pilot.app
    for _round in range(SETTLE_ROUNDS):  # a running demo's timer may never let the queues empty
        if not app.is_running:
            return
        try:
            await app.workers.wait_for_complete()  # a model a key made train first, in a thread
        except WorkerCancelled:  # a worker cancelled meanwhile (the palette's search): round again
            continue
        screen = app.screen
        nodes: list[MessagePump] = [app, *screen.walk_children(with_self=True)]
        # the app, the screen and the focused widget may be inside a handler (a key's): a fence
        # waits for it; any other widget only matters if it has messages waiting
        await _fence(
            app, [n for n in nodes if n.message_queue_size or n in (app, screen, screen.focused)]
        )
        if any(node.message_queue_size for node in nodes):
            continue
        if not app.is_running:
            return
        await pilot.wait_for_animation()  # waits for running animations, then draws now
        if any(node.message_queue_size for node in nodes):
            continue
        if not any(worker.is_running for worker in app.workers):
            return  # a worker still training: its result comes as a message, round again


def record_notices(app: App[object]) -> list[str]:
    """Every message ``app`` notifies from now on (call it before the app runs), kept whatever
    the notice's timeout: a notice goes after seconds of wall clock, and a loaded machine that
    started the app slowly had dropped it before the test looked."""
    told: list[str] = []
    notify = app.notify

    def recorded(message: str, *args: Any, **kwargs: Any) -> None:
        told.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = recorded  # type: ignore[method-assign]
    return told


# Key names of the characters a test types that are not letters or digits.
_KEY_NAMES = {"^": "circumflex_accent", "(": "left_parenthesis", ")": "right_parenthesis",
              "*": "asterisk", "/": "slash", ",": "comma", ".": "full_stop", "-": "minus",
              "+": "plus", " ": "space", ";": "semicolon", "_": "underscore", "'": "apostrophe",
              "=": "equals_sign", "#": "number_sign", "[": "left_square_bracket",
              "]": "right_square_bracket", "?": "question_mark"}  # fmt: skip


_CHARACTERS = {name: char for char, name in _KEY_NAMES.items()}


def key_event(key: str) -> events.Key:
    """The event the terminal driver sends for ``key`` (a key name or one character)."""
    if len(key) == 1:
        return events.Key(key if key.isalnum() else _KEY_NAMES[key], key)
    # Textual's own guess reads "minus" as U+2212: the keys a test names are the ASCII ones
    return events.Key(key, _CHARACTERS.get(key) or key_to_character(key))


def post_keys(pilot: Pilot[None], *keys: str) -> None:
    """Queue ``keys`` as the terminal driver would, without waiting for the app to handle them."""
    app = pilot.app
    for key in keys:
        if not app.is_running:
            return
        event = key_event(key)
        event.set_sender(app)
        app.post_message(event)


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press ``keys`` one after another, each handled and drawn before the next."""
    for key in keys:
        if not pilot.app.is_running:
            return
        post_keys(pilot, key)
        await settle(pilot)


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Press ``keys`` all at once, as a terminal delivers keys typed faster than the app handles
    them (each is queued before the first is handled), then wait until the app has settled."""
    post_keys(pilot, *keys)
    await settle(pilot)


async def show_demo(pilot: Pilot[None], reveal: Callable[[], object]) -> Widget:
    """Call ``reveal`` (it brings a demo on screen) and return the demo once it has the keys.

    Waits for the lecture screen's ``demo_shown`` signal, then for any worker the demo started
    (a training demo learns in one), then until the app has settled.
    """
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, LectureScreen)
    shown: asyncio.Future[Widget] = asyncio.get_running_loop().create_future()

    def on_shown(widget: Widget) -> None:
        if not shown.done():
            shown.set_result(widget)

    screen.demo_shown.subscribe(app, on_shown, immediate=True)
    try:
        revealed = reveal()
        if inspect.isawaitable(revealed):
            await revealed
        demo = await asyncio.wait_for(shown, SETTLE_TIMEOUT)
    finally:
        screen.demo_shown.unsubscribe(app)
    await app.workers.wait_for_complete()
    await settle(pilot)
    assert demo.has_focus
    return demo


async def open_demo(pilot: Pilot[None], slide_id: str) -> Any:
    """Open ``slide_id`` fully revealed, where its demo shows, and return the demo."""
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, LectureScreen)
    slide = screen.lecture.slide(slide_id)
    return await show_demo(pilot, lambda: screen.go_to(slide_id, slide.step_count - 1))


@pytest.fixture
def utc() -> Iterator[None]:
    """The notes' clock in UTC, whatever the machine's time zone: pictures stay the same."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()
