"""Parsing a formula: :func:`ast.parse` gives a syntax tree only, walked against a whitelist.

The text never reaches ``eval`` or ``exec``; anything that is not arithmetic on the allowed names
is refused with a :class:`~oppija.expr.errors.FormulaError` that says what and where.
"""

from __future__ import annotations

import ast
import keyword
import math
import unicodedata
import warnings
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from oppija.expr.errors import FormulaError
from oppija.expr.formula import Formula
from oppija.expr.grammar import CONSTANTS, DEFAULT_VARIABLES, FUNCTIONS, MAX_LENGTH, MAX_TREE_DEPTH
from oppija.expr.normalise import column_in_text, normalise
from oppija.expr.tree import Binary, Call, Node, Num, Unary, Var

_AST_BINARY: Mapping[type[ast.operator], str] = MappingProxyType(
    {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
)
_AST_UNARY: Mapping[type[ast.unaryop], str] = MappingProxyType({ast.USub: "-", ast.UAdd: "+"})
# Operators Python knows but formulas do not: shown to the learner by their symbol.
_REJECTED_SYMBOLS: Mapping[type[ast.AST], str] = MappingProxyType(
    {
        ast.FloorDiv: "//",
        ast.Mod: "%",
        ast.MatMult: "@",
        ast.BitOr: "|",
        ast.BitAnd: "&",
        ast.BitXor: "^",
        ast.LShift: "<<",
        ast.RShift: ">>",
        ast.Not: "not",
        ast.Invert: "~",
        ast.And: "and",
        ast.Or: "or",
        ast.Is: "is",
        ast.IsNot: "is not",
        ast.In: "in",
        ast.NotIn: "not in",
        ast.Eq: "==",
        ast.NotEq: "!=",
        ast.Lt: "<",
        ast.LtE: "<=",
        ast.Gt: ">",
        ast.GtE: ">=",
    }
)


def parse_formula(text: str, variables: Sequence[str] = DEFAULT_VARIABLES) -> Formula:
    """Check and parse a learner's formula; raise :class:`FormulaError` saying what and where.

    ``variables`` are the names the learner may use (besides ``pi`` and ``e``); each must be a
    plain identifier that is not a function, a constant or a Python keyword.
    """
    allowed = _check_variables(variables)
    if not isinstance(text, str):
        raise TypeError(f"formula text must be a str, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:  # first, so that a huge input costs nothing
        raise FormulaError("too_long", {"limit": MAX_LENGTH, "length": len(text)})
    source, origin = normalise(text)
    if not source:
        raise FormulaError("empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. SyntaxWarning for "1 is 1"
            expression = ast.parse(source, mode="eval")
    except SyntaxError as error:
        offset = error.offset
        if offset is None:
            raise FormulaError("syntax_somewhere") from None
        # An offset of 0 (or past the end) means the text ended too early.
        index = offset - 1 if 0 < offset <= len(source) else len(source)
        raise FormulaError("syntax", position=column_in_text(origin, index)) from None
    except (ValueError, RecursionError, MemoryError, OverflowError):
        raise FormulaError("too_complex") from None
    builder = _TreeBuilder(text, source, origin, allowed)
    try:
        tree = builder.build(expression.body, 1)
    except RecursionError:  # only if the caller's own stack is already nearly full
        raise FormulaError("too_complex") from None
    used = builder.used
    return Formula(text, tuple(name for name in allowed if name in used), tree)


def _check_variables(variables: Sequence[object]) -> tuple[str, ...]:
    """Refuse variable names a learner could never type or that would hide something else.

    Typed ``object``: callers outside the type checker (a lesson file's settings) may pass
    anything, and a non-name must be a clear ValueError.
    """
    if isinstance(variables, str):
        raise TypeError("variables must be a sequence of names, not a str")
    names: list[str] = []
    for name in variables:
        if (
            not isinstance(name, str)
            or not name.isidentifier()
            or keyword.iskeyword(name)
            or unicodedata.normalize("NFKC", name) != name  # Python normalises identifiers
            or name in FUNCTIONS
            or name in CONSTANTS
        ):
            raise ValueError(f"not a usable variable name: {name!r}")
        names.append(name)
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate variable names: {tuple(names)!r}")
    return tuple(names)


class _TreeBuilder:
    """Walks Python's syntax tree against the whitelist and builds ours."""

    def __init__(
        self, text: str, source: str, origin: Sequence[int], allowed: tuple[str, ...]
    ) -> None:
        self.text = text
        self.source = source
        self.encoded = source.encode("utf-8")
        self.origin = origin
        self.allowed = allowed
        self.used: set[str] = set()

    # -------------------------------------------------------------- positions
    def _char_index(self, byte_offset: int) -> int:
        """ast gives UTF-8 byte offsets; we count characters."""
        return len(self.encoded[:byte_offset].decode("utf-8", errors="ignore"))

    def _column_of(self, node: ast.AST) -> int:
        return column_in_text(self.origin, self._char_index(getattr(node, "col_offset", 0)))

    def _snippet(self, node: ast.AST) -> str:
        """The learner's own text for ``node``, shortened."""
        start = self._char_index(getattr(node, "col_offset", 0))
        end_offset = getattr(node, "end_col_offset", None)
        end = len(self.source) if end_offset is None else self._char_index(end_offset)
        if not self.origin or end <= start:
            return ""
        first = self.origin[min(start, len(self.origin) - 1)]
        last = self.origin[min(end, len(self.origin)) - 1]
        snippet = self.text[first : last + 1]
        return snippet if len(snippet) <= 30 else snippet[:29] + "…"

    def _between_column(self, left: ast.AST, right: ast.AST) -> int:
        """The column of an operator: the first character between its operands not a space
        or a parenthesis."""
        start = self._char_index(getattr(left, "end_col_offset", 0) or 0)
        stop = self._char_index(getattr(right, "col_offset", 0))
        for index in range(start, stop):
            if self.source[index] not in " ()":
                return column_in_text(self.origin, index)
        return column_in_text(self.origin, start)

    def _rejected_operator(self, op: ast.AST, column: int) -> FormulaError:
        symbol = _REJECTED_SYMBOLS.get(type(op), type(op).__name__)
        return FormulaError("operator", {"op": symbol}, position=column)

    # -------------------------------------------------------------- the walk
    def build(self, node: ast.expr, depth: int) -> Node:
        """Our node for ``node``, or a FormulaError for anything not on the whitelist."""
        if depth > MAX_TREE_DEPTH:
            raise FormulaError("too_deep", {"limit": MAX_TREE_DEPTH}, self._column_of(node))
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self._not_allowed(node)
            try:
                return Num(float(value))
            except OverflowError:  # an integer literal beyond float64: what float64 would give
                return Num(math.inf)
        if isinstance(node, ast.Name):
            return self._name(node)
        if isinstance(node, ast.UnaryOp):
            if type(node.op) not in _AST_UNARY:
                raise self._rejected_operator(node.op, self._column_of(node))
            return Unary(_AST_UNARY[type(node.op)], self.build(node.operand, depth + 1))
        if isinstance(node, ast.BinOp):
            if type(node.op) not in _AST_BINARY:
                column = self._between_column(node.left, node.right)
                raise self._rejected_operator(node.op, column)
            left = self.build(node.left, depth + 1)
            right = self.build(node.right, depth + 1)
            return Binary(_AST_BINARY[type(node.op)], left, right)
        if isinstance(node, ast.BoolOp):
            column = self._between_column(node.values[0], node.values[1])
            raise self._rejected_operator(node.op, column)
        if isinstance(node, ast.Compare):
            column = self._between_column(node.left, node.comparators[0])
            raise self._rejected_operator(node.ops[0], column)
        if isinstance(node, ast.Call):
            return self._call(node, depth)
        raise self._not_allowed(node)

    def _not_allowed(self, node: ast.AST) -> FormulaError:
        return FormulaError("not_allowed", {"what": self._snippet(node)}, self._column_of(node))

    def _name(self, node: ast.Name) -> Node:
        name = node.id
        if name in self.allowed:
            self.used.add(name)
            return Var(name)
        if name in CONSTANTS:
            return Num(CONSTANTS[name])
        if name in FUNCTIONS:
            example = f"{name}({self.allowed[0] if self.allowed else 1})"
            raise FormulaError(
                "bare_function", {"name": name, "example": example}, self._column_of(node)
            )
        raise FormulaError(  # named as typed: Python reads ｘ as x, and ⁿ as n
            "unknown_name",
            {"name": self._snippet(node), "variables": self.allowed, "constants": tuple(CONSTANTS)},
            self._column_of(node),
        )

    def _call(self, node: ast.Call, depth: int) -> Node:
        func = node.func
        if not isinstance(func, ast.Name):
            raise self._not_allowed(node)
        if func.id not in FUNCTIONS:
            raise FormulaError(
                "unknown_function",
                {"name": func.id, "functions": FUNCTIONS},
                self._column_of(func),
            )
        if any(isinstance(arg, ast.Starred) for arg in node.args):
            raise self._not_allowed(next(a for a in node.args if isinstance(a, ast.Starred)))
        if len(node.args) != 1 or node.keywords:
            raise FormulaError("arity", {"name": func.id}, self._column_of(func))
        return Call(func.id, self.build(node.args[0], depth + 1))
