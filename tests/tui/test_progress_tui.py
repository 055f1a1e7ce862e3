"""Tomorrow the lecture opens where the learner stopped; a broken file is kept, never lost."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from oppija.content.model import Lecture
from oppija.content.saved_choice import choices_seen
from oppija.tui.widgets.quiz_card import QuizCard
from tests.tui.conftest import AppFactory, press, record_notices
from tests.tui.test_navigation import all_positions, where


async def test_resume_after_restart(
    make_app: AppFactory, lecture_et: Lecture, data_dir: Path
) -> None:
    target = all_positions(lecture_et)[7]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(7):
            await press(pilot, "right")
        assert where(app) == target
        await press(pilot, "q")
    assert (data_dir / "progress.json").exists()
    again = make_app()
    messages = record_notices(again)
    async with again.run_test(size=(100, 30)) as pilot:
        assert where(again) == target
        title = lecture_et.slides[lecture_et.slide_index(target[0])].title
        assert f"Jätkad slaidilt „{title}“." in messages


async def test_progress_is_saved_while_moving_not_only_on_quit(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "right", "right")
        await pilot.pause(0.9)  # the debounced save runs within about half a second
        assert (data_dir / "progress.json").exists()


async def test_corrupt_progress_is_kept_aside_with_a_notice(
    make_app: AppFactory, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    broken = b'{"version": 1, "slide_id": "linr'
    (data_dir / "progress.json").write_bytes(broken)
    app = make_app()
    messages = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        assert where(app)[1] == 0
        assert (data_dir / "progress.json.corrupt-1").read_bytes() == broken
        assert any("corrupt-1" in message for message in messages)
        await press(pilot, "right")
        await press(pilot, "q")
    assert (data_dir / "progress.json.corrupt-1").read_bytes() == broken
    assert (data_dir / "progress.json").read_bytes() != broken


async def test_quiz_answers_are_checked_and_kept(
    make_app: AppFactory, lecture_et: Lecture, data_dir: Path
) -> None:
    slide = next(s for s in lecture_et.slides if any(q.kind == "number" for q in s.quizzes))
    quiz = next(q for q in slide.quizzes if q.kind == "number")
    app = make_app(slide=slide.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "end")
        await press(pilot, "home")
        app.screen.go_to(slide.id, slide.step_count - 1)
        await pilot.pause()
        card = next(c for c in app.screen.query(QuizCard) if c.quiz.id == quiz.id)
        field = card.query_one("Input")
        field.focus()
        await press(pilot, *"abc", "enter")
        assert quiz.id not in app.progress.answers  # not a number: said so, nothing kept
        assert "ei ole arv" in str(card.query_one(".quiz-feedback").render())
        answer = f"{quiz.answer:g}".replace(".", ",")
        wrong = f"{quiz.answer + 1 + quiz.tolerance * 2:g}".replace(".", ",")
        field.value = ""
        await press(pilot, *wrong, "enter")
        feedback = str(card.query_one(".quiz-feedback").render())
        assert quiz.id not in app.progress.answers  # a first wrong try: try again, nothing kept
        assert "uuesti" in feedback and answer not in feedback and quiz.explanation not in feedback
        field.value = ""
        await press(pilot, *wrong, "enter")
        assert app.progress.answers[quiz.id].correct is False  # the second try shows the answer
        assert answer in str(card.query_one(".quiz-feedback").render())
        field.value = ""
        await press(pilot, *answer, "enter")
        assert app.progress.answers[quiz.id].correct is True
        await press(pilot, "q")
    again = make_app()
    async with again.run_test(size=(100, 30)):
        assert again.progress.answers[quiz.id].correct is True


async def test_choice_quiz_wrong_answer_explains_the_right_one(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    slide = next(s for s in lecture_et.slides if any(q.kind == "choice" for q in s.quizzes))
    quiz = next(q for q in slide.quizzes if q.kind == "choice")
    wrong = next(i for i, c in enumerate(quiz.choices) if not c.correct)
    app = make_app(slide=slide.id)
    async with app.run_test(size=(100, 40)) as pilot:
        app.screen.go_to(slide.id, slide.step_count - 1)
        await pilot.pause()
        card = next(c for c in app.screen.query(QuizCard) if c.quiz.id == quiz.id)
        options = card.query_one("OptionList")
        options.focus()
        options.highlighted = wrong
        await press(pilot, "enter")
        answer = app.progress.answers[quiz.id]
        assert answer.value == wrong and answer.correct is False
        feedback = str(card.query_one(".quiz-feedback").render())
        assert quiz.choices[wrong].explanation.split()[0] in feedback
        assert quiz.choices[quiz.correct_index].text.split()[0] in feedback
        assert answer.choices == choices_seen(quiz, "et")  # which choices it was given to
        # Saved before answers kept their choices, and right then: its place now names a wrong
        # choice, so it was given to other choices. The saved verdict shows, no current choice
        # is marked as the learner's, and the right one is named.
        right = quiz.choices[quiz.correct_index]
        card.show_answer(replace(answer, correct=True, choices=None))
        feedback = str(card.query_one(".quiz-feedback").render())
        assert "varasemale versioonile" in feedback and right.explanation in feedback
        assert quiz.choices[wrong].explanation not in feedback
        assert options.highlighted is None
        # Given to choices the lesson has since changed, as the answer itself says.
        card.show_answer(replace(answer, choices="et:an-earlier-one"))
        feedback = str(card.query_one(".quiz-feedback").render())
        assert "varasemale versioonile" in feedback
        assert quiz.choices[wrong].explanation not in feedback
        assert options.highlighted is None
        card.show_answer(answer)  # the very choices it was given to: the learner's is marked
        assert options.highlighted == wrong
