"""Text that changes every frame of a running demo (its readout and status) at a repaint's cost.

``Static.update`` lays the whole screen out again, as the new text might need more or fewer
lines: with a demo running at 60 steps a second that layout, and the repaint of every widget on
the screen that follows it, cost several times the demo's picture. A readout's numbers change,
its height almost never does. The text is wrapped once per change (Rich's word wrap, as a
``Static`` wraps), and the same lines give the height and the picture on screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip

from oppija.scenes.readout_grid import GAP, grid_lines
from oppija.tui.widgets.base_style import KeptBaseStyle


class LiveText(KeptBaseStyle):
    """Text whose :meth:`show` repaints only this widget while the text keeps its height.

    The screen is laid out again only when the new text wraps onto a different number of
    lines at the widget's width (a narrow terminal, a longer sentence), and nothing is done at
    all when the text is the same as shown. A ``steady`` text (a running demo's readout, whose
    numbers wrap one line earlier or later from step to step) keeps the most lines it has
    taken at this width until :meth:`release`: the picture above it does not jump a line up
    and down, and the screen is not laid out again each time.
    """

    DEFAULT_CSS = """
    LiveText { height: auto; }
    """

    def __init__(self, *, steady: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._steady = steady
        self._cells: tuple[Text, ...] | None = None  # a readout's cells, laid out as a grid
        self._cell_widths: list[int] = []  # the widest each cell has been: cells never move
        self._held = (0, 0)  # (width, lines): the most lines a steady text took at that width
        self._text = Text()
        self._wrapped: tuple[int, list[Text]] | None = None  # (width, the lines)
        self._strips: tuple[int, Style, list[Strip]] | None = None  # (width, base, strips)

    @property
    def text(self) -> Text:
        """What is shown (a copy would cost a frame's worth: do not change it)."""
        return self._text

    def show(self, text: Text | str) -> None:
        """Show ``text``: repainted in place when it fits the lines the widget has now."""
        self._show(Text(text) if isinstance(text, str) else text, None)

    def show_cells(self, cells: Sequence[Text | str]) -> None:
        """Show a readout's cells as a grid (:func:`~oppija.scenes.readout_grid.grid_lines`):
        a line breaks only between cells, and each cell keeps the widest width it has had
        until :meth:`release`, so the cells after a number that lost a digit stay put."""
        texts = tuple(Text(cell) if isinstance(cell, str) else cell for cell in cells)
        if len(texts) != len(self._cell_widths):  # other cells: their widths start anew
            self._cell_widths = [0] * len(texts)
        self._cell_widths = [
            max(kept, cell.cell_len) for kept, cell in zip(self._cell_widths, texts, strict=True)
        ]
        self._show(Text(" " * GAP).join(texts), texts)

    def _show(self, new: Text, cells: tuple[Text, ...] | None) -> None:
        if _same(new, self._text) and (cells is None) == (self._cells is None):
            return
        self._text, self._cells = new, cells
        self._wrapped = self._strips = None
        width = self.content_size.width
        if width and self._height(width) == self.content_size.height:
            self.refresh()
        else:  # another height, or not laid out yet: the screen's layout sizes it
            self.refresh(layout=True)

    def release(self) -> None:
        """A steady text may take fewer lines again, and a grid's cells be narrower (another
        language)."""
        self._held = (0, 0)
        self._cell_widths = []
        self._wrapped = self._strips = None

    def _height(self, width: int) -> int:
        """The lines the text takes at ``width``; for a steady text at least those it held."""
        lines = len(self._lines(width))
        if self._cells == ():  # a readout of no cells holds no line
            return 0
        held_width, held = self._held
        return max(lines, held) if self._steady and held_width == width else lines

    def _lines(self, width: int) -> list[Text]:
        """The text wrapped at ``width`` cells, a Text per line (at least one, but none for a
        readout of no cells)."""
        if self._wrapped is None or self._wrapped[0] != width:
            text = self._text
            if self._cells == ():  # no cells: no line (the picture says it all)
                lines = []
            elif self._cells is not None:
                lines = grid_lines(self._cells, self._cell_widths, width)
            elif text.cell_len <= width and "\n" not in text.plain:  # most frames: one line
                lines = [text]
            else:
                lines = list(text.wrap(self.app.console, width)) or [Text()]
                for line in lines:  # Rich keeps the space it broke at; a Static does not
                    line.rstrip()
            self._wrapped = (width, lines)
        return self._wrapped[1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self._text.cell_len

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width <= 0:
            return 0
        height = self._height(width)
        if self._steady:
            self._held = (width, height)
        return height

    def render_line(self, y: int) -> Strip:
        """A line of the text as Rich draws it, in the widget's style, as long as the text (the
        rest of the width is the background, as a ``Static`` leaves it); offsets for selecting
        text with the mouse."""
        width = self.content_size.width
        base = self.base_style
        if self._strips is None or self._strips[:2] != (width, base):
            console = self.app.console
            strips = [
                Strip(list(line.render(console)), line.cell_len)
                .apply_style(base)
                .apply_offsets(0, y)
                for y, line in enumerate(self._lines(width))
            ]
            self._strips = (width, base, strips)
        strips = self._strips[2]
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width, base)


def _same(new: Text, old: Text) -> bool:
    """The same characters in the same styles (a Rich Text compares by identity)."""
    return new.plain == old.plain and new.spans == old.spans and new.style == old.style
