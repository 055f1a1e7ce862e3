"""The RNN demo: a word read letter by letter, unrolled step by step, then the gradient backward."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_, _
from oppija.sims.rnn import RecurrentNetwork
from oppija.tui.widgets.demo_panel import TypedValue, paired
from oppija.tui.widgets.step_demo import StepDemo

MAX_HIDDEN = 8
MODE_NAMES = {
    "seeded": N_("random weights from the seed"),
    "trained": N_("weights trained on the next letter"),
}


class RNNDemo(StepDemo[RecurrentNetwork]):
    """n unrolls one time step, p rolls one back, e shows the backward view; + and − scale W,
    h the hidden units, c seeded or trained weights, i a word typed."""

    BINDINGS = [
        *paired(("plus", "minus"), "scale", ("2", "0.5"), N_("W × 2 / ÷ 2"), "+/-"),
        Binding("h", "hidden", N_("Hidden units 1–8")),
        Binding("c", "next_preset", N_("Random or trained weights")),
    ]

    READOUT_LINES = 1  # where the walk is: the scene writes the step's numbers

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("i", "word", N_("word (up to 12 letters)"), N_("word")),
    )

    @classmethod
    def trains(cls, settings: Mapping[str, object]) -> bool:
        """The trained weights are learnt (BPTT with Adam) for each word and hidden size."""
        return settings.get("mode") == "trained"

    def action_scale(self, factor: float) -> None:
        """W larger or smaller, the same step on show: the backward bars shrink or grow."""
        self._move(lambda: self.simulation.scale_recurrent(float(factor)))

    def action_hidden(self) -> None:
        """One hidden unit more, from 8 back to 1."""
        hidden = int(self.simulation.params.hidden) % MAX_HIDDEN + 1
        self._apply({"hidden": hidden})

    def action_next_preset(self) -> None:
        """Seeded or trained weights, with a notice that says which."""
        chosen = "trained" if self.simulation.params.mode == "seeded" else "seeded"
        if self._apply({"mode": chosen}):
            self.notify(_(MODE_NAMES[chosen]), timeout=2)
