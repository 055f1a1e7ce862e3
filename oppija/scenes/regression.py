"""Linear and logistic regression learning: the data with the current fit, the error per step."""

from __future__ import annotations

import numpy as np

from oppija.i18n import _
from oppija.plot import data_range
from oppija.plot.legend import LegendEntry, legend_rows, mark_entry
from oppija.scenes.marks import fat_points, symbol
from oppija.scenes.rows import Rows, fit, side_by_side, text_row
from oppija.scenes.view import View
from oppija.sims.linreg import LinearRegressionDescent
from oppija.sims.logreg import LogisticRegressionDescent

Regression = LinearRegressionDescent | LogisticRegressionDescent
LEGEND_FROM_HEIGHT = 8  # plots of fewer rows than this get every row


def draw_regression(simulation: Regression, view: View) -> Rows:
    """Left the points and the model redrawn every step, right how the error falls."""
    width, height, styles = view.width, view.height, view.styles
    ascii_only = view.ascii_only
    logistic = isinstance(simulation, LogisticRegressionDescent)
    rule_rows = 1 if logistic else 0
    legend = 1 if height - rule_rows >= LEGEND_FROM_HEIGHT else 0
    plot_height = max(height - rule_rows - legend, 4)
    data_width = max(width * 3 // 5, 10)
    loss_width = max(width - data_width - 2, 8)

    (x_lo, x_hi), y_range = simulation.view_range()
    title = view.spell("σ(θ₀ + θ₁x)" if logistic else "y = θ₀ + θ₁x")
    data = view.sized(data_width, plot_height).chart(
        (x_lo, x_hi), y_range, x_label=symbol("x", ascii_only), title=title
    )
    xs = np.linspace(x_lo, x_hi, data.canvas.dot_width)
    data.canvas.line(xs, simulation.prediction(xs), styles.curve)
    if logistic:
        for label in (0, 1):
            chosen = simulation.ys == label
            fat_points(
                data.canvas, simulation.xs[chosen], simulation.ys[chosen], styles.series[1 + label]
            )
    else:
        fat_points(data.canvas, simulation.xs, simulation.ys, styles.point)

    losses = simulation.history.losses
    steps = np.arange(len(losses), dtype=np.float64)
    loss = view.sized(loss_width, plot_height).chart(
        (0.0, max(float(len(losses) - 1), 10.0)),
        (0.0, data_range(losses, 0.05)[1]),
        x_label=symbol("step", ascii_only),
        title=_("Error per step"),
    )
    loss.canvas.line(steps, losses, styles.path)
    rows = side_by_side(data.to_segments(), loss.to_segments(), data_width, loss_width)
    if legend:
        entries = regression_legend(view, title, logistic)
        rows += legend_rows(entries, width, 1, styles.label) or [[]]
    if isinstance(simulation, LogisticRegressionDescent):
        rule = simulation.update_rule
        rows.append(text_row(view.spell(rule), width, styles.label))
    return fit(rows, width, height)


def regression_legend(view: View, model: str, logistic: bool) -> list[LegendEntry]:
    """What each colour means: the points (of each class), the model's curve and, in the plot
    beside them, the error's line."""
    styles, spell = view.styles, view.spell
    dot, line = ("o", "-") if view.ascii_only else ("●", "⠒")
    if logistic:
        points = [
            mark_entry(dot, styles.series[1], _("class 0")),
            mark_entry(dot, styles.series[2], _("class 1")),
        ]
    else:
        points = [mark_entry(dot, styles.point, _("data points"))]
    return [
        *points,
        mark_entry(line, styles.curve, model),
        mark_entry(line, styles.path, spell(_("error 𝓔"))),
    ]
