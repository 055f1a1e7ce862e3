"""The share line: the command that opens a slide with its demo as it is on screen now."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Static

from oppija.i18n import N_, _
from oppija.tui.oppija_app import oppija_app
from oppija.tui.screens.closing import close
from oppija.tui.screens.covered import drop_key_when_covered


class ShareScreen(ModalScreen[None]):
    """The line to write on the board or put in a handout; copied to the clipboard too."""

    CLOSES_FOR_SLIDE = True  # opening a slide from the palette closes this screen

    DEFAULT_CSS = """
    ShareScreen { align: center middle; }
    ShareScreen > Vertical {
        width: 90;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 1 2;
    }
    ShareScreen.-ascii > Vertical { border: ascii $primary; }
    ShareScreen #share-title { text-style: bold; margin-bottom: 1; }
    ShareScreen #share-line { color: $text; background: $boost; padding: 0 1; margin-bottom: 1; }
    ShareScreen #share-close { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape,enter,j,q", "close", N_("Close")),
        Binding("c", "copy", N_("Copy")),
    ]

    def __init__(self, line: str) -> None:
        super().__init__()
        self.line = line

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(_("Share this demo"), style="bold"), id="share-title")
            yield Static(Text(self.line), id="share-line")
            yield Static(
                _(
                    "This command opens the slide with the demo as it is now: its settings and "
                    "steps. It was copied to the clipboard, where the terminal allows it."
                ),
                id="share-about",
            )
            yield Static(_("c copies it again; Esc or Enter closes."), id="share-close")

    def on_mount(self) -> None:
        self.set_class(oppija_app(self.app).ascii_mode, "-ascii")

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.line)
        self.notify(_("Copied."), timeout=2)

    def action_close(self) -> None:
        close(self)

    def on_key(self, event: Key) -> None:
        """A key typed before another screen covered this one is not that screen's key."""
        drop_key_when_covered(self, event)
