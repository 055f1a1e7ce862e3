"""The activation functions: move x and read f(x) and f′(x), computed by the engine."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.activations import Activations
from oppija.tui.widgets.demo_panel import DemoPanel, TypedValue, paired

NUDGE = 0.25  # how far , and . move x


class ActivationsDemo(DemoPanel[Activations]):
    """σ, tanh and ReLU with their slopes; `,` and `.` move x, `c` the next function."""

    BINDINGS = [
        *paired(("comma", "full_stop"), "nudge", ("-1", "1"), N_("x left/right"), ", ."),
        Binding("c", "next_preset", N_("Next function")),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (TypedValue("x", "x", N_("x ="), N_("type x")),)

    READOUT_LINES = 0  # the scene writes x, f(x) and f′(x) under its curves (and σ's caption)

    def action_nudge(self, direction: int) -> None:
        self.simulation.nudge(direction * NUDGE)
        self._changed()

    def apply_typed(self, setting: str, text: str) -> bool:
        """A typed x moves the point; the function and the rest stay as they are."""
        return self._try(lambda: self.simulation.set_x(text))
