"""The softmax demo's readout: the temperature, the probabilities, the cross-entropy."""

from __future__ import annotations

from oppija.i18n import (
    format_decimal,
    format_fixed,
)
from oppija.sims.softmax import Softmax
from oppija.text import ascii_spelling, subscript


def softmax_readout(simulation: Softmax, ascii_only: bool = False) -> list[str]:
    k = subscript(simulation.target)
    vector = "; ".join(format_fixed(p, 3) for p in simulation.probabilities)
    lines = [
        f"T = {format_decimal(simulation.temperature, 2)}",
        f"p = ({vector})",
        f"𝓔 = −ln p{k} = {format_fixed(simulation.cross_entropy, 3)}",
        simulation.status_message or simulation.step_sentence(),
    ]
    return [ascii_spelling(line) for line in lines] if ascii_only else lines
