"""A scene's cells as vector SVG: each run of characters placed cell by cell, in its colour.

The scenes draw into a grid of cells (Rich Segments): braille dots, box lines, tick labels.
Here every non-blank run becomes one ``<text>`` at its first cell, in DejaVu Sans Mono (inside
the page), whose advance is exactly one cell; a character that font lacks (𝓔) stands alone at
its own cell, so the grid holds. A background colour (a heat map) becomes a rectangle under
the text. The text stays text: it scales, prints
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
CELL_WIDTH = FONT_SIZE * 1233 / 2048  # DejaVu Sans Mono's advance: 1233 of 2048 units an em
LINE_HEIGHT = FONT_SIZE * 1.2
FONT_FAMILY = "'DejaVu Sans Mono', monospace"
BLANKS = frozenset(" \u2800")  # a space and the empty braille cell draw nothing


def _hex(color: Color | None, default: str) -> str:
    return default if color is None else color.get_truecolor().hex


def _in_the_font(char: str) -> bool:
    """Whether DejaVu Sans Mono draws ``char`` at one cell's advance: Latin, Greek, Cyrillic,
    box drawing, blocks and braille — the characters a scene is mostly made of."""
    code = ord(char)
    return code < 0x0530 or 0x2500 <= code < 0x25A0 or 0x2800 <= code < 0x2900


def _runs(text: str) -> list[tuple[int, str]]:
    """The runs of drawn characters in ``text``: (offset, run). A character the font may not
    have (a fallback font's advance differs) is a run of its own, placed at its own cell."""
    runs: list[tuple[int, str]] = []
    start: int | None = None
    for offset, char in enumerate([*text, " "]):
        if char in BLANKS or not _in_the_font(char):
            if start is not None:
                runs.append((start, text[start:offset]))
                start = None
            if char not in BLANKS:
                runs.append((offset, char))
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
                left = (column + cell_len(text[:offset])) * CELL_WIDTH
                texts.append(
                    f'<text x="{left:.1f}" y="{baseline:.1f}" fill="{fill}"{weight}>'
                    f"{escape(run)}</text>"
                )
            column += cells
    parts.extend(texts)
    parts.append("</svg>")
    return "\n".join(parts)
