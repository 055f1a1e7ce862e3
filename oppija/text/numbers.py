"""Numbers as the lecture writes them in sentences and labels: 0,622, a factor (−0,137) in
parentheses, in the active language's format.

Not imported by :mod:`oppija.text` itself: this one needs :mod:`oppija.i18n` (Babel, loaded on
the first number), while the spelling helpers need nothing.
"""

from __future__ import annotations

import functools
import math

from oppija.i18n import current_language, format_decimal, format_scientific


def short(value: float) -> str:
    """A number as the lecture writes it: up to 3 decimals (0,622); below 0,001 three
    significant digits (0,000123, not 0,0001 that would make 2 · 0,0001 = 0,000247), and
    below 10⁻¹⁰ 3e−20, never a 0 that is not one."""
    if not math.isfinite(value):
        return format_decimal(value)
    if value == 0:
        return "0"
    if abs(value) < 1e-10:  # three digits would need over 12 decimals: 3e−20
        return format_scientific(value)
    digits = 3
    if abs(value) < 1e-3:
        digits = 2 - math.floor(math.log10(abs(value)))
    return decimal(float(value), digits)


def decimal(value: float, digits: int) -> str:
    """:func:`oppija.i18n.format_decimal`, remembered: Babel is slow and a frame writes the
    same few dozen numbers every time."""
    return _remembered_decimal(value, digits, current_language())


@functools.lru_cache(maxsize=4096)
def _remembered_decimal(value: float, digits: int, language: str) -> str:
    return format_decimal(value, digits=digits)


def factor(value: float) -> str:
    """A number as a factor of a product: negative ones in parentheses, 0,5 · (−0,137)."""
    text = short(value)
    return f"({text})" if value < 0 and text != "0" else text
