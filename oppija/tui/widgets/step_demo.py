"""The step-through demos' widget: the shared demo controls, a step back, and to the end.

For demos whose ``step()`` walks through something (a trace record of backpropagation, a time
step, a training epoch): ``p`` goes one step back and End to the end of the walk, when the
simulation can do that (``back()``, ``to_end()``).
"""

from __future__ import annotations

from textual.binding import Binding

from oppija.i18n import N_
from oppija.tui.widgets.demo_panel import DemoPanel


class StepDemo(DemoPanel):
    """A demo stepped by the learner: n forward, p back, End to the end, space to run."""

    BINDINGS = [
        Binding("p", "back", N_("Step back")),
        Binding("end", "to_end", N_("To the end"), key_display="End"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys for what this demo cannot do are not offered (nor shown)."""
        if self.training:
            return super().check_action(action, parameters)
        if action == "back":
            return callable(getattr(self.simulation, "back", None))
        if action == "to_end":
            return callable(getattr(self.simulation, "to_end", None))
        return True

    def action_back(self) -> None:
        self._stop()
        self.simulation.back()
        self._changed()

    def action_to_end(self) -> None:
        self._stop()
        self.simulation.to_end()
        self._changed()
