"""The command palette, made safe against keys that arrive faster than it can close."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.events import Click
from textual.widgets import Button, Input

# The palette's own list keys (Textual binds them to a private action): each moves the list with
# one of OptionList's public actions.
LIST_KEYS = {
    "ctrl+end,shift+end": "last",
    "ctrl+home,shift+home": "first",
    "pagedown": "page_down",
    "pageup": "page_up",
    "up": "cursor_up",
}


class LecturePalette(CommandPalette):
    """Textual's palette, hardened against two races that the random-key test found.

    A second Enter or Esc queued behind the first asked the palette to close again after it
    had already closed (failing on an empty screen stack), and a PgUp/PgDn arriving before its
    list was laid out raised KeyError. Keys, clicks and submits for a palette that is no longer
    the active screen are dropped before Textual's own handlers see them (``check_action``, and
    handlers that ``prevent_default``), and an early page key moves nothing.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(keys, f"move_in_list('{name}')", "", show=False) for keys, name in LIST_KEYS.items()
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing acts on a palette that has already closed (a key queued behind Esc)."""
        return self.is_current

    def action_move_in_list(self, name: str) -> None:
        """Move the highlight: ``first``, ``last``, ``page_up``, ``page_down`` or ``cursor_up``."""
        command_list = self.query_one(CommandList)
        move = {
            "first": command_list.action_first,
            "last": command_list.action_last,
            "page_up": command_list.action_page_up,
            "page_down": command_list.action_page_down,
            "cursor_up": command_list.action_cursor_up,
        }[name]
        try:
            move()
        except (KeyError, IndexError):
            return  # the list has not been laid out yet: there is no page to move by

    @on(Input.Submitted)
    @on(Button.Pressed)
    def _drop_submit_when_closed(self, event: Input.Submitted | Button.Pressed) -> None:
        """A second Enter queued behind the first: the palette is closing, nothing to run."""
        if not self.is_current:
            event.stop()
            event.prevent_default()  # Textual's handler (in the base class) is not called

    def on_click(self, event: Click) -> None:
        """A click that arrives after the palette closed closes nothing more."""
        if not self.is_current:
            event.stop()
            event.prevent_default()
