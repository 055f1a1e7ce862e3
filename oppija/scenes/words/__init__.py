"""What a demo's learner reads: its simulation's numbers and status codes worded.

The simulations give data (numbers, a step's kind, a status and the numbers it refers to); the
sentences are built here, beside the scenes that draw the same state, in the active language.
:func:`readout_lines` is the text under a demo's picture, for the widgets and ``oppija demo``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from oppija.sims.registry import DEMOS, resolve

if TYPE_CHECKING:
    from oppija.sims.demo import Demo


class Readout(Protocol):
    """``readout(simulation, ascii_only)``: the lines under the picture, in the active language."""

    def __call__(self, simulation: Demo, ascii_only: bool, /) -> list[str]: ...


def readout_of(kind: str) -> Readout:
    """The readout function of demo ``kind``, imported on first use (a KeyError if none)."""
    found = resolve(DEMOS[kind].readout)
    if not callable(found):
        raise TypeError(f"{DEMOS[kind].readout} (demo {kind}) is not a readout function")
    return cast(Readout, found)


def readout_lines(simulation: Demo, ascii_only: bool = False) -> list[str]:
    """The numbers and sentences under ``simulation``'s picture, one line each."""
    return readout_of(simulation.name)(simulation, ascii_only)


__all__ = ["Readout", "readout_lines", "readout_of"]
