"""Putting scene rows together: side by side, padded to a size, made into plain text."""

from __future__ import annotations

from rich.segment import Segment

Rows = list[list[Segment]]


def row_width(row: list[Segment]) -> int:
    return sum(segment.cell_length for segment in row)


def fit(rows: Rows, width: int, height: int) -> Rows:
    """Exactly ``height`` rows of exactly ``width`` cells: cut or padded with blanks."""
    out: Rows = []
    for row in rows[:height]:
        length = row_width(row)
        if length > width:
            row = list(Segment.adjust_line_length(row, width))
        elif length < width:
            row = [*row, Segment(" " * (width - length))]
        out.append(row)
    out.extend([Segment(" " * width)] for _ in range(height - len(out)))
    return out


def side_by_side(left: Rows, right: Rows, left_width: int, right_width: int, gap: int = 2) -> Rows:
    """Two pictures next to each other, the shorter one padded below."""
    height = max(len(left), len(right))
    left, right = fit(left, left_width, height), fit(right, right_width, height)
    return [[*a, Segment(" " * gap), *b] for a, b in zip(left, right, strict=True)]


def text_row(text: str, width: int, style: str | None = None) -> list[Segment]:
    """One line of text as a row, cut to ``width``."""
    from rich.style import Style

    return fit([[Segment(text, Style.parse(style) if style else None)]], width, 1)[0]


def to_text(rows: Rows) -> list[str]:
    return ["".join(segment.text for segment in row).rstrip() for row in rows]
