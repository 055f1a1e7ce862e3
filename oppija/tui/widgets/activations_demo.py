"""The activation functions: move x and read f(x) and f′(x), computed by the engine."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.activations import Activations
from oppija.sims.params import DemoSettingError
from oppija.tui.widgets.demo_panel import DemoPanel, TypedValue

NUDGE = 0.25  # how far , and . move x


class ActivationsDemo(DemoPanel[Activations]):
    """σ, tanh and ReLU with their slopes; `,` and `.` move x, `c` the next function."""

    BINDINGS = [
        Binding("comma", "nudge(-1)", N_("x left/right"), key_display=", ."),
        Binding("full_stop", "nudge(1)", N_("x right"), show=False),
        Binding("c", "next_preset", N_("Next function")),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (TypedValue("x", "x", N_("x ="), N_("type x")),)

    def action_nudge(self, direction: int) -> None:
        self.simulation.nudge(direction * NUDGE)
        self._changed()

    def apply_typed(self, setting: str, text: str) -> bool:
        """A typed x moves the point; the function and the rest stay as they are."""
        try:
            self.simulation.set_x(text)
        except (DemoSettingError, ValueError) as error:
            self._show_error(str(error))
            return False
        self._changed()
        return True
