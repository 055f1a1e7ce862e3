"""Recording backpropagation as plain data, so that a demo can replay the chain rule step by step.

Under ``with trace() as t:`` every ``backward()`` appends one :class:`TraceStep` per node it
visits, in the order it visits them: the node, its op and value, the gradient arriving from
above, the local derivative towards each parent, and the gradient it passes to each parent.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

import numpy as np

from oppija.arrays import Array

if TYPE_CHECKING:
    from oppija.engine.tensor import Tensor

_active: list[Recorder] = []


@dataclass(frozen=True)
class ParentGradient:
    """What one backward step sends to one parent: local derivative and resulting gradient."""

    node: int
    name: str
    local: Array | None
    grad: Array | None

    def to_dict(self) -> dict[str, object]:
        return _as_dict(self)


@dataclass(frozen=True)
class TraceStep:
    """One node's turn in the backward walk: upstream gradient × local derivative = gradient."""

    index: int
    node: int
    name: str
    op: str
    value: Array
    upstream: Array
    parents: tuple[ParentGradient, ...]

    def to_dict(self) -> dict[str, object]:
        return _as_dict(self)


def _as_dict(record: ParentGradient | TraceStep) -> dict[str, object]:
    """A record as plain data, field by field in their order, so that a demo's JSON can carry
    it: arrays as nested lists, the parents as a list of their dicts."""
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


def _plain(value: object) -> object:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, ParentGradient):
        return _as_dict(value)
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


@dataclass
class Recorder:
    """Collects the steps of every backward pass run while it is active."""

    steps: list[TraceStep] = field(default_factory=list)
    _ids: dict[int, int] = field(default_factory=dict)
    _keep: list[Tensor] = field(default_factory=list)

    def node_id(self, tensor: Tensor) -> int:
        """A small stable number for a tensor, in the order the trace first meets it."""
        key = id(tensor)
        if key not in self._ids:
            self._ids[key] = len(self._ids)
            self._keep.append(tensor)  # keeps id() unique while the recorder lives
        return self._ids[key]

    def record(self, node: Tensor, upstream: Array, parent_grads: tuple[Array | None, ...]) -> None:
        from oppija.engine.tensor import unbroadcast

        locals_ = node._local() if node._local is not None else (None,) * len(node._parents)
        parents = tuple(
            ParentGradient(
                node=self.node_id(parent),
                name=parent.name,
                local=None if local is None else np.array(local, dtype=np.float64),
                grad=None
                if grad is None or not parent.requires_grad
                else np.array(unbroadcast(grad, parent.data.shape), dtype=np.float64),
            )
            for parent, local, grad in zip(node._parents, locals_, parent_grads, strict=True)
        )
        self.steps.append(
            TraceStep(
                index=len(self.steps),
                node=self.node_id(node),
                name=node.name,
                op=node.op,
                value=np.array(node.data, dtype=np.float64),
                upstream=np.array(upstream, dtype=np.float64),
                parents=parents,
            )
        )


def active_recorder() -> Recorder | None:
    """The innermost recorder, or None when nothing is being traced."""
    return _active[-1] if _active else None


@contextlib.contextmanager
def trace() -> Iterator[Recorder]:
    """Record every backward step run inside the block."""
    recorder = Recorder()
    _active.append(recorder)
    try:
        yield recorder
    finally:
        _active.remove(recorder)


def replay(steps: list[TraceStep]) -> dict[int, Array]:
    """Re-add the recorded parent gradients: the gradient of every node the trace reached."""
    totals: dict[int, Array] = {}
    for step in steps:
        for parent in step.parents:
            if parent.grad is None:
                continue
            previous = totals.get(parent.node)
            totals[parent.node] = parent.grad if previous is None else previous + parent.grad
    return totals
