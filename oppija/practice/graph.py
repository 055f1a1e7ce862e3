"""Practice questions for the computation-graph demo: before each backward record is shown,
the gradient it sends to the node's first input, from the engine's own trace record.

The record gives the upstream gradient and the local derivative, so the hints can name the
factor that is off; the answer is the gradient the demo then writes.
"""

from __future__ import annotations

import numpy as np

from oppija.i18n import _
from oppija.practice.question import Question
from oppija.sims.graph import ComputationGraph
from oppija.text.numbers import factor, short


def given_lines(simulation: ComputationGraph) -> list[str]:
    """The formula, x and y, and the forward value f the backward pass starts from."""
    p = simulation.params
    value = short(simulation.nodes[simulation.root_id].value)
    return [f"f(x, y) = {p.function.text};  x = {short(p.x)}, y = {short(p.y)};  f = {value}"]


def next_question(simulation: ComputationGraph) -> Question | None:
    """The question for the record the demo shows next, or None when none is left."""
    if simulation.status != "running" or simulation.step_count >= len(simulation.records):
        return None
    record = simulation.records[simulation.step_count]
    node_id = simulation.node_of(record)
    if node_id is None:
        return None
    node = simulation.nodes[node_id]
    for parent, link in zip(record.parents, node.parents, strict=True):
        if parent.grad is None or parent.local is None:
            continue
        up = float(np.ravel(record.upstream)[0])
        local = float(np.ravel(parent.local)[0])
        gradient = float(np.ravel(parent.grad)[0])
        if not all(np.isfinite([up, local, gradient])):
            return None  # an undefined derivative (xʸ at x < 0) is said, not asked
        inner = simulation.nodes[link]
        name, outer = simulation.describe(inner), simulation.describe(node)
        product = f"{factor(up)} × {factor(local)}"
        return Question(
            prompt=f"∂f/∂{name} = ?",
            formula=f"∂f/∂{name} = ∂f/∂{outer} × ∂{outer}/∂{name}; "
            f"∂f/∂{outer} = {short(up)}, {outer} = {short(node.value)}, "
            f"{name} = {short(inner.value)}",
            answer=gradient,
            hint=_(
                "the chain rule: the gradient of {outer} ({up}) times the local derivative of "
                "{outer} with respect to {name}"
            ).format(outer=outer, up=short(up), name=name),
            filled=f"∂f/∂{name} = {product} = ?",
            diagnoses=(
                (-gradient, _("the sign is off: count the minus signs in the chain")),
                (
                    up,
                    _(
                        "that is only the upstream gradient; multiply it by the local "
                        "derivative {local}"
                    ).format(local=short(local)),
                ),
                (
                    local,
                    _(
                        "that is only the local derivative; multiply it by the upstream "
                        "gradient {up}"
                    ).format(up=short(up)),
                ),
            ),
        )
    return None
