"""Text helpers every layer may use: one ASCII spelling, one sub- and superscript writer.

No dependencies (not even NumPy or Rich): the plot layer, the scenes, the simulations' remaining
messages and the TUI all spell maths the same way.
"""

from __future__ import annotations

from oppija.text.ascii import ESTONIAN_LETTERS, ascii_spelling
from oppija.text.excerpt import excerpt
from oppija.text.scripts import subscript, superscript

__all__ = ["ESTONIAN_LETTERS", "ascii_spelling", "excerpt", "subscript", "superscript"]
