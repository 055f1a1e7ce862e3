"""Closing a screen once, however many keys asked for it; and a screen opened as the app closes."""

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


def app_is_closing(screen: Screen[ResultType]) -> bool:
    """Whether the app was told to exit: a screen mounting then has already lost its parts.

    A key that opens a screen and a quit right behind it (the palette's "Quit", a browser tab
    closed) let the screen's mount run after the app removed its widgets; querying them there
    fails with ``NoMatches`` and crashes the exit.
    """
    return screen.app.return_code is not None
