"""Geometry in dot coordinates, vectorised: clipping segments, turning them into dots, resampling.

Dot coordinates are floats whose rounding is a dot index: column ``u`` grows to the right, row
``v`` grows downwards. Everything here works on whole arrays at once and never raises on NaN or
infinities (such input is dropped), so that live data cannot break a frame.
"""

from __future__ import annotations

import numpy as np

from oppija.arrays import Array, IntArray

_EDGE = 0.49  # clip just inside the outer dots' half-width, so that rounding stays in range


def clip_segments(
    u0: Array, v0: Array, u1: Array, v1: Array, width: int, height: int
) -> tuple[Array, Array, Array, Array]:
    """The parts of segments inside the dot grid (Liang–Barsky, all segments at once).

    Segments with a non-finite end or entirely outside are dropped. Where a segment enters or
    leaves through a side, that coordinate is set to the side exactly: with ends as far out as
    1e300, ``u0 + t * du`` alone would lose every digit that matters here.
    """
    low_u, high_u = -_EDGE, width - 1 + _EDGE
    low_v, high_v = -_EDGE, height - 1 + _EDGE
    with np.errstate(all="ignore"):
        du, dv = u1 - u0, v1 - v0
        keep = np.isfinite(u0) & np.isfinite(v0) & np.isfinite(du) & np.isfinite(dv)
        u0, v0, du, dv = u0[keep], v0[keep], du[keep], dv[keep]
        t0 = np.zeros_like(u0)
        t1 = np.ones_like(u0)
        sides = (  # (p, q, which coordinate, its value on this side), as Liang and Barsky write it
            (-du, u0 - low_u, 0, low_u),
            (du, high_u - u0, 0, high_u),
            (-dv, v0 - low_v, 1, low_v),
            (dv, high_v - v0, 1, high_v),
        )
        ratios = []
        inside = np.ones(u0.shape, dtype=bool)
        for p, q, _coordinate, _value in sides:
            parallel = p == 0
            inside &= ~(parallel & (q < 0))
            ratio = np.where(parallel, np.nan, q / np.where(parallel, 1.0, p))
            ratios.append(ratio)
            t0 = np.where(p < 0, np.maximum(t0, ratio), t0)
            t1 = np.where(p > 0, np.minimum(t1, ratio), t1)
        inside &= t0 <= t1
        enter = [u0 + t0 * du, v0 + t0 * dv]
        leave = [u0 + t1 * du, v0 + t1 * dv]
        for (p, _q, coordinate, value), ratio in zip(sides, ratios, strict=True):
            enter[coordinate] = np.where(
                (p < 0) & (ratio == t0) & (t0 > 0), value, enter[coordinate]
            )
            leave[coordinate] = np.where(
                (p > 0) & (ratio == t1) & (t1 < 1), value, leave[coordinate]
            )
        result = []
        for coordinate, (low, high) in ((0, (low_u, high_u)), (1, (low_v, high_v))):
            result.append(np.clip(enter[coordinate][inside], low, high))
            result.append(np.clip(leave[coordinate][inside], low, high))
        start_u, end_u, start_v, end_v = result
        return start_u, start_v, end_u, end_v


def segment_dots(
    u0: Array, v0: Array, u1: Array, v1: Array, width: int, height: int
) -> tuple[IntArray, IntArray]:
    """(columns, rows) of the dots along separate segments, 8-connected, clipped to the grid."""
    u0, v0, u1, v1 = clip_segments(u0, v0, u1, v1, width, height)
    if u0.size == 0:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty
    du, dv = u1 - u0, v1 - v0
    # Steps of at most one dot along the longer axis keep the rounded dots connected.
    counts = np.ceil(np.maximum(np.abs(du), np.abs(dv))).astype(np.intp) + 1
    owner = np.repeat(np.arange(counts.size), counts)
    starts = np.cumsum(counts) - counts
    k = np.arange(owner.size) - starts[owner]
    steps = np.maximum(counts - 1, 1)
    cols = np.rint(u0[owner] + (du / steps)[owner] * k).astype(np.intp)
    rows = np.rint(v0[owner] + (dv / steps)[owner] * k).astype(np.intp)
    # Clipping kept every end within 0,49 of a dot, so this only guards against rounding.
    np.minimum(np.maximum(cols, 0, out=cols), width - 1, out=cols)
    np.minimum(np.maximum(rows, 0, out=rows), height - 1, out=rows)
    return cols, rows


def polyline_dots(u: Array, v: Array) -> tuple[IntArray, IntArray]:
    """(columns, rows) of the dots along a polyline whose points are all finite and on the grid.

    Each piece gets as many samples as it is long in dots (at least one), and ``np.interp``
    walks the whole polyline in one call; no clipping is needed, since the pieces stay within
    the convex grid.
    """
    if u.size < 2:
        return np.rint(u).astype(np.intp), np.rint(v).astype(np.intp)
    steps = np.maximum(np.ceil(np.maximum(np.abs(np.diff(u)), np.abs(np.diff(v)))), 1.0)
    at = np.empty(u.size)
    at[0] = 0.0
    np.cumsum(steps, out=at[1:])
    samples = np.arange(int(at[-1]) + 1, dtype=float)
    cols = np.rint(np.interp(samples, at, u)).astype(np.intp)
    rows = np.rint(np.interp(samples, at, v)).astype(np.intp)
    return cols, rows


def point_dots(u: Array, v: Array, width: int, height: int) -> tuple[IntArray, IntArray]:
    """(columns, rows) of the dots nearest to finite points inside the grid."""
    with np.errstate(all="ignore"):
        inside = (
            np.isfinite(u)
            & np.isfinite(v)
            & (u >= -0.5)
            & (u < width - 0.5)
            & (v >= -0.5)
            & (v < height - 0.5)
        )
        cols = np.rint(u[inside]).astype(np.intp)
        rows = np.rint(v[inside]).astype(np.intp)
    np.minimum(np.maximum(cols, 0, out=cols), width - 1, out=cols)
    np.minimum(np.maximum(rows, 0, out=rows), height - 1, out=rows)
    return cols, rows


def resample(values: Array, fx: Array, fy: Array) -> Array:
    """Bilinear samples of a 2-D grid at fractional indices: result[i, j] = values(fy[i], fx[j]).

    ``fx`` indexes columns, ``fy`` rows; both are clipped to the grid. Non-finite values spread to
    their neighbouring samples as NaN (which draws nothing).
    """
    ny, nx = values.shape
    fx = np.clip(fx, 0, nx - 1)
    fy = np.clip(fy, 0, ny - 1)
    x0 = np.minimum(fx.astype(np.intp), nx - 1)
    y0 = np.minimum(fy.astype(np.intp), ny - 1)
    x1 = np.minimum(x0 + 1, nx - 1)
    y1 = np.minimum(y0 + 1, ny - 1)
    wx = fx - x0
    wy = (fy - y0)[:, None]
    with np.errstate(all="ignore"):
        top = values[y0][:, x0] * (1 - wx) + values[y0][:, x1] * wx
        bottom = values[y1][:, x0] * (1 - wx) + values[y1][:, x1] * wx
        # Exact grid points keep their value even when a zero-weight neighbour is infinite.
        top = np.where(wx == 0, values[y0][:, x0], top)
        bottom = np.where(wx == 0, values[y1][:, x0], bottom)
        out = top * (1 - wy) + bottom * wy
        samples: Array = np.where(wy == 0, top, out)
        return samples
