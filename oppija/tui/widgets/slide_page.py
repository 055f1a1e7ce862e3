"""The slide's title, its text up to the reveal step and the "→ shows more" line, as one Static.

One widget whose height stays the same from step to step while the text fits the view (it
fills the view, see ``SlideView``): a key press then only repaints it, where a Static per part,
each changing its height, made Textual lay the screen out twice on every press.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.geometry import Size
from textual.widgets import Static

from oppija.tui.slide_text import BLANK_LINE


class SlidePage(Static):
    """Title (after a blank line), a blank line, the text, and the "more" line with a blank line
    after it: the same lines the title, body and "more" Statics with their margins drew."""

    DEFAULT_CSS = """
    SlidePage { height: auto; }
    SlidePage > .slide-page--title { text-style: bold; color: $primary; }
    SlidePage > .slide-page--more { color: $text-muted; }
    """

    COMPONENT_CLASSES = {"slide-page--title", "slide-page--more"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: tuple[str, RenderableType, str] = ("", Text(""), "")
        self._lines = 0  # the height of what it shows, at its width, when last measured

    def show(self, title: str, body: RenderableType, more: str, *, fills: bool) -> None:
        """Show the parts; ``fills`` says the view's CSS stretches the page to the view's height.

        While the old and the new text both fit that height, the page keeps its size and is
        only repainted; otherwise the screen is laid out again for the new height.
        """
        self._parts = (title, body, more)
        if not self.is_mounted:
            return  # drawn when mounted, in the first frame
        if not self.size.width:
            self.update(self._page())
            return
        width, height = self.size
        before = self._lines
        self.update(self._page(), layout=False)
        self.get_content_height(self.size, self.size, width)  # notes the new height
        same = fills and self._lines <= height and (before < height or self._lines == before)
        if not same:
            self.refresh(layout=True)

    def on_mount(self) -> None:
        self.update(self._page())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Textual measures the page: its height is noted for the next ``show``."""
        self._lines = super().get_content_height(container, viewport, width)
        return self._lines

    def notify_style_update(self) -> None:
        """A new theme (or focus) changes the title's and the "more" line's colours."""
        super().notify_style_update()
        if self.is_mounted:
            self.update(self._page(), layout=False)

    def _page(self) -> RenderableType:
        title, body, more = self._parts
        title_style = self.get_component_rich_style("slide-page--title")
        parts: list[RenderableType] = [BLANK_LINE, Text(title, style=title_style), BLANK_LINE, body]
        if more:
            parts += [
                Text(more, style=self.get_component_rich_style("slide-page--more")),
                BLANK_LINE,
            ]
        return Group(*parts)
