"""A scene's cells as vector SVG: each run of characters placed cell by cell, in its colour.

The scenes draw into a grid of cells (Rich Segments): braille dots, box lines, tick labels.
Here every non-blank run becomes one ``<text>`` whose characters each get their own ``x`` (the
cell's left edge), so the picture keeps its grid whatever the font's advance, and a background
colour (a heat map) becomes a rectangle under the text. The text stays text: it scales, prints
sharply and can be searched in a PDF.
"""

from __future__ import annotations

from html import escape

from rich.cells import cell_len
from rich.color import Color
from rich.segment import Segment
from rich.style import Style

from oppija.export.print_palette import INK, PAPER

FONT_SIZE = 14.0
CELL_WIDTH = FONT_SIZE * 0.6  # DejaVu Sans Mono's advance is 0.602 em
LINE_HEIGHT = FONT_SIZE * 1.2
FONT_FAMILY = "'DejaVu Sans Mono', monospace"
BLANKS = frozenset(" \u2800")  # a space and the empty braille cell draw nothing


def _hex(color: Color | None, default: str) -> str:
    return default if color is None else color.get_truecolor().hex


def _runs(text: str) -> list[tuple[int, str]]:
    """The runs of drawn characters in ``text``: (offset, run)."""
    runs: list[tuple[int, str]] = []
    start: int | None = None
    for offset, char in enumerate([*text, " "]):
        if char in BLANKS:
            if start is not None:
                runs.append((start, text[start:offset]))
                start = None
        elif start is None:
            start = offset
    return runs


def rows_to_svg(rows: list[list[Segment]], width: int, title: str) -> str:
    """``rows`` (``width`` cells each) as one ``<svg>`` element, with ``title`` for readers."""
    height = len(rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="demo-picture" role="img" '
        f'viewBox="0 0 {width * CELL_WIDTH:.1f} {height * LINE_HEIGHT:.1f}" '
        f'font-family="{FONT_FAMILY}" font-size="{FONT_SIZE:g}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="100%" height="100%" fill="{PAPER}"/>',
    ]
    texts: list[str] = []
    for row_index, row in enumerate(rows):
        top = row_index * LINE_HEIGHT
        baseline = top + FONT_SIZE * 0.95
        column = 0
        for segment in row:
            text, style = segment.text, segment.style or Style()
            cells = Segment(text).cell_length
            if style.bgcolor is not None:
                parts.append(
                    f'<rect x="{column * CELL_WIDTH:.1f}" y="{top:.1f}" '
                    f'width="{cells * CELL_WIDTH:.1f}" height="{LINE_HEIGHT:.1f}" '
                    f'fill="{_hex(style.bgcolor, PAPER)}"/>'
                )
            fill = _hex(style.color, INK)
            weight = ' font-weight="bold"' if style.bold else ""
            for offset, run in _runs(text):
                left = column + cell_len(text[:offset])
                starts = []
                for char in run:
                    starts.append(f"{left * CELL_WIDTH:.1f}")
                    left += cell_len(char)
                xs = " ".join(starts)
                texts.append(
                    f'<text x="{xs}" y="{baseline:.1f}" fill="{fill}"{weight}>{escape(run)}</text>'
                )
            column += cells
    parts.extend(texts)
    parts.append("</svg>")
    return "\n".join(parts)
