"""An activation function and its derivative: both curves, x marked, the numbers beside them.

For the sigmoid a caption says why σ′ ≤ 0,25 matters (the vanishing gradient of deep networks).
"""

from __future__ import annotations

import math
import textwrap

import numpy as np

from oppija.arrays import Array
from oppija.i18n import format_decimal
from oppija.plot import data_range
from oppija.scenes.marks import fat_point
from oppija.scenes.rows import Rows, fit, text_row
from oppija.scenes.view import View
from oppija.scenes.words.activations import function_symbol, vanishing_caption
from oppija.sims.activations import Activations
from oppija.text.number_style import significant

CAPTION_FROM_HEIGHT = 12  # below this the chart needs every row
MIN_CHART_ROWS_WITH_CAPTION = 8


def draw_activations(simulation: Activations, view: View) -> Rows:
    """f and f′ over the view with x marked; the numbers in one line; for σ the caption."""
    width, height, styles = view.width, view.height, view.styles
    spell = view.spell
    f = function_symbol(simulation.params.function)
    name_f, name_d = spell(f"{f}(x)"), spell(f"{f}′(x)")

    numbers = spell(
        f"x = {format_decimal(simulation.x, 2)}   {f}(x) = {significant(simulation.value)}"
        f"   {f}′(x) = {significant(simulation.derivative)}"
    )
    caption: list[str] = []
    if simulation.params.function == "sigmoid" and height >= CAPTION_FROM_HEIGHT:
        caption = textwrap.wrap(spell(vanishing_caption()), max(width, 10))
        caption = caption[: height - 1 - MIN_CHART_ROWS_WITH_CAPTION]
    chart_height = max(height - 1 - len(caption), 1)

    lo, hi = simulation.view_range()
    xs, values, derivatives = simulation.curves(max(4 * width, 64))
    y_lo, y_hi = data_range([*values.tolist(), *derivatives.tolist(), 0.0], 0.08)
    chart = view.sized(width, chart_height).chart(
        (lo, hi), (y_lo, y_hi), x_label="x", title=f"{name_f}, {name_d}"
    )
    canvas = chart.canvas
    canvas.segment(lo, 0.0, hi, 0.0, styles.grid)
    x, value, derivative = simulation.x, simulation.value, simulation.derivative
    if math.isfinite(x):  # from the axis to the higher of the two points
        canvas.segment(x, min(0.0, value, derivative), x, max(value, derivative), styles.muted)
    canvas.line(xs, broken_at_jumps(derivatives, 0.5 * float(np.ptp(derivatives))), styles.tangent)
    canvas.line(xs, values, styles.curve)
    fat_point(canvas, x, derivative, styles.tangent)
    fat_point(canvas, x, value, styles.current)

    # Each curve's name where it ends on the right, so the two are told apart without colour.
    reach = 0.02 * (hi - lo)
    ends = (float(values[-1]), float(derivatives[-1]))
    apart = abs(ends[0] - ends[1]) > 0.1 * (y_hi - y_lo)
    canvas.text(hi - reach, ends[0], name_f, styles.curve, align="right")
    if apart:
        canvas.text(hi - reach, ends[1], name_d, styles.tangent, align="right")
    else:  # they end together (ReLU beyond 1): name the derivative on the left instead
        canvas.text(lo + reach, float(derivatives[0]), name_d, styles.tangent, align="left")

    rows = chart.to_segments()
    rows.append(text_row(numbers, width, styles.label))
    rows.extend(text_row(line, width, styles.muted) for line in caption)
    return fit(rows, width, height)


def broken_at_jumps(values: Array, jump: float) -> Array:
    """``values`` with a gap (NaN) after every jump larger than ``jump``: ReLU′ steps from 0 to
    1 at zero, and a line drawn across the step would show a slope that is not there."""
    out = values.astype(np.float64, copy=True)
    with np.errstate(invalid="ignore"):
        jumps = np.flatnonzero(np.abs(np.diff(out)) > jump)
    out[jumps + 1] = np.nan
    return out
