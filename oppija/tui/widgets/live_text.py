"""Text that changes every frame of a running demo (its readout and status) at a repaint's cost.

``Static.update`` lays the whole screen out again, as the new text might need more or fewer
lines: with a demo running at 60 steps a second that layout, and the repaint of every widget on
the screen that follows it, cost several times the demo's picture. A readout's numbers change,
its height almost never does.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class LiveText(Static):
    """A ``Static`` whose :meth:`show` repaints only itself while the text keeps its height.

    The screen is laid out again only when the new text wraps onto a different number of
    lines at the widget's width (a narrow terminal, a longer sentence), and nothing is done at
    all when the text is the same as shown.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Text | str | None = None

    def show(self, text: Text | str) -> None:
        """Show ``text``: repainted in place when it fits the lines the widget has now."""
        if self._shown is not None and _same(text, self._shown):
            return
        self._shown = text
        self.update(text, layout=False)
        width = self.content_size.width
        if not width:  # not laid out yet: the first layout sizes it
            return
        viewport = self.app.size
        needed = self.get_content_height(self.size, viewport, width)
        if needed != self.content_size.height:
            self.refresh(layout=True)


def _same(new: Text | str, old: Text | str) -> bool:
    """The same characters in the same styles (a Rich Text compares by identity)."""
    if isinstance(new, str) or isinstance(old, str):
        return new == old
    return new.plain == old.plain and new.spans == old.spans and new.style == old.style
