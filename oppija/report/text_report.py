"""The class report as text for a terminal or a printout: two tables fitting 80 columns.

Rich lays the tables out (long questions wrap inside their column); every cell is a
``Text``, never markup, so a learner who calls themselves ``[bold]`` is printed as typed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from oppija.cli_output import shown
from oppija.i18n import _, format_integer, format_percent, ngettext
from oppija.report.tally import ClassTally, LearnerTally, QuestionTally

WIDTH = 80


def render_text(report: ClassTally) -> str:
    """The report as lines of at most ``WIDTH`` columns, ending in a line break."""
    parts = [_title(report)]
    if not report.learners:
        parts.append(empty_class_line(report))
    else:
        parts.append(_table_text(_questions_table(report)))
        parts.append(_table_text(_learners_table(report)))
    return "\n\n".join(part.rstrip("\n") for part in parts) + "\n"


def empty_class_line(report: ClassTally) -> str:
    """What an empty class folder's report says instead of its tables."""
    return _("There are no learners in the class folder {path} yet.").format(
        path=shown(str(report.class_dir), limit=1000)
    )


def _title(report: ClassTally) -> str:
    learners = ngettext("{n} learner", "{n} learners", len(report.learners)).format(
        n=format_integer(len(report.learners))
    )
    return "\n".join(
        (
            _("Class report: {lecture}").format(lecture=report.lecture_title),
            _("Class folder: {path}").format(path=shown(str(report.class_dir), limit=1000)),
            learners,
        )
    )


def ratio(part: int, whole: int) -> str:
    """'5 / 7 (71 %)', or '0 / 0' where a percentage would mean nothing."""
    text = f"{format_integer(part)} / {format_integer(whole)}"
    return f"{text} ({format_percent(part / whole)})" if whole else text


def _questions_table(report: ClassTally) -> Table:
    rows = [question_cells(question) for question in report.questions]
    headers = (
        _("Slide and question"),
        _("Answered"),
        _("Right"),
        _("Most common wrong answer"),
    )
    return _table(_("Questions"), headers, (3, 0, 0, 2), rows, leading=1)


def question_cells(question: QuestionTally) -> tuple[str, str, str, str]:
    """The question's row as text: where it is, answered, right, the commonest mistake."""
    where = f"{question.slide_title}: {question.question}"
    right = "—" if question.right is None else format_integer(question.right)
    wrong = question.common_wrong
    mistake = "" if wrong is None else f"{wrong.text} ({format_integer(wrong.count)})"
    return where, format_integer(question.answered), right, mistake


def _learners_table(report: ClassTally) -> Table:
    rows = [learner_cells(report, learner) for learner in report.learners]
    headers = (
        _("Name"),
        _("Folder"),
        _("Slides seen"),
        _("Right of answered"),
        _("Right of all"),
    )
    return _table(_("Learners"), headers, (1, 1, 0, 0, 0), rows, leading=0)


def learner_cells(report: ClassTally, learner: LearnerTally) -> tuple[str, str, str, str, str]:
    """The learner's row as text: name, folder, slides seen, score of answered and of all."""
    return (
        learner.name,
        learner.folder,
        f"{format_integer(learner.seen)} / {format_integer(report.slides)}",
        ratio(learner.right, learner.answered),
        ratio(learner.right, report.checkable),
    )


def _table(
    title: str,
    headers: Sequence[str],
    shares: Sequence[int],
    rows: Sequence[Sequence[str]],
    leading: int,
) -> Table:
    """A table of ``rows``; a column with a share of 0 holds numbers and is never broken.

    A number column is as wide as its widest number (its header wraps instead); the text
    columns share the rest of the 80 columns in proportion and wrap their words, cutting
    nothing off. ``leading`` blank lines separate the rows.
    """
    table = Table(
        title=Text(title),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=True,
        leading=leading,
    )
    for column, (header, share) in enumerate(zip(headers, shares, strict=True)):
        if share:
            table.add_column(Text(header), ratio=share, overflow="fold")
        else:
            cells = [row[column] for row in rows] + header.split()
            width = max(cell_len(cell) for cell in cells)
            table.add_column(Text(header), justify="right", width=width, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _table_text(table: Table) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=WIDTH,
        color_system=None,
        force_terminal=False,
        force_jupyter=False,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(table)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())
