"""Which answers come back in a review: every checked quiz answered wrong, oldest first."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from oppija.content.model import Lecture, Quiz
from oppija.progress import QuizAnswer


def answered_at(answer: QuizAnswer) -> datetime:
    """When the answer was given (a time without a zone counts as UTC)."""
    moment = datetime.fromisoformat(answer.answered_at)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def quizzes_due(lecture: Lecture, answers: Mapping[str, QuizAnswer]) -> list[Quiz]:
    """The lecture's quizzes whose last answer was wrong, the oldest mistake first (a quiz
    answered wrong again goes to the back); quizzes with no right answer never come back."""
    due = [
        quiz
        for quiz in lecture.quizzes
        if quiz.kind != "open" and quiz.id in answers and answers[quiz.id].correct is False
    ]
    return sorted(due, key=lambda quiz: answered_at(answers[quiz.id]))
