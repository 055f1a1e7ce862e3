"""Axis ranges placed so that round tick values land at equal row (or column) steps.

A tick's label sits in a whole cell, so ticks whose distance is not a whole number of cells
end up 3, 4, 3, 4 rows apart and the axis looks uneven. Here the range is widened (never
narrowed) until one tick step is exactly ``k`` cells: every tick then lands at the same place
inside its cell, ``k`` cells from the next. Among the round steps (1, 2, 2,5 or 5 × 10^k) the one
that widens the range least wins, so the data keeps most of the picture.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from oppija.plot.ranges import sane_range

_MULTIPLES = (1.0, 2.0, 2.5, 5.0)
# Ticks further apart than this many cells cost as much as widening the range by 3 % per cell:
# a tall plot gets a tick every few rows rather than one at each end.
_SPARSE_FROM = 4
_SPARSE_COST = 0.03
_TWO_TICKS_COST = 0.15  # a plot of more than six cells reads better with a middle tick


class AlignedAxis(NamedTuple):
    """A widened range and its ticks, ``cells_per_tick`` cells apart."""

    lo: float
    hi: float
    ticks: list[float]
    cells_per_tick: int


def _round_steps(smallest: float, largest: float) -> list[float]:
    """Every 1-2-2,5-5 step from ``smallest`` to ``largest``."""
    exponent = math.floor(math.log10(smallest)) - 1
    steps: list[float] = []
    while len(steps) < 60:
        for multiple in _MULTIPLES:
            step = multiple * 10.0**exponent
            if step > largest:
                return steps
            if step >= smallest * (1 - 1e-9):
                steps.append(step)
        exponent += 1
    return steps


def _ticks(lo: float, hi: float, step: float) -> list[float]:
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    digits = max(0, -math.floor(math.log10(step) + 1e-9) + 1)
    return [round(k * step, digits) + 0.0 for k in range(first, last + 1)]


def _is_tick(value: float, step: float) -> bool:
    ratio = value / step
    return abs(ratio - round(ratio)) <= 1e-9 * max(1.0, abs(ratio))


def _on_dots(
    new_lo: float, new_hi: float, lo: float, hi: float, step: float, dots: int
) -> tuple[float, float]:
    """The range moved by under half a dot so that the ticks fall on dot centres, when it
    still holds [lo, hi]: a tick exactly between two dots could round to either."""
    per_dot = (new_hi - new_lo) / dots
    offset = (new_hi / step - math.floor(new_hi / step)) * step / per_dot
    shift = (offset - round(offset)) * per_dot
    if new_lo - shift <= lo and new_hi - shift >= hi:
        return new_lo - shift, new_hi - shift
    return new_lo, new_hi


def aligned_axis(
    lo: float, hi: float, cells: int, dots_per_cell: int, fewest: int | None = None
) -> AlignedAxis | None:
    """The least widened range around [lo, hi] whose ticks fall ``k`` cells apart.

    ``cells`` is the axis's length in cells, ``dots_per_cell`` how many dots one cell holds
    along it (the range's ends map onto the centres of the outermost dots, as in the canvas).
    Ticks stand at least ``fewest`` cells apart (by default two, one on a short axis; an x axis
    asks for room for its labels), at least two are shown, and ticks many cells further apart
    count as a cost beside the widening.
    None when no round step fits (an axis of one cell, or a range floats cannot divide).
    """
    lo, hi = sane_range(lo, hi)
    span = hi - lo
    dots = cells * dots_per_cell - 1
    if cells < 2 or dots < 1 or not math.isfinite(span) or span <= 0:
        return None
    sparse_from = _SPARSE_FROM if fewest is None else max(fewest + 2, _SPARSE_FROM)
    if fewest is None:
        fewest = 2 if cells > 6 else 1
    centre = lo / 2 + hi / 2
    best: AlignedAxis | None = None
    best_score = math.inf
    try:
        for step in _round_steps(span / (cells + 1), span * 2):
            per_dot = step * dots / dots_per_cell  # span × cells per tick
            k = min(math.floor(per_dot / span + 1e-9), cells - 1)
            if k < fewest:
                continue
            wide = per_dot / k
            if wide < span * (1 - 1e-9):
                continue
            # An end at 0, or the one end on a tick, stays where it is: an error axis keeps its
            # 0 at the bottom. A range with both ends on ticks (−1 … 1) grows on both sides.
            low_end, high_end = _is_tick(lo, step), _is_tick(hi, step)
            if lo == 0 or (low_end and not high_end):
                new_lo, new_hi = lo, lo + wide
            elif hi == 0 or (high_end and not low_end):
                new_lo, new_hi = hi - wide, hi
            else:
                new_lo, new_hi = _on_dots(centre - wide / 2, centre + wide / 2, lo, hi, step, dots)
            ticks = _ticks(new_lo, new_hi, step)
            score = wide / span + _SPARSE_COST * max(0, k - sparse_from)
            if len(ticks) < 3 and cells > 6:
                score += _TWO_TICKS_COST
            if score > best_score + 1e-9:  # a tie goes to the larger step: fewer labels
                continue
            if len(ticks) >= 2 and abs(centre) < 1e12 * span:
                best, best_score = AlignedAxis(new_lo, new_hi, ticks, k), score
    except (ArithmeticError, ValueError):
        return None
    return best


def aligned_at_scale(
    lo: float, hi: float, cells: int, dots_per_cell: int, fewest: int
) -> AlignedAxis | None:
    """Ticks a whole ``k`` ≥ ``fewest`` cells apart on a range whose scale is fixed (the x axis
    of an equal-aspect plot, whose dots per unit are the y axis's): the smallest round step
    that is a whole number of cells long, and the range moved by under half a dot so that the
    ticks fall on dot centres. None when no round step is a whole number of cells long."""
    lo, hi = sane_range(lo, hi)
    span = hi - lo
    dots = cells * dots_per_cell - 1
    if cells < 2 or dots < 1 or not math.isfinite(span) or span <= 0:
        return None
    per_unit = dots / span
    try:
        for step in _round_steps(max(fewest, 1) * dots_per_cell / per_unit, span):
            length = step * per_unit / dots_per_cell
            k = round(length)
            if k < fewest or abs(length - k) > 1e-6 * max(1.0, length):
                continue
            first = math.ceil(lo / step - 1e-9) * step
            offset = (first - lo) * per_unit
            shift = (offset - round(offset)) / per_unit
            ticks = _ticks(lo + shift, hi + shift, step)
            if len(ticks) >= 2:
                return AlignedAxis(lo + shift, hi + shift, ticks, k)
    except (ArithmeticError, ValueError):
        return None
    return None
