"""Linear maps of the plane: a grid and a shape carried from the identity to the map."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.linear_maps import LinearMaps
from oppija.tui.widgets.demo_panel import TypedValue
from oppija.tui.widgets.step_demo import StepDemo


class LinearMapsDemo(StepDemo[LinearMaps]):
    """n, p and End move the animation; `c` the next map; a typed matrix or angle."""

    BINDINGS = [Binding("c", "next_preset", N_("Next map"))]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("w", "matrix", N_("matrix a b; c d"), N_("matrix")),
        TypedValue("o", "angle", N_("angle in degrees"), N_("angle")),
    )
