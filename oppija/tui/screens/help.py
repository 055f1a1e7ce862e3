"""Every key of the app, in the active language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from oppija.i18n import N_, _
from oppija.tui.drawn_per_width import DrawnPerWidth
from oppija.tui.screens.dialog import DialogScreen


def key_table(rows: list[tuple[str, str]]) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0), expand=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for keys, description in rows:
        table.add_row(keys, description)
    return table


class HelpScreen(DialogScreen):
    """The keys of the lecture, the glossary and the whole app; Esc, ? or q closes it."""

    RELANGUAGE_WITH = "help"  # what the app passes to relanguage() after a switch

    DEFAULT_CSS = """
    HelpScreen > VerticalScroll { width: 72; max-height: 90%; }
    HelpScreen #help-title { text-style: bold; margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("escape,question_mark,q", "close", N_("Close")),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static(Text(_("Keys"), style="bold"), id="help-title")
            yield Static(DrawnPerWidth(key_table(self._rows)), id="help-keys")
            yield Static(
                _("Esc, ? or q closes this help."),
                id="help-close",
            )

    def relanguage(self, rows: list[tuple[str, str]]) -> None:
        """Same keys, the new language's words."""
        self._rows = rows
        self.query_one("#help-title", Static).update(Text(_("Keys"), style="bold"))
        self.query_one("#help-keys", Static).update(DrawnPerWidth(key_table(rows)))
        self.query_one("#help-close", Static).update(_("Esc, ? or q closes this help."))
