"""The attention demo's readout: which step of decoding or of the five steps is on show."""

from __future__ import annotations

from oppija.i18n import N_, _, format_integer
from oppija.scenes.words.status import status_line
from oppija.sims.attention import WALK_STAGES, Attention
from oppija.text import ascii_spelling

# The name of each walk-through stage, as the slide words it.
STAGE_NAMES = (
    N_("the input sentence"),
    N_("each word as a vector"),
    N_("Q, K and V for each head"),
    N_("softmax(QKᵀ/√dₖ)·V"),
    N_("heads side by side, times the output matrix"),
)


def attention_readout(simulation: Attention, ascii_only: bool = False) -> list[str]:
    if simulation.view == "decoding":
        head = _("Decoding: step {k} of {n}").format(
            k=format_integer(simulation.step_count), n=format_integer(simulation.total)
        )
    else:
        head = _("Attention in five steps: step {k} of {n}, {name}").format(
            k=format_integer(simulation.stage),
            n=format_integer(WALK_STAGES),
            name=_(STAGE_NAMES[simulation.stage - 1]),
        )
    lines = [head, status_line(simulation)]
    return [ascii_spelling(line) for line in lines] if ascii_only else lines
