"""Axis ranges that are always usable: finite, increasing and not empty.

Plots are fed by live simulations that may produce NaN, infinities or a constant; a range built
from such data is widened instead of raising, so a picture is always drawn.
"""

from __future__ import annotations

import math

import numpy as np

_LIMIT = 1e300  # beyond this, hi - lo can overflow; nothing meaningful is drawn there anyway
_TINY = 1e-200  # a narrower span would make the scale (dots per unit) overflow


def sane_range(lo: float, hi: float) -> tuple[float, float]:
    """(lo, hi) made finite and increasing; a single value gets room around it."""
    try:
        lo, hi = float(lo), float(hi)
    except (TypeError, ValueError):
        return 0.0, 1.0
    lo_ok, hi_ok = math.isfinite(lo), math.isfinite(hi)
    if not lo_ok and not hi_ok:
        return 0.0, 1.0
    if not lo_ok:
        lo = hi
    elif not hi_ok:
        hi = lo
    lo, hi = max(min(lo, hi), -_LIMIT), min(max(lo, hi), _LIMIT)
    if hi - lo <= 1e-12 * max(abs(lo), abs(hi)) or hi - lo < _TINY:
        middle = (lo + hi) / 2
        pad = abs(middle) * 0.1 if abs(middle) > _TINY else 1.0
        lo, hi = middle - pad, middle + pad
    return lo, hi


def data_range(values: object, pad_fraction: float = 0.0) -> tuple[float, float]:
    """The range of the finite values (with ``pad_fraction`` of the span added on both sides)."""
    try:
        array = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError, OverflowError):
        return 0.0, 1.0
    finite = array[np.isfinite(array)]
    if finite.size == 0:
        return 0.0, 1.0
    lo, hi = sane_range(float(finite.min()), float(finite.max()))
    pad = (hi - lo) * pad_fraction
    return sane_range(lo - pad, hi + pad)
