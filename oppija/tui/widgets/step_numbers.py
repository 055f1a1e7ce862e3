"""The descents' numbers view: a row per step, added as the run goes, never rebuilt per frame.

It was a Rich table of the last 500 steps in a ``Static``, built, measured, laid out and drawn
whole after every step: with the view open, a running descent spent half a second a frame at
step 300. A ``DataTable`` draws only the rows in sight and takes new rows one by one.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from rich.text import Text
from textual.widgets import DataTable

from oppija.i18n import format_integer
from oppija.scenes.words.descent import format_number, format_vector
from oppija.sims.base import Numbers, NumbersRow

NUMBERS_SHOWN = 500  # the view lists at least the last this many steps (at most twice as many)
HEADERS = ("k", "θ", "𝓔(θ)", "∇𝓔(θ)", "|Δθ|")


def format_numbers(value: Numbers) -> str:
    """A row's θ or ∇𝓔 as the readout writes it (a number that is not finite as NaN)."""
    items = value if isinstance(value, list) else [value]
    return format_vector(np.array([math.nan if v is None else v for v in items]))


def row_cells(row: NumbersRow) -> tuple[Text, ...]:
    """One step's numbers in the active language, each right-aligned in its column."""
    cells = (
        format_integer(row.k),
        format_numbers(row.theta),
        "–" if row.loss is None else format_number(row.loss),
        format_numbers(row.grad),
        "–" if row.step is None else format_number(row.step),
    )
    return tuple(Text(cell, justify="right") for cell in cells)


class StepNumbers(DataTable[Text], can_focus=False):
    """Step k, θ, 𝓔(θ), ∇𝓔(θ) and |Δθ| of every step of a run, the newest in sight.

    :meth:`follow` is given the run's key (a new run or language starts the table anew) and
    how many steps it has made; only the steps not yet listed are formatted and added.
    """

    DEFAULT_CSS = """
    StepNumbers { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(show_cursor=False, cursor_type="none", id=id)
        self._run: object = None
        self._listed = 0  # steps of the run listed so far (rows 0 … listed − 1 of the run)

    def on_mount(self) -> None:
        for header in HEADERS:
            self.add_column(Text(header, style="bold", justify="right"), key=header)

    def follow(self, run: object, rows: int, read: Callable[[int], list[NumbersRow]]) -> None:
        """Show the run's steps up to ``rows``; ``read(start)`` gives its rows from ``start``."""
        if run != self._run or rows < self._listed or rows - self._listed > NUMBERS_SHOWN:
            self.clear()
            self._run, self._listed = run, max(0, rows - NUMBERS_SHOWN)
        elif self.row_count + rows - self._listed > 2 * NUMBERS_SHOWN:
            self.clear()  # now and then, not a row removed every step
            self._listed = max(0, rows - NUMBERS_SHOWN)
        if rows > self._listed:
            self.add_rows(row_cells(row) for row in read(self._listed))
            self._listed = rows
            self.scroll_end(animate=False)
