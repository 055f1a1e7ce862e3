"""The activation demo's readout: x, f(x), f′(x), and for σ why deep sigmoid nets learn slowly."""

from __future__ import annotations

from oppija.i18n import _, format_decimal
from oppija.sims.activations import DEEP_LAYERS, Activations
from oppija.text import ascii_spelling
from oppija.text.number_style import significant

# How the lecture writes each activation function (σ for the sigmoid; sigma in ASCII).
FUNCTION_SYMBOLS = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU"}


def function_symbol(function: str, ascii_only: bool = False) -> str:
    """σ, tanh or ReLU (sigma in ASCII)."""
    symbol = FUNCTION_SYMBOLS[function]
    return ascii_spelling(symbol) if ascii_only else symbol


def vanishing_caption() -> str:
    """The lecture's reason sigmoid fell out of favour, in one sentence with its numbers."""
    most = format_decimal(0.25, 2)
    return _(
        "Backpropagation multiplies by σ′ at every layer and σ′ ≤ {most}, so after {layers} "
        "sigmoid layers the gradient is at most {power} ≈ {factor}: the first layers barely "
        "learn."
    ).format(
        most=most,
        layers=DEEP_LAYERS,
        power=f"{most}¹⁰",
        factor=format_decimal(0.25**DEEP_LAYERS, 8),  # as the slide writes it
    )


def activations_readout(simulation: Activations, ascii_only: bool = False) -> list[str]:
    f = function_symbol(simulation.params.function)
    lines = [
        f"x = {format_decimal(simulation.x, 2)}",
        f"{f}(x) = {significant(simulation.value)}",
        f"{f}′(x) = {significant(simulation.derivative)}",
    ]
    if simulation.params.function == "sigmoid":
        lines.append(vanishing_caption())
    return [ascii_spelling(line) for line in lines] if ascii_only else lines
