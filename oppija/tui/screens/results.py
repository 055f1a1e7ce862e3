"""The learner's answers to every self-check question, by section, and how many were right;
under the count, the practice of the step-through demos."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from oppija.content.model import Lecture
from oppija.i18n import N_, _, format_integer, format_percent
from oppija.practice.summary import practice_lines
from oppija.progress import QuizAnswer
from oppija.progress_practice import PracticeResult
from oppija.tui.oppija_app import oppija_app
from oppija.tui.screens.closing import close
from oppija.tui.screens.listing import ListingScreen, hanging


def summary_line(lecture: Lecture, answers: dict[str, QuizAnswer]) -> str:
    """'12 of 43 questions answered, 10 right (83 %)' in the active language."""
    checkable = [q for q in lecture.quizzes if q.kind != "open"]
    answered = [answers[q.id] for q in checkable if q.id in answers]
    right = sum(1 for a in answered if a.correct)
    text = _("{answered} of {total} questions answered, {right} right").format(
        answered=format_integer(len(answered)),
        total=format_integer(len(checkable)),
        right=format_integer(right),
    )
    if answered:
        text += f" ({format_percent(right / len(answered))})"
    return text


class ResultsScreen(ListingScreen[str | None]):
    """Every question with its state; Enter opens its slide, Esc goes back."""

    NAME = "results"
    BINDINGS = [Binding("escape,v", "close", N_("Back"))]

    def __init__(
        self,
        lecture: Lecture,
        answers: dict[str, QuizAnswer],
        practice: Mapping[str, PracticeResult] | None = None,
    ) -> None:
        super().__init__(lecture)
        self.answers = answers
        self.practice = practice or {}

    def relanguage(self, lecture: Lecture) -> None:
        self.lecture = lecture
        self.refresh_bindings()
        ascii_mode = oppija_app(self.app).ascii_mode
        marks = (
            {True: "+", False: "x", None: "-"} if ascii_mode else {True: "✓", False: "✗", None: "·"}
        )
        self.query_one("#results-title", Static).update(_("Your answers"))
        summary = [summary_line(lecture, self.answers), *practice_lines(self.practice)]
        self.query_one("#results-summary", Static).update("\n".join(summary))
        options = self.query_one(OptionList)
        options.clear_options()
        for section in lecture.sections:
            quizzes = [q for slide in section.slides for q in slide.quizzes]
            if not quizzes:
                continue
            options.add_option(Option(Text(section.title, style="bold"), disabled=True))
            for quiz in quizzes:
                answer = self.answers.get(quiz.id)
                if answer is None:
                    mark, state = marks[None], _("not answered yet")
                elif quiz.kind == "open":
                    mark, state = marks[None], _("model answer read")
                elif answer.correct:
                    mark, state = marks[True], _("right")
                else:
                    mark, state = marks[False], _("not right yet")
                line = Text.assemble(quiz.question, (f"  — {state}", "italic dim"))
                options.add_option(Option(hanging(f" {mark} ", line), id=quiz.id))

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        quiz_id = event.option.id
        for slide in self.lecture.slides:
            if any(q.id == quiz_id for q in slide.quizzes):
                close(self, slide.id)
                return
