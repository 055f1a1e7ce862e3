"""Plain data: what a demo's ``state()`` and ``oppija demo --json`` are made of.

JSON-able values only (floats, ints, strings, lists, dicts; a non-finite float as None), so
that the widget, the scene and the command line read the same numbers and ``json.dumps``
never meets a NumPy type.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Literal, TypeAlias

import numpy as np

Status = Literal["running", "converged", "diverged", "done"]

Json: TypeAlias = "bool | int | float | str | Sequence[Json] | Mapping[str, Json] | None"


def plain(value: object) -> Json:
    """JSON-able plain data: floats (non-finite -> None), ints, strings, lists, dicts."""
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, np.ndarray):  # the common case, a long path: no walk per number
        if value.dtype.kind in "iub":
            listed: Json = value.tolist()
            return listed
        finite = np.isfinite(value)
        if finite.all():
            as_floats: Json = value.astype(np.float64).tolist()
            return as_floats
        with_none = value.astype(object)
        with_none[~finite] = None
        mixed: Json = with_none.tolist()
        return mixed
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, Sequence):
        return [plain(item) for item in value]
    text = getattr(value, "text", None)  # a Formula
    return text if isinstance(text, str) else str(value)
