"""Linear and logistic regression learning by gradient descent, the error falling beside."""

from __future__ import annotations

from textual.binding import Binding

from oppija.i18n import N_
from oppija.tui.widgets.descent_demo import DescentDemo


class LinearRegressionDemo(DescentDemo):
    """y = θ₀ + θ₁x fitted to seeded points by descent on the mean squared error."""


class LogisticRegressionDemo(DescentDemo):
    """σ(θ₀ + θ₁x) fitted by cross-entropy or mean squared error; `e` switches the error."""

    BINDINGS = [Binding("e", "switch_loss", N_("Other error function"))]

    def action_switch_loss(self) -> None:
        current = getattr(self.simulation.params, "loss", "cross-entropy")
        self._apply({"loss": "mse" if current == "cross-entropy" else "cross-entropy"})
