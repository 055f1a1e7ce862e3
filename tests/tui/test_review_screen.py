"""The review in the app (`V`): the quizzes answered wrong and the practice steps not solved,
oldest first; each takes the learner where it is answered again, and a solved one leaves."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from oppija.content.model import Lecture
from oppija.progress import Progress, ProgressStore, QuizAnswer
from oppija.progress_practice import PracticeResult, UnsolvedStep
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.screens.review import ReviewScreen
from oppija.tui.widgets.demo_panel import DemoPanel
from tests.tui.conftest import AppFactory, press, screen_text, settle

# Softmax's 𝓔 (its second question) for the lecture's logits, shown after three wrong tries.
SHOWN = UnsolvedStep(
    {"logits": [2.0, 1.0, 0.1], "temperature": 1.0, "target": 0},
    0,
    "2026-12-01T11:00:00+00:00",
    question=1,
)


# A step this version cannot rebuild (a network of nine hidden units): said, kept, not listed.
UNBUILT = UnsolvedStep({"hidden": 9}, 2, "2026-12-01T09:00:00+00:00")


def slide_of_quiz(lecture: Lecture, quiz_id: str) -> int:
    return next(i for i, s in enumerate(lecture.slides) if any(q.id == quiz_id for q in s.quizzes))


async def test_the_review_lists_mistakes_oldest_first_and_takes_the_learner_to_each(
    make_app: AppFactory, data_dir: Path, lecture_et: Lecture
) -> None:
    quiz = next(q for q in lecture_et.quizzes if q.kind == "choice")
    wrong = next(i for i in range(len(quiz.choices)) if not quiz.check(i))
    saved = Progress(
        answers={quiz.id: QuizAnswer(value=wrong, correct=False, answered_at="2026-12-01T10:00")},
        practice={
            "softmax": PracticeResult(shown=1, unsolved=(SHOWN,)),
            "backprop": PracticeResult(shown=1, unsolved=(UNBUILT,)),
        },
    )
    ProgressStore(data_dir).save(saved)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "V")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        options = screen.query_one(OptionList)
        assert options.option_count == 2
        summary = str(screen.query_one("#review-summary", Static).render())
        assert "1 harjutuse sammu ei saa selles oppija versioonis uuesti küsida" in summary
        shown = screen_text(app)
        assert shown.index(quiz.question[:30]) < shown.index("𝓔 = ?")  # the oldest first

        options.highlighted = 1
        await press(pilot, "enter")  # the softmax demo, asking that very 𝓔
        await app.workers.wait_for_complete()
        await settle(pilot)
        lecture = app.screen
        assert isinstance(lecture, LectureScreen)
        assert lecture.demo_kind == "softmax"
        demo = lecture.query_one("#demo", DemoPanel)
        assert demo.practice is not None and demo.practice.asking
        assert demo.query_one("#demo-input-label").render().plain == "𝓔 = ?"
        field = demo.query_one("#demo-input", Input)
        assert field.has_focus
        field.value = "0,417"
        await press(pilot, "enter")
        assert app.progress.practice["softmax"].unsolved == ()  # solved: it leaves the list

        await press(pilot, "escape", "V")
        options = app.screen.query_one(OptionList)
        assert options.option_count == 1
        options.highlighted = 0
        await press(pilot, "enter")  # the quiz's slide, fully revealed
        await settle(pilot)
        assert isinstance(app.screen, LectureScreen)
        assert app.screen.position.slide == slide_of_quiz(lecture_et, quiz.id)

        right = QuizAnswer(value=quiz.correct_index, correct=True, answered_at="2026-12-02T10:00")
        app.progress.answers[quiz.id] = right  # as the quiz card keeps a right answer
        await press(pilot, "V")
        summary = str(app.screen.query_one("#review-summary", Static).render())
        assert summary.startswith("1 harjutuse sammu ei saa") and "Pole midagi" not in summary
        assert app.screen.query_one(OptionList).option_count == 0
        assert [s.step for s in app.progress.practice["backprop"].unsolved] == [2]  # kept


async def test_a_learner_who_answered_nothing_is_not_told_every_answer_is_right(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "V")
        summary = str(app.screen.query_one("#review-summary", Static).render())
        assert summary.startswith("Veel pole midagi korrata: vasta enne mõnele küsimusele")
