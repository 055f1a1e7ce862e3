"""The app's maths spelt for terminals that show ASCII only: one table for every layer.

ASCII mode (``oppija demo --ascii``, the app's ASCII setting) keeps the learner's language, so
the Estonian letters stay: they are part of the words, and Latin-1 terminals show them. Maths
symbols are spelt out (σ -> sigma, ∂ -> d, ← -> <-); a run of superscripts becomes a power or a
bracket (x² -> x^2, θ⁽⁰⁾ -> theta(0)) and a run of subscripts an index (θ₀ -> theta0,
xᵢ -> x_i). Any other character loses its marks (a typed é becomes e) or becomes ``?``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from oppija.text.scripts import SUBSCRIPT_OF, SUPERSCRIPT_OF

ESTONIAN_LETTERS = frozenset("õäöüšžÕÄÖÜŠŽ")

SPELLINGS: Mapping[str, str] = MappingProxyType(
    {
        # letters and operators of the lecture's formulas
        "𝓔": "E",
        "∂": "d",
        "∇": "grad ",
        "θ": "theta",
        "α": "alpha",
        "β": "beta",
        "σ": "sigma",
        "ε": "eps",
        "δ": "delta",
        "Δ": "Delta",
        "φ": "phi",
        "π": "pi",
        "Σ": "sum",
        "√": "sqrt",
        "ŷ": "y^",
        "′": "'",
        "·": "*",
        "×": "*",
        "÷": "/",
        "∘": "o",
        "±": "+-",
        "½": "1/2",
        "−": "-",
        "–": "-",
        "—": "-",
        "…": "...",
        "←": "<-",
        "→": "->",
        "↦": "->",
        "↔": "<->",
        "↑": "^",
        "↓": "v",
        "≥": ">=",
        "≤": "<=",
        "≈": "~",
        "∞": "inf",
        "°": " deg",
        "⌊": "floor(",
        "⌋": ")",
        "⟨": "<",
        "⟩": ">",
        "‖": "|",
        "│": "|",
        "─": "-",
        "␣": "_",
        "✓": "v",
        "✗": "x",
        "•": "*",
        "◀": "<",
        "▶": ">",
        "▲": "^",
        "▼": "v",
        # spaces and quotes of formatted numbers and of the sentences
        "\u00a0": " ",
        "\u202f": " ",
        "“": '"',
        "”": '"',
        "„": '"',
        "’": "'",
    }
)
_PLAIN_OF_SUPERSCRIPT = {small: plain for plain, small in SUPERSCRIPT_OF.items() if plain != "−"}
_PLAIN_OF_SUBSCRIPT = {small: plain for plain, small in SUBSCRIPT_OF.items() if plain != "−"}


def ascii_spelling(text: str) -> str:
    """``text`` with its maths symbols spelt in ASCII and its Estonian letters kept."""
    if text.isascii():
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in _PLAIN_OF_SUPERSCRIPT or char in _PLAIN_OF_SUBSCRIPT:
            table = _PLAIN_OF_SUPERSCRIPT if char in _PLAIN_OF_SUPERSCRIPT else _PLAIN_OF_SUBSCRIPT
            end = i
            while end < n and text[end] in table:
                end += 1
            out.append(_small_run("".join(table[small] for small in text[i:end]), table))
            i = end
            continue
        if char.isascii() or char in ESTONIAN_LETTERS:
            out.append(char)
        elif char in SPELLINGS:
            out.append(SPELLINGS[char])
        else:
            bare = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
            out.append(bare or "?")
        i += 1
    return "".join(out)


def _small_run(plain: str, table: Mapping[str, str]) -> str:
    """A run of sub- or superscripts in ASCII: (0) stays bracketed, 2 is a power, i an index."""
    if plain.startswith("("):
        return plain
    if table is _PLAIN_OF_SUPERSCRIPT:
        return "^" + plain
    return plain if plain.isdigit() else "_" + plain
