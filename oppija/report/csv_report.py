"""The class report as one CSV file (RFC 4180, UTF-8) holding both tables.

Layout: one header row, then a row per question and a row per learner; the ``section`` column
says which (``question`` or ``learner``) and each kind fills its own columns, leaving the
others empty. Column names and ``section`` values are fixed English identifiers, like the keys
of ``oppija demo --json``, so a spreadsheet formula or a script reads every language's report;
titles, questions and answers are in the report's language, counts are plain integers.
"""

from __future__ import annotations

import csv
import io

from oppija.i18n import parse_number
from oppija.report.tally import ClassTally, LearnerTally, QuestionTally

COLUMNS = (
    "section",
    "slide_id",
    "slide_title",
    "quiz_id",
    "question",
    "answered",
    "right",
    "most_common_wrong",
    "most_common_wrong_count",
    "learner",
    "folder",
    "slides_seen",
    "slides",
    "score_right",
    "score_answered",
    "questions",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell a spreadsheet would run as a formula starts with one of these (CSV injection)."""


def render_csv(report: ClassTally) -> str:
    """The report as CSV text (``\\r\\n`` line ends, as RFC 4180 has them)."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for question in report.questions:
        writer.writerow(_question_row(question))
    for learner in report.learners:
        writer.writerow(_learner_row(report, learner))
    return buffer.getvalue()


def _question_row(question: QuestionTally) -> dict[str, str | int]:
    wrong = question.common_wrong
    return {
        "section": "question",
        "slide_id": question.slide_id,
        "slide_title": question.slide_title,
        "quiz_id": question.quiz_id,
        "question": question.question,
        "answered": question.answered,
        "right": "" if question.right is None else question.right,
        "most_common_wrong": "" if wrong is None else inert(wrong.text),
        "most_common_wrong_count": "" if wrong is None else wrong.count,
    }


def _learner_row(report: ClassTally, learner: LearnerTally) -> dict[str, str | int]:
    return {
        "section": "learner",
        "learner": inert(learner.name),
        "folder": learner.folder,
        "slides_seen": learner.seen,
        "slides": report.slides,
        "score_right": learner.right,
        "score_answered": learner.answered,
        "questions": report.checkable,
    }


def inert(text: str) -> str:
    """Text a learner typed, kept from being run as a formula: ``=1+1`` becomes ``'=1+1``.

    A plain number (``-0.5``) is left as it is: a spreadsheet reads it as the number it is.
    """
    if not text.startswith(_FORMULA_STARTS):
        return text
    try:
        parse_number(text)
    except ValueError:
        return "'" + text
    return text
