"""The maths symbols of the demos' sentences spelt for terminals that show ASCII only.

``oppija demo --ascii`` and the app's ASCII mode keep the learner's language, so Estonian
letters stay: they are part of the words. Any other character outside ASCII loses its marks
(a typed é becomes e) or becomes ``?``.
"""

from __future__ import annotations

import unicodedata

ESTONIAN_LETTERS = frozenset("õäöüšžÕÄÖÜŠŽ")

SPELLINGS = {
    "𝓔": "E",
    "∂": "d",
    "σ": "sigma",
    "α": "alpha",
    "Σ": "sum",
    "√": "sqrt",
    "ᵀ": "^T",
    "·": "*",
    "×": "x",
    "−": "-",
    "–": "-",
    "—": "-",
    "…": "...",
    "←": "<-",
    "→": "->",
    "≥": ">=",
    "≤": "<=",
    "≈": "~",
    "⌊": "floor(",
    "⌋": ")",
    "⟨": "<",
    "⟩": ">",
    "◀": "<",
    "▶": ">",
    "▼": "v",
    "ᵢ": "_i",
    "ⱼ": "_j",
    "ₖ": "k",
    "ₜ": "_t",
    "₋": "-",
    **{chr(0x2080 + digit): str(digit) for digit in range(10)},  # ₀ … ₉
    "\u00a0": " ",
    "\u202f": " ",
    "“": '"',
    "”": '"',
    "„": '"',
    "’": "'",
}


def ascii_spelling(text: str) -> str:
    """``text`` with its maths symbols spelt in ASCII and its Estonian letters kept."""
    if text.isascii():
        return text
    out = []
    for char in text:
        if char.isascii() or char in ESTONIAN_LETTERS:
            out.append(char)
        elif char in SPELLINGS:
            out.append(SPELLINGS[char])
        else:
            bare = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
            out.append(bare or "?")
    return "".join(out)
