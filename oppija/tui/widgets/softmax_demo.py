"""The softmax demo: type logits or T, nudge a logit, warm or cool T — every change redraws."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_, format_decimal
from oppija.sims.softmax import Softmax
from oppija.tui.widgets.demo_panel import DemoPanel, TypedValue, paired


class SoftmaxDemo(DemoPanel[Softmax]):
    """i logits, T temperature (typed); + and − T; , . choose a logit, > < move it; c target."""

    BINDINGS = [
        *paired(("plus", "minus"), "warmer", ("1", "-1"), N_("T up/down"), "+/-"),
        *paired(("comma", "full_stop"), "choose", ("-1", "1"), N_("Choose a logit"), ", ."),
        *paired(
            ("greater_than_sign", "less_than_sign"),
            "nudge",
            ("1", "-1"),
            N_("Logit up/down"),
            "> <",
        ),
        Binding("c", "next_preset", N_("Next right class")),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("i", "logits", N_("logits z (numbers separated by spaces)"), N_("logits")),
        TypedValue("T", "temperature", N_("temperature T"), N_("temperature")),
    )

    def action_warmer(self, direction: int) -> None:
        self.simulation.warmer(direction)
        self._changed()

    def action_choose(self, direction: int) -> None:
        self.simulation.choose_logit(direction)
        self._changed()

    def action_nudge(self, direction: int) -> None:
        self.simulation.nudge(direction)
        self._changed()

    def action_next_preset(self) -> None:
        """The next class as the right one: this demo's `c`."""
        self.simulation.next_target()
        self._changed()

    def current_text(self, setting: str) -> str:
        """The field starts with what is shown now (the logits after any steps)."""
        if setting == "logits":
            return " ".join(format_decimal(float(v), 4) for v in self.simulation.logits)
        if setting == "temperature":
            return format_decimal(self.simulation.temperature, 4)
        return super().current_text(setting)

    def apply_typed(self, setting: str, text: str) -> bool:
        """Typed logits start anew from them; a typed T keeps the logits where they are."""
        if setting == "logits":
            return self._try(lambda: self.simulation.set_logits(text))
        return self._try(lambda: self.simulation.set_temperature(text))
