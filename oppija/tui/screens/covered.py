"""Keys typed for a screen that another screen has covered meanwhile."""

from __future__ import annotations

from typing import TypeVar

from textual.events import Key
from textual.screen import Screen

ResultType = TypeVar("ResultType")


def drop_key_when_covered(screen: Screen[ResultType], event: Key) -> None:
    """Stop a key that bubbles out of ``screen`` after another screen was opened over it.

    The app hands each key to the focused widget of the screen on top; the widget handles it
    later and the key bubbles back up to the app, which then looks up its binding among the
    keys of whatever screen is on top *by then*: an Enter meant for the glossary's list, with
    Ctrl+P typed right after it, would run the palette's first command. Such a key is dropped.
    A key from a screen that has closed goes on to the screen the learner returns to: that is
    where they type next.
    """
    if not screen.is_active and screen in screen.app.screen_stack:
        event.stop()
        event.prevent_default()
