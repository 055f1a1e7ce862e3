"""The backprop demo's steps as sentences with their numbers, in the active language.

The simulation gives each step as a kind (``neuron``, ``error``, ``trace``, ``update``,
``result``) and its numbers, taken from the engine's forward values and trace records; this
module words them. The scene writes them under the network and ``oppija demo`` prints them as
its readout. Nothing is recomputed here.
"""

from __future__ import annotations

from collections.abc import Callable

from oppija.i18n import N_, _, format_integer
from oppija.scenes.words.activations import FUNCTION_SYMBOLS
from oppija.scenes.words.numbers_of import (
    Numbers,
    floats,
    integer,
    number,
    pairs,
    records,
    text,
)
from oppija.scenes.words.status import status_line
from oppija.sims.backprop import TARGET, Backpropagation, element_name
from oppija.text import ascii_spelling
from oppija.text.numbers import factor, short

PHASE_NAMES = {
    "forward": N_("Forward pass"),
    "backward": N_("Backward pass"),
    "update": N_("Update"),
}


def phase_name(phase: str) -> str:
    """The phase as the learner reads it."""
    return _(PHASE_NAMES[phase])


def _products(items: list[Numbers]) -> list[str]:
    lines = []
    for item in items:
        product = " + ".join(
            f"{factor(up)} × {factor(local)}" for up, local in pairs(item, "terms")
        )
        lines.append(f"∂𝓔/∂{text(item, 'of')} = {product} = {short(number(item, 'gradient'))}")
    return lines


def _neuron_lines(numbers: Numbers) -> list[str]:
    output = text(numbers, "layer") == "output"
    j = integer(numbers, "index")
    sum_name = "s" if output else element_name("z", (j,), 2)
    value_name = "y" if output else element_name("h", (j,), 2)
    inputs = "h" if output else "x"
    terms = " + ".join(
        f"{factor(w)} · {factor(v)}"
        for w, v in zip(floats(numbers, "weights"), floats(numbers, "inputs"), strict=True)
    )
    symbol = FUNCTION_SYMBOLS[text(numbers, "activation")]
    title = (
        _("Forward pass: the output neuron y")
        if output
        else _("Forward pass: hidden neuron {name}").format(name=value_name)
    )
    weights = "U" if output else "V"
    total = short(number(numbers, "sum"))
    return [
        title,
        _("weighted sum of {inputs} with the weights {weights}:").format(
            inputs=inputs, weights=weights
        )
        + f" {sum_name} = {terms} = {total}",
        _("activation:") + f" {value_name} = {symbol}({total}) = {short(number(numbers, 'value'))}",
    ]


def _error_lines(numbers: Numbers) -> list[str]:
    t, y = short(number(numbers, "target")), short(number(numbers, "output"))
    return [
        _("The error of the output"),
        f"𝓔 = ({TARGET} − y)² = ({t} − {y})² = {short(number(numbers, 'error'))}",
    ]


def _trace_lines(numbers: Numbers) -> list[str]:
    title = _("Backward pass, record {k} of {n} of the engine's trace: node {node}").format(
        k=format_integer(integer(numbers, "index") + 1),
        n=format_integer(integer(numbers, "count")),
        node=text(numbers, "formula"),
    )
    return [
        title,
        _("local derivative:") + " " + _(text(numbers, "rule")),
        _("upstream gradient × local derivative = gradient:"),
        *_products(records(numbers, "products")),
    ]


def _update_lines(numbers: Numbers) -> list[str]:
    matrix = text(numbers, "matrix")
    lr = number(numbers, "lr")
    lines = [
        _("Update with the learning rate α = {lr}:").format(lr=short(lr))
        + f" {matrix} ← {matrix} − α · ∂𝓔/∂{matrix}"
    ]
    for item in records(numbers, "weights"):
        before, after = short(number(item, "before")), short(number(item, "after"))
        gradient = factor(number(item, "gradient"))
        lines.append(f"{text(item, 'name')} ← {before} − {short(lr)} · {gradient} = {after}")
    return lines


def _result_lines(numbers: Numbers) -> list[str]:
    return [
        _("With the new weights the network answers again:"),
        _("y = {after} (before {before}), 𝓔 = {error_after} (before {error_before})").format(
            after=short(number(numbers, "output_after")),
            before=short(number(numbers, "output_before")),
            error_after=short(number(numbers, "error_after")),
            error_before=short(number(numbers, "error_before")),
        ),
    ]


STEP_WORDS: dict[str, Callable[[Numbers], list[str]]] = {
    "neuron": _neuron_lines,
    "error": _error_lines,
    "trace": _trace_lines,
    "update": _update_lines,
    "result": _result_lines,
}


def start_lines(activation: str) -> list[str]:
    """What the learner reads before the first step."""
    symbol = FUNCTION_SYMBOLS[activation]
    return [
        _("The network h = {f}(Vᵀx), y = σ(Uᵀh) before the forward pass.").format(f=symbol),
        _("Press n for the next step, p for the previous one, e for the whole update."),
    ]


def step_lines(kind: str, numbers: Numbers, ascii_only: bool = False) -> list[str]:
    """The sentences of one step: a title, then the calculation with its numbers."""
    lines = STEP_WORDS[kind](numbers)
    return [ascii_spelling(line) for line in lines] if ascii_only else lines


def backprop_lines(simulation: Backpropagation, ascii_only: bool = False) -> list[str]:
    """The current step's sentences (or the start's)."""
    step = simulation.current
    if step is None:
        lines = start_lines(simulation.params.activation)
        return [ascii_spelling(line) for line in lines] if ascii_only else lines
    return step_lines(step.kind, step.numbers, ascii_only)


def backprop_readout(simulation: Backpropagation, ascii_only: bool = False) -> list[str]:
    """Where the run is (phase, step k of n), the step's sentences, the status."""
    head = _("{phase}, step {k} of {n}").format(
        phase=phase_name(simulation.phase),
        k=format_integer(simulation.step_count),
        n=format_integer(len(simulation.script)),
    )
    return [head, *backprop_lines(simulation, ascii_only), status_line(simulation)]


def kink_note() -> str:
    """Why a check-panel row marked * differs: ReLU's kink lies inside w ± ε."""
    return _(
        "* ReLU's kink z = 0 lies within w ± ε: the engine takes ReLU′(0) = 0, the difference "
        "quotient averages both sides, so the columns differ here; not counted below."
    )
