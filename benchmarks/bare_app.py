"""The bare Textual app the key-press and memory benchmarks compare oppija with.

A ``Header``, one ``Static`` and a ``Footer``; its → binding puts the next slide text into the
``Static`` as Rich's ``Markdown``. It imports Textual and Rich only (no oppija, no NumPy), so that
a process running it holds what a bare Textual app holds and nothing of oppija's.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markdown import Markdown
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    """Header, Static, Footer; → shows the next slide text in the Static."""

    TITLE = "Süvaõpe"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "forward", "Edasi"),
        Binding("home", "first", "Algusesse"),
        Binding("q", "quit", "Välju"),
    ]

    def __init__(self, texts: list[str]) -> None:
        super().__init__()
        self._texts = texts
        self._at = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Markdown(self._texts[0]), id="slide")
        yield Footer()

    def action_forward(self) -> None:
        self._at = min(self._at + 1, len(self._texts) - 1)
        self._show()

    def action_first(self) -> None:
        self._at = 0
        self._show()

    def _show(self) -> None:
        self.query_one("#slide", Static).update(Markdown(self._texts[self._at]))
