"""Learner text, checked character by character and turned into Python syntax.

Only identifier characters, digits, spaces and ``+ - * / ^ ( ) . ,`` get through; ``^`` is a
power, a comma between digits is a decimal comma, ``3x`` is ``3*x``. The lessons' own signs work
too: ``·``, ``×`` and ``⋅`` multiply, ``−`` subtracts, ``x²`` and ``x⁻¹`` are powers, and
full-width characters (``３ｘ＋１``) and other scripts' digits are read as their ASCII forms.
Each output character keeps the column it came from, so every later error can point into the
learner's own text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from oppija.expr.errors import FormulaError
from oppija.expr.grammar import MAX_NESTING

# Characters learners type that Python spells differently.
_REPLACEMENTS: Mapping[str, str] = MappingProxyType(
    {
        "^": "**",
        "\N{MINUS SIGN}": "-",
        "\N{EN DASH}": "-",  # word processors turn a typed minus into one
        "\N{MULTIPLICATION SIGN}": "*",
        "\N{MIDDLE DOT}": "*",
        "\N{DOT OPERATOR}": "*",
        "\N{BULLET OPERATOR}": "*",
        "\N{DIVISION SIGN}": "/",
    }
)
# A power written as a superscript: x², x¹⁰, x⁻¹ (a sign, then digits).
_SUPERSCRIPT_DIGITS: Mapping[str, str] = MappingProxyType(
    {chr(0x2070): "0", "\N{SUPERSCRIPT ONE}": "1", "\N{SUPERSCRIPT TWO}": "2"}
    | {"\N{SUPERSCRIPT THREE}": "3"}
    | {chr(0x2070 + k): str(k) for k in range(4, 10)}
)
_SUPERSCRIPT_SIGNS: Mapping[str, str] = MappingProxyType(
    {"\N{SUPERSCRIPT MINUS}": "-", "\N{SUPERSCRIPT PLUS SIGN}": "+"}
)
_FULL_WIDTH = range(0xFF01, 0xFF5F)  # ！ to ～: ASCII's printable characters, full width
_PUNCTUATION = frozenset("+-*/().,")
_DIGITS = frozenset("0123456789")
_SIGNS = frozenset("+-")


def _is_space(char: str) -> bool:
    return char in " \t\n\r" or unicodedata.category(char) == "Zs"


def _char_name(char: str) -> str:
    return char if char.isprintable() else f"U+{ord(char):04X}"


def normalise(text: str) -> tuple[str, list[int]]:
    """Turn learner text into Python syntax, keeping for each output character its origin.

    Only identifier characters, digits, spaces and ``+ - * / ^ ( ) . ,`` get through, so quotes,
    brackets, braces, colons and the like never reach the parser. Nesting is counted here,
    because the parser itself recurses on it.
    """
    text = _ascii_forms(text)
    out: list[str] = []
    origin: list[int] = []
    depth = 0
    signs = 0
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        power = _superscript_end(text, i)
        if power > i:  # x² is x**2, x⁻¹ is x**-1
            digits = "".join(
                _SUPERSCRIPT_SIGNS.get(c) or _SUPERSCRIPT_DIGITS[c] for c in text[i:power]
            )
            # The space keeps digits that follow apart: x²3 must not read as x**23.
            out.extend("**" + digits + " ")
            origin.extend([i, i, *range(i, power), power - 1])
            signs = 0
            i = power
            continue
        if char in _DIGITS or (char == "." and i + 1 < n and text[i + 1] in _DIGITS):
            end = _number_end(text, i)
            if end < n and (text[end] == "(" or text[end].isidentifier()):
                if _ends_with_tight_operator(out):
                    raise FormulaError("ambiguous", position=i + 1)
                number = _python_number(text[i:end]) + "*"  # implicit multiplication
            else:
                number = _python_number(text[i:end])
            out.extend(number)
            origin.extend(range(i, end))
            if len(number) > end - i:
                origin.append(end)
            signs = 0
            i = end
            continue
        if char.isidentifier() and not _is_small(char):
            end = i + 1
            while end < n and _continues_name(text[end]):
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


def _ascii_forms(text: str) -> str:
    """Full-width characters and other scripts' digits (٣, ३) as ASCII, one for one, so that
    columns stay: a typed number means what it means in a demo's number fields."""
    if text.isascii():
        return text
    return "".join(_ascii_form(char) for char in text)


def _ascii_form(char: str) -> str:
    if ord(char) in _FULL_WIDTH:
        return chr(ord(char) - 0xFEE0)
    if not char.isascii() and unicodedata.category(char) == "Nd":
        return str(unicodedata.decimal(char))
    return char


def _continues_name(char: str) -> bool:
    """Whether ``char`` goes on a name, as Python's identifiers would have it, except for the
    signs that Python counts as letters but a learner means as operators or powers.

    Python lets "·" continue a name (``x·x`` would be one name) and reads a superscript or
    subscript letter as the plain one (``xⁿ`` would be the name ``xn``): those end a name here.
    """
    if char in _REPLACEMENTS or char in _SUPERSCRIPT_DIGITS or char in _SUPERSCRIPT_SIGNS:
        return False
    return ("a" + char).isidentifier() and not _is_small(char)


def _is_small(char: str) -> bool:
    """A superscript or subscript letter or digit (ⁿ, ᵢ, ₁), which Python reads as the plain one."""
    return unicodedata.decomposition(char).startswith(("<super>", "<sub>"))


def _superscript_end(text: str, start: int) -> int:
    """Where a superscript power (an optional sign, then digits) starting at ``start`` ends;
    ``start`` itself if there is none."""
    i = start
    if i < len(text) and text[i] in _SUPERSCRIPT_SIGNS:
        i += 1
    digits = i
    while i < len(text) and text[i] in _SUPERSCRIPT_DIGITS:
        i += 1
    return i if i > digits else start


def _python_number(number: str) -> str:
    """A number as Python writes it: a decimal point, and a plain minus in its exponent."""
    return "".join(
        _REPLACEMENTS.get(c, c) if c in "\N{MINUS SIGN}\N{EN DASH}" else c
        for c in number.replace(",", ".")
    )


def _number_end(text: str, start: int) -> int:
    """Where a number starting at ``start`` ends: digits, a decimal point or comma, an exponent.

    A comma counts only between two digits, so ``0,5`` is one half. ``2e-3`` is scientific
    notation as in Python (``2e−3`` with a minus sign as well, as the number fields take it); an
    ``e`` not followed by an exponent is left to be the constant.
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
        if j < n and (text[j] in _SIGNS or _REPLACEMENTS.get(text[j]) == "-"):  # 2e−3 too
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


def column_in_text(origin: Sequence[int], index: int) -> int:
    """The 1-based column in the learner's text of character ``index`` of the parsed source."""
    if not origin:
        return 1
    if index >= len(origin):
        return origin[-1] + 2  # just after the end
    return origin[max(index, 0)] + 1
