"""The NumPy array types that every layer shares, named once so that annotations say what they hold.

The engine computes in float64, the plot layer draws from float arrays and boolean dot grids, and
indices come as integer arrays; writing ``npt.NDArray[np.float64]`` in each module would hide that
they are all the same few types. NumPy only, like the engine.
"""

from __future__ import annotations

from types import EllipsisType
from typing import SupportsIndex, TypeAlias

import numpy as np
import numpy.typing as npt

Array: TypeAlias = npt.NDArray[np.float64]
"""A float64 array: the engine's data and gradients, a demo's points and values."""

IntArray: TypeAlias = npt.NDArray[np.intp]
"""An array of indices or counts."""

BoolArray: TypeAlias = npt.NDArray[np.bool_]
"""A mask, e.g. which cells of a picture hold text."""

ByteArray: TypeAlias = npt.NDArray[np.uint8]
"""Small whole numbers packed one a byte, e.g. the canvas's lit dots."""

CharArray: TypeAlias = npt.NDArray[np.str_]
"""Text one character an element, e.g. a picture's cells."""

# Strings: ``slice`` takes type arguments only for the type checker before Python 3.12.
Slice: TypeAlias = "slice[SupportsIndex | None, SupportsIndex | None, SupportsIndex | None]"

IndexPart: TypeAlias = (
    "SupportsIndex | Slice | EllipsisType | IntArray | BoolArray | list[int] | None"
)
"""One position of an index expression, as NumPy's basic and advanced indexing accept it."""

Index: TypeAlias = "IndexPart | tuple[IndexPart, ...]"
"""What goes between the brackets of ``array[...]``."""
