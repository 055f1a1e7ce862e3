"""The formula language: what a learner types (``x^4 - 3x^2 + x``), as a function of Tensors.

It sits beside :mod:`oppija.engine`, not inside it: the engine is a plain autograd, while this is
a small language for untrusted learner text. Parsing needs neither NumPy nor the engine (the
lesson checker and the app's first screen parse formulas long before one is evaluated); calling
a :class:`Formula` builds engine operations, so ``.backward()`` gives gradients.

- :mod:`oppija.expr.grammar`: what a formula may contain (variables, constants, functions, limits);
- :mod:`oppija.expr.errors`: :class:`FormulaError` and its Estonian messages, one per code;
- :mod:`oppija.expr.normalise`: learner text checked character by character into Python syntax;
- :mod:`oppija.expr.parsing`: Python's syntax tree walked against the whitelist into ours;
- :mod:`oppija.expr.tree` and :mod:`oppija.expr.formula`: that tree, and evaluating it.
"""

from __future__ import annotations

from oppija.expr.errors import MESSAGES, FormulaError
from oppija.expr.formula import Formula
from oppija.expr.grammar import (
    CONSTANTS,
    DEFAULT_VARIABLES,
    FUNCTIONS,
    MAX_LENGTH,
    MAX_NESTING,
    MAX_TREE_DEPTH,
)
from oppija.expr.parsing import parse_formula
from oppija.expr.tree import Binary, Call, Node, Num, Unary, Var

__all__ = [
    "CONSTANTS",
    "DEFAULT_VARIABLES",
    "FUNCTIONS",
    "MAX_LENGTH",
    "MAX_NESTING",
    "MAX_TREE_DEPTH",
    "MESSAGES",
    "Binary",
    "Call",
    "Formula",
    "FormulaError",
    "Node",
    "Num",
    "Unary",
    "Var",
    "parse_formula",
]
