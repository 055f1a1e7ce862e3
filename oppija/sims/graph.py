"""A typed expression as a computation graph: values forward, then gradients record by record.

micrograd's ``draw_dot`` in a terminal. The learner's formula in x and y is built out of engine
operations node by node (one node per distinct tensor, so a variable used twice is one node with
two edges out, and its gradient visibly adds up); ``backward()`` runs under
:func:`oppija.engine.trace.trace`, and each step reveals one record: the node, upstream × local
derivative, and the gradients it sends to its inputs. Its settings are checked against its spec
in :mod:`oppija.sims.registry` (a formula in x and y, with the same rules as ``gd2d``'s).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from oppija.engine.tensor import Tensor
from oppija.engine.trace import TraceStep, replay, trace
from oppija.expr import Binary, Call, Formula, Node, Num, Unary, Var, parse_formula
from oppija.expr.notation import written
from oppija.sims.base import choose, plain
from oppija.sims.demo import ReplayedDemo
from oppija.sims.plain import Json
from oppija.text.numbers import short

DEFAULT_FUNCTION = "x*y + x^2"
DEFAULT_X = 2.0
DEFAULT_Y = -3.0
# An operation node whose expression is too long to be its label is named by the operation
# alone, with a and b for its inputs, as the lecture writes it.
OP_FORMS = {
    "+": "a + b",
    "-": "a − b",
    "*": "a·b",
    "/": "a/b",
    "**": "aᵇ",
    "neg": "−a",
    "sigmoid": "σ(a)",
    "abs": "|a|",
    "sqrt": "√a",
}
LABEL_LENGTH = 12  # the longest expression a node is labelled with


@dataclass(frozen=True)
class GraphParams:
    """The formula and the values of x and y."""

    function: Formula
    x: float
    y: float


@dataclass(frozen=True)
class GraphNode:
    """One tensor of the graph: what it is (a variable, a constant or an op), its inputs."""

    id: int
    kind: str
    label: str
    value: float
    parents: tuple[int, ...]


class ComputationGraph(ReplayedDemo):
    """The graph of ``function`` at (x, y); each step replays one backward record."""

    name = "graph"
    params: GraphParams

    @classmethod
    def build_params(cls, settings: Mapping[str, object]) -> GraphParams:
        function = settings.get("function")  # checked against the schema: a Formula in x, y
        return GraphParams(
            function=function
            if isinstance(function, Formula)
            else parse_formula(DEFAULT_FUNCTION, ("x", "y")),
            x=float(choose(settings, "x", DEFAULT_X)),
            y=float(choose(settings, "y", DEFAULT_Y)),
        )

    # -------------------------------------------------------------- the engine
    def begin(self) -> None:
        self.nodes: list[GraphNode] = []
        self._ids: dict[int, int] = {}
        self._tensors: list[Tensor] = []
        self._written: list[str] = []  # each node's expression as the lecture writes it
        with np.errstate(all="ignore"):
            variables = {
                "x": Tensor(self.params.x, requires_grad=True, name="x"),
                "y": Tensor(self.params.y, requires_grad=True, name="y"),
            }
            self.root = self._build(self.params.function.tree, variables)
            self.root_id = self._ids[id(self.root)]
            self.records: list[TraceStep] = []
            if self.root.requires_grad:
                with trace() as recorder:
                    self.root.backward()
                self.records = list(recorder.steps)
                self._trace_ids = {
                    recorder.node_id(t): self._ids[id(t)]
                    for t in self._tensors
                    if id(t) in self._ids
                }
            else:
                self._trace_ids = {}
        self.gradients = {
            name: None if t.grad is None else float(np.ravel(t.grad)[0])
            for name, t in variables.items()
        }
        # Variables whose gradient has no value here (xʸ by y at x < 0): said, never shown as 0.
        self.undefined = tuple(
            name for name, grad in self.gradients.items() if grad is not None and math.isnan(grad)
        )
        if not math.isfinite(self.nodes[self.root_id].value):
            self.end("diverged", "value-not-finite")
        elif not self.records:
            self.status = "done"

    def _node(
        self, tensor: Tensor, kind: str, label: str, parents: tuple[Tensor, ...], tree: Node
    ) -> Tensor:
        key = id(tensor)
        if key not in self._ids:
            self._ids[key] = len(self.nodes)
            self._written.append(written(tree))
            self._tensors.append(tensor)  # keeps id() unique while the graph lives
            self.nodes.append(
                GraphNode(
                    id=len(self.nodes),
                    kind=kind,
                    label=label,
                    value=float(np.ravel(tensor.data)[0]),
                    parents=tuple(self._ids[id(p)] for p in parents),
                )
            )
        return tensor

    def _build(self, node: Node, variables: Mapping[str, Tensor]) -> Tensor:
        """Evaluate the formula's tree like the engine does, keeping every tensor as a node."""
        if isinstance(node, Num):
            return self._node(Tensor(node.value), "constant", short(node.value), (), node)
        if isinstance(node, Var):
            return self._node(variables[node.name], "variable", node.name, (), node)
        if isinstance(node, Unary):
            operand = self._build(node.operand, variables)
            if node.op == "+":
                return operand
            return self._node(-operand, "op", "neg", (operand,), node)
        if isinstance(node, Binary):
            left = self._build(node.left, variables)
            right = self._build(node.right, variables)
            op = {"+": left + right, "-": left - right, "*": left * right}.get(node.op)
            if op is None:
                op = left / right if node.op == "/" else left**right
            return self._node(op, "op", node.op, (left, right), node)
        assert isinstance(node, Call)
        argument = self._build(node.argument, variables)
        return self._node(getattr(argument, node.name)(), "op", node.name, (argument,), node)

    # -------------------------------------------------------------- stepping
    def advance(self) -> None:
        if self.step_count + 1 >= len(self.records):
            if self.undefined:
                self.end("done", "gradients-undefined", names=list(self.undefined))
            else:
                self.end("done", "gradients-known")

    @property
    def final_step(self) -> int:
        """Every backward record shown: every gradient known."""
        return len(self.records)

    @property
    def current(self) -> TraceStep | None:
        return self.records[self.step_count - 1] if self.step_count > 0 else None

    def current_node(self) -> int | None:
        """The graph node of the record on show."""
        record = self.current
        return None if record is None else self.node_of(record)

    def node_of(self, record: TraceStep) -> int | None:
        """The graph node a backward record is about (practice asks before it is shown)."""
        return self._trace_ids.get(record.node)

    def revealed_gradients(self) -> dict[int, float]:
        """Each node's gradient as far as the records shown so far have added it up."""
        if self.step_count == 0:
            return {}
        shown = self.records[: self.step_count]
        out = {
            self._trace_ids[node]: float(np.ravel(grad)[0])
            for node, grad in replay(shown).items()
            if node in self._trace_ids
        }
        out[self.root_id] = float(np.ravel(shown[0].upstream)[0])
        return out

    def symbol(self, node: GraphNode) -> str:
        """How a node reads in the picture and in sentences: its expression as the lecture
        writes it (x·y, x²), or when that is long its operation (a·b, σ(a))."""
        if node.kind != "op":
            return node.label
        expression = self._written[node.id]
        if len(expression) <= LABEL_LENGTH:
            return expression
        return OP_FORMS.get(node.label, f"{node.label}(a)")

    def describe(self, node: GraphNode) -> str:
        """A node named for a sentence: x, a constant, or its expression in brackets (x·y)."""
        if node.kind == "op":
            return f"({self.symbol(node)})"
        return node.label

    def state(self) -> dict[str, Json]:
        revealed = self.revealed_gradients()
        return {
            "function": self.params.function.text,
            "x": self.params.x,
            "y": self.params.y,
            "value": plain(self.nodes[self.root_id].value),
            "gradients": plain(self.gradients),
            "position": self.step_count,
            "total": len(self.records),
            "current_node": self.current_node(),
            "nodes": [
                {
                    "id": n.id,
                    "kind": n.kind,
                    "label": n.label,
                    "value": plain(n.value),
                    "grad": plain(revealed.get(n.id)),
                    "parents": list(n.parents),
                }
                for n in self.nodes
            ],
            "trace": [plain(record.to_dict()) for record in self.records],
        }
