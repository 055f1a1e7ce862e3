"""The descent demos' widget: the shared demo controls, α up and down, and the table of steps.

A subclass names which values can be typed (α, the start, the function, β …).
"""

from __future__ import annotations

import math
from typing import ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding

from oppija.i18n import N_, current_language, format_integer
from oppija.scenes.words.descent import format_number, format_vector
from oppija.sims.base import Simulation
from oppija.text.number_style import ladder_step, significant
from oppija.tui.widgets.demo_panel import DemoPanel, TypedValue, paired
from oppija.tui.widgets.step_numbers import StepNumbers

S = TypeVar("S", bound=Simulation)


class DescentDemo(DemoPanel[S]):
    """A live descent: + and - change α as it runs, # shows every step's numbers."""

    DEFAULT_CSS = """
    DescentDemo #demo-numbers { display: none; }
    DescentDemo.-numbers #demo-numbers { display: block; }
    DescentDemo.-numbers DemoPicture { display: none; }
    """

    BINDINGS = [
        *paired(("plus", "minus"), "lr", ("1", "-1"), N_("α up/down"), "+/-"),
        Binding("number_sign", "numbers", N_("Numbers"), key_display="#"),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("a", "lr", N_("α (learning rate)"), N_("type α")),
    )

    def compose_extra(self) -> ComposeResult:
        yield StepNumbers(id="demo-numbers")

    def readout(self) -> list[Text]:
        """k, θ, 𝓔(θ), ∇𝓔(θ), the last step and α, a grid cell each, in the one number style."""
        sim = self.simulation
        last = sim.last_step_length
        parts = [
            ("k", format_integer(sim.step_count)),
            ("θ", format_vector(sim.theta)),
            ("𝓔(θ)", format_number(sim.loss)),
            ("∇𝓔", format_vector(sim.grad)),
            ("|Δθ|", "–" if math.isnan(last) else format_number(last)),
            ("α", significant(sim.lr, trailing_zeros=False)),
        ]
        return [Text.assemble((f"{name} = ", "bold"), value) for name, value in parts]

    def _update_texts(self) -> None:
        super()._update_texts()
        if self.has_class("-numbers"):
            self._update_numbers()

    def _update_numbers(self) -> None:
        """The steps not yet listed are added (the table starts anew for a new run and in
        another language, whose numbers are written differently)."""
        simulation = self.simulation
        self.query_one(StepNumbers).follow(
            (self._generation, current_language()),
            len(simulation.history.rows),
            simulation.numbers_rows,
        )

    def action_lr(self, direction: int) -> None:
        """α one rung up or down the 1–2–5 ladder (0,01 → 0,02 → 0,05 → 0,1): round numbers
        a learner can compare, never 0,3815."""
        self._apply({"lr": ladder_step(self.simulation.lr, direction)}, keep_going=True)

    def action_numbers(self) -> None:
        self.toggle_class("-numbers")
        self._update_texts()
