"""Universal approximation: the target, each hidden unit's smoothed step, their sum; the error.

Left the curves over −3 … 3 (the target as dots, every unit's share cⱼ·σ(wⱼx + bⱼ) as a thin
line, the network's sum as the bold curve), right the error per step.
"""

from __future__ import annotations

import numpy as np

from oppija.expr.notation import written
from oppija.i18n import _, format_integer, ngettext
from oppija.plot import data_range
from oppija.plot.legend import LegendEntry, legend_rows, mark_entry
from oppija.scenes.marks import fat_points
from oppija.scenes.rows import Rows, fit, side_by_side
from oppija.scenes.view import View
from oppija.sims.approximation import TARGETS, X_RANGE, Approximation, target_formula

LOSS_CHART_FROM_WIDTH = 48  # narrower: the curves alone
LEGEND_FROM_HEIGHT = 10  # below this every row goes to the curves


def target_title(simulation: Approximation) -> str:
    """The target as the slide writes it: a typed x^2 as x², abs(x) as |x|, the step by name."""
    function = simulation.params.function
    if function is None and simulation.params.target in TARGETS:
        function = target_formula(TARGETS[simulation.params.target])
    return simulation.target_text() if function is None else written(function.tree)


def draw_approximation(simulation: Approximation, view: View) -> Rows:
    """The fit beside its error curve."""
    width, full_height, styles = view.width, view.height, view.styles
    spell = view.spell
    legend = 1 if full_height >= LEGEND_FROM_HEIGHT else 0
    height = full_height - legend
    with_loss = width >= LOSS_CHART_FROM_WIDTH
    fit_width = max(width * 3 // 5, 10) if with_loss else width
    loss_width = max(width - fit_width - 2, 8)

    units = simulation.params.units
    title = spell(
        f"{target_title(simulation)}: "
        + ngettext("{count} hidden unit", "{count} hidden units", units).format(
            count=format_integer(units)
        )
    )
    known = simulation.target[simulation.known]
    xs = np.linspace(*X_RANGE, max(2 * width, 32))
    total = simulation.contributions(xs)[1]
    y_range = data_range([*known.tolist(), *total[np.isfinite(total)].tolist()], 0.15)
    chart = view.sized(fit_width, height).chart(X_RANGE, y_range, x_label="x", title=title)
    canvas = chart.canvas
    # Each unit's smoothed step as dots, one per dot column: lighter than the solid sum, and
    # one vectorised call however many units there are.
    dot_xs = np.linspace(*X_RANGE, canvas.dot_width)
    shares = simulation.contributions(dot_xs)[0]
    series = [s for s in styles.series[2:] if s]
    coloured = bool(series) and len(shares) <= len(series)
    if coloured:
        for share, style in zip(shares, series, strict=False):
            canvas.points(dot_xs, share, style)
    else:
        canvas.points(np.broadcast_to(dot_xs, shares.shape), shares, styles.muted)
    below = (
        legend_rows(
            fit_legend(view, series[0] if coloured else styles.muted), width, 1, styles.label
        )
        or [[]]
        if legend
        else []
    )
    fat_points(canvas, simulation.xs[simulation.known], known, styles.point)
    canvas.line(xs, total, styles.curve)
    rows = chart.to_segments()
    if not with_loss:
        return fit([*fit(rows, width, height), *below], width, full_height)

    losses = np.asarray(simulation.losses, dtype=np.float64)
    finite = losses[np.isfinite(losses)]
    top = float(finite.max()) if finite.size else 1.0
    loss_chart = view.sized(loss_width, height).chart(
        (0.0, max(float(len(losses) - 1), 10.0)),
        (0.0, top * 1.05 if top > 0 else 1.0),
        x_label="k",
        title=spell(_("Error per step")),
    )
    loss_chart.canvas.line(np.arange(len(losses), dtype=np.float64), losses, styles.path)
    rows = side_by_side(rows, loss_chart.to_segments(), fit_width, loss_width)
    if len(rows) == height and fit_width + 2 + loss_width == width and not below:
        return rows  # side_by_side made every row exactly as wide: no second measuring
    return fit([*fit(rows, width, height), *below], width, full_height)


def fit_legend(view: View, share_style: str) -> list[LegendEntry]:
    """What the curves are: the target's points, the network's output (the sum), and each
    hidden unit's share cⱼ·σ(wⱼx + bⱼ)."""
    styles, spell = view.styles, view.spell
    dot, line, dots = ("o", "-", ".") if view.ascii_only else ("●", "─", "⠒")
    return [
        mark_entry(dot, styles.point, _("target function")),
        mark_entry(line, styles.curve, _("network: the sum")),
        mark_entry(dots, share_style, spell(_("a unit's share cⱼ·σ(wⱼx + bⱼ)"))),
    ]
