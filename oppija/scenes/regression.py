"""Linear and logistic regression learning: the data with the current fit, the error per step."""

from __future__ import annotations

import numpy as np

from oppija.i18n import _
from oppija.plot import Chart, Mode, PlotStyles, data_range
from oppija.scenes.marks import fat_points, symbol
from oppija.scenes.rows import Rows, fit, side_by_side, text_row
from oppija.sims.linreg import LinearRegressionDescent
from oppija.sims.logreg import LogisticRegressionDescent

Regression = LinearRegressionDescent | LogisticRegressionDescent


def draw_regression(
    simulation: Regression, width: int, height: int, mode: Mode, styles: PlotStyles
) -> Rows:
    """Left the points and the model redrawn every step, right how the error falls."""
    ascii_only = mode == "ascii"
    logistic = isinstance(simulation, LogisticRegressionDescent)
    rule_rows = 1 if logistic else 0
    plot_height = max(height - rule_rows, 4)
    data_width = max(width * 3 // 5, 10)
    loss_width = max(width - data_width - 2, 8)

    (x_lo, x_hi), y_range = simulation.view_range()
    if logistic:
        title = "σ(θ₀ + θ₁x)" if not ascii_only else "sigma(theta0 + theta1 x)"
    else:
        title = "y = θ₀ + θ₁x" if not ascii_only else "y = theta0 + theta1 x"
    data = Chart(
        data_width,
        plot_height,
        (x_lo, x_hi),
        y_range,
        mode=mode,
        styles=styles,
        x_label=symbol("x", ascii_only),
        title=title,
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
    loss = Chart(
        loss_width,
        plot_height,
        (0.0, max(float(len(losses) - 1), 10.0)),
        (0.0, data_range(losses, 0.05)[1]),
        mode=mode,
        styles=styles,
        x_label=symbol("step", ascii_only),
        title=_("Error per step"),
    )
    loss.canvas.line(steps, losses, styles.path)
    rows = side_by_side(data.to_segments(), loss.to_segments(), data_width, loss_width)
    if isinstance(simulation, LogisticRegressionDescent):
        rule = simulation.update_rule
        rows.append(text_row(rule if not ascii_only else rule_ascii(rule), width, styles.label))
    return fit(rows, width, height)


def rule_ascii(rule: str) -> str:
    """The update rule spelled in ASCII for terminals without the symbols."""
    table = str.maketrans(
        {
            "θ": "t",
            "α": "a",
            "σ": "s",
            "Σ": "sum",
            "−": "-",
            "←": "<-",
            "·": "*",
            "ⱼ": "_j",
            "ᵢ": "_i",
            "ᵀ": "'",
            "⁽": "(",
            "⁾": ")",
            "ⁱ": "i",
        }
    )
    from oppija.plot import ascii_safe

    return ascii_safe(rule.translate(table))
