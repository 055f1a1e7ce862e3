"""Every key of the app, in the active language."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Static

from oppija.i18n import N_, _
from oppija.tui.oppija_app import oppija_app
from oppija.tui.screens.closing import close
from oppija.tui.screens.covered import drop_key_when_covered


def key_table(rows: list[tuple[str, str]]) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0), expand=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for keys, description in rows:
        table.add_row(keys, description)
    return table


class DrawnOnce:
    """A table drawn once per width: the help's hundred rows of keys took five full drawings
    each time the help opened (its height, then its picture, at the widths with and without a
    scroll bar), most of the half second the help took to open. The same lines are drawn."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self._drawn: dict[tuple[object, ...], list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (  # not the height: a table draws all its rows, whatever height it is offered
            options.max_width,
            options.min_width,
            options.justify,
            options.overflow,
            options.no_wrap,
            options.highlight,
            options.markup,
        )
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = list(console.render(self.table, options))
        yield from drawn


class HelpScreen(ModalScreen[None]):
    """The keys of the lecture, the glossary and the whole app; Esc, ? or q closes it."""

    RELANGUAGE_WITH = "help"  # what the app passes to relanguage() after a switch
    CLOSES_FOR_SLIDE = True  # opening a slide from the palette closes this screen

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $surface;
        padding: 1 2;
    }
    HelpScreen.-ascii > VerticalScroll { border: ascii $primary; }
    HelpScreen #help-title { text-style: bold; margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("escape,question_mark,q", "close", N_("Close")),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(_("Keys"), style="bold"), id="help-title")
            yield Static(DrawnOnce(key_table(self._rows)), id="help-keys")
            yield Static(
                _("Esc, ? or q closes this help."),
                id="help-close",
            )

    def on_mount(self) -> None:
        self.set_class(oppija_app(self.app).ascii_mode, "-ascii")

    def relanguage(self, rows: list[tuple[str, str]]) -> None:
        """Same keys, the new language's words."""
        self._rows = rows
        self.query_one("#help-title", Static).update(Text(_("Keys"), style="bold"))
        self.query_one("#help-keys", Static).update(DrawnOnce(key_table(rows)))
        self.query_one("#help-close", Static).update(_("Esc, ? or q closes this help."))

    def action_close(self) -> None:
        close(self)

    def on_key(self, event: Key) -> None:
        """A key typed before another screen covered this one is not that screen's key."""
        drop_key_when_covered(self, event)
