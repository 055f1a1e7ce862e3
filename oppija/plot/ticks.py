"""Axis ticks at round numbers (1, 2 or 5 × 10^k) and their labels in the active language.

Labels go through ``oppija.i18n.format_decimal`` (Estonian: decimal comma, minus sign "−").
Babel is slow next to a whole frame's rendering, so each label is remembered per language.
"""

from __future__ import annotations

import math
from functools import lru_cache

from oppija.i18n import current_language, format_decimal, format_integer

_MAX_DIGITS = 12


def tick_step(lo: float, hi: float, max_ticks: int) -> float:
    """The smallest 1-2-5 step that puts at most ``max_ticks`` ticks in [lo, hi]."""
    max_ticks = min(max(int(max_ticks), 2), 1000)
    span = hi - lo
    if not math.isfinite(span) or span <= 0:
        return 1.0
    raw = span / (max_ticks - 1)
    base = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1.0, 2.0, 5.0, 10.0):
        if multiple * base >= raw * (1 - 1e-9):
            return multiple * base
    return 10.0 * base


def tick_digits(step: float) -> int:
    """How many decimals a label needs so that neighbouring ticks ``step`` apart differ."""
    if not math.isfinite(step) or step <= 0:
        return 0
    return min(max(0, -math.floor(math.log10(step) + 1e-9)), _MAX_DIGITS)


def decimals_of(value: float) -> int:
    """The fewest decimals that write ``value`` exactly (to 1e-9 of itself), at most 12."""
    if not math.isfinite(value):
        return 0
    for digits in range(_MAX_DIGITS + 1):
        scaled = abs(value) * 10**digits
        if abs(scaled - round(scaled)) <= 1e-9 * max(1.0, scaled):
            return digits
    return _MAX_DIGITS


def nice_ticks(lo: float, hi: float, max_ticks: int) -> list[float]:
    """Round tick values inside [lo, hi], at most ``max_ticks`` of them (never raises).

    An empty or non-finite range gives [] (or its single finite value).
    """
    try:
        lo, hi = float(lo), float(hi)
    except (TypeError, ValueError):
        return []
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return [v for v in (lo, hi) if math.isfinite(v)][:1]
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        return [lo]
    step = tick_step(lo, hi, max_ticks)
    if not math.isfinite(step) or step <= 0:
        return [lo]
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    while last < first:  # no multiple of the step falls inside: the next finer 1-2-5 step
        mantissa = round(step / 10 ** math.floor(math.log10(step) + 1e-9))
        step *= 0.4 if mantissa == 5 else 0.5
        first = math.ceil(lo / step - 1e-9)
        last = math.floor(hi / step + 1e-9)
    digits = tick_digits(step)
    ticks = [round(k * step, digits) + 0.0 for k in range(first, last + 1)]
    return ticks[: max(int(max_ticks), 2)]


_COMPACT_FROM = 1e6  # beyond this, grouped digits make labels wider than the plot can spare


def format_number(value: float, digits: int = 2) -> str:
    """A number for a plot in the active language: '0,5', '−1', '12 500', '2,5e9'.

    Large numbers are written with a power of ten (Babel cannot format the largest floats at
    all, and a learner's diverging run reaches them).
    """
    if math.isfinite(value) and abs(value) >= _COMPACT_FROM:
        exponent = math.floor(math.log10(abs(value)))
        mantissa = round(value / 10.0**exponent, 2)
        if abs(mantissa) >= 10:  # 9,996 rounds up to 10
            mantissa, exponent = mantissa / 10, exponent + 1
        return f"{format_decimal(mantissa, digits=2)}e{format_integer(exponent)}"
    try:
        return format_decimal(value, digits=digits)
    except (ArithmeticError, ValueError):
        return repr(value)


@lru_cache(maxsize=4096)
def _label(value: float, digits: int, language: str) -> str:
    return format_number(value, digits)


def format_tick(value: float, digits: int) -> str:
    """One tick label with ``digits`` decimals at most, in the active language ('0,5', '−1')."""
    return _label(float(value) + 0.0, int(digits), current_language())


def tick_labels(ticks: list[float]) -> list[str]:
    """Labels for a list of ticks, all with as many decimals as the most precise one needs."""
    digits = max((decimals_of(t) for t in ticks), default=0)
    return [format_tick(t, digits) for t in ticks]
