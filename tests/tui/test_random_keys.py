"""A seeded storm of key presses across every screen never raises."""

from __future__ import annotations

import random

import pytest
from textual.pilot import Pilot

from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.screens.too_small import TooSmallScreen
from tests.tui.conftest import AppFactory, burst, key_event, open_demo, press, settle

BOUND = [
    "right", "left", "pagedown", "pageup", "space", "home", "end", "up", "down", "tab",
    "shift+tab", "enter", "escape", "t", "m", "g", "v", "l", "question_mark", "ctrl+p",
    "backspace",
]  # fmt: skip
PRINTABLE = list("abcdefhijknoprsuwxyz0123456789,.-+ ^()*/õäöü")
SIZES = [(100, 30), (80, 24), (120, 40), (50, 14), (160, 48)]


KEYS_PER_CHUNK = 250
CHUNKS = 3  # 750 keys in all, in chunks that xdist runs side by side
SIZES_PER_CHUNK = 4


def chunk_sizes(chunk: int) -> list[tuple[int, int]]:
    """The terminal sizes one chunk's storm goes through, one after another."""
    return [SIZES[(chunk * SIZES_PER_CHUNK + k) % len(SIZES)] for k in range(SIZES_PER_CHUNK)]


def test_the_storms_go_through_every_size() -> None:
    """Between them the chunks visit every size: three do (a fourth took a quarter of the
    storm's time and visited only sizes the three had), and each reaches every screen."""
    assert {size for chunk in range(CHUNKS) for size in chunk_sizes(chunk)} == set(SIZES)


BURSTS = (1, 2, 3, 4, 5, 6)  # how many keys arrive before the app has handled the first


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(CHUNKS))
async def test_random_keys_across_every_screen(make_app: AppFactory, chunk: int) -> None:
    """An exception inside the app fails ``run_test``; quitting on purpose (the palette's
    "Quit" can be reached by random typing) just starts the next round with a new app.

    Each chunk is its own seeded storm from a fresh start and reaches every screen; between
    them the storms go through every terminal size.
    """
    rng = random.Random(f"20221114-{chunk}")
    pressed = 0
    rounds = 0
    screens_seen: set[str] = set()
    sized = 0
    size = chunk_sizes(chunk)[0]
    while pressed < KEYS_PER_CHUNK:
        rounds += 1
        app = make_app()
        async with app.run_test(size=size) as pilot:
            while pressed < KEYS_PER_CHUNK and app.is_running:
                if pressed * SIZES_PER_CHUNK // KEYS_PER_CHUNK > sized:  # the next size
                    sized = pressed * SIZES_PER_CHUNK // KEYS_PER_CHUNK
                    size = chunk_sizes(chunk)[sized]
                    await pilot.resize_terminal(*size)
                # one key at a time as often as a few typed faster than the app handles them
                keys = [
                    rng.choice(BOUND) if rng.random() < 0.7 else rng.choice(PRINTABLE)
                    for _key in range(rng.choice(BURSTS))
                ]
                await burst(pilot, *keys)
                pressed += len(keys)
                if app.is_running:
                    screens_seen.add(type(app.screen).__name__)
            if app.is_running:
                await press(pilot, "escape", "escape", "escape")
                assert any(isinstance(s, LectureScreen) for s in app.screen_stack)
    assert rounds < 5  # mostly one long session, not a crash loop
    for name in (
        "LectureScreen",
        "HelpScreen",
        "GlossaryScreen",
        "ResultsScreen",
        "LecturePalette",
    ):
        assert name in screens_seen, name


DEMO_KEYS = [
    "enter", "n", "r", "plus", "minus", "left_square_bracket", "right_square_bracket",
    "number_sign", "z", "k", "c", "a", "s", "f", "b", "enter", "escape", "backspace", "tab",
]  # fmt: skip


async def back_to_the_lecture(pilot: Pilot[None]) -> None:
    """Esc until the lecture screen is on top again (a storm may leave a dialog open)."""
    for _escape in range(5):
        if isinstance(pilot.app.screen, LectureScreen) or not pilot.app.is_running:
            return
        await press(pilot, "escape")


