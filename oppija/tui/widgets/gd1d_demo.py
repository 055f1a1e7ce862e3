"""The one-parameter descent demo: type α, a start or a whole function and watch it descend."""

from __future__ import annotations

from typing import ClassVar

from oppija.i18n import N_
from oppija.sims.gd1d import GradientDescent1D
from oppija.tui.widgets.demo_panel import TypedValue
from oppija.tui.widgets.descent_demo import DescentDemo


class GradientDescent1DDemo(DescentDemo[GradientDescent1D]):
    """𝓔(θ) with its tangent; a new start keeps the earlier paths (two valleys, two descents)."""

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("a", "lr", N_("α (learning rate)"), N_("type α")),
        TypedValue("s", "start", N_("start θ⁽⁰⁾"), N_("start")),
        TypedValue("f", "function", N_("𝓔(x) ="), N_("function")),
    )

    def apply_typed(self, setting: str, text: str) -> bool:
        if setting == "start":
            return self._try(lambda: self.restarted(text))
        return super().apply_typed(setting, text)

    def restarted(self, start: str) -> GradientDescent1D:
        """The same run from a typed start (the earlier paths stay drawn), paused like a new one."""
        self.simulation.restart(start)
        return self.simulation
