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
    """A number as the lecture writes it: up to 3 decimals (0,622), more when it would read 0,
    and 3e−20 when even 12 decimals would."""
    if not math.isfinite(value):
        return format_decimal(value)
    if value == 0:
        return "0"
    if abs(value) < 0.5e-12:  # beyond 12 decimals: 3e−20, never a 0 that is not one
        return format_scientific(value)
    digits = 3
    while abs(value) < 0.5 * 10.0**-digits and digits < 12:
        digits += 1
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
