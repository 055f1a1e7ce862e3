"""Small marks every scene uses: a fat point for "you are here", the descent's symbols."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from oppija.arrays import Array
from oppija.expr import Formula
from oppija.expr.notation import written
from oppija.plot import Canvas
from oppija.text import ascii_spelling


def fat_point(canvas: Canvas, x: float, y: float, style: str) -> None:
    """A 3×3-dot blob at (x, y): one dot is too small to find at a glance."""
    if math.isfinite(x) and math.isfinite(y):
        fat_points(canvas, np.array([x]), np.array([y]), style)


def fat_points(canvas: Canvas, xs: Array, ys: Array, style: str) -> None:
    """Data points as 3×3-dot blobs (2×2 in the coarser modes), all in one call."""
    dx, dy = dot_size(canvas)
    reach = np.array([-1.0, 0.0, 1.0]) if canvas.mode == "braille" else np.array([0.0, 1.0])
    offset_x, offset_y = (grid.ravel() for grid in np.meshgrid(reach * dx, reach * dy))
    xs = np.asarray(xs, dtype=np.float64).reshape(-1, 1) + offset_x
    ys = np.asarray(ys, dtype=np.float64).reshape(-1, 1) + offset_y
    canvas.points(xs.ravel(), ys.ravel(), style)


def dot_size(canvas: Canvas) -> tuple[float, float]:
    """How much data one dot covers across and up."""
    x0, x1 = canvas.x_range
    y0, y1 = canvas.y_range
    return (x1 - x0) / max(canvas.dot_width - 1, 1), (y1 - y0) / max(canvas.dot_height - 1, 1)


SYMBOLS = {
    "theta": "θ",
    "loss": "𝓔(θ)",
    "slope": "𝓔′",
    "x": "x",
    "y": "y",
    "step": "k",
    "error": "𝓔",
    "theta0": "θ₀",
    "theta1": "θ₁",
    "theta2": "θ₂",
}


def symbol(name: str, ascii_only: bool) -> str:
    """A maths symbol, or its ASCII spelling for terminals without the glyphs."""
    return ascii_spelling(SYMBOLS[name]) if ascii_only else SYMBOLS[name]


def formula_title(
    quantity: str, formula: Formula, names: Mapping[str, str], ascii_only: bool
) -> str:
    """A plot's title as the slide writes it: 𝓔 = θ₁² + θ₂², its variables named as the axes
    are (``names``: the formula's x and y -> symbol names such as "theta1")."""
    text = (
        f"{SYMBOLS[quantity]} = {written(formula.tree, {k: SYMBOLS[v] for k, v in names.items()})}"
    )
    return ascii_spelling(text) if ascii_only else text
