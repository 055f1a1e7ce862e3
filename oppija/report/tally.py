"""The counts of a class report: per question (in lecture order) and per learner.

Answers are checked again against the lecture as it is now, not taken from the ``correct``
saved with them: a teacher who fixed a wrong answer key in a lesson file sees the fixed count.
A choice answer given to an earlier version of the choices (reordered or rewritten since) is
the exception: its position names another choice now, so its saved verdict counts and a wrong
one is shown as a choice from an earlier version, never as a current choice's text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from oppija.content.model import Lecture, Quiz, QuizKind
from oppija.content.saved_choice import current_choice
from oppija.i18n import _, format_decimal, parse_number
from oppija.progress import QuizAnswer
from oppija.report.reading import ClassReading

_NUMBER_DIGITS = 10
"""Decimals a wrong number keeps: enough to show what was typed, not float noise."""

_WrongKey = tuple[int, float, str]
"""How a wrong answer is grouped and ordered: (0, number, ""), (1, 0, text as typed) or
(2, 0, "") for a choice from an earlier version of the choices."""

_EARLIER: _WrongKey = (2, 0.0, "")


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
    language = lecture.language
    quizzes = lecture.quizzes
    checkable = [quiz for quiz in quizzes if quiz.kind != "open"]
    questions = tuple(
        _question(slide.id, slide.title, quiz, reading, language)
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
                right=sum(1 for quiz in given if _counts_right(quiz, answers[quiz.id], language)),
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


def _counts_right(quiz: Quiz, answer: QuizAnswer, language: str) -> bool:
    """Right by the lecture as it is now, or by the saved verdict when the answer's position
    names no current choice (it was given to an earlier version of the choices)."""
    if _is_earlier_choice(quiz, answer, language):
        return answer.correct is True
    return is_right(quiz, answer.value)


def _is_earlier_choice(quiz: Quiz, answer: QuizAnswer, language: str) -> bool:
    """A choice position that no longer names the choice the learner picked. Text in a
    choice answer (a hand edit) is no position and stays as it was typed."""
    return (
        quiz.kind == "choice"
        and isinstance(answer.value, int)
        and current_choice(quiz, answer, language) is None
    )


def _question(
    slide_id: str, slide_title: str, quiz: Quiz, reading: ClassReading, language: str
) -> QuestionTally:
    answers = [
        read.progress.answers[quiz.id]
        for read in reading.learners
        if quiz.id in read.progress.answers
    ]
    if quiz.kind == "open":
        right: int | None = None
        common: WrongAnswer | None = None
    else:
        right = sum(1 for answer in answers if _counts_right(quiz, answer, language))
        wrong = Counter(
            _EARLIER
            if _is_earlier_choice(quiz, answer, language)
            else _wrong_key(quiz, answer.value)
            for answer in answers
            if not _counts_right(quiz, answer, language)
        )
        common = _commonest(quiz, wrong)
    return QuestionTally(
        slide_id=slide_id,
        slide_title=slide_title,
        quiz_id=quiz.id,
        question=quiz.question,
        kind=quiz.kind,
        answered=len(answers),
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
    if rank == 2:
        return _("a choice from an earlier version of the question")
    if quiz.kind == "choice":  # a position that names a current choice (see _is_earlier_choice)
        return quiz.choices[int(number)].text
    return format_decimal(number, _NUMBER_DIGITS)
