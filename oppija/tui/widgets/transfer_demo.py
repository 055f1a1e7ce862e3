"""Transfer learning: fine-tuning a pre-trained network against training from scratch."""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.transfer import TransferLearning
from oppija.tui.widgets.demo_panel import DemoPanel


class TransferDemo(DemoPanel[TransferLearning]):
    """Space trains both networks; `c` switches between fine-tuning all layers or the last."""

    BINDINGS = [Binding("c", "next_preset", N_("All layers / the last"))]

    @classmethod
    def trains(cls, settings: Mapping[str, object]) -> bool:
        """The network is pre-trained before the first step (0,2 s on an idle machine)."""
        return True
