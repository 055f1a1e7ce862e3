"""Formulas typed by a learner, turned into functions of engine Tensors.

A lesson lets the learner type ``x^4 - 3x^2 + x`` and then differentiates it, so the text has to
become a function of Tensors. Learner text is untrusted: it is checked character by character,
normalised (``^`` is a power, a comma between digits is a decimal comma, ``3x`` is ``3*x``),
parsed by :func:`ast.parse` into a syntax tree only, and that tree is walked against a whitelist
into a small tree of our own nodes. The text never reaches ``eval`` or ``exec``, and nothing is
computed at parse time: calling a :class:`Formula` walks its tree and builds Tensor operations,
so ``.backward()`` gives gradients and ``9^9^9`` is a quick float64 ``inf``, not a huge integer.
"""

from __future__ import annotations

import ast
import keyword
import math
import operator
import unicodedata
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # parsing needs no NumPy: the lesson checker and the app's first screen parse
    import numpy as np  # formulas long before any formula is evaluated

    from oppija.engine.tensor import Tensor

MAX_LENGTH = 300  # characters of learner text
MAX_NESTING = 40  # parentheses inside each other, or + and - signs in a row
MAX_TREE_DEPTH = 100  # bounds the recursion of parsing and of evaluation

DEFAULT_VARIABLES: tuple[str, ...] = ("x", "y")
CONSTANTS: Mapping[str, float] = MappingProxyType({"pi": math.pi, "e": math.e})
# The functions a formula may call: each is the Tensor method of the same name.
FUNCTIONS: tuple[str, ...] = ("sin", "cos", "exp", "log", "tanh", "sigmoid", "relu", "abs", "sqrt")


# Learner-facing messages in Estonian, one format string per error code: what ``str(error)``
# says. The interface shows the active language's version instead (oppija.content translates
# by ``code``, with English message ids in the gettext catalogs). ``{column}`` is the 1-based
# column in the learner's text; tuple parameters are shown joined by ", ".
MESSAGES: dict[str, str] = {
    "empty": "Valem on tühi.",
    "too_long": "Valem on liiga pikk (üle {limit} märgi).",
    "bad_character": "Märki „{char}“ ei saa valemis kasutada (veerg {column}).",
    "too_deep": "Valem on liiga sügavalt pesastatud (veerg {column}). "
    "Lubatud on kuni {limit} taset.",
    "too_complex": "Valem on liiga keeruline.",
    "syntax": "Süntaksiviga veerus {column}.",
    "syntax_somewhere": "Valemis on süntaksiviga.",
    "ambiguous": "Korrutis veerus {column} on kahemõtteline: kirjuta korrutusmärk ja sulud välja, "
    "näiteks 1/(2*x) või 2^(3*x).",
    "unknown_name": "Tundmatu nimi „{name}“ (veerg {column}). "
    "Lubatud muutujad: {variables}; konstandid: {constants}.",
    "unknown_function": "Tundmatu funktsioon „{name}“ (veerg {column}). "
    "Lubatud funktsioonid: {functions}.",
    "bare_function": "Funktsioon „{name}“ vajab argumenti sulgudes, näiteks {example} "
    "(veerg {column}).",
    "arity": "Funktsioon „{name}“ vajab täpselt ühte argumenti (veerg {column}).",
    "operator": "Tehet „{op}“ ei saa valemis kasutada (veerg {column}). Lubatud tehted: + - * / ^.",
    "not_allowed": "Seda ei saa valemis kasutada: „{what}“ (veerg {column}).",
    "missing_variable": "Muutujale „{name}“ pole väärtust antud.",
}


class FormulaError(Exception):
    """A formula that cannot be used: what went wrong (``code``, ``params``) and where.

    The code and the parameters let the interface explain the problem in any language;
    ``str()`` is the Estonian message from :data:`MESSAGES`.
    """

    def __init__(
        self, code: str, params: Mapping[str, Any] | None = None, position: int | None = None
    ) -> None:
        self.code = code
        self.params: dict[str, Any] = dict(params or {})
        self.position = position  # 1-based column in the learner's text, or None
        super().__init__(self.message())

    def message(self, template: str | None = None) -> str:
        """The message filled in; pass a translated ``MESSAGES[code]`` to get another language."""
        values = {
            key: ", ".join(value) if isinstance(value, tuple) else value
            for key, value in self.params.items()
        }
        return (MESSAGES[self.code] if template is None else template).format(
            column=self.position, **values
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.code, self.params, self.position))