async def storm_each_demo(
    make_app: AppFactory, slides: list[str], keys: list[str], seed: str, bursts: int, odds: float
) -> None:
    """On each slide's demo, fully revealed and having the keys, ``bursts`` bursts of five
    keys typed faster than the demo handles them: a demo key with ``odds``, else a printable
    character (nonsense for its fields). The app must not raise, and keeps running.

    One app storms every slide in turn (each demo starts anew on its slide, as in a new app);
    each slide keeps its own seeded storm, so it meets the same keys as with an app of its own.
    """
    app = make_app(slide=slides[0])
    async with app.run_test(size=(80, 24)) as pilot:
        for slide_id in slides:
            await back_to_the_lecture(pilot)
            await open_demo(pilot, slide_id)
            rng = random.Random(f"{seed}-{slide_id}")
            for _ in range(bursts):
                typed = [
                    rng.choice(keys) if rng.random() < odds else rng.choice(PRINTABLE)
                    for _ in range(5)
                ]
                await burst(pilot, *typed)  # each key handled, the demo drawn once the five
            assert app.is_running, slide_id


@pytest.mark.slow
async def test_random_keys_on_every_descent_demo(make_app: AppFactory) -> None:
    """Running, stepping, typing nonsense into the fields, five keys at a time typed faster
    than the demo handles them: the demos never raise."""
    slides = ["gd-1d", "gd-2d", "linreg", "gd-logreg", "lr-large"]
    await storm_each_demo(make_app, slides, DEMO_KEYS, "20260127", bursts=30, odds=0.6)


# Every key the step-through demos of probabilities and sequences bind, and the shared ones.
SEQUENCE_DEMO_KEYS = [
    "enter", "n", "p", "e", "r", "c", "plus", "minus", "comma", "full_stop", "less_than_sign",
    "greater_than_sign", "d", "k", "h", "w", "i", "T", "enter", "escape", "backspace", "z",
]  # fmt: skip


@pytest.mark.slow
async def test_random_keys_on_the_sequence_demos(make_app: AppFactory) -> None:
    """Stepping, changing settings, typing nonsense into the fields, five keys at a time typed
    faster than the demo handles them: the demos never raise."""
    slides = ["softmax-temperature", "rnn-unroll", "lstm", "cnn-conv", "attention-decoding"]
    await storm_each_demo(make_app, slides, SEQUENCE_DEMO_KEYS, "20261127", bursts=20, odds=0.7)


STORM_KEYS = [
    "g", "v", "l", "question_mark", "ctrl+p", "escape", "escape", "enter", "enter", "down",
    "right", "left", "end", "home", "t", "a", "plus", "space", "n", "pagedown",
]  # fmt: skip
STORM_SIZES = [(20, 8), (59, 15), (100, 30), (60, 16), (120, 10), (80, 24)]


async def burst_without_settling(pilot: Pilot[None], key: str) -> None:
    """``key`` queued for the app, not waited for: the next one comes before it is handled."""
    if pilot.app.is_running:
        event = key_event(key)
        event.set_sender(pilot.app)
        pilot.app.post_message(event)


@pytest.mark.parametrize("start", ["attention-decoding", "gd-1d"])
async def test_bursts_of_keys_and_resizes_during_screen_switches(
    make_app: AppFactory, start: str
) -> None:
    """Keys in bursts (queued before the first is handled), the window resized between them,
    the language switched with screens open, slides left while a model trains: the app never
    raises, and back at a normal size it shows the lecture with no stale too-small notice."""
    rng = random.Random(f"storm-{start}")
    app = make_app(slide=start)
    async with app.run_test(size=(100, 30)) as pilot:
        for _round in range(12):
            for key in [rng.choice(STORM_KEYS) for _ in range(rng.randint(1, 5))]:
                await burst_without_settling(pilot, key)
                if rng.random() < 0.3:
                    await pilot.resize_terminal(*rng.choice(STORM_SIZES))
            if rng.random() < 0.3:
                await settle(pilot)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen_stack[0], LectureScreen)
        assert not any(isinstance(screen, TooSmallScreen) for screen in app.screen_stack)
