"""``oppija notes``: a small app of one screen that follows the presenter (see NotesScreen)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from oppija.tui.screens.notes import NotesScreen


class NotesApp(App[None]):
    """The teacher's notes on a second terminal (or a browser tab under ``oppija serve``)."""

    TITLE = "oppija"

    def __init__(
        self,
        position_file: Path,
        minutes: int | None = None,
        *,
        now: Callable[[], float] = time.time,
        ascii_mode: bool = False,
    ) -> None:
        super().__init__()
        self.position_file = position_file
        self.minutes = minutes
        self._now = now
        self.ascii_mode = ascii_mode

    def get_default_screen(self) -> Screen[None]:
        return NotesScreen(self.position_file, self.minutes, self._now, self.ascii_mode)

    @property
    def notes_screen(self) -> NotesScreen:
        screen = self.screen
        if not isinstance(screen, NotesScreen):
            raise LookupError("the notes screen is not on top")
        return screen
