"""Linear and logistic regression learning by gradient descent, the error falling beside."""

from __future__ import annotations

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.linreg import LinearRegressionDescent
from oppija.sims.logreg import LogisticRegressionDescent
from oppija.tui.widgets.descent_demo import DescentDemo


class LinearRegressionDemo(DescentDemo[LinearRegressionDescent]):
    """y = θ₀ + θ₁x fitted to seeded points by descent on the mean squared error."""


class LogisticRegressionDemo(DescentDemo[LogisticRegressionDescent]):
    """σ(θ₀ + θ₁x) fitted by cross-entropy or mean squared error; `c` switches the error."""

    BINDINGS = [Binding("c", "next_preset", N_("Other error function"))]

    def action_next_preset(self) -> None:
        """Cross-entropy ↔ mean squared error: this demo's `c`, its one choice."""
        current = self.simulation.params.loss
        self._apply({"loss": "mse" if current == "cross-entropy" else "cross-entropy"})
