"""The descents' numbers view: a row per step, added as the run goes, never rebuilt per frame.

It was a Rich table of the last 500 steps in a ``Static``, built, measured, laid out and drawn
whole after every step: with the view open, a running descent spent half a second a frame at
step 300. Now each step's row is formatted and drawn once, into columns as wide as the widest
number so far (all rows are written again only when a column must widen), and the view scrolls
over the drawn lines.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from oppija.i18n import format_integer
from oppija.scenes.words.descent import format_number, format_vector
from oppija.sims.base import Numbers, NumbersRow
from oppija.tui.widgets.base_style import KeptBaseStyle
from oppija.tui.widgets.live_text import LiveText

NUMBERS_SHOWN = 500  # the view lists at least the last this many steps (at most twice as many)
HEADERS = ("k", "θ", "𝓔(θ)", "∇𝓔(θ)", "|Δθ|")
GAP = "  "  # between columns, as a Rich table without a box sets them apart


def format_numbers(value: Numbers) -> str:
    """A row's θ or ∇𝓔 as the readout writes it (a number that is not finite as NaN)."""
    items = value if isinstance(value, list) else [value]
    return format_vector(np.array([math.nan if v is None else v for v in items]))


def row_cells(row: NumbersRow) -> tuple[str, ...]:
    """One step's numbers in the active language."""
    return (
        format_integer(row.k),
        format_numbers(row.theta),
        "–" if row.loss is None else format_number(row.loss),
        format_numbers(row.grad),
        "–" if row.step is None else format_number(row.step),
    )


def aligned(cells: tuple[str, ...], widths: list[int]) -> str:
    """Cells right-aligned in their columns."""
    return GAP.join(cell.rjust(width) for cell, width in zip(cells, widths, strict=True))


class NumberLines(ScrollView, KeptBaseStyle, can_focus=False):
    """The rows as lines of text, each drawn once; the view shows those in sight."""

    DEFAULT_CSS = """
    NumberLines { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._strips: list[Strip] = []

    def set_lines(self, lines: list[str], keep: bool) -> None:
        """Lines after the ones shown (``keep``) or instead of them; the newest in sight."""
        console = self.app.console
        new = [Strip(Text(line).render(console), cell_len(line)) for line in lines]
        self._strips = [*self._strips, *new] if keep else new
        widest = max((strip.cell_length for strip in self._strips), default=0)
        self.virtual_size = Size(widest, len(self._strips))
        self.scroll_end(animate=False, immediate=True, x_axis=False)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        base = self.base_style
        index = scroll_y + y
        if not 0 <= index < len(self._strips):
            return Strip.blank(width, base)
        return self._strips[index].crop_extend(scroll_x, scroll_x + width, None).apply_style(base)


class StepNumbers(Vertical):
    """Step k, θ, 𝓔(θ), ∇𝓔(θ) and |Δθ| of every step of a run, the newest in sight.

    :meth:`follow` is given the run's key (a new run or language starts the table anew) and
    how many steps it has made; only the steps not yet listed are formatted and added.
    """

    DEFAULT_CSS = """
    StepNumbers { height: 1fr; }
    StepNumbers > #numbers-header { text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._run: object = None
        self._first = 0  # the run's step of the first row listed
        self._cells: list[tuple[str, ...]] = []  # the rows listed, formatted
        self._widths = [len(header) for header in HEADERS]

    def compose(self) -> ComposeResult:
        yield LiveText(id="numbers-header")
        yield NumberLines(id="numbers-lines")

    def follow(self, run: object, rows: int, read: Callable[[int], list[NumbersRow]]) -> None:
        """Show the run's steps up to ``rows``; ``read(start)`` gives its rows from ``start``."""
        listed = self._first + len(self._cells)
        too_many = len(self._cells) + rows - listed > 2 * NUMBERS_SHOWN
        keep = run == self._run and rows >= listed and not too_many
        if not keep:  # a new run, another language, or time to drop the oldest rows
            self._run, self._first, self._cells = run, max(0, rows - NUMBERS_SHOWN), []
            self._widths = [len(header) for header in HEADERS]
            listed = self._first
        elif rows == listed:
            return
        new = [row_cells(row) for row in read(listed)]
        widths = [
            max([width, *(len(cells[i]) for cells in new)]) for i, width in enumerate(self._widths)
        ]
        if widths != self._widths:  # a wider number: every row is written again
            self._widths, keep = widths, False
        self._cells += new
        written = new if keep else self._cells
        self.query_one(NumberLines).set_lines([aligned(cells, widths) for cells in written], keep)
        self.query_one("#numbers-header", LiveText).show(aligned(HEADERS, widths))
