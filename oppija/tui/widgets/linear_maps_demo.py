"""Linear maps of the plane: a grid and a shape carried from the identity to the map."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding

from oppija.i18n import N_
from oppija.scenes.linear_maps import PANEL_FROM_WIDTH
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

    def readout(self) -> list[Text]:
        """The numbers under the picture only while the scene has no panel beside it: the
        panel lists the same map, matrix, t and p (twice, they took a row of a small window)."""
        if self.content_size.width >= PANEL_FROM_WIDTH:
            return []
        return super().readout()

    def on_resize(self) -> None:
        """Wider or narrower: the panel may have come or gone, and the readout with it."""
        self._update_texts()
