"""The softmax demo in words: the temperature, the probabilities, the cross-entropy, and what a
gradient step does."""

from __future__ import annotations

from oppija.i18n import _, format_decimal, format_fixed
from oppija.scenes.words.status import status_sentence
from oppija.sims.softmax import LEARNING_RATE, Softmax
from oppija.text import ascii_spelling, subscript


def step_sentence(simulation: Softmax) -> str:
    """What Enter and n do, with α and the class whose probability rises."""
    return _(
        "Enter or n: a gradient-descent step z ← z − α·∂𝓔/∂z (α = {lr}) raises the right "
        "class's probability p{k}."
    ).format(lr=format_fixed(LEARNING_RATE, 1), k=subscript(simulation.target))


def softmax_readout(simulation: Softmax, ascii_only: bool = False) -> list[str]:
    k = subscript(simulation.target)
    vector = "; ".join(format_fixed(p, 3) for p in simulation.probabilities)
    lines = [
        f"T = {format_decimal(simulation.temperature, 2)}",
        f"p = ({vector})",
        f"𝓔 = −ln p{k} = {format_fixed(simulation.cross_entropy, 3)}",
        status_sentence(simulation) or step_sentence(simulation),
    ]
    return [ascii_spelling(line) for line in lines] if ascii_only else lines
