"""Practice questions for the backprop demo, read off the step it reveals next.

Every number comes from the simulation's script (the engine's forward values and trace records),
so the answer is exactly what the demo then writes. Forward steps ask for a neuron's output or
the error, backward steps for a gradient the trace record sends (a weight's, where it sends
one), updates for the first new weight. The closing "network answers again" step asks
nothing: it repeats the forward pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from oppija.i18n import _
from oppija.practice.question import Question
from oppija.scenes.words.activations import FUNCTION_SYMBOLS
from oppija.sims.backprop import TARGET, Backpropagation, ScriptStep, element_name
from oppija.text.numbers import factor, short


def next_question(simulation: Backpropagation) -> Question | None:
    """The question for the step the demo reveals next, or None when that step asks nothing."""
    if simulation.status != "running" or simulation.step_count >= len(simulation.script):
        return None
    step = simulation.script[simulation.step_count]
    ask = _ASKERS.get(step.kind)
    return None if ask is None else ask(step)


def given_lines(simulation: Backpropagation) -> list[str]:
    """The example and the start weights: x, y⁽ʳᵉᶠ⁾, V and U (V row by row, as the slide)."""
    params = simulation.params
    inputs = "; ".join(short(v) for v in params.inputs)
    lines = [f"x = ({inputs}), {TARGET} = {short(params.target)}, α = {short(params.lr)}"]
    for matrix in ("V", "U"):
        rows = simulation.starting_weights(matrix)
        lines.append(
            f"{matrix} = (" + "; ".join(" ".join(short(v) for v in row) for row in rows) + ")"
        )
    return lines


def _floats(value: object) -> list[float]:
    return [float(v) for v in np.ravel(np.asarray(value, dtype=np.float64))]


def _number(step: ScriptStep, key: str) -> float:
    value = step.numbers[key]
    assert isinstance(value, int | float)
    return float(value)


def _neuron(step: ScriptStep) -> Question:
    output = step.numbers["layer"] == "output"
    j = int(_number(step, "index"))
    sum_name = "s" if output else element_name("z", (j,), 2)
    name = "y" if output else element_name("h", (j,), 2)
    symbol = FUNCTION_SYMBOLS[str(step.numbers["activation"])]
    weights, inputs = _floats(step.numbers["weights"]), _floats(step.numbers["inputs"])
    terms = " + ".join(f"{factor(w)} · {factor(v)}" for w, v in zip(weights, inputs, strict=True))
    total, value = _number(step, "sum"), _number(step, "value")
    return Question(
        prompt=f"{name} = ?",
        formula=f"{name} = {symbol}({sum_name}), {sum_name} = {terms}",
        answer=value,
        hint=_(
            "first the weighted sum {sum} = {terms}, then the activation {name} = {f}({sum})"
        ).format(sum=sum_name, terms=terms, name=name, f=symbol),
        filled=f"{name} = {symbol}({short(total)}) = ?",
        derivation=f"{name} = {symbol}({terms}) = {symbol}({short(total)}) = {short(value)}",
        diagnoses=(
            (
                total,
                _(
                    "{value} is the weighted sum {sum}; the neuron answers {name} = {f}({sum})"
                ).format(value=short(total), sum=sum_name, name=name, f=symbol),
            ),
        ),
    )


def _error(step: ScriptStep) -> Question:
    target, output = _number(step, "target"), _number(step, "output")
    error = _number(step, "error")
    difference = target - output
    return Question(
        prompt="𝓔 = ?",
        formula=f"𝓔 = ({TARGET} − y)², {TARGET} = {short(target)}, y = {short(output)}",
        answer=error,
        hint=_("subtract y from {target}, then square the difference").format(target=TARGET),
        filled=f"𝓔 = ({short(target)} − {short(output)})² = ?",
        diagnoses=(
            (
                difference,
                _("{value} is the difference; 𝓔 is its square").format(value=short(difference)),
            ),
            (
                abs(difference),
                _("{value} is the difference; 𝓔 is its square").format(
                    value=short(abs(difference))
                ),
            ),
        ),
    )


def _trace(step: ScriptStep) -> Question | None:
    products = step.numbers["products"]
    assert isinstance(products, list)
    if not products:
        return None
    # A weight's gradient is what the update needs (the slide's ∂𝓔/∂u₁), so it is asked first.
    weights = [p for p in products if str(p["of"])[:1] in ("u", "v")]
    item = (weights or products)[0]
    terms: Sequence[tuple[float, float]] = item["terms"]
    gradient = float(item["gradient"])
    of = str(item["of"])
    rule = _(str(step.numbers["rule"]))
    product = " + ".join(f"{factor(up)} × {factor(local)}" for up, local in terms)
    name = f"∂𝓔/∂{of}"
    diagnoses: list[tuple[float, str]] = [
        (-gradient, _("the sign is off: count the minus signs in the chain")),
    ]
    if len(terms) == 1:
        up, local = terms[0]
        diagnoses += [
            (
                up,
                _(
                    "that is only the upstream gradient; multiply it by the local derivative {rule}"
                ).format(rule=rule),
            ),
            (
                local,
                _(
                    "that is only the local derivative; multiply it by the upstream gradient {up}"
                ).format(up=short(up)),
            ),
        ]
    else:
        diagnoses.append(
            (
                terms[0][0] * terms[0][1],
                _("{of} feeds more than one node: add up the gradient from each of them").format(
                    of=of
                ),
            )
        )
    return Question(
        prompt=f"{name} = ?",
        formula=f"{name} = "
        + _("upstream gradient × local derivative")
        + f"; {rule}; "
        + _("upstream gradient")
        + " = "
        + " + ".join(short(up) for up, _local in terms),
        answer=gradient,
        hint=_(
            "the chain rule: the gradient arriving from above times the local derivative {rule}"
        ).format(rule=rule),
        filled=f"{name} = {product} = ?",
        diagnoses=tuple(diagnoses),
    )


def _update(step: ScriptStep) -> Question:
    lr = _number(step, "lr")
    weights = step.numbers["weights"]
    assert isinstance(weights, list)
    item = weights[0]
    name = str(item["name"])
    before, gradient, after = (float(item[key]) for key in ("before", "gradient", "after"))
    filled = f"{name} ← {short(before)} − {short(lr)} · {factor(gradient)}"
    return Question(
        prompt=f"{name} ← ?",
        formula=f"{name} ← {name} − α · ∂𝓔/∂{name}, α = {short(lr)}, "
        f"∂𝓔/∂{name} = {short(gradient)}",
        answer=after,
        hint=_("step against the gradient: the old weight minus α times the gradient"),
        filled=f"{filled} = ?",
        diagnoses=(
            (
                before + lr * gradient,
                _("the step goes against the gradient: subtract α · ∂𝓔/∂{name}").format(name=name),
            ),
            (
                lr * gradient,
                _("that is the change α · ∂𝓔/∂{name}; subtract it from {before}").format(
                    name=name, before=short(before)
                ),
            ),
        ),
    )


_ASKERS: dict[str, Callable[[ScriptStep], Question | None]] = {
    "neuron": _neuron,
    "error": _error,
    "trace": _trace,
    "update": _update,
}
