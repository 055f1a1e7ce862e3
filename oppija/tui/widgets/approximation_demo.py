"""Universal approximation: N sigmoid units trained to follow a target, each unit drawn."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.approximation import Approximation
from oppija.tui.widgets.demo_panel import DemoPanel, TypedValue, paired


class ApproximationDemo(DemoPanel[Approximation]):
    """Space trains; + and - change the number of units; `c` the next target; `f` a formula."""

    BINDINGS = [
        *paired(("plus", "minus"), "units", ("1", "-1"), N_("units more/fewer"), "+/-"),
        Binding("c", "next_preset", N_("Next target")),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("f", "function", N_("target f(x) ="), N_("function")),
        TypedValue("a", "lr", N_("α (learning rate)"), N_("type α")),
    )

    def action_units(self, direction: int) -> None:
        units = int(self.simulation.params.units) + direction
        if 1 <= units <= 20:
            self._apply({"units": units})
