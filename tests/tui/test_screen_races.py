"""Keys typed faster than a screen closes: two Enters, Enter and Esc, Esc Esc never crash."""

from __future__ import annotations

import pytest

from oppija.tui.screens.lecture import LectureScreen
from tests.tui.conftest import AppFactory, burst, press


def lecture_on_top(app: object) -> LectureScreen:
    from oppija.tui.app import OppijaApp

    assert isinstance(app, OppijaApp)
    assert app.is_running
    assert len(app.screen_stack) == 1
    screen = app.screen
    assert isinstance(screen, LectureScreen)
    return screen


@pytest.mark.parametrize("second", ["enter", "escape", "down"])
async def test_glossary_enter_and_a_second_key_at_once(make_app: AppFactory, second: str) -> None:
    """`g`, ↓, Enter, Enter (or Enter Esc) as fast as a learner types: the term's slide opens."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        first_term = app.lecture.glossary[0]
        await burst(pilot, "g", "down", "enter", second)
        screen = lecture_on_top(app)
        if second != "escape":  # Esc may come first: it reaches the screen before Enter's choice
            assert screen.lecture.slides[screen.position.slide].id == first_term.slide_id


async def test_glossary_search_enter_twice(make_app: AppFactory) -> None:
    """Enter in the search field twice before the screen closes: one slide opens, no crash."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "g")
        term = app.lecture.glossary[-1]
        await burst(pilot, *term.term, "enter", "enter")
        screen = lecture_on_top(app)
        assert screen.lecture.slides[screen.position.slide].id == term.slide_id


@pytest.mark.parametrize("second", ["enter", "escape", "v"])
async def test_answers_enter_and_a_second_key_at_once(make_app: AppFactory, second: str) -> None:
    """`v`, ↓, ↓, Enter, Enter: the question's slide opens once, the answers screen is gone."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "v", "down", "enter", second)
        screen = lecture_on_top(app)
        if second != "enter":  # Esc or `v` may come first: it reaches the screen before Enter's
            return
        slide = screen.lecture.slides[screen.position.slide]
        assert slide.quizzes  # the slide of the first question, fully revealed
        assert screen.position.step == slide.step_count - 1


@pytest.mark.parametrize(
    "keys",
    [
        ("question_mark", "escape", "escape"),
        ("question_mark", "q", "escape"),
        ("g", "escape", "escape"),
        ("v", "escape", "escape"),
        ("g", "escape", "g", "escape"),
    ],
)
async def test_closing_keys_twice(make_app: AppFactory, keys: tuple[str, ...]) -> None:
    """Two keys that close a screen: the second one closes nothing more."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, *keys)
        lecture_on_top(app)


async def test_a_late_enter_leaves_a_palette_opened_over_the_glossary(make_app: AppFactory) -> None:
    """Enter on the glossary's list, then Ctrl+P before the glossary handled the Enter: the
    palette opens at once over the glossary, and the late Enter closes neither of them (Textual's
    dismiss would pop the palette, the screen on top, in the glossary's name)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "g", "down")
        await burst(pilot, "enter", "ctrl+p")
        names = [type(screen).__name__ for screen in app.screen_stack]
        assert names == ["LectureScreen", "GlossaryScreen", "LecturePalette"]
        await press(pilot, "escape")
        names = [type(screen).__name__ for screen in app.screen_stack]
        assert names == ["LectureScreen", "GlossaryScreen"]
