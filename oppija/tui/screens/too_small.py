"""Shown instead of a broken layout when the terminal is smaller than the app needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Static

from oppija.i18n import N_, _
from oppija.tui.screens.closing import close
from oppija.tui.screens.covered import drop_key_when_covered

MIN_WIDTH = 60
MIN_HEIGHT = 16


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    """A clear request for a bigger window; it goes away by itself when the window grows."""

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen Static { width: 100%; content-align: center middle; text-align: center; }
    """

    BINDINGS = [Binding("q", "app.quit", N_("Quit"))]

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-message")

    def on_mount(self) -> None:
        self.update_size(self.app.size.width, self.app.size.height)

    def on_screen_resume(self) -> None:
        """Back on top after a screen opened over it has closed: if the window grew meanwhile
        (the app only removes a notice that is on top), this one is stale and goes too."""
        if not too_small(self.app.size.width, self.app.size.height):
            close(self)

    def update_size(self, width: int, height: int) -> None:
        self.query_one(Static).update(
            _(
                "The window is too small for oppija.\n"
                "Please make it at least {min_w}×{min_h} characters (now {w}×{h})."
            ).format(min_w=MIN_WIDTH, min_h=MIN_HEIGHT, w=width, h=height)
        )

    def on_key(self, event: Key) -> None:
        """A key typed before another screen covered this one is not that screen's key."""
        drop_key_when_covered(self, event)
