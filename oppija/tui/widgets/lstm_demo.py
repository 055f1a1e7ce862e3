"""The LSTM demo: n reads the next number of the sequence, p steps back, the gates as bars."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding

from oppija.content.demos import DEMO_KINDS
from oppija.i18n import N_, format_decimal
from oppija.tui.oppija_app import oppija_app
from oppija.tui.widgets.demo_panel import TypedValue
from oppija.tui.widgets.step_demo import StepDemo

HIDDEN_MAX = int(DEMO_KINDS["lstm"]["hidden"].max or 8)


class LSTMDemo(StepDemo):
    """n, p, End through the time steps; s types the sequence; h more units; w other weights;
    u the unit whose equations are written out."""

    BINDINGS = [
        Binding("h", "hidden", N_("Hidden units 1–8")),
        Binding("w", "reseed", N_("Other random weights")),
        Binding("u", "next_unit", N_("Equations of the next unit")),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("s", "sequence", N_("the input sequence x₁ … (numbers)"), N_("sequence")),
    )

    unit = 0  # whose equations the picture writes out (0 = unit 1)

    def scene_options(self) -> dict[str, object]:
        return {"unit": self.unit % int(self.simulation.params.hidden)}

    def readout(self) -> Text:
        """Where the walk is and the current c and h (the picture writes out the rest)."""
        lines = self.simulation.readout_lines(oppija_app(self.app).ascii_mode)
        return Text("  ".join(lines[:-1]))

    def action_hidden(self) -> None:
        """1 → 2 → … → 8 → 1 hidden units (a new run with the same seed)."""
        hidden = int(self.simulation.params.hidden) % HIDDEN_MAX + 1
        self.unit = 0
        self._apply({"hidden": hidden})

    def action_reseed(self) -> None:
        """The next seed: other random weights, the same sequence."""
        self._apply({"seed": (int(self.simulation.params.seed) + 1) % 2**31})

    def action_next_unit(self) -> None:
        self.unit = (self.unit + 1) % int(self.simulation.params.hidden)
        self._changed()

    def current_text(self, setting: str) -> str:
        if setting == "sequence":
            return " ".join(format_decimal(float(v), 4) for v in self.simulation.params.sequence)
        return super().current_text(setting)
