"""The attention demo: a tiny trained transformer decodes a sentence, one output word per step."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.attention import Attention
from oppija.tui.widgets.demo_panel import TypedValue, paired
from oppija.tui.widgets.step_demo import StepDemo

MOST_HEADS = 8


class AttentionDemo(StepDemo[Attention]):
    """n writes a word (or shows the next of the five steps), p back, e to the end; k the view;
    + and − the number of heads; , and . the head shown; c copy or reverse; i a sentence."""

    BINDINGS = [
        Binding("k", "next_view", N_("Decoding / five steps")),
        *paired(("plus", "minus"), "heads", ("1", "-1"), N_("More/fewer heads"), "+/-"),
        *paired(
            ("comma", "full_stop"), "choose_head", ("-1", "1"), N_("Previous/next head"), ", ."
        ),
        Binding("c", "next_preset", N_("Copy or reverse")),
    ]
    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("i", "sentence", N_("input sentence"), N_("sentence")),
    )

    @classmethod
    def trains(cls, settings: Mapping[str, object]) -> bool:
        """Each heads, task and sentence trains its transformer (with Adam) before decoding."""
        return True

    def action_next_view(self) -> None:
        self._move(self.simulation.next_view)

    def action_heads(self, delta: int) -> None:
        """One head more or fewer (1 to 8): the model is trained anew for that many heads."""
        heads = int(self.simulation.params.heads) + delta
        if 1 <= heads <= MOST_HEADS:
            self._apply({"heads": heads})

    def action_choose_head(self, delta: int) -> None:
        self.simulation.choose_head(delta)
        self._changed()
