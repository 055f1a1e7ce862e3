"""A typed expression as a computation graph: values forward, then gradients record by record.

micrograd's ``draw_dot`` in a terminal. The learner's formula in x and y is built out of engine
operations node by node (one node per distinct tensor, so a variable used twice is one node with
two edges out, and its gradient visibly adds up); ``backward()`` runs under
:func:`oppija.engine.trace.trace`, and each step reveals one record: the node, upstream × local
derivative, and the gradients it sends to its inputs. There is no ``DEMO_KINDS`` entry for this
demo, so the settings are checked here (the formula with the same rules as ``gd2d``'s).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from oppija.engine.tensor import Tensor
from oppija.engine.trace import TraceStep, replay, trace
from oppija.expr import Binary, Call, Formula, Node, Num, Unary, Var
from oppija.i18n import _, format_integer, parse_number
from oppija.sims.backprop_words import ascii_maths, factor, short
from oppija.sims.base import plain
from oppija.sims.demo import Demo
from oppija.sims.settings import DemoSettingError, checked_value

DEFAULT_FUNCTION = "x*y + x^2"
DEFAULT_X = 2.0
DEFAULT_Y = -3.0
VALUE_BOUND = 100.0
OP_SYMBOLS = {"+": "+", "-": "−", "*": "·", "/": "/", "**": "^", "neg": "−", "sigmoid": "σ"}


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


def checked_number(key: str, value: object) -> float:
    """x or y typed as text or given as a number, within ±100.

    Raises:
        DemoSettingError: translated.
    """
    try:
        number = parse_number(value) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        raise DemoSettingError(str(error)) from None
    if not math.isfinite(number) or abs(number) > VALUE_BOUND:
        raise DemoSettingError(
            _("“{key}” must be between {min} and {max}, not {value}").format(
                key=key, min="−100", max="100", value=short(number)
            )
        )
    return number


class ComputationGraph(Demo):
    """The graph of ``function`` at (x, y); each step replays one backward record."""

    name = "graph"
    params: GraphParams

    def __init__(self, **settings: object) -> None:  # no DEMO_KINDS entry: checked here
        unknown = set(settings) - {"function", "x", "y"}
        if unknown:
            raise DemoSettingError(
                _("unknown parameter “{key}” for demo “{kind}”; known parameters: {keys}").format(
                    key=sorted(unknown)[0], kind=self.name, keys="function, x, y"
                )
            )
        self.settings = dict(settings)
        self.params = self.build_params(self.settings)
        self.version = 0
        self.step_count = 0
        self.status = "running"
        self.status_message = ""
        self.reset()

    @classmethod
    def build_params(cls, settings: Mapping[str, object]) -> GraphParams:
        function = settings.get("function", DEFAULT_FUNCTION)
        if not isinstance(function, Formula):
            # the same rules and messages as a typed gd2d formula (variables x and y)
            function = checked_value("gd2d", "function", str(function))
        return GraphParams(
            function=function,  # type: ignore[arg-type]
            x=checked_number("x", settings.get("x", DEFAULT_X)),
            y=checked_number("y", settings.get("y", DEFAULT_Y)),
        )

    # -------------------------------------------------------------- the engine
    def reset(self) -> None:
        self.step_count = 0
        self.status = "running"
        self.status_message = ""
        self.nodes: list[GraphNode] = []
        self._ids: dict[int, int] = {}
        self._tensors: list[Tensor] = []
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
        if not math.isfinite(self.nodes[self.root_id].value):
            self.status = "diverged"
            self.status_message = _("The value is not a finite number at this point.")
        elif not self.records:
            self.status = "done"
        self.version += 1

    def _node(self, tensor: Tensor, kind: str, label: str, parents: tuple[Tensor, ...]) -> Tensor:
        key = id(tensor)
        if key not in self._ids:
            self._ids[key] = len(self.nodes)
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
            return self._node(Tensor(node.value), "constant", short(node.value), ())
        if isinstance(node, Var):
            return self._node(variables[node.name], "variable", node.name, ())
        if isinstance(node, Unary):
            operand = self._build(node.operand, variables)
            if node.op == "+":
                return operand
            return self._node(-operand, "op", "neg", (operand,))
        if isinstance(node, Binary):
            left = self._build(node.left, variables)
            right = self._build(node.right, variables)
            op = {"+": left + right, "-": left - right, "*": left * right}.get(node.op)
            if op is None:
                op = left / right if node.op == "/" else left**right
            return self._node(op, "op", node.op, (left, right))
        assert isinstance(node, Call)
        argument = self._build(node.argument, variables)
        return self._node(getattr(argument, node.name)(), "op", node.name, (argument,))

    # -------------------------------------------------------------- stepping
    def advance(self) -> None:
        if self.step_count + 1 >= len(self.records):
            self.status = "done"
            self.status_message = _("Every gradient is known.")

    def back(self) -> None:
        """One record back."""
        if self.step_count > 0 and self.status != "diverged":
            self.step_count -= 1
            self.status = "running"
            self.version += 1

    def to_end(self) -> None:
        self.run(len(self.records) - self.step_count)

    @property
    def current(self) -> TraceStep | None:
        return self.records[self.step_count - 1] if self.step_count > 0 else None

    def current_node(self) -> int | None:
        """The graph node of the record on show."""
        record = self.current
        return None if record is None else self._trace_ids.get(record.node)

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
        """How a node reads in the picture and in sentences."""
        if node.kind == "op":
            return OP_SYMBOLS.get(node.label, node.label)
        return node.label

    def lines(self, ascii_only: bool = False) -> list[str]:
        """The sentences for the current step."""
        p = self.params
        head = f"f(x, y) = {p.function.text};  x = {short(p.x)}, y = {short(p.y)}"
        record = self.current
        if record is None:
            lines = [
                head,
                _("Forward pass done: f = {value}. Each step goes back one node.").format(
                    value=short(self.nodes[self.root_id].value)
                ),
            ]
        else:
            node = self.nodes[self._trace_ids[record.node]]
            lines = [
                _("Backward pass, record {k} of {n}: node {node} = {value}").format(
                    k=format_integer(self.step_count),
                    n=format_integer(len(self.records)),
                    node=self.symbol(node),
                    value=short(node.value),
                ),
                _("upstream gradient × local derivative = gradient:"),
            ]
            up = float(np.ravel(record.upstream)[0])
            for parent, link in zip(record.parents, node.parents, strict=True):
                if parent.grad is None or parent.local is None:
                    continue
                name = self.describe(self.nodes[link])
                local = float(np.ravel(parent.local)[0])
                grad = float(np.ravel(parent.grad)[0])
                lines.append(f"∂f/∂{name}: {factor(up)} × {factor(local)} = {short(grad)}")
            revealed = self.revealed_gradients()
            for link in dict.fromkeys(node.parents):
                total = revealed.get(link)
                sent = sum(
                    float(np.ravel(p.grad)[0])
                    for p, other in zip(record.parents, node.parents, strict=True)
                    if other == link and p.grad is not None
                )
                if total is not None and not math.isclose(total, sent, abs_tol=1e-15):
                    lines.append(
                        _("{name} is used more than once: its gradients add up to {total}").format(
                            name=self.describe(self.nodes[link]), total=short(total)
                        )
                    )
        return [ascii_maths(line) for line in lines] if ascii_only else lines

    def describe(self, node: GraphNode) -> str:
        """A node named for a sentence: x, a constant, or its op in brackets ([·] = −6)."""
        if node.kind == "op":
            return f"[{self.symbol(node)}]"
        return node.label

    def state(self) -> dict[str, Any]:
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

    def readout_lines(self, ascii_only: bool = False) -> list[str]:
        return [*self.lines(ascii_only), self.status_line()]
