"""The one-parameter descent: the curve 𝓔(θ), the tangent with its slope, the step, the path."""

from __future__ import annotations

import math

import numpy as np

from oppija.plot import data_range
from oppija.scenes.marks import dot_size, fat_point, formula_title, symbol
from oppija.scenes.rows import Rows, fit
from oppija.scenes.view import View
from oppija.sims.gd1d import GradientDescent1D
from oppija.text.number_style import significant


def draw_gd1d(simulation: GradientDescent1D, view: View) -> Rows:
    """The seed's tangent picture (𝓔′(θ₀) ≈ 1,8), live: where θ is, which way it goes, how far."""
    width, height, styles = view.width, view.height, view.styles
    ascii_only = view.ascii_only
    x_lo, x_hi = simulation.view_range()
    xs = np.linspace(x_lo, x_hi, max(2 * width, 2) * 2)
    curve = simulation.curve(xs)
    y_range = data_range(curve, 0.08)
    chart = view.chart(
        (x_lo, x_hi),
        y_range,
        x_label=symbol("theta", ascii_only),
        title=formula_title("loss", simulation.params.function, {"x": "theta"}, ascii_only),
    )
    canvas = chart.canvas
    canvas.line(xs, curve, styles.curve)
    for earlier in simulation.earlier_paths:
        canvas.line(earlier[:, 0], earlier[:, 1], styles.muted)
        canvas.points(earlier[:, 0], earlier[:, 1], styles.muted)
    path = simulation.path_array()
    canvas.line(path[:, 0], path[:, 1], styles.path)
    canvas.points(path[:, 0], path[:, 1], styles.path)

    theta, loss = float(simulation.theta[0]), float(simulation.loss)
    slope = float(simulation.grad[0])
    if math.isfinite(theta) and math.isfinite(loss) and math.isfinite(slope):
        reach = 0.12 * (x_hi - x_lo)
        canvas.segment(
            theta - reach, loss - slope * reach, theta + reach, loss + slope * reach, styles.tangent
        )
        step = -simulation.lr * slope
        if abs(step) > 2 * dot_size(canvas)[0] and simulation.status == "running":
            canvas.arrow(theta, loss, theta + step, loss, styles.arrow)
        fat_point(canvas, theta, loss, styles.current)
        label = f"{symbol('slope', ascii_only)} = {significant(slope, 3)}"
        side = "left" if theta < (x_lo + x_hi) / 2 else "right"
        canvas.text(
            theta + (reach if side == "left" else -reach),
            loss + abs(slope) * reach,
            f" {label} ",
            styles.tangent,
            align=side,
        )
    return fit(chart.to_segments(), width, height)
