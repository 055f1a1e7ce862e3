"""A screen that lists what the learner can go to: their answers, their mistakes, the terms."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.events import Key
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static

from oppija.content.model import Lecture
from oppija.tui.screens.closing import app_is_closing, close
from oppija.tui.screens.covered import drop_key_when_covered
from oppija.tui.widgets.key_bar import KeyBar

ResultType = TypeVar("ResultType")


def hanging(mark: str, line: Text) -> Table:
    """``mark`` before ``line``, and the lines ``line`` wraps to under its first word, not under
    the mark: a long question in a narrow window still reads as one item."""
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(mark, line)
    return grid


class ListingScreen(Screen[ResultType]):
    """A title, a summary, a list and the key bar; Enter on a row goes there, Esc goes back.

    The results (``v``), the review (``V``) and the glossary (``g``) are read alike, so they
    are laid out, closed and re-worded after a language switch alike.
    """

    RELANGUAGE_WITH = "lecture"  # what the app passes to relanguage() after a switch
    CLOSES_FOR_SLIDE = True  # opening a slide from the palette closes this screen
    NAME: ClassVar[str]
    """The prefix of the parts' ids: ``results`` gives #results-title, -summary and -list."""

    DEFAULT_CSS = """
    ListingScreen .listing-title { text-style: bold; padding: 0 1; background: $panel; }
    ListingScreen .listing-summary { padding: 0 1; margin: 1 0; }
    ListingScreen OptionList { height: 1fr; margin: 0 1; }
    """

    def __init__(self, lecture: Lecture) -> None:
        super().__init__()
        self.lecture = lecture

    def compose(self) -> ComposeResult:
        yield Static(id=f"{self.NAME}-title", classes="listing-title")
        yield Static(id=f"{self.NAME}-summary", classes="listing-summary")
        yield OptionList(id=f"{self.NAME}-list")
        yield KeyBar()

    def on_mount(self) -> None:
        if app_is_closing(self):  # a key opened it and a quit came right behind
            return
        self.relanguage(self.lecture)
        self.first_focus().focus()

    def first_focus(self) -> Widget:
        """What has the keys when the screen opens: the list."""
        return self.query_one(OptionList)

    def relanguage(self, lecture: Lecture) -> None:
        """Every word in the active language, from ``lecture`` (the one in that language)."""
        raise NotImplementedError

    def action_close(self) -> None:
        close(self, None)

    def on_key(self, event: Key) -> None:
        """A key typed before another screen covered this one is not that screen's key."""
        drop_key_when_covered(self, event)
