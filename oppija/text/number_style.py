"""The one number style of every demo's readout and numbers table, and α's 1–2–5 ladder.

A learner compares numbers across a readout and down a table, so they are written alike
everywhere: 4 significant digits with their trailing zeros (0,9000 beside 0,1676, so a
readout's cells keep their width), ×10⁻ⁿ below 0,001 (6,417·10⁻⁶, not 0,000006417), a table's
decimal signs one above the other. English writes decimal points; Estonian decimal commas and
a true minus sign (:mod:`oppija.i18n` does both).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from oppija.i18n import current_language, format_decimal, format_fixed
from oppija.text.scripts import superscript

SIGNIFICANT = 4  # digits a readout's number shows
SMALL = 1e-3  # below this a number is written with ×10⁻ⁿ
LARGE = 1e6  # from this on too: 1,047·10⁶ says more than 1 046 667
TIMES_TEN = "·10"  # the lecture writes 6,4·10⁻⁶


def significant(value: float, digits: int = SIGNIFICANT, trailing_zeros: bool = True) -> str:
    """``value`` with ``digits`` significant digits: 0,1676, 12,35, 6,417·10⁻⁶, −1,300.

    0 (and −0, which would read as a number below zero) is "0". ``trailing_zeros`` keeps
    0,9000 as wide as 0,9664 (a readout's numbers); without it a setting reads 0,02.
    """
    if not math.isfinite(value):
        return format_decimal(value)  # NaN, ∞, −∞
    if value == 0:
        return "0"
    size = abs(value)
    if size < SMALL or size >= LARGE:
        return _times_ten(value, digits, trailing_zeros)
    magnitude = math.floor(math.log10(size))
    decimals = max(0, digits - 1 - magnitude)
    if abs(round(value, decimals)) >= 10 ** (magnitude + 1):  # 9,9996 rounds to 10,00
        decimals = max(0, decimals - 1)
    text = format_fixed(value, decimals)
    return _without_zeros(text) if not trailing_zeros else text


def _times_ten(value: float, digits: int, trailing_zeros: bool) -> str:
    """6,417·10⁻⁶: the mantissa in the active language, the exponent as a superscript."""
    mantissa_text, exponent_text = f"{value:.{max(digits - 1, 0)}e}".split("e")
    mantissa = format_fixed(float(mantissa_text), max(digits - 1, 0))
    if not trailing_zeros:
        mantissa = _without_zeros(mantissa)
    return f"{mantissa}{TIMES_TEN}{superscript(int(exponent_text))}"


def _without_zeros(text: str) -> str:
    separator = _separator()
    if separator not in text:
        return text
    return text.rstrip("0").rstrip(separator)


def _separator() -> str:
    return "," if current_language() == "et" else "."


def aligned(texts: Sequence[str]) -> list[str]:
    """A column of numbers with their decimal signs one above the other, all as wide.

    A number without a decimal sign (12, "–") ends where the others' whole parts end; a
    ×10⁻ⁿ number aligns its mantissa's sign.
    """
    parts = [decimal_parts(text) for text in texts]
    whole = max((len(left) for left, _right in parts), default=0)
    fraction = max((len(right) for _left, right in parts), default=0)
    return [left.rjust(whole) + right.ljust(fraction) for left, right in parts]


def decimal_parts(text: str) -> tuple[str, str]:
    """A number's whole part, and the rest from its decimal sign on (from ·10 when it has
    none): a table pads the first on the left and the second on the right."""
    separator = _separator()
    mantissa_end = text.find(TIMES_TEN)
    head = text if mantissa_end < 0 else text[:mantissa_end]
    index = head.find(separator)
    if index < 0:
        index = len(head)
    return text[:index], text[index:]


LADDER = (1.0, 2.0, 5.0)  # α's steps within each power of ten: 0,01 → 0,02 → 0,05 → 0,1


def ladder_step(value: float, direction: int) -> float:
    """The next value up (``direction`` > 0) or down on the 1–2–5 ladder from ``value``.

    A value between two rungs (a typed 0,3815) goes to the next rung in that direction
    (0,5 up, 0,2 down), so one press always lands on a round number.
    """
    if not math.isfinite(value) or value <= 0:
        return value
    exponent = math.floor(math.log10(value))
    rungs = [m * 10.0**e for e in (exponent - 1, exponent, exponent + 1) for m in LADDER]
    rungs = [float(f"{rung:.12g}") for rung in rungs]  # 0,1 as 0.1, not 0.30000000000000004
    tolerance = value * 1e-9
    if direction > 0:
        return next(rung for rung in rungs if rung > value + tolerance)
    return next(rung for rung in reversed(rungs) if rung < value - tolerance)
