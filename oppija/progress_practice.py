"""Practice results in the learner's progress: per demo, how many steps were solved at the
first try, solved after hints, or shown after three wrong tries.

Kept apart from :mod:`oppija.progress` (which stores them under ``"practice"``) so that the
file format of one feature reads in one place. A progress file saved before practice existed
has no ``"practice"`` and loads with none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OUTCOMES = ("first_try", "with_hints", "shown")
Outcome = Literal["first_try", "with_hints", "shown"]


class PracticeFormatError(ValueError):
    """The ``practice`` part of a progress file is not what this version writes."""


@dataclass(frozen=True)
class PracticeResult:
    """One demo's practice counts."""

    first_try: int = 0
    with_hints: int = 0
    shown: int = 0

    def counted(self, outcome: Outcome) -> PracticeResult:
        """These counts with one more step that ended in ``outcome``."""
        counts = self.to_json()
        counts[outcome] += 1
        return PracticeResult(**counts)

    def to_json(self) -> dict[str, int]:
        return {"first_try": self.first_try, "with_hints": self.with_hints, "shown": self.shown}


def practice_from_json(raw: object) -> dict[str, PracticeResult]:
    """Checked practice results.

    Raises:
        PracticeFormatError: not an object of demo names to whole, non-negative counts.
    """
    if not isinstance(raw, dict):
        raise PracticeFormatError("'practice' must be an object")
    results = {}
    for demo, counts in raw.items():
        if not isinstance(demo, str) or not demo or not isinstance(counts, dict):
            raise PracticeFormatError(f"bad practice result for {demo!r}")
        values = {}
        for outcome in OUTCOMES:
            value = counts.get(outcome, 0)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise PracticeFormatError(f"bad {outcome!r} in practice of {demo!r}: {value!r}")
            values[outcome] = value
        results[demo] = PracticeResult(**values)
    return results


def practice_to_json(results: dict[str, PracticeResult]) -> dict[str, dict[str, int]]:
    return {demo: result.to_json() for demo, result in sorted(results.items())}


def merged_practice(
    base: dict[str, PracticeResult] | None,
    ours: dict[str, PracticeResult],
    theirs: dict[str, PracticeResult],
) -> dict[str, PracticeResult]:
    """Both copies' practice kept: the other copy's counts plus what this copy added since
    ``base``. Without a base the overlap is unknown, so each count is the larger of the two
    (never counted twice, never lost)."""
    merged = {}
    for demo in ours.keys() | theirs.keys():
        mine = ours.get(demo, PracticeResult()).to_json()
        other = theirs.get(demo, PracticeResult()).to_json()
        if base is None:
            merged[demo] = PracticeResult(**{k: max(mine[k], other[k]) for k in OUTCOMES})
            continue
        was = base.get(demo, PracticeResult()).to_json()
        merged[demo] = PracticeResult(**{k: other[k] + max(mine[k] - was[k], 0) for k in OUTCOMES})
    return merged
