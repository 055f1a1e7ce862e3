"""The one-parameter descent: the curve 𝓔(θ), the tangent with its slope, the step, the path."""

from __future__ import annotations

import math

import numpy as np

from oppija.i18n import _
from oppija.plot import data_range
from oppija.plot.legend import LegendEntry, legend_rows, mark_entry
from oppija.scenes.descent_marks import descent_marks
from oppija.scenes.marks import dot_size, fat_point, formula_title, symbol
from oppija.scenes.preset_name import preset_name
from oppija.scenes.rows import Rows, fit
from oppija.scenes.view import View
from oppija.sims.gd1d import GradientDescent1D
from oppija.text.number_style import significant

LEGEND_FROM_HEIGHT = 10  # below this every row goes to the curve


def draw_gd1d(simulation: GradientDescent1D, view: View) -> Rows:
    """The seed's tangent picture (𝓔′(θ₀) ≈ 1,8), live: where θ is, which way it goes, how far."""
    width, full_height, styles = view.width, view.height, view.styles
    ascii_only = view.ascii_only
    legend = 1 if full_height >= LEGEND_FROM_HEIGHT else 0
    height = full_height - legend
    x_lo, x_hi = simulation.view_range()
    xs = np.linspace(x_lo, x_hi, max(2 * width, 2) * 2)
    curve = simulation.curve(xs)
    y_range = data_range(curve, 0.08)
    formula = formula_title("loss", simulation.params.function, {"x": "theta"}, ascii_only)
    name = preset_name(simulation, ("function", "lr"))
    chart = view.sized(width, height).chart(
        (x_lo, x_hi),
        y_range,
        x_label=symbol("theta", ascii_only),
        title=view.spell(f"{name}: {formula}") if name else formula,
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
    picture = fit(chart.to_segments(), width, height)
    if legend:
        picture += legend_rows(
            step_legend(view, bool(simulation.earlier_paths)), width, 1, styles.label
        ) or [[]]
    return fit(picture, width, full_height)


def step_legend(view: View, earlier: bool) -> list[LegendEntry]:
    """What each colour means: θ now, the path so far, the step about to be taken, the tangent
    (its slope is written beside it) and earlier runs."""
    styles, spell = view.styles, view.spell
    entries = [
        *descent_marks(view, _("the next step −α·𝓔′")),
        mark_entry("-" if view.ascii_only else "─", styles.tangent, _("tangent")),
    ]
    if earlier:
        entries.append(mark_entry(spell("•"), styles.muted, _("earlier runs")))
    return entries
