"""Linear and logistic regression learning: the data with the current fit, the error per step."""

from __future__ import annotations

import numpy as np

from oppija.i18n import _
from oppija.plot import data_range
from oppija.scenes.marks import fat_points, symbol
from oppija.scenes.rows import Rows, fit, side_by_side, text_row
from oppija.scenes.view import View
from oppija.sims.linreg import LinearRegressionDescent
from oppija.sims.logreg import LogisticRegressionDescent

Regression = LinearRegressionDescent | LogisticRegressionDescent


def draw_regression(simulation: Regression, view: View) -> Rows:
    """Left the points and the model redrawn every step, right how the error falls."""
    width, height, styles = view.width, view.height, view.styles
    ascii_only = view.ascii_only
    logistic = isinstance(simulation, LogisticRegressionDescent)
    rule_rows = 1 if logistic else 0
    plot_height = max(height - rule_rows, 4)
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
    if isinstance(simulation, LogisticRegressionDescent):
        rule = simulation.update_rule
        rows.append(text_row(view.spell(rule), width, styles.label))
    return fit(rows, width, height)
