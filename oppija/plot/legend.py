"""Legends: what each colour, mark and line of a picture means, in rows of whole entries.

An entry is never cut: one that does not fit on the rows given is left out whole, so a reader
never sees "(klass 0," and has to guess the rest. A colour bar names a heat map's scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style

from oppija.plot.glyphs import DENSITY_RAMP
from oppija.plot.styles import PlotStyles

_GAP = 3  # blanks between two entries


class LegendEntry(NamedTuple):
    """A key (a mark, a line piece or a colour bar) in its own style, and the words for it
    (an entry without a key is words alone: a sentence kept whole)."""

    key: Sequence[Segment]
    words: str


def mark_entry(mark: str, style: str, words: str) -> LegendEntry:
    """An entry whose key is a mark drawn as the picture draws it ("●" in the path's colour)."""
    return LegendEntry([Segment(mark, Style.parse(style) if style else None)], words)


def colour_bar(lo: str, hi: str, styles: PlotStyles) -> list[Segment]:
    """A heat map's scale from ``lo`` to ``hi``: one cell per heat step between the two ends.

    Each cell is a density-ramp character written in its step's own colour on that colour:
    a solid colour on screen, and still a readable scale as plain text or without colour.
    """
    segments = [Segment(f"{lo} ")]
    if styles.is_plain or not styles.heat:
        segments.append(Segment(DENSITY_RAMP))
    else:
        count = len(styles.heat)
        for k, step in enumerate(styles.heat):
            shade = Style.parse(step)
            char = DENSITY_RAMP[min(k * len(DENSITY_RAMP) // count, len(DENSITY_RAMP) - 1)]
            segments.append(Segment(char, shade + Style(color=shade.bgcolor)))
    segments.append(Segment(f" {hi}"))
    return segments


def _width(segments: Sequence[Segment]) -> int:
    return sum(segment.cell_length for segment in segments)


def legend_rows(
    entries: Sequence[LegendEntry], width: int, lines: int = 1, words_style: str = ""
) -> list[list[Segment]]:
    """The entries on at most ``lines`` rows of exactly ``width`` cells, in order, each whole;
    an entry that fits on none of them is left out (rows left empty are not returned)."""
    style = Style.parse(words_style) if words_style else None
    rows: list[list[Segment]] = [[] for _ in range(max(lines, 0))]
    used = [0] * len(rows)
    for key, words in entries:
        piece = [*key, Segment(f" {words}" if words and key else words, style)]
        size = _width(piece)
        for r in range(len(rows)):
            gap = _GAP if used[r] else 0
            if used[r] + gap + size <= width:
                if gap:
                    rows[r].append(Segment(" " * gap))
                rows[r].extend(piece)
                used[r] += gap + size
                break
    return [[*row, Segment(" " * (width - used[r]))] for r, row in enumerate(rows) if row]
