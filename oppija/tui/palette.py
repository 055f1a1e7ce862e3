"""The command palette, made safe against keys that arrive faster than it can close."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.events import Click, Mount
from textual.widgets import Button, Input, OptionList

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
    """Textual's palette, hardened against keys typed faster than it closes.

    Keys reach the palette's field and list before the palette handles them; what they post
    (a changed query, a submit, a chosen command, a click) can arrive after an earlier key has
    closed the palette. Textual's handlers would then close it again (popping the screen below,
    or failing on an empty screen stack) or start a search that fills a list already removed
    (``NoMatches: CommandList``). All of these are dropped for a palette that is no longer the
    active screen, before Textual's own handlers see them (``check_action``, and handlers that
    ``prevent_default``); a PgUp/PgDn arriving before the list was laid out moves nothing.
    The app opens its theme list in this palette too (``OppijaApp.search_themes``).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(keys, f"move_in_list('{name}')", "", show=False) for keys, name in LIST_KEYS.items()
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing acts on a palette that has already closed (a key queued behind Esc)."""
        return self.is_active

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

    @on(Input.Changed)
    @on(Input.Submitted)
    @on(Button.Pressed)
    @on(OptionList.OptionSelected)
    def _drop_when_closed(
        self,
        event: Input.Changed | Input.Submitted | Button.Pressed | OptionList.OptionSelected,
    ) -> None:
        """A letter, Enter or choice queued behind the key that closed the palette: nothing to
        search (the list it would fill is gone) and nothing to run (the palette has closed)."""
        if not self.is_active:
            event.stop()
            event.prevent_default()  # Textual's handler (in the base class) is not called

    def on_mount(self, event: Mount) -> None:
        """A palette opened as the app exits has lost its list before Textual's own mount
        handler fills it (``NoMatches: CommandList`` in a worker, failing the exit): skipped."""
        if self.app.return_code is not None:
            event.prevent_default()  # Textual's handler (in the base class) is not called

    def on_click(self, event: Click) -> None:
        """A click that arrives after the palette closed closes nothing more."""
        if not self.is_active:
            event.stop()
            event.prevent_default()
