"""The LSTM demo: n reads the next number of the sequence, p steps back, the gates as bars."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_, format_decimal
from oppija.sims.lstm import LSTMGates
from oppija.sims.registry import DEMOS
from oppija.tui.widgets.demo_panel import TypedValue, paired
from oppija.tui.widgets.step_demo import StepDemo

HIDDEN_MAX = DEMOS["lstm"].settings["hidden"].bounds()[1]


class LSTMDemo(StepDemo[LSTMGates]):
    """n, p, e through the time steps; i types the sequence; h more units; c other weights;
    , and . the unit whose equations are written out."""

    BINDINGS = [
        Binding("h", "hidden", N_("Hidden units 1–8")),
        Binding("c", "next_preset", N_("Other random weights")),
        *paired(
            ("full_stop", "comma"),
            "next_unit",
            ("1", "-1"),
            N_("Equations of the previous/next unit"),
            ", .",
        ),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("i", "sequence", N_("the input sequence x₁ … (numbers)"), N_("sequence")),
    )

    unit = 0  # whose equations the picture writes out (0 = unit 1)

    def scene_options(self) -> dict[str, object]:
        return {"unit": self.unit % int(self.simulation.params.hidden)}

    def action_hidden(self) -> None:
        """1 → 2 → … → 8 → 1 hidden units (a new run with the same seed)."""
        hidden = int(self.simulation.params.hidden) % HIDDEN_MAX + 1
        self.unit = 0
        self._apply({"hidden": hidden})

    def action_next_preset(self) -> None:
        """The next seed: other random weights, the same sequence."""
        self._apply({"seed": (int(self.simulation.params.seed) + 1) % 2**31})

    def action_next_unit(self, direction: int) -> None:
        self.unit = (self.unit + direction) % int(self.simulation.params.hidden)
        self._changed()

    def current_text(self, setting: str) -> str:
        if setting == "sequence":
            return " ".join(format_decimal(float(v), 4) for v in self.simulation.params.sequence)
        return super().current_text(setting)
