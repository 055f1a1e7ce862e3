"""The class report as one self-contained HTML page, for a browser or for paper.

Rendered with Jinja2 from ``report.html.j2`` next to this file, with autoescaping on: a
learner who calls themselves ``<script>`` is shown as that text. The page loads nothing (its
style is inline, it has no scripts, fonts or pictures), so it opens on a machine without network.
"""

from __future__ import annotations

from pathlib import Path

from oppija.html_templates import page_environment
from oppija.i18n import _, current_language, format_integer, ngettext
from oppija.report.tally import ClassTally
from oppija.report.text_report import empty_class_line, learner_cells, question_cells

TEMPLATE_DIR = Path(__file__).resolve().parent
TEMPLATE = "report.html.j2"


def render_html(report: ClassTally) -> str:
    """The page's text."""
    environment = page_environment(TEMPLATE_DIR)
    questions = []
    for question in report.questions:
        _where, answered, right, mistake = question_cells(question)
        questions.append(
            {
                "slide": question.slide_title,
                "question": question.question,
                "answered": answered,
                "right": right,
                "mistake": mistake,
            }
        )
    learners = [learner_cells(report, learner) for learner in report.learners]
    return environment.get_template(TEMPLATE).render(
        language=current_language(),
        title=_("Class report: {lecture}").format(lecture=report.lecture_title),
        folder=_("Class folder: {path}").format(path=report.class_dir),
        count=ngettext("{n} learner", "{n} learners", len(report.learners)).format(
            n=format_integer(len(report.learners))
        ),
        empty=empty_class_line(report) if not report.learners else "",
        labels={
            "questions": _("Questions"),
            "slide": _("Slide"),
            "question": _("Question"),
            "answered": _("Answered"),
            "right": _("Right"),
            "mistake": _("Most common wrong answer"),
            "learners": _("Learners"),
            "name": _("Name"),
            "folder": _("Folder"),
            "seen": _("Slides seen"),
            "of_answered": _("Right of answered"),
            "of_all": _("Right of all"),
        },
        questions=questions,
        learners=learners,
    )
