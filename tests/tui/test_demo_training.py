"""Demos that train a model first do it in a worker thread: "õpib…" shows, the app answers keys.

The training is held on a ``threading.Event`` so that each test sees the "still training" state
for as long as it needs, however fast or busy the machine; it waits for the worker's end with
``app.workers.wait_for_complete()``, not with pauses.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from oppija.sims.attention import Attention
from oppija.tui.app import OppijaApp
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.widgets.attention_demo import AttentionDemo
from oppija.tui.widgets.live_text import LiveText
from tests.tui.conftest import AppFactory

SLIDE = "attention-decoding"


@pytest.fixture
def held() -> Iterator[threading.Event]:
    """An event the training waits for; set at the end so no thread is left waiting."""
    event = threading.Event()
    yield event
    event.set()


def hold_training(monkeypatch: pytest.MonkeyPatch, held: threading.Event) -> None:
    """Every new attention model waits for ``held`` before it trains."""
    real_reset = Attention.reset

    def reset_when_released(self: Attention) -> None:
        assert held.wait(timeout=30), "the test never released the training"
        real_reset(self)

    monkeypatch.setattr(Attention, "reset", reset_when_released)


def lecture_screen(app: OppijaApp) -> LectureScreen:
    screen = app.screen
    assert isinstance(screen, LectureScreen)
    return screen


async def open_slide(app: OppijaApp, pilot: Pilot[None], slide_id: str) -> None:
    slide = app.lecture.slide(slide_id)
    lecture_screen(app).go_to(slide_id, slide.step_count - 1)
    await pilot.pause()


async def until_built(app: OppijaApp, pilot: Pilot[None]) -> AttentionDemo:
    """The training done and the demo mounted and focused (on the worker's end, not a timer)."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()  # mounted, then focused after the next refresh
    demo = app.screen.query_one("#demo", AttentionDemo)
    assert demo.has_focus
    return demo


async def test_the_first_model_trains_in_a_thread_while_the_slide_answers_keys(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, held: threading.Event
) -> None:
    hold_training(monkeypatch, held)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_slide(app, pilot, SLIDE)
        notice = app.screen.query_one("#demo-learning", Static)
        assert "õpib" in str(notice.render())
        assert not app.screen.query("#demo")
        shown = lecture_screen(app).contents_open
        await pilot.press("t")  # the contents fold and unfold: the app answers keys meanwhile
        assert lecture_screen(app).contents_open is not shown
        await pilot.press("t")
        held.set()
        demo = await until_built(app, pilot)
        assert not app.screen.query("#demo-learning")
        assert demo.simulation.params.heads == 2 and not demo.training


async def test_leaving_the_slide_mid_training_drops_the_model(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, held: threading.Event
) -> None:
    hold_training(monkeypatch, held)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_slide(app, pilot, SLIDE)
        assert app.screen.query("#demo-learning")
        await pilot.press("right")  # on to the next slide while the model still trains
        position = lecture_screen(app).position
        held.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert lecture_screen(app).position == position
        assert not app.screen.query(AttentionDemo)  # the late model is not shown anywhere


async def test_more_heads_retrain_in_a_thread_with_the_demo_keys_held(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, held: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_slide(app, pilot, SLIDE)
        demo = await until_built(app, pilot)
        hold_training(monkeypatch, held)
        position = lecture_screen(app).position
        await pilot.press("plus")
        assert demo.training
        assert demo.query_one("#demo-status", LiveText).text.plain == "õpib…"
        assert demo.check_action("step", ()) is None  # shown greyed out in the key bar
        await pilot.press("enter", "n", "plus")  # held: not run, not a step either
        assert lecture_screen(app).position == position
        assert not demo.playing and demo.simulation.params.heads == 2
        held.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not demo.training
        assert demo.simulation.params.heads == 3  # one press counted: the others were held
        assert "õpib" not in demo.query_one("#demo-status", LiveText).text.plain
        await pilot.press("n")
        assert demo.simulation.step_count == 1  # the keys work again


async def test_quitting_mid_training_does_not_wait_for_the_model(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, held: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_slide(app, pilot, SLIDE)
        demo = await until_built(app, pilot)
        hold_training(monkeypatch, held)
        await pilot.press("plus")
        assert demo.training
        await pilot.press("right")  # away from the demo: the worker's late result is dropped
        assert not demo.is_attached
        held.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_a_fresh_practice_exercise_trains_its_model_in_a_thread(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, held: threading.Event
) -> None:
    """`E` on attention: the exercise's copy or reverse model is trained in the worker, as new
    settings are, not on the event loop (which froze the app for the training's seconds)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_slide(app, pilot, SLIDE)
        demo = await until_built(app, pilot)
        before = demo.simulation
        hold_training(monkeypatch, held)
        await pilot.press("E")
        assert demo.training
        assert demo.query_one("#demo-status", LiveText).text.plain == "õpib…"
        shown = lecture_screen(app).contents_open
        await pilot.press("t")  # the app answers keys meanwhile
        assert lecture_screen(app).contents_open is not shown
        held.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not demo.training
        assert demo.simulation is not before
        assert demo.simulation.view == "steps"  # the exercise opens where practice asks
