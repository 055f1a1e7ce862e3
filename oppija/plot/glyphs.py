"""The characters plots are made of: one lookup table per drawing mode, and ASCII fallbacks.

A cell's dots are packed into a small integer code; one NumPy lookup then turns a whole grid of
codes into characters, which is what keeps rendering fast.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

import numpy as np

from oppija.arrays import CharArray, IntArray

Mode = Literal["braille", "halfblock", "ascii"]
MODES: tuple[Mode, ...] = ("braille", "halfblock", "ascii")

# Dots per cell (columns, rows) for each mode.
CELL_DOTS: dict[str, tuple[int, int]] = {"braille": (2, 4), "halfblock": (1, 2), "ascii": (1, 2)}

# Braille dot numbering (Unicode): dots 1-2-3 down the left column, 4-5-6 down the right,
# 7 and 8 below them. Row r, column c of the 2×4 block -> the bit of that dot in U+2800 + bits.
BRAILLE_BITS = np.array([[0, 3], [1, 4], [2, 5], [6, 7]], dtype=np.intp)
BRAILLE_CHARS = np.array([chr(0x2800 + code) for code in range(256)], dtype="<U1")
BRAILLE_CHARS[0] = " "  # an empty cell is a space, so that heat and text show through cleanly

# One column of two dots: bit 0 = top, bit 1 = bottom.
HALFBLOCK_BITS = np.array([[0], [1]], dtype=np.intp)
HALFBLOCK_CHARS = np.array([" ", "▀", "▄", "█"], dtype="<U1")
ASCII_CHARS = np.array([" ", "'", ".", ":"], dtype="<U1")

# Mode -> (the bit of each dot in its cell, code -> character).
LOOKUP: dict[str, tuple[IntArray, CharArray]] = {
    "braille": (BRAILLE_BITS, BRAILLE_CHARS),
    "halfblock": (HALFBLOCK_BITS, HALFBLOCK_CHARS),
    "ascii": (HALFBLOCK_BITS, ASCII_CHARS),
}

# Heat maps without colour: darker (denser) characters for higher values.
DENSITY_RAMP = " .:-=+*#%@"

# Horizontal bars: a cell filled by k eighths from the left.
EIGHTHS = " ▏▎▍▌▋▊▉█"

# Arrow heads where dots are too coarse to draw one (half blocks, ASCII): east, north, west, south.
ARROW_HEADS = {"unicode": "▶▲◀▼", "ascii": ">^<v"}

_ASCII_REPLACEMENTS = {
    "−": "-",
    "–": "-",
    "—": "-",
    "∞": "inf",
    "\u00a0": " ",
    "\u202f": " ",
    "×": "x",
    "·": ".",
    "…": "...",
    "“": '"',
    "”": '"',
    "„": '"',
    "’": "'",
}


def ascii_safe(text: str) -> str:
    """``text`` with only ASCII characters: Estonian letters lose their marks, others become '?'."""
    if text.isascii():
        return text
    out = []
    for char in text:
        if char.isascii():
            out.append(char)
        elif char in _ASCII_REPLACEMENTS:
            out.append(_ASCII_REPLACEMENTS[char])
        else:
            base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
            out.append(base or "?")
    return "".join(out)
