"""The computation-graph demo in sentences: the forward value, then each backward record's
upstream gradient × local derivative, and where a node's gradients add up."""

from __future__ import annotations

import math

import numpy as np

from oppija.expr.notation import written
from oppija.i18n import _, format_integer
from oppija.scenes.words.status import gradients_undefined, status_line
from oppija.sims.graph import ComputationGraph, GraphNode
from oppija.text import ascii_spelling
from oppija.text.numbers import factor, short

# Functions with a kink at 0, as sentences name them: the engine's derivative there is a choice.
KINKED = {"relu": "ReLU", "abs": "|x|"}


def graph_lines(simulation: ComputationGraph, ascii_only: bool = False) -> list[str]:
    """The sentences for the current step."""
    p = simulation.params
    head = f"f(x, y) = {written(p.function.tree)};  x = {short(p.x)}, y = {short(p.y)}"
    record = simulation.current
    node_id = simulation.current_node()
    if record is None or node_id is None:
        lines = [
            head,
            _("Forward pass done: f = {value}. Each step goes back one node.").format(
                value=short(simulation.nodes[simulation.root_id].value)
            ),
        ]
        if simulation.undefined:  # said before the first step, not only at the end
            lines.append(gradients_undefined(simulation.undefined))
        return [ascii_spelling(line) for line in lines] if ascii_only else lines
    node = simulation.nodes[node_id]
    lines = [
        _("Backward pass, record {k} of {n}: node {node} = {value}").format(
            k=format_integer(simulation.step_count),
            n=format_integer(len(simulation.records)),
            node=simulation.symbol(node),
            value=short(node.value),
        ),
        _("upstream gradient × local derivative = gradient:"),
    ]
    up = float(np.ravel(record.upstream)[0])
    for parent, link in zip(record.parents, node.parents, strict=True):
        if parent.grad is None or parent.local is None:
            continue
        name = simulation.describe(simulation.nodes[link])
        local = float(np.ravel(parent.local)[0])
        grad = float(np.ravel(parent.grad)[0])
        lines.append(f"∂f/∂{name}: {factor(up)} × {factor(local)} = {short(grad)}")
        if math.isnan(local) and not math.isnan(up):
            lines.append(undefined_local(simulation, node, link))
        elif node.label in KINKED and simulation.nodes[link].value == 0:
            lines.append(
                _(
                    "{function} has a kink at 0 and no derivative there; the engine takes {local}, "
                    "as PyTorch does."
                ).format(function=KINKED[node.label], local=short(local))
            )
    revealed = simulation.revealed_gradients()
    for link in dict.fromkeys(node.parents):
        total = revealed.get(link)
        sent = sum(
            float(np.ravel(parent.grad)[0])
            for parent, other in zip(record.parents, node.parents, strict=True)
            if other == link and parent.grad is not None
        )
        if total is None or (math.isnan(total) and math.isnan(sent)):  # NaN ≠ NaN is no sum
            continue
        if not math.isclose(total, sent, abs_tol=1e-15):
            lines.append(
                _("{name} is used more than once: its gradients add up to {total}").format(
                    name=simulation.describe(simulation.nodes[link]), total=short(total)
                )
            )
    return [ascii_spelling(line) for line in lines] if ascii_only else lines


def undefined_local(simulation: ComputationGraph, node: GraphNode, link: int) -> str:
    """Why a local derivative is NaN: for aᵇ by b with a < 0, ln a; otherwise no slope."""
    base = simulation.nodes[node.parents[0]]
    if node.label == "**" and link == node.parents[1] and base.value < 0:
        return _(
            "The base {base} = {value} is negative: aᵇ has no derivative by b there, because "
            "ln a is undefined for a < 0. The gradient is NaN (not a number), not 0."
        ).format(base=simulation.describe(base), value=short(base.value))
    return _("This derivative is undefined here: NaN (not a number), not 0.")


def graph_readout(simulation: ComputationGraph, ascii_only: bool = False) -> list[str]:
    """The step's sentences and the status."""
    return [*graph_lines(simulation, ascii_only), status_line(simulation)]
