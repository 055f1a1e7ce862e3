"""A parsed formula written the way the lecture writes maths: θ⁴ − 3θ² + θ, not x^4 - 3*x^2 + x.

A learner types ``x^2 + y^2``; the slide beside the demo says 𝓔 = θ₁² + θ₂² over axes named
θ₁ and θ₂. The demo's title must read like the slide, so the formula's tree (never its text:
``2*x`` and ``2x`` are one formula) is written again: powers as superscripts, a number before
a letter without a sign (3θ²), other products with a dot (x·y), a true minus sign, decimal
commas in Estonian, and the variables under the names the axes carry.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from oppija.expr.tree import Binary, Call, Node, Num, Unary, Var
from oppija.text.numbers import short
from oppija.text.scripts import SUPERSCRIPT_OF, superscript

MINUS = "\N{MINUS SIGN}"
# How tightly each kind of node binds: a child that binds less gets parentheses.
_SUM, _PRODUCT, _SIGN, _POWER, _ATOM = range(5)
# Functions the lecture writes with their own sign.
_FUNCTION_NAMES: Mapping[str, str] = {"sigmoid": "σ", "sqrt": "√"}


def written(tree: Node, names: Mapping[str, str] | None = None) -> str:
    """``tree`` in the lecture's notation; ``names`` renames variables (x -> θ₁)."""
    return _written(tree, names or {})[0]


def _written(node: Node, names: Mapping[str, str]) -> tuple[str, int]:
    """The text of ``node`` and how tightly it binds."""
    if isinstance(node, Num):
        return _number(node.value), _ATOM if node.value >= 0 else _SIGN
    if isinstance(node, Var):
        return names.get(node.name, node.name), _ATOM
    if isinstance(node, Unary):
        operand = _wrapped(node.operand, names, _PRODUCT)  # −2θ, −(θ + 1)
        return (operand if node.op == "+" else MINUS + operand), _SIGN
    if isinstance(node, Call):
        argument = _written(node.argument, names)[0]
        if node.name == "abs":
            return f"|{argument}|", _ATOM
        return f"{_FUNCTION_NAMES.get(node.name, node.name)}({argument})", _ATOM
    return _binary(node, names)


def _binary(node: Binary, names: Mapping[str, str]) -> tuple[str, int]:
    if node.op == "**":
        return _power(node, names), _POWER
    if node.op in ("+", "-"):
        left = _wrapped(node.left, names, _SUM)
        right, binding = _written(node.right, names)
        if binding in (_SUM, _SIGN):  # a − (b + c), a + (−b)
            right = f"({right})"
        return f"{left} {'+' if node.op == '+' else MINUS} {right}", _SUM
    left = _wrapped(node.left, names, _PRODUCT)
    right = _wrapped(node.right, names, _POWER)
    if node.op == "/":
        return f"{left}/{right}", _PRODUCT
    if isinstance(node.left, Num) and (right[:1].isalpha() or right[:1] in "√|"):
        return f"{left}{right}", _PRODUCT  # 3θ², 2sin(θ), 2√θ
    return f"{left}·{right}", _PRODUCT


def _power(node: Binary, names: Mapping[str, str]) -> str:
    """θ², (θ + 1)⁻¹, xʸ where Unicode has the superscripts, √θ for a half, else as
    exp(b·log(a)), which is what aᵇ means."""
    base = _wrapped(node.left, names, _ATOM)
    if isinstance(node.right, Num) and node.right.value == 0.5:
        return f"√{base}"
    exponent = _written(node.right, names)[0]
    raised = exponent.replace(" ", "")
    if all(char in SUPERSCRIPT_OF for char in raised):
        return base + superscript(raised)
    if isinstance(node.left, Num) and node.left.value == math.e:
        return f"exp({exponent})"
    argument = base if base[:1] == "(" else f"({base})"
    return f"exp({_wrapped(node.right, names, _PRODUCT)}·log{argument})"


def _wrapped(node: Node, names: Mapping[str, str], least: int) -> str:
    """``node``'s text, in parentheses when it binds less tightly than ``least``."""
    text, binding = _written(node, names)
    return f"({text})" if binding < least else text


def _number(value: float) -> str:
    """π and e by name, whole numbers without a decimal sign, others as the lecture writes."""
    if value == math.pi:
        return "π"
    if value == math.e:
        return "e"
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value)).replace("-", MINUS)
    return short(value)
