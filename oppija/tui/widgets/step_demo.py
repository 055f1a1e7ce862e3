"""The step-through demos' widget: the shared demo controls, a step back, and to the end.

For demos whose ``step()`` walks through something computed whole (a trace record of
backpropagation, a time step, a feature map's position): their simulations are
:class:`~oppija.sims.demo.ReplayedDemo`, so ``p`` goes one step back and ``e`` to the end
(End stays the lecture's: the last slide).
"""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.demo import ReplayedDemo
from oppija.tui.widgets.demo_panel import DemoPanel

R = TypeVar("R", bound=ReplayedDemo)


class StepDemo(DemoPanel[R]):
    """A demo stepped by the learner: n forward, p back, e to the end, Enter to run."""

    BINDINGS = [
        Binding("p", "step_back", N_("Step back")),
        Binding("e", "to_end", N_("To the end")),
    ]

    def action_step_back(self) -> None:
        self._move(self.simulation.back)

    def action_to_end(self) -> None:
        self._move(self.simulation.to_end)
