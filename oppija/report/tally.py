"""The counts of a class report: per question (in lecture order) and per learner.

Answers are checked again against the lecture as it is now, not taken from the ``correct``
saved with them: a teacher who fixed a wrong answer key in a lesson file sees the fixed count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from oppija.content.model import Lecture, Quiz, QuizKind
from oppija.i18n import _, format_decimal, parse_number
from oppija.report.reading import ClassReading

_NUMBER_DIGITS = 10
"""Decimals a wrong number keeps: enough to show what was typed, not float noise."""

_WrongKey = tuple[int, float, str]
"""How a wrong answer is grouped and ordered: (0, number, "") or (1, 0, text as typed)."""


@dataclass(frozen=True)
class WrongAnswer:
    """A wrong answer as the teacher reads it (a choice's text, a number) and how many gave it."""

    text: str
    count: int


@dataclass(frozen=True)
class QuestionTally:
    """One question: how many learners answered it, how many right, the commonest mistake."""

    slide_id: str
    slide_title: str
    quiz_id: str
    question: str
    kind: QuizKind
    answered: int
    right: int | None
    """None for an open question: it has no right answer to count."""
    common_wrong: WrongAnswer | None


@dataclass(frozen=True)
class LearnerTally:
    """One learner: slides seen, and answers to the questions that have a right answer."""

    name: str
    folder: str
    seen: int
    answered: int
    right: int


@dataclass(frozen=True)
class ClassTally:
    """The whole report; ``checkable`` is the number of questions with a right answer."""

    class_dir: Path
    lecture_title: str
    slides: int
    checkable: int
    questions: tuple[QuestionTally, ...]
    learners: tuple[LearnerTally, ...]


def tally(lecture: Lecture, reading: ClassReading) -> ClassTally:
    """Count ``reading``'s answers against ``lecture`` (questions named in its language)."""
    slide_ids = {slide.id for slide in lecture.slides}
    quizzes = lecture.quizzes
    checkable = [quiz for quiz in quizzes if quiz.kind != "open"]
    questions = tuple(
        _question(slide.id, slide.title, quiz, reading)
        for slide in lecture.slides
        for quiz in slide.quizzes
    )
    learners = []
    for read in reading.learners:
        answers = read.progress.answers
        given = [quiz for quiz in checkable if quiz.id in answers]
        learners.append(
            LearnerTally(
                name=read.learner.name,
                folder=read.learner.folder.name,
                seen=len(read.progress.seen & slide_ids),
                answered=len(given),
                right=sum(1 for quiz in given if is_right(quiz, answers[quiz.id].value)),
            )
        )
    return ClassTally(
        class_dir=reading.class_dir,
        lecture_title=lecture.title,
        slides=len(lecture.slides),
        checkable=len(checkable),
        questions=questions,
        learners=tuple(learners),
    )


def is_right(quiz: Quiz, value: int | float | str) -> bool:
    """Whether ``value`` answers ``quiz`` rightly; text that is no number is simply wrong."""
    try:
        return quiz.check(value) is True
    except ValueError:
        return False


def _question(slide_id: str, slide_title: str, quiz: Quiz, reading: ClassReading) -> QuestionTally:
    values = [
        read.progress.answers[quiz.id].value
        for read in reading.learners
        if quiz.id in read.progress.answers
    ]
    if quiz.kind == "open":
        right: int | None = None
        common: WrongAnswer | None = None
    else:
        right = sum(1 for value in values if is_right(quiz, value))
        wrong = Counter(_wrong_key(quiz, value) for value in values if not is_right(quiz, value))
        common = _commonest(quiz, wrong)
    return QuestionTally(
        slide_id=slide_id,
        slide_title=slide_title,
        quiz_id=quiz.id,
        question=quiz.question,
        kind=quiz.kind,
        answered=len(values),
        right=right,
        common_wrong=common,
    )


def _wrong_key(quiz: Quiz, value: int | float | str) -> _WrongKey:
    """Answers that mean the same are one key: choice 2, the number 0,5 typed as '0.5'.

    A choice is a whole number only, as :meth:`Quiz.check` has it: a 1.0 written into the file
    by hand stays the text "1.0" rather than being shown as choice 1, which may be the right one.
    """
    if quiz.kind == "choice":
        return (0, float(value), "") if isinstance(value, int) else (1, 0.0, str(value))
    if not isinstance(value, str):  # bool is no answer progress.py lets in
        return (0, float(value), "")
    if quiz.kind == "number":
        try:
            return (0, parse_number(str(value)), "")
        except ValueError:
            pass
    return (1, 0.0, str(value))


def _commonest(quiz: Quiz, wrong: Counter[_WrongKey]) -> WrongAnswer | None:
    """The most frequent wrong answer; a tie goes to the smaller number, then the text."""
    if not wrong:
        return None
    key, count = min(wrong.items(), key=lambda item: (-item[1], item[0]))
    return WrongAnswer(_shown_answer(quiz, key), count)


def _shown_answer(quiz: Quiz, key: _WrongKey) -> str:
    rank, number, text = key
    if rank == 1:
        return text
    if quiz.kind == "choice":
        index = int(number)
        if index == number and 0 <= index < len(quiz.choices):
            return quiz.choices[index].text
        return _("choice {number}").format(number=format_decimal(number + 1, _NUMBER_DIGITS))
    return format_decimal(number, _NUMBER_DIGITS)
