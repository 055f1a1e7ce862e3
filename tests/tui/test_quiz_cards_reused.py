"""Quiz cards stay mounted from slide to slide: a key press shows the next slide's questions in
the same cards (no widgets mounted or removed, no whole slide view restyled), and the learner
sees, answers and tabs through them exactly as through new cards."""

from __future__ import annotations

from itertools import pairwise

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList

from oppija.content.model import Lecture, Slide
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.widgets.quiz_card import QuizCard
from oppija.tui.widgets.slide_view import SlideView
from tests.tui.conftest import AppFactory, press, screen_text, settle


def two_choice_slides(lecture: Lecture) -> tuple[Slide, Slide]:
    """Two slides in a row whose first question is a choice (→ goes from one to the other's
    steps, the second's last step showing its cards)."""
    return next(
        (a, b)
        for a, b in pairwise(lecture.slides)
        if a.quizzes and b.quizzes and a.quizzes[0].kind == b.quizzes[0].kind == "choice"
    )


async def at_last_step(pilot: Pilot[None], slide: Slide) -> LectureScreen:
    """The lecture screen on ``slide``'s last step (its questions shown), settled."""
    screen = pilot.app.screen
    assert isinstance(screen, LectureScreen)
    screen.go_to(slide.id, slide.step_count - 1)
    await settle(pilot)
    return screen


def shown_cards(screen: Screen[object]) -> list[QuizCard]:
    return [card for card in screen.query(QuizCard) if card.display]


async def test_the_next_slides_quizzes_show_in_the_same_cards(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    """From one slide's questions to the next slide's: the cards are the same widgets, show the
    new questions and choices, take an answer that is kept under the new question's id, and say
    whether it was right."""
    first, second = two_choice_slides(lecture_et)
    app = make_app(slide=first.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_last_step(pilot, first)
        before = shown_cards(screen)
        assert [card.quiz.id for card in before] == [quiz.id for quiz in first.quizzes]
        await press(pilot, *["right"] * second.step_count)  # to the second's last step
        assert screen.position.slide == first_index(lecture_et, second)
        after = shown_cards(screen)
        assert [card.quiz.id for card in after] == [quiz.id for quiz in second.quizzes]
        reused = min(len(before), len(after))
        assert after[:reused] == before[:reused]  # the same widgets
        quiz = second.quizzes[0]
        text = screen_text(app)
        assert quiz.question.split()[0] in text and quiz.choices[-1].text[:12] in text
        options = after[0].query_one(OptionList)
        assert options.option_count == len(quiz.choices) and options.highlighted is None
        options.focus()
        options.highlighted = quiz.correct_index
        await press(pilot, "enter")
        assert app.progress.answers[quiz.id].correct is True
        assert first.quizzes[0].id not in app.progress.answers
        assert "Õige" in str(after[0].query_one(".quiz-feedback").render())


def first_index(lecture: Lecture, slide: Slide) -> int:
    return lecture.slide_index(slide.id)


async def test_leaving_a_quiz_step_hides_the_cards_and_keeps_the_focus_on_the_slide(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    """→ from a question being answered: the cards are hidden, not removed, the focus goes back
    to the slide (Tab reaches no hidden input), and the screen is laid out at most three
    times (the whole slide view restyled and the cards removed took four passes)."""
    first, _second = two_choice_slides(lecture_et)
    app = make_app(slide=first.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_last_step(pilot, first)
        cards = shown_cards(screen)
        cards[0].query_one(OptionList).focus()
        await settle(pilot)
        passes: list[Screen[object]] = []
        screen.screen_layout_refresh_signal.subscribe(app, passes.append, immediate=True)
        await press(pilot, "right")
        assert len(passes) <= 3
        assert shown_cards(screen) == [] and all(card.is_attached for card in cards)
        assert screen.focused is screen.query_one(SlideView)
        await press(pilot, "tab", "tab", "tab")
        assert screen.focused is None or not any(card in screen.focused.ancestors for card in cards)


async def test_a_language_switch_on_a_quiz_step_retells_the_cards(
    make_app: AppFactory, lecture_et: Lecture, lecture_en: Lecture
) -> None:
    """L on a slide's questions: the same cards now ask in English, with English labels and
    choices (the cards were kept as they were: the question ids had not changed)."""
    first, _second = two_choice_slides(lecture_et)
    english = lecture_en.slides[lecture_en.slide_index(first.id)]
    app = make_app(slide=first.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_last_step(pilot, first)
        cards = shown_cards(screen)
        await press(pilot, "l")
        assert shown_cards(screen) == cards
        quiz = english.quizzes[0]
        assert cards[0].quiz == quiz
        assert str(cards[0].query_one(".quiz-label").render()) == "Check yourself"
        assert str(cards[0].query_one(".quiz-question").render()) == quiz.question
        choices = cards[0].query_one(OptionList)
        assert str(choices.get_option_at_index(0).prompt) == f"1) {quiz.choices[0].text}"
