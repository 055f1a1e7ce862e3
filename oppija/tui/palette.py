"""The command palette, made safe against keys that arrive faster than it can close."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.events import Click
from textual.widgets import Button, Input


class LecturePalette(CommandPalette):
    """Textual's palette, hardened against two races that the random-key test found.

    A second Enter or Esc queued behind the first asked the palette to close again after it
    had already closed (failing on an empty screen stack), and a PgUp/PgDn arriving before its
    list was laid out raised KeyError. Keys for a palette that is no longer the active screen
    are ignored, and an early page key moves nothing.
    """

    def _select_or_command(self, event: Input.Submitted | Button.Pressed | None = None) -> None:
        if not self.is_current:
            if event is not None:
                event.stop()
            return
        super()._select_or_command(event)

    def _action_escape(self) -> None:
        if self.is_current:
            super()._action_escape()

    def _on_click(self, event: Click) -> None:  # type: ignore[override]
        if self.is_current:
            super()._on_click(event)

    def _action_command_list(self, action: str) -> None:
        if not self.is_current:
            return
        try:
            super()._action_command_list(action)
        except (KeyError, IndexError):
            return