# ------------------------------------------------------------------------------ our tree
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
    """One of :data:`FUNCTIONS` applied to one argument."""

    name: str
    argument: Node


Node = Num | Var | Unary | Binary | Call

_BINARY: Mapping[str, Callable[[Tensor, Tensor], Tensor]] = MappingProxyType(
    {
        "+": operator.add,
        "-": operator.sub,
        "*": operator.mul,
        "/": operator.truediv,
        "**": operator.pow,
    }
)
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


# ------------------------------------------------------------------------------ the formula
@dataclass(frozen=True)
class Formula:
    """A parsed formula: call it with Tensors (or numbers, or arrays) for its variables.

    ``variables`` lists the variables the formula uses, in the order the caller allowed them.
    """

    text: str
    variables: tuple[str, ...]
    tree: Node = field(repr=False)

    def __call__(self, /, **values: Tensor | float | np.ndarray) -> Tensor:
        """Build the formula out of engine ops, so that ``.backward()`` reaches the inputs.

        Tensors are used as they are (gradients flow back into them); numbers and arrays become
        constants. Values for variables the formula does not use are ignored, so a caller can
        pass all it has.
        """
        from oppija.engine.tensor import Tensor

        env: dict[str, Tensor] = {}
        for name in self.variables:
            if name not in values:
                raise FormulaError("missing_variable", {"name": name})
            env[name] = Tensor.lift(values[name])
        return _evaluate(self.tree, env)

    def evaluate(self, /, **values: Tensor | float | np.ndarray) -> np.ndarray:
        """The formula's values without building a graph: for plots and simulations."""
        from oppija.engine.tensor import no_grad

        with no_grad():
            out = self(**values)
        if any(out is value for value in values.values()):  # "x" alone: do not alias the input
            return out.data.copy()
        return out.data


def _evaluate(node: Node, env: Mapping[str, Tensor]) -> Tensor:
    """Walk the tree; recursion is bounded by MAX_TREE_DEPTH, checked when parsing."""
    if isinstance(node, Num):
        from oppija.engine.tensor import Tensor

        return Tensor(node.value)
    if isinstance(node, Var):
        return env[node.name]
    if isinstance(node, Unary):
        operand = _evaluate(node.operand, env)
        return -operand if node.op == "-" else operand
    if isinstance(node, Binary):
        return _BINARY[node.op](_evaluate(node.left, env), _evaluate(node.right, env))
    return getattr(_evaluate(node.argument, env), node.name)()


# ------------------------------------------------------------------------------ parsing
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
    source, origin = _normalise(text)
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
        raise FormulaError("syntax", position=_column(origin, index)) from None
    except (ValueError, RecursionError, MemoryError, OverflowError):
        raise FormulaError("too_complex") from None
    builder = _TreeBuilder(text, source, origin, allowed)
    try:
        tree = builder.build(expression.body, 1)
    except RecursionError:  # only if the caller's own stack is already nearly full
        raise FormulaError("too_complex") from None
    used = builder.used
    return Formula(text, tuple(name for name in allowed if name in used), tree)


def _check_variables(variables: Sequence[str]) -> tuple[str, ...]:
    """Refuse variable names a learner could never type or that would hide something else."""
    if isinstance(variables, str):
        raise TypeError("variables must be a sequence of names, not a str")
    names = tuple(variables)
    for name in names:
        if (
            not isinstance(name, str)
            or not name.isidentifier()
            or keyword.iskeyword(name)
            or unicodedata.normalize("NFKC", name) != name  # Python normalises identifiers
            or name in FUNCTIONS
            or name in CONSTANTS
        ):
            raise ValueError(f"not a usable variable name: {name!r}")
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate variable names: {names!r}")
    return names


# Characters learners type that Python spells differently.
_REPLACEMENTS: Mapping[str, str] = MappingProxyType(
    {
        "^": "**",
        "\N{MINUS SIGN}": "-",
        "\N{MULTIPLICATION SIGN}": "*",
        "\N{MIDDLE DOT}": "*",
        "\N{DOT OPERATOR}": "*",
        "\N{SUPERSCRIPT TWO}": "**2",
        "\N{SUPERSCRIPT THREE}": "**3",
    }
)
_PUNCTUATION = frozenset("+-*/().,")
_DIGITS = frozenset("0123456789")
_SIGNS = frozenset("+-")


def _is_space(char: str) -> bool:
    return char in " \t\n\r" or unicodedata.category(char) == "Zs"


