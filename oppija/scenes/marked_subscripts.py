"""Subscripts Unicode has no letter for (W with f, W with Q) in a demo's picture: marked in the
line's text, drawn underlined.

The mark is set apart from its letter without a colour (NO_COLOR keeps it) or a slant (italic
letters spill into the next cell on some terminals): never "W_f", which the lecture does not
write, except in ASCII, which has no subscripts at all.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style

from oppija.scenes.rows import fit, text_row
from oppija.text import subscript
from oppija.text.scripts import SUBSCRIPT_OF
from oppija.text.subscript_markup import SUBSCRIPT_STYLE as LESSON_SUBSCRIPT_STYLE

SUBSCRIPT_MARK = "\x1f"
_MARKED = re.compile(f"{SUBSCRIPT_MARK}(.*?){SUBSCRIPT_MARK}")
SUBSCRIPT_STYLE = Style.parse(LESSON_SUBSCRIPT_STYLE)


def indexed(base: str, index: str) -> str:
    """``base`` with the subscript ``index``: Wᵢ, Wₒ in Unicode, W with a marked f or Q."""
    if all(char in SUBSCRIPT_OF for char in index):
        return base + subscript(index)
    return f"{base}{SUBSCRIPT_MARK}{index}{SUBSCRIPT_MARK}"


def ascii_marked(line: str) -> str:
    """``line`` for an ASCII terminal: a marked subscript written as W_f."""
    return _MARKED.sub(r"_\1", line)


def marked_row(line: str, width: int, style: str | None) -> list[Segment]:
    """A line of text as a row, its marked subscripts in :data:`SUBSCRIPT_STYLE`."""
    if SUBSCRIPT_MARK not in line:
        return text_row(line, width, style)
    base = Style.parse(style) if style else None
    segments: list[Segment] = []
    for k, part in enumerate(line.split(SUBSCRIPT_MARK)):
        if part:
            small = k % 2 == 1
            if not small:
                segments.append(Segment(part, base))
            else:
                segments.append(Segment(part, base + SUBSCRIPT_STYLE if base else SUBSCRIPT_STYLE))
    return fit([segments], width, 1)[0]
