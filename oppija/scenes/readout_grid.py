"""A demo's readout laid out as a grid: cells that never break and never move sideways.

A readout is a row of cells ("θ = 1,920", "α = 0,1", "täpsus 48 %"). Wrapped as one sentence,
it broke between a label and its value ("α =" / "0,1") and every number that grew a digit
pushed the cells after it one column on. Here each cell keeps a fixed width (the widest it
has been, which the caller remembers) and lines break only between cells; a cell wider than
the whole line is folded at its spaces, but never beside an "=" or before a "%".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text

GAP = 2  # blank cells between two cells on a line
# A space where a too-long cell may fold: not beside "=", not before "%" or "·".
_FOLD = re.compile(r"(?<![=·]) (?![=%·])")


def grid_lines(cells: Sequence[Text], widths: Sequence[int], width: int) -> list[Text]:
    """``cells`` placed left to right, each padded to its width in ``widths`` (or its own if
    longer), a new line where the next would not fit in ``width``; at least one line."""
    lines: list[Text] = []
    current = Text()
    used = 0
    for cell, kept in zip(cells, widths, strict=True):
        cell_width = max(kept, cell.cell_len)
        if used and used + GAP + cell_width > width:
            lines.append(current)
            current, used = Text(), 0
        if used:
            current.append(" " * GAP)
            used += GAP
        current.append_text(cell)
        current.append(" " * (cell_width - cell.cell_len))
        used += cell_width
    lines.append(current)
    out: list[Text] = []
    for line in lines:
        line.rstrip()
        out.extend(_folded(line, width) if line.cell_len > width else [line])
    return out


def _folded(line: Text, width: int) -> list[Text]:
    """A line longer than ``width`` cut at the allowed spaces (mid-word only when one word
    alone is longer than the line)."""
    plain = line.plain
    pieces: list[Text] = []
    start = 0
    while len(plain) - start > width:
        cut = -1
        for match in _FOLD.finditer(plain, start):  # the whole text: "%" after the end counts
            if match.start() > start + width:
                break
            cut = match.start()
        end = cut if cut > start else start + width  # no allowed space: cut the word
        pieces.append(line[start:end])
        start = end + 1 if cut > start else end
    pieces.append(line[start:])
    return pieces
