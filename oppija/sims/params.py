"""What one demo setting may be (:class:`ParamSpec`), and the error a bad setting gives.

The table of every demo's settings is in :mod:`oppija.sims.registry` (one :class:`DemoSpec` per
demo kind); checking a value against it is :mod:`oppija.sims.settings`. Both the lesson checker
and ``oppija demo`` read them, so a lesson and the command line refuse the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ParamType = Literal["number", "integer", "choice", "numbers", "formula", "text"]


class DemoSettingError(ValueError):
    """A demo name, setting or value that cannot be used; ``str()`` is a translated sentence."""


@dataclass(frozen=True)
class ParamSpec:
    """What one demo setting may be.

    ``min``/``max`` bound a number, an integer, or each element of ``numbers``; ``count`` is the
    (least, most) number of elements of ``numbers``; ``variables`` are the names a ``formula``
    may use; ``max_length`` bounds a ``text``. The demo itself decides the default (its params
    dataclass or its presets), so the schema holds only what may be written.
    """

    type: ParamType
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    count: tuple[int, int] | None = None
    variables: tuple[str, ...] = ()
    max_length: int | None = None

    def bounds(self) -> tuple[int, int]:
        """The whole-number range of an integer setting (for keys that cycle through it)."""
        if self.min is None or self.max is None:
            raise ValueError("an unbounded setting has no range to cycle through")
        return int(self.min), int(self.max)


SEED_MAX = 2**31 - 1

LR = ParamSpec("number", 0.0001, 10)
SEED = ParamSpec("integer", 0, SEED_MAX)
STEPS = ParamSpec("integer", 1, 100_000)
ACTIVATION = ParamSpec("choice", choices=("sigmoid", "tanh", "relu"))
