"""The backprop demo's steps as sentences with their numbers, in the active language.

The scene writes them under the network and ``oppija demo`` prints them as its readout, so they
live beside the simulation (they need :mod:`oppija.i18n`, never Rich). Numbers are the ones the
simulation took from the engine's forward values and trace records; nothing is recomputed here.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from typing import Any

from oppija.i18n import N_, _, current_language, format_decimal, format_integer
from oppija.text import ascii_spelling, subscript

ACTIVATION_SYMBOLS = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU"}
TARGET = "y⁽ʳᵉᶠ⁾"
PHASE_NAMES = {
    "forward": N_("Forward pass"),
    "backward": N_("Backward pass"),
    "update": N_("Update"),
}


def phase_name(phase: str) -> str:
    """The phase as the learner reads it."""
    return _(PHASE_NAMES[phase])


def short(value: float) -> str:
    """A number as the lecture writes it: up to 3 decimals (0,622), more when it would read 0."""
    if not math.isfinite(value):
        return format_decimal(value)
    if value == 0:
        return "0"
    digits = 3
    while abs(value) < 0.5 * 10.0**-digits and digits < 12:
        digits += 1
    return decimal(float(value), digits)


def decimal(value: float, digits: int) -> str:
    """:func:`oppija.i18n.format_decimal`, remembered: Babel is slow and a frame writes the
    same few dozen numbers every time."""
    return _remembered_decimal(value, digits, current_language())


@functools.lru_cache(maxsize=4096)
def _remembered_decimal(value: float, digits: int, language: str) -> str:
    return format_decimal(value, digits=digits)


def factor(value: float) -> str:
    """A number as a factor of a product: negative ones in parentheses, 0,5 · (−0,137)."""
    text = short(value)
    return f"({text})" if value < 0 and text != "0" else text


def element_name(name: str, index: Sequence[int], size: int) -> str:
    """The lecture's name of one element: v₁₂ of V (input 1, hidden 2), u₁ of U, h₁ of h."""
    base = name.lower() if name in ("V", "U") else name
    if " " in base and not base.startswith("("):
        base = f"({base})"
    if size <= 1:
        return base
    wanted = [i for i in index] if name != "U" else [index[0]]
    return base + subscript("".join(str(i + 1) for i in wanted))


def _products(items: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = []
    for item in items:
        terms = item["terms"]
        product = " + ".join(f"{factor(up)} × {factor(local)}" for up, local in terms)
        lines.append(f"∂𝓔/∂{item['of']} = {product} = {short(item['gradient'])}")
    return lines


def _neuron_lines(numbers: Mapping[str, Any]) -> list[str]:
    output = numbers["layer"] == "output"
    j = numbers["index"]
    sum_name = "s" if output else element_name("z", (j,), 2)
    value_name = "y" if output else element_name("h", (j,), 2)
    inputs = "h" if output else "x"
    terms = " + ".join(
        f"{factor(w)} · {factor(v)}"
        for w, v in zip(numbers["weights"], numbers["inputs"], strict=True)
    )
    symbol = ACTIVATION_SYMBOLS[numbers["activation"]]
    title = (
        _("Forward pass: the output neuron y")
        if output
        else _("Forward pass: hidden neuron {name}").format(name=value_name)
    )
    weights = "U" if output else "V"
    return [
        title,
        _("weighted sum of {inputs} with the weights {weights}:").format(
            inputs=inputs, weights=weights
        )
        + f" {sum_name} = {terms} = {short(numbers['sum'])}",
        _("activation:") + f" {value_name} = {symbol}({short(numbers['sum'])}) = "
        f"{short(numbers['value'])}",
    ]


def _error_lines(numbers: Mapping[str, Any]) -> list[str]:
    t, y, error = numbers["target"], numbers["output"], numbers["error"]
    return [
        _("The error of the output"),
        f"𝓔 = ({TARGET} − y)² = ({short(t)} − {short(y)})² = {short(error)}",
    ]


def _trace_lines(numbers: Mapping[str, Any]) -> list[str]:
    title = _("Backward pass, record {k} of {n} of the engine's trace: node {node}").format(
        k=format_integer(numbers["index"] + 1),
        n=format_integer(numbers["count"]),
        node=numbers["formula"],
    )
    return [
        title,
        _("local derivative:") + " " + _(numbers["rule"]),
        _("upstream gradient × local derivative = gradient:"),
        *_products(numbers["products"]),
    ]


def _update_lines(numbers: Mapping[str, Any]) -> list[str]:
    matrix = numbers["matrix"]
    lines = [
        _("Update with the learning rate α = {lr}:").format(lr=short(numbers["lr"]))
        + f" {matrix} ← {matrix} − α · ∂𝓔/∂{matrix}"
    ]
    lr = numbers["lr"]
    for item in numbers["weights"]:
        lines.append(
            f"{item['name']} ← {short(item['before'])} − {short(lr)} · {factor(item['gradient'])}"
            f" = {short(item['after'])}"
        )
    return lines


def _result_lines(numbers: Mapping[str, Any]) -> list[str]:
    return [
        _("With the new weights the network answers again:"),
        _("y = {after} (before {before}), 𝓔 = {error_after} (before {error_before})").format(
            after=short(numbers["output_after"]),
            before=short(numbers["output_before"]),
            error_after=short(numbers["error_after"]),
            error_before=short(numbers["error_before"]),
        ),
    ]


def start_lines(activation: str) -> list[str]:
    """What the learner reads before the first step."""
    symbol = ACTIVATION_SYMBOLS[activation]
    return [
        _("The network h = {f}(Vᵀx), y = σ(Uᵀh) before the forward pass.").format(f=symbol),
        _("Press n for the next step, p for the previous one, End for the whole update."),
    ]


def step_lines(kind: str, numbers: Mapping[str, Any], ascii_only: bool = False) -> list[str]:
    """The sentences of one step: a title, then the calculation with its numbers."""
    lines = {
        "neuron": _neuron_lines,
        "error": _error_lines,
        "trace": _trace_lines,
        "update": _update_lines,
        "result": _result_lines,
    }[kind](numbers)
    return [ascii_spelling(line) for line in lines] if ascii_only else lines
