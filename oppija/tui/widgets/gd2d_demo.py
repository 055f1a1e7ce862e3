"""The two-parameter descent demo: contours or a heat map, momentum β as one more control."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.gd2d import GradientDescent2D
from oppija.tui.widgets.demo_panel import TypedValue
from oppija.tui.widgets.descent_demo import DescentDemo


class GradientDescent2DDemo(DescentDemo[GradientDescent2D]):
    """A map of 𝓔(θ₀, θ₁) with the path; β > 0 is the heavy ball of momentum."""

    BINDINGS = [Binding("k", "heat", N_("Heat map"))]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("a", "lr", N_("α (learning rate)"), N_("type α")),
        TypedValue("s", "start", N_("start (θ₁; θ₂)"), N_("start")),
        TypedValue("b", "momentum", N_("momentum β"), N_("β")),
        TypedValue("f", "function", N_("𝓔(x, y) ="), N_("function")),
    )

    heat = False

    def scene_options(self) -> dict[str, object]:
        return {"heat": self.heat}

    def action_heat(self) -> None:
        self.heat = not self.heat
        self._changed()