def _char_name(char: str) -> str:
    return char if char.isprintable() else f"U+{ord(char):04X}"


def _normalise(text: str) -> tuple[str, list[int]]:
    """Turn learner text into Python syntax, keeping for each output character its origin.

    Only identifier characters, digits, spaces and ``+ - * / ^ ( ) . ,`` get through, so quotes,
    brackets, braces, colons and the like never reach the parser. Nesting is counted here,
    because the parser itself recurses on it.
    """
    out: list[str] = []
    origin: list[int] = []
    depth = 0
    signs = 0
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in _DIGITS or (char == "." and i + 1 < n and text[i + 1] in _DIGITS):
            end = _number_end(text, i)
            if end < n and (text[end] == "(" or text[end].isidentifier()):
                if _ends_with_tight_operator(out):
                    raise FormulaError("ambiguous", position=i + 1)
                number = text[i:end].replace(",", ".") + "*"  # implicit multiplication
            else:
                number = text[i:end].replace(",", ".")
            out.extend(number)
            origin.extend(range(i, end))
            if len(number) > end - i:
                origin.append(end)
            signs = 0
            i = end
            continue
        if char.isidentifier():
            end = i + 1
            while end < n and ("a" + text[end]).isidentifier():
                end += 1
            out.extend(text[i:end])
            origin.extend(range(i, end))
            signs = 0
            i = end
            continue
        if _is_space(char):
            out.append(" ")
            origin.append(i)
            i += 1
            continue
        replacement = _REPLACEMENTS.get(char, char if char in _PUNCTUATION else None)
        if replacement is None:
            raise FormulaError("bad_character", {"char": _char_name(char)}, position=i + 1)
        if replacement in _SIGNS:
            signs += 1
            if signs > MAX_NESTING:
                raise FormulaError("too_deep", {"limit": MAX_NESTING}, position=i + 1)
        else:
            signs = 0
        if char == "(":
            depth += 1
            if depth > MAX_NESTING:
                raise FormulaError("too_deep", {"limit": MAX_NESTING}, position=i + 1)
        elif char == ")":
            depth -= 1
        out.extend(replacement)
        origin.extend([i] * len(replacement))
        i += 1
    # Python refuses leading spaces in an expression; trailing ones would only shift nothing.
    start = 0
    while start < len(out) and out[start] == " ":
        start += 1
    stop = len(out)
    while stop > start and out[stop - 1] == " ":
        stop -= 1
    return "".join(out[start:stop]), origin[start:stop]


def _number_end(text: str, start: int) -> int:
    """Where a number starting at ``start`` ends: digits, a decimal point or comma, an exponent.

    A comma counts only between two digits, so ``0,5`` is one half. ``2e-3`` is scientific
    notation as in Python; an ``e`` not followed by an exponent is left to be the constant.
    """
    n = len(text)
    i = start
    while i < n and text[i] in _DIGITS:
        i += 1
    if i < n and (text[i] == "." or (text[i] == "," and i + 1 < n and text[i + 1] in _DIGITS)):
        i += 1
        while i < n and text[i] in _DIGITS:
            i += 1
    if i < n and text[i] in "eE":
        j = i + 1
        if j < n and text[j] in _SIGNS:
            j += 1
        if j < n and text[j] in _DIGITS:
            i = j
            while i < n and text[i] in _DIGITS:
                i += 1
    return i


def _ends_with_tight_operator(out: list[str]) -> bool:
    """Whether ``out`` ends in ``/`` or ``**`` (signs and spaces skipped).

    There ``1/2x`` and ``2^3x`` read both as ``(1/2)·x`` and ``1/(2x)``; the learner must choose.
    """
    k = len(out) - 1
    while k >= 0 and (out[k] == " " or out[k] in _SIGNS):
        k -= 1
    if k < 0:
        return False
    return out[k] == "/" or (out[k] == "*" and k > 0 and out[k - 1] == "*")


def _column(origin: Sequence[int], index: int) -> int:
    """The 1-based column in the learner's text of character ``index`` of the parsed source."""
    if not origin:
        return 1
    if index >= len(origin):
        return origin[-1] + 2  # just after the end
    return origin[max(index, 0)] + 1


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
        return _column(self.origin, self._char_index(getattr(node, "col_offset", 0)))

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
                return _column(self.origin, index)
        return _column(self.origin, start)

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
        raise FormulaError(
            "unknown_name",
            {"name": name, "variables": self.allowed, "constants": tuple(CONSTANTS)},
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
