"""A demo slide as a learner meets it: where the keys go from the demo, what stays in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from oppija.content.model import Lecture
from oppija.i18n import _
from oppija.progress import Progress, ProgressStore
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.widgets.contents import ContentsList
from oppija.tui.widgets.quiz_card import QuizCard
from oppija.tui.widgets.slide_view import SlideView
from tests.tui.conftest import AppFactory, open_demo, press, screen_text, settle
from tests.tui.test_demo_slides_walk import instruction_start
from tests.tui.test_navigation import contents_line


async def test_from_the_demo_one_key_reaches_the_quiz_and_its_answer_is_seen(
    make_app: AppFactory,
) -> None:
    """At 80×24 on gd-1d: ↑ scrolls the text while the demo keeps the keys; nothing in the quiz
    looks chosen; Tab goes to the quiz at once, ↓ Enter answers it and the verdict is on screen;
    one more Tab reaches the text, and Tab comes round to the demo again."""
    app = make_app(slide="gd-1d")
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "gd-1d")
        screen = app.screen
        assert isinstance(screen, LectureScreen)
        view = screen.query_one(SlideView)
        choices = screen.query_one(QuizCard).query_one(OptionList)
        assert choices.highlighted is None  # before the learner moves, no choice stands out

        top = view.scroll_y
        assert top > 0  # the newest step, the demo's instruction, is in view
        await press(pilot, "up")
        assert view.scroll_y < top
        assert demo.has_focus

        await press(pilot, "tab")
        assert choices.has_focus
        await press(pilot, "down", "enter")
        answer = app.progress.answers[screen.query_one(QuizCard).quiz.id]
        verdict = _("Right!") if answer.correct else _("Not quite.")
        assert verdict in screen_text(app)

        await press(pilot, "tab")
        assert view.has_focus
        await press(pilot, "shift+tab")
        assert choices.has_focus
        await press(pilot, "tab", "tab")
        assert demo.has_focus  # the contents are hidden at 80 columns: round to the demo

        await press(pilot, "t")  # the contents: ▶ a demo, ✓/✗ the quiz answered, ? not yet
        tree = screen.query_one(ContentsList)
        assert contents_line(tree, "gd-1d").rstrip().endswith("▶✓" if answer.correct else "▶✗")
        assert contents_line(tree, "gd-2d").rstrip().endswith("▶")  # a demo, no quiz
        assert contents_line(tree, "gd-gradient").rstrip().endswith("?")  # a quiz to answer
        assert contents_line(tree, "extrema").strip() == "Ekstreemumite leidmine"


async def test_a_short_window_gives_the_room_to_the_part_that_has_the_keys(
    make_app: AppFactory,
) -> None:
    """At 80×24 the demo has most of the column while it has the keys; Tab to the text turns
    that round, and the demo is still there as a strip to come back to."""
    app = make_app(slide="gd-1d")
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "gd-1d")
        view = app.screen.query_one(SlideView)
        assert demo.size.height > 2 * view.size.height
        await press(pilot, "tab", "tab")
        assert view.has_focus
        assert view.size.height > 2 * demo.size.height
        assert demo.size.height > 0

        await press(pilot, "shift+tab", "shift+tab", "z")  # back to the demo, and zoom it
        assert app.screen.maximized is demo
        text = screen_text(app)
        lines = text.split("\n")
        assert "Ühemõõtmeline gradient" in lines[0]  # the header stays: where am I
        assert _("z or Esc: back to the slide") in text  # and how to come back
        assert lines[-1].strip()  # the key bar stays
        await press(pilot, "z")
        assert app.screen.maximized is None
        assert _("z or Esc: back to the slide") not in screen_text(app)


async def test_the_feedback_of_an_answer_is_scrolled_into_view(make_app: AppFactory) -> None:
    """linreg at 120×40 has two quizzes under its text and a demo below: the second card's
    verdict, written under its choices, was below the fold and nothing seemed to happen."""
    app = make_app(slide="linreg")
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "linreg")
        cards = list(app.screen.query(QuizCard))
        assert len(cards) == 2
        await press(pilot, "shift+tab")  # one key from the demo to the text, contents shown
        assert app.screen.query_one(SlideView).has_focus
        await press(pilot, "tab")  # and from the text one key on: the demo here, else the quiz
        assert demo.has_focus
        await press(pilot, "tab", "tab")
        choices = cards[1].query_one(OptionList)
        assert choices.has_focus
        await press(pilot, "down", "enter")
        answer = app.progress.answers[cards[1].quiz.id]
        verdict = _("Right!") if answer.correct else _("Not quite.")
        assert verdict in screen_text(app)


async def test_on_a_slide_without_a_demo_tab_from_the_text_reaches_the_quiz(
    make_app: AppFactory,
) -> None:
    """The recap slide's quiz, at 120×40 with the contents shown: one Tab from the text."""
    app = make_app(slide="recap")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, *["right"] * 5)  # to the slide's last step, where its quiz is
        view = app.screen.query_one(SlideView)
        view.focus()
        await press(pilot, "tab")
        assert app.screen.query_one(QuizCard).query_one(OptionList).has_focus


@pytest.mark.parametrize("slide_id", ["questions", "gd-2d"])
async def test_resumed_on_a_demo_step_the_text_shows_what_to_do(
    make_app: AppFactory, lecture_et: Lecture, data_dir: Path, slide_id: str
) -> None:
    """A learner who quit on a demo slide fully revealed starts again there at 80×24: the text
    above the demo is scrolled to the newest step, what to do with the demo, as when the step
    was reached with → (it stood at the slide's title, the instruction out of sight)."""
    slide = lecture_et.slide(slide_id)
    ProgressStore(data_dir).save(Progress(slide_id=slide_id, step=slide.step_count - 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.screen.query("#demo")
        assert instruction_start(slide) in screen_text(app)
