"""A box in the middle of the screen, over the lecture: the help and the share line."""

from __future__ import annotations

from textual.events import Key
from textual.screen import ModalScreen

from oppija.tui.oppija_app import oppija_app
from oppija.tui.screens.closing import close
from oppija.tui.screens.covered import drop_key_when_covered


class DialogScreen(ModalScreen[None]):
    """Its box (the child of class ``dialog-box``) is framed as the app's other boxes are, in
    ASCII when the terminal asks for it; it closes once, however many keys ask, and drops the
    keys typed before another screen covered it. The box's width is each dialog's own."""

    CLOSES_FOR_SLIDE = True  # opening a slide from the palette closes this screen

    DEFAULT_CSS = """
    DialogScreen { align: center middle; }
    DialogScreen > .dialog-box {
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 1 2;
    }
    DialogScreen.-ascii > .dialog-box { border: ascii $primary; }
    """

    def on_mount(self) -> None:
        self.set_class(oppija_app(self.app).ascii_mode, "-ascii")

    def action_close(self) -> None:
        close(self)

    def on_key(self, event: Key) -> None:
        """A key typed before another screen covered this one is not that screen's key."""
        drop_key_when_covered(self, event)
