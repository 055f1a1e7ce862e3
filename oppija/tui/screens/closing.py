"""Closing a screen once, however many keys asked for it."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import Screen

ResultType = TypeVar("ResultType")


def close(screen: Screen[ResultType], result: ResultType | None = None) -> None:
    """Dismiss ``screen`` with ``result`` if it is still the screen on top, else do nothing.

    Keys typed faster than the app handles them (Enter Enter, Enter Esc) each reach the screen's
    list or field before the first one closes it; each then asks the screen to close. Textual's
    ``dismiss`` would call the result callback a second time and pop whatever screen is on top
    by then (the lecture, failing with "Can't pop screen", or a palette opened meanwhile).
    """
    if screen.is_active:
        screen.dismiss(result)
