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

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from oppija.i18n import format_integer
from oppija.scenes.words.descent import format_number
from oppija.sims.base import Numbers, NumbersRow
from oppija.text import subscript
from oppija.text.number_style import decimal_parts
from oppija.tui.widgets.base_style import KeptBaseStyle
from oppija.tui.widgets.live_text import LiveText

NUMBERS_SHOWN = 500  # the view lists at least the last this many steps (at most twice as many)
GAP = "  "  # between columns, as a Rich table without a box sets them apart


def components(value: Numbers) -> list[str]:
    """A row's θ or ∇𝓔, a column per component (a number that is not finite as NaN)."""
    items = value if isinstance(value, list) else [value]
    return [format_number(math.nan if v is None else v) for v in items]


def headers(row: NumbersRow) -> tuple[str, ...]:
    """k, θ, 𝓔(θ), ∇𝓔(θ), |Δθ|; a vector's columns by component: θ₁, θ₂, ∇𝓔₁, ∇𝓔₂."""

    def named(name: str, value: Numbers) -> list[str]:
        if not isinstance(value, list):
            return [name]
        return [f"{name}{subscript(i)}" for i in range(1, len(value) + 1)]

    return ("k", *named("θ", row.theta), "𝓔(θ)", *named("∇𝓔", row.grad), "|Δθ|")


def row_cells(row: NumbersRow) -> tuple[str, ...]:
    """One step's numbers in the active language, a cell per column of :func:`headers`."""
    return (
        format_integer(row.k),
        *components(row.theta),
        "–" if row.loss is None else format_number(row.loss),
        *components(row.grad),
        "–" if row.step is None else format_number(row.step),
    )


Widths = list[tuple[int, int]]  # a column's whole part and the rest from its decimal sign


def column_widths(rows: list[tuple[str, ...]], widths: Widths, names: tuple[str, ...]) -> Widths:
    """The widths that fit ``rows`` as well as the columns so far (they only grow), each at
    least as wide as its name (the whole part makes up what the numbers lack)."""
    out = list(widths)
    for cells in rows:
        for i, cell in enumerate(cells):
            whole, rest = decimal_parts(cell)
            out[i] = (max(out[i][0], len(whole)), max(out[i][1], len(rest)))
    return [
        (max(whole, len(name) - rest), rest) for (whole, rest), name in zip(out, names, strict=True)
    ]


def line(cells: tuple[str, ...], widths: Widths) -> str:
    """Cells in their columns, decimal signs under each other."""
    return GAP.join(
        whole.rjust(whole_width) + rest.ljust(rest_width)
        for (whole, rest), (whole_width, rest_width) in zip(
            map(decimal_parts, cells), widths, strict=True
        )
    )


def header_line(names: tuple[str, ...], widths: Widths) -> str:
    """The column names, each centred over its column."""
    return GAP.join(
        name.center(whole + rest) for name, (whole, rest) in zip(names, widths, strict=True)
    )


class NumberLines(ScrollView, KeptBaseStyle, can_focus=False):
    """The rows as lines of text, each drawn once; the view shows those in sight.

    The newest row stays in sight as steps come, and when the view opens or changes size (it
    was hidden, a readout line wrapped): scrolled to its end before it had a size, the table
    opened on its first rows. A learner who scrolls up stops that until back at the end.
    """

    DEFAULT_CSS = """
    NumberLines { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._strips: list[Strip] = []
        self.following = True
        """The view keeps the newest row in sight (False once the learner scrolled up)."""

    def set_lines(self, lines: list[str], keep: bool) -> None:
        """Lines after the ones shown (``keep``) or instead of them (a new run: followed
        again); the newest in sight unless the learner scrolled up."""
        console = self.app.console
        new = [Strip(Text(line).render(console), cell_len(line)) for line in lines]
        self._strips = [*self._strips, *new] if keep else new
        widest = max((strip.cell_length for strip in self._strips), default=0)
        self.virtual_size = Size(widest, len(self._strips))
        self.following = self.following or not keep
        self._follow()
        self.refresh()

    def _follow(self) -> None:
        if self.following and self.size.height > 0:
            self.scroll_end(animate=False, immediate=True, x_axis=False)

    def on_resize(self) -> None:
        """Shown after being hidden, or given fewer rows: the newest row back in sight."""
        self._follow()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """A scroll that leaves the end (the learner's wheel or scroll bar) stops following;
        one back at the end follows again."""
        super().watch_scroll_y(old_value, new_value)
        if self.size.height > 0:
            self.following = round(new_value) >= self.max_scroll_y

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
        self._headers: tuple[str, ...] = ()
        self._widths: Widths = []

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
            self._headers, self._widths = (), []
            listed = self._first
        elif rows == listed:
            return
        new_rows = read(listed)
        if not new_rows:
            if not keep:  # a new run with no step yet: nothing of the old one stays
                self.query_one(NumberLines).set_lines([], keep=False)
            return
        if not self._headers:  # a column per component: θ₁, θ₂ for a 2-D descent
            self._headers = headers(new_rows[0])
            self._widths = [(0, 0) for _name in self._headers]
        new = [row_cells(row) for row in new_rows]
        widths = column_widths(new, self._widths, self._headers)
        if widths != self._widths:  # a wider number: every row is written again
            self._widths, keep = widths, False
        self._cells += new
        written = new if keep else self._cells
        self.query_one(NumberLines).set_lines([line(cells, widths) for cells in written], keep)
        header = Text(header_line(self._headers, widths), no_wrap=True, overflow="crop")
        self.query_one("#numbers-header", LiveText).show(header)  # one line, as the rows are
