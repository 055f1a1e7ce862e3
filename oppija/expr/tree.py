"""The formula's own syntax tree: five node kinds, built only from whitelisted syntax."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Num:
    """A number; it becomes a constant Tensor."""

    value: float


@dataclass(frozen=True, slots=True)
class Var:
    """A variable; its value is given when the formula is called."""

    name: str


@dataclass(frozen=True, slots=True)
class Unary:
    """A sign in front of an operand: ``op`` is ``"-"`` or ``"+"``."""

    op: str
    operand: Node


@dataclass(frozen=True, slots=True)
class Binary:
    """An arithmetic operation: ``op`` is one of ``+ - * / **``."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call:
    """One of :data:`oppija.expr.grammar.FUNCTIONS` applied to one argument."""

    name: str
    argument: Node


Node = Num | Var | Unary | Binary | Call
