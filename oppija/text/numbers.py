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
    """A number as the lecture writes it: three significant digits below 1 (0,622, 0,0123,
    0,000123, not 0,0001 that would make 2 · 0,0001 = 0,000247), four from 1 on (2,718,
    12,35, 1235: the number style's 3–4 digits, not 12,346), trailing zeros dropped, and below
    10⁻¹⁰ 3e−20, never a 0 that is not one."""
    if not math.isfinite(value):
        return format_decimal(value)
    if value == 0:
        return "0"
    if abs(value) < 1e-10:  # three digits would need over 12 decimals: 3e−20
        return format_scientific(value)
    return decimal(float(value), short_decimals(value))


def short_decimals(value: float) -> int:
    """The most decimals :func:`short` writes ``value`` with (practice questions take half a
    unit of this last digit as their tolerance)."""
    if value == 0 or not math.isfinite(value):
        return 3
    size = abs(value)
    magnitude = math.floor(math.log10(size))
    decimals = max(0, (3 if size < 1 else 4) - 1 - magnitude)
    if round(size, decimals) >= 10.0 ** (magnitude + 1) and size >= 1:  # 9,9996 is 10,00
        decimals = max(0, decimals - 1)
    return decimals


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
