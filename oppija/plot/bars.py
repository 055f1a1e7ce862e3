"""Horizontal bar charts: one row per value, label on the left, the number on the right.

Bars grow right from a zero line for positive values and left for negative ones, with eighths
of a cell from block characters. Unicode has left-aligned partial blocks only, so a negative
bar's tip is drawn reversed (the block's gap is the coloured part); without colours the tip
falls back to the right-aligned blocks that exist (▕ ▐), which every output shows correctly.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from rich.segment import Segment
from rich.style import Style

from oppija.arrays import Array
from oppija.plot.glyphs import EIGHTHS, MODES, Mode, ascii_safe
from oppija.plot.styles import PlotStyles
from oppija.plot.ticks import format_number

__all__ = ["bar_chart"]


def _style(text: str) -> Style | None:
    return Style.parse(text) if text else None


def _format(value: float, value_format: Callable[[float], str] | None) -> str:
    if value_format is not None:
        try:
            return str(value_format(value))
        except (ArithmeticError, TypeError, ValueError):
            pass
    return format_number(value, digits=2)


def _positive(length: float, ascii_only: bool) -> str:
    """A bar of ``length`` cells growing to the right."""
    if ascii_only:
        full = int(length)
        return "#" * full + ("-" if length - full >= 0.5 else "")
    eighths = round(length * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def _negative_tip(rest: int, plain: bool, ascii_only: bool) -> tuple[str, bool]:
    """The partial cell at the left end of a negative bar: (character, drawn reversed)."""
    if ascii_only:
        return ("-" if rest >= 4 else ""), False
    if plain:
        if rest >= 6:
            return "█", False
        return ("▐" if rest >= 3 else "▕"), False
    return EIGHTHS[8 - rest], True


def bar_chart(
    values: Sequence[float] | Array,
    labels: Sequence[str],
    width: int,
    styles: PlotStyles | None = None,
    mode: Mode = "braille",
    value_format: Callable[[float], str] | None = None,
) -> list[list[Segment]]:
    """Rows of Segments, ``width`` cells wide: label, bar around a zero line, formatted value.

    ``mode="ascii"`` uses '#' for a whole cell and '-' for a half; NaN and infinities get no
    bar, only their text. ``value_format`` defaults to the active language's decimals.
    """
    styles = styles or PlotStyles.default()
    ascii_only = (mode if mode in MODES else "braille") == "ascii"
    clean = ascii_safe if ascii_only else str
    try:
        with np.errstate(all="ignore"):
            numbers = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        numbers = np.zeros(0)
    count = numbers.size
    names = [clean(str(label)) for label in list(labels)[:count]]
    names += [""] * (count - len(names))
    texts = [clean(_format(float(v), value_format)) for v in numbers]

    width = max(int(width), 4)
    label_width = min(max((len(n) for n in names), default=0), width // 3)
    value_width = min(max((len(t) for t in texts), default=0), width // 3)
    area = max(width - label_width - value_width - 3, 1)  # 3: blank, zero line, blank
    finite = numbers[np.isfinite(numbers)]
    # Bars are measured against the largest magnitude, so that 1e308 and 5e-324 stay finite.
    largest = float(np.abs(finite).max()) if finite.size else 0.0
    with np.errstate(all="ignore"):
        relative = numbers / largest if largest > 0 else np.zeros_like(numbers)
    most_negative = max(0.0, -float(finite.min()) / largest) if largest > 0 else 0.0
    most_positive = max(0.0, float(finite.max()) / largest) if largest > 0 else 0.0
    total = most_negative + most_positive
    # The negative side gets whole cells enough for the longest negative bar, then one scale
    # that fits the longest bars on both sides.
    if most_positive <= 0:
        left = area if total > 0 else 0
    else:
        left = min(math.ceil(area * most_negative / total - 1e-9), area)
    right = area - left
    unit = min(
        left / most_negative if most_negative > 0 else math.inf,
        right / most_positive if most_positive > 0 else math.inf,
    )
    unit = unit if math.isfinite(unit) else 0.0

    label_style, value_style = _style(styles.label), _style(styles.tick)
    zero_style = _style(styles.axis)
    positive_style, negative_style = _style(styles.positive), _style(styles.negative)
    reversed_style = Style.parse(f"reverse {styles.negative}".strip())
    zero = "|" if ascii_only else "│"
    rows: list[list[Segment]] = []
    for name, text, value in zip(names, texts, relative.tolist(), strict=True):
        length = abs(value) * unit if math.isfinite(value) else 0.0
        row = [Segment(name[:label_width].ljust(label_width) + " ", label_style)]
        if value < 0 and length > 0:
            eighths = min(round(length * 8), left * 8)
            full, rest = divmod(eighths, 8)
            tip, flipped = _negative_tip(rest, styles.is_plain, ascii_only) if rest else ("", False)
            body = ("#" if ascii_only else "█") * full
            row.append(Segment(" " * (left - full - len(tip)), None))
            row.append(Segment(tip, reversed_style if flipped else negative_style))
            row.append(Segment(body, negative_style))
        else:
            row.append(Segment(" " * left, None))
        row.append(Segment(zero, zero_style))
        bar = _positive(min(length, right), ascii_only) if value > 0 else ""
        row.append(Segment(bar, positive_style))
        row.append(Segment(" " * (right - len(bar)), None))
        row.append(Segment(" " + text[:value_width].rjust(value_width), value_style))
        rows.append([segment for segment in row if segment.text])
    return rows
