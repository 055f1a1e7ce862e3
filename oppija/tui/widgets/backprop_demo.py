"""The backpropagation demo: the lecture's network stepped node by node, every product shown."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_, format_decimal
from oppija.sims.backprop import Backpropagation
from oppija.tui.widgets.demo_panel import TypedValue
from oppija.tui.widgets.step_demo import StepDemo


class BackpropDemo(StepDemo[Backpropagation]):
    """n forward through the forward pass, the trace records and the update; p back; e to the
    end; N a whole update more; P to compute the next number yourself, E for a fresh network."""

    BINDINGS = [
        Binding("N", "next_round", N_("Next update")),
        Binding("h", "hidden", N_("2 or 3 hidden units")),
        Binding("c", "next_preset", N_("Next activation function")),
        Binding("k", "check", N_("Check panel (in a narrow window)")),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("x", "inputs", N_("inputs x₁; x₂"), N_("inputs")),
        TypedValue("y", "target", N_("the right answer y⁽ʳᵉᶠ⁾"), N_("target")),
        TypedValue("w", "V", N_("weights V (a row per input)"), N_("V")),
        TypedValue("u", "U", N_("weights U (one per hidden unit)"), N_("U")),
    )

    READOUT_LINES = 1  # where the walk is: the scene itself writes out the step's numbers

    check = False  # the check panel instead of the network, where both do not fit

    def scene_options(self) -> dict[str, object]:
        return {"check": self.check}

    def action_check(self) -> None:
        self.check = not self.check
        self._changed()

    def action_hidden(self) -> None:
        self._apply({"hidden": 5 - int(self.simulation.params.hidden)})  # 2 <-> 3

    def action_next_round(self) -> None:
        """Another update from the new weights: the error falls again."""
        self._move(self.simulation.next_round)

    def current_text(self, setting: str) -> str:
        if setting in ("V", "U"):
            matrix = self.simulation.starting_weights(setting)
            return "; ".join(" ".join(format_decimal(v, 3) for v in row) for row in matrix)
        return super().current_text(setting)

    def apply_typed(self, setting: str, text: str) -> bool:
        if setting in ("V", "U"):
            return self._try(lambda: self.simulation.with_weights(setting, text))
        return super().apply_typed(setting, text)
