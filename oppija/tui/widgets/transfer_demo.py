"""Transfer learning: fine-tuning a pre-trained network against training from scratch."""

from __future__ import annotations

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.transfer import TransferLearning
from oppija.tui.widgets.demo_panel import DemoPanel


class TransferDemo(DemoPanel[TransferLearning]):
    """Space trains both networks; `c` switches between fine-tuning all layers or the last."""

    BINDINGS = [Binding("c", "next_preset", N_("All layers / the last"))]
