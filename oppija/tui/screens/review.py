"""The review (``V``): the quizzes answered wrong and the practice steps not solved, the oldest
mistake first, as ``oppija korda`` asks them; Enter takes the learner to one, where it is
answered again (the quiz on its slide, the demo asking that very step). Solved, it is no longer
due, so the next review lists it no more."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from oppija.content.model import Lecture
from oppija.i18n import N_, _, format_integer, ngettext
from oppija.progress import Progress
from oppija.review.due import DueItem, due_items, nothing_due
from oppija.sims.registry import DEMOS
from oppija.tui.screens.closing import close
from oppija.tui.screens.listing import ListingScreen, hanging


class ReviewScreen(ListingScreen[DueItem | None]):
    """Every answer to review, oldest first; Enter goes to it, Esc (or ``V``) back."""

    NAME = "review"
    BINDINGS = [Binding("escape,V", "close", N_("Back"))]

    def __init__(self, lecture: Lecture, progress: Progress) -> None:
        super().__init__(lecture)
        self.progress = progress
        self.items: list[DueItem] = []

    def relanguage(self, lecture: Lecture) -> None:
        """The list in the active language (a practice question's words are the demo's)."""
        self.lecture = lecture
        self.refresh_bindings()
        due = due_items(lecture, self.progress.answers, self.progress.practice)
        self.items = due.items
        self.query_one("#review-title", Static).update(_("Review your mistakes"))
        if self.items:
            summary = _("{count} answers to review, the oldest first. Enter opens one.").format(
                count=format_integer(len(self.items))
            )
        elif not due.unbuilt:
            summary = nothing_due(self.progress.answers, self.progress.practice)
        else:
            summary = ""
        if due.unbuilt:  # as `oppija korda` says it: they stay saved for a later version
            unbuilt = ngettext(
                "{count} practice step cannot be asked again in this version of oppija: "
                "it stays in your progress.",
                "{count} practice steps cannot be asked again in this version of oppija: "
                "they stay in your progress.",
                due.unbuilt,
            ).format(count=format_integer(due.unbuilt))
            summary = f"{summary}\n{unbuilt}" if summary else unbuilt
        self.query_one("#review-summary", Static).update(summary)
        options = self.query_one(OptionList)
        options.clear_options()
        for number, item in enumerate(self.items):
            if item.quiz is not None:
                where = self.lecture.slide(item.slide_id).title
            else:
                where = _("practice: {demo}").format(demo=_(DEMOS[item.demo].title))
            line = Text.assemble(item.text, (f"  — {where}", "italic dim"))
            options.add_option(Option(hanging(" ", line), id=str(number)))

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            close(self, self.items[int(event.option.id)])
