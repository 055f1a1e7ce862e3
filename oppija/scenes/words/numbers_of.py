"""Reading a simulation's plain step numbers with their types checked.

A simulation hands each step's numbers over as a plain mapping (the same data ``oppija demo
--json`` prints); the sentences read them through these, so a renamed or mistyped field fails
here loudly instead of printing a wrong sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

Numbers = Mapping[str, object]


def number(numbers: Numbers, key: str) -> float:
    """One number (a float, an int or a NumPy scalar)."""
    value = numbers[key]
    if isinstance(value, int | float | np.number):
        return float(value)
    raise TypeError(f"{key} is not a number: {value!r}")


def integer(numbers: Numbers, key: str) -> int:
    """One whole number, such as a step's index."""
    value = numbers[key]
    if isinstance(value, int | np.integer):
        return int(value)
    raise TypeError(f"{key} is not an integer: {value!r}")


def text(numbers: Numbers, key: str) -> str:
    """One name or message id."""
    value = numbers[key]
    if isinstance(value, str):
        return value
    raise TypeError(f"{key} is not text: {value!r}")


def floats(numbers: Numbers, key: str) -> list[float]:
    """A vector (an array or a list of numbers) as floats."""
    value = numbers[key]
    if isinstance(value, np.ndarray | list | tuple):
        return [float(v) for v in np.asarray(value, dtype=np.float64).ravel()]
    raise TypeError(f"{key} is not a vector: {value!r}")


def records(numbers: Numbers, key: str) -> list[Numbers]:
    """A list of records (each a mapping of its own numbers)."""
    value = numbers[key]
    if isinstance(value, list) and all(isinstance(item, Mapping) for item in value):
        return list(value)
    raise TypeError(f"{key} is not a list of records: {value!r}")


def pairs(numbers: Numbers, key: str) -> list[tuple[float, float]]:
    """A list of (upstream, local) factor pairs."""
    value = numbers[key]
    if isinstance(value, Sequence):
        return [(float(a), float(b)) for a, b in np.asarray(value, dtype=np.float64).reshape(-1, 2)]
    raise TypeError(f"{key} is not a list of pairs: {value!r}")
