"""Which answers come back in a review: every checked quiz answered wrong and every practice
step not solved, oldest first (``oppija korda`` and the app's review screen)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from oppija.content.model import Lecture, Quiz
from oppija.i18n import _
from oppija.progress import QuizAnswer
from oppija.progress_practice import PracticeResult, UnsolvedStep
from oppija.text.subscript_markup import plain_subscripts


def answered_at(answer: QuizAnswer) -> datetime:
    """When the answer was given (a time without a zone counts as UTC)."""
    return moment(answer.answered_at)


def quizzes_due(lecture: Lecture, answers: Mapping[str, QuizAnswer]) -> list[Quiz]:
    """The lecture's quizzes whose last answer was wrong, the oldest mistake first (a quiz
    answered wrong again goes to the back); quizzes with no right answer never come back."""
    due = [
        quiz
        for quiz in lecture.quizzes
        if quiz.kind != "open" and quiz.id in answers and answers[quiz.id].correct is False
    ]
    return sorted(due, key=lambda quiz: answered_at(answers[quiz.id]))


@dataclass(frozen=True)
class DueItem:
    """One answer to review, as the app lists it: a quiz answered wrong or a practice step not
    solved, with the slide that asks it again and the words the list shows."""

    at: datetime
    slide_id: str
    text: str
    quiz: Quiz | None = None
    demo: str = ""
    step: UnsolvedStep | None = None


@dataclass(frozen=True)
class DueList:
    """What a review asks, oldest first, and how many unsolved practice steps it cannot ask
    (this version does not rebuild them, or no slide shows their demo: they stay saved)."""

    items: list[DueItem]
    unbuilt: int


def due_items(
    lecture: Lecture,
    answers: Mapping[str, QuizAnswer],
    practice: Mapping[str, PracticeResult],
) -> DueList:
    """Every wrong quiz and unsolved practice step, the oldest mistake first: a quiz on its own
    slide, a step on the first slide whose demo is of its kind."""
    from oppija.review.practice_due import askable_steps

    slide_of_quiz = {quiz.id: slide.id for slide in lecture.slides for quiz in slide.quizzes}
    items = [
        DueItem(answered_at(answers[quiz.id]), slide_of_quiz[quiz.id], quiz.question, quiz=quiz)
        for quiz in quizzes_due(lecture, answers)
        if quiz.id in slide_of_quiz
    ]
    demo_slides: dict[str, str] = {}
    for slide in lecture.slides:
        if slide.demo is not None:
            demo_slides.setdefault(slide.demo.kind, slide.id)
    askable = askable_steps(practice)
    unbuilt = askable.unbuilt
    for demo, step, question in askable.asked:
        if demo not in demo_slides:
            unbuilt += 1
            continue
        text = plain_subscripts(f"{question.prompt}   {question.formula}")
        items.append(DueItem(moment(step.at), demo_slides[demo], text, demo=demo, step=step))
    return DueList(sorted(items, key=lambda item: item.at), unbuilt)


def moment(text: str) -> datetime:
    """A saved time (one without a zone counts as UTC)."""
    when = datetime.fromisoformat(text)
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def nothing_due(answers: Mapping[str, QuizAnswer], practice: Mapping[str, PracticeResult]) -> str:
    """What ``oppija korda`` and the review screen say when nothing is due: that every answer
    was right only where the learner has answered something (else it would be praise for
    nothing)."""
    if answers or practice:
        return _("Nothing to review: every answer you gave is right.")
    return _("Nothing to review yet: answer a question or compute a practice step first.")
