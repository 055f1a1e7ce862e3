"""The notes screen's timer: time since the presentation began, or left of the talk's length.

Pure arithmetic on seconds, so that the screen only draws what this decides.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

WARNING_SECONDS = 5 * 60
"""In the last five minutes of a countdown the timer turns the warning colour."""


class Phase(enum.Enum):
    """What the timer's number means, and so its colour."""

    ELAPSED = "elapsed"  # no length given: counting up
    REMAINING = "remaining"  # counting down, more than five minutes left
    ENDING = "ending"  # the last five minutes
    OVERTIME = "overtime"  # past the length: counting up again, with a plus


@dataclass(frozen=True)
class TimerReading:
    phase: Phase
    text: str  # "12:34", "1:02:03", "+3:12"


def duration_text(seconds: float) -> str:
    """Whole seconds as "m:ss" or "h:mm:ss" (rounded down; never negative)."""
    total = max(math.floor(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def read_timer(elapsed: float, minutes: int | None) -> TimerReading:
    """The timer ``elapsed`` seconds into a talk of ``minutes`` (None: just count up).

    A countdown shows the seconds left rounded up, so it reads 0:00 only once time is up.
    """
    elapsed = max(elapsed, 0.0)
    if minutes is None:
        return TimerReading(Phase.ELAPSED, duration_text(elapsed))
    left = minutes * 60 - elapsed
    if left < 0:
        return TimerReading(Phase.OVERTIME, "+" + duration_text(-left))
    phase = Phase.ENDING if left <= WARNING_SECONDS else Phase.REMAINING
    return TimerReading(phase, duration_text(math.ceil(left)))
