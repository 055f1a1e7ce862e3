"""The softmax demo: type logits or T, nudge a logit, warm or cool T — every change redraws."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_, format_decimal
from oppija.sims.params import DemoSettingError
from oppija.sims.softmax import Softmax
from oppija.tui.widgets.demo_panel import DemoPanel, TypedValue


class SoftmaxDemo(DemoPanel[Softmax]):
    """s logits, a temperature (typed); + and − T; , . choose a logit, u d move it; k target."""

    BINDINGS = [
        Binding("plus", "warmer(1)", N_("T up/down"), key_display="+/-"),
        Binding("minus", "warmer(-1)", N_("T down"), show=False),
        Binding("comma", "choose(-1)", N_("Choose a logit"), key_display=", ."),
        Binding("full_stop", "choose(1)", N_("Next logit"), show=False),
        Binding("u", "nudge(1)", N_("Logit up/down"), key_display="u d"),
        Binding("d", "nudge(-1)", N_("Logit down"), show=False),
        Binding("k", "next_target", N_("Next right class")),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("s", "logits", N_("logits z (numbers separated by spaces)"), N_("logits")),
        TypedValue("a", "temperature", N_("temperature T"), N_("temperature")),
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

    def action_next_target(self) -> None:
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
        try:
            if setting == "logits":
                self.simulation.set_logits(text)
            else:
                self.simulation.set_temperature(text)
        except (DemoSettingError, ValueError) as error:
            self._show_error(str(error))
            return False
        self._changed()
        return True
