"""The glossary: every term in both languages with its definition, searchable as you type."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from oppija.content.model import Lecture
from oppija.content.term_search import find_terms
from oppija.i18n import N_, _, format_integer, ngettext
from oppija.tui.screens.closing import close
from oppija.tui.screens.listing import ListingScreen
from oppija.tui.slide_text import subscripted
from oppija.tui.widgets.key_bar import KeyBar


class GlossaryScreen(ListingScreen[str | None]):
    """Type to filter (by a name, a synonym or an inflected form; exact names first); Enter
    opens the slide where the term first appears; Esc goes back."""

    NAME = "glossary"
    DEFAULT_CSS = """
    GlossaryScreen Input { margin: 0 1; }
    GlossaryScreen #glossary-count { color: $text-muted; padding: 0 1; }
    """

    BINDINGS = [
        Binding("escape", "close", N_("Back")),
        Binding("down", "focus_list", N_("To the list"), show=False),
    ]

    def __init__(self, lecture: Lecture, only: tuple[str, ...] | None = None) -> None:
        """``only``: the ids of the terms to list (the terms of one slide); None lists all."""
        super().__init__(lecture)
        self.only = only

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="glossary-title", classes="listing-title")
            yield Input(id="glossary-search")
            yield Static(id="glossary-count")
            yield OptionList(id="glossary-list")
        yield KeyBar()

    def first_focus(self) -> Widget:
        """The search field: typing filters the list."""
        return self.query_one(Input)

    def relanguage(self, lecture: Lecture) -> None:
        """The active language's term comes first, the other language's after it."""
        self.lecture = lecture
        columns = _("Estonian — English") if lecture.language == "et" else _("English — Estonian")
        title = _("Glossary") if self.only is None else _("Terms on this slide")
        self.query_one("#glossary-title", Static).update(title + "  ·  " + columns)
        self.query_one(Input).placeholder = _("Search for a term in either language…")
        self.refresh_bindings()
        self._fill(self.query_one(Input).value)

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        shown = []
        terms = find_terms(self.lecture, query)
        if self.only is not None:  # a slide's terms: as they appear in it, until one is typed
            order = {term_id: n for n, term_id in enumerate(self.only)}
            terms = [term for term in terms if term.id in order]
            if not query.strip():
                terms.sort(key=lambda term: order[term.id])
        for term in terms:
            prompt = Text.assemble((term.term, "bold"), " — ", (term.other, "italic"))
            if term.synonyms:
                prompt.append(
                    "  (" + _("also: {names}").format(names=", ".join(term.synonyms)) + ")"
                )
            prompt.append("\n").append_text(subscripted(term.definition))
            shown.append(Option(prompt, id=term.id))
        options.add_options(shown)
        if shown:
            options.highlighted = 0
        self.query_one("#glossary-count", Static).update(
            ngettext("{n} term", "{n} terms", len(shown)).format(n=format_integer(len(shown)))
        )

    @on(Input.Changed)
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def _open(self, term_id: str | None) -> None:
        if term_id is not None:
            close(self, self.lecture.term(term_id).slide_id)

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()
