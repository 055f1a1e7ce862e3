"""Practice results in the learner's progress: per demo, how many steps were solved at the
first try, solved after hints, or shown after three wrong tries, and which shown steps are
still unsolved (``oppija korda`` asks them again: the demo's settings, the step, which of its
questions and what else the demo showed rebuild the very question).

Kept apart from :mod:`oppija.progress` (which stores them under ``"practice"``) so that the
file format of one feature reads in one place. A progress file saved before practice existed
has no ``"practice"`` and loads with none.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

OUTCOMES = ("first_try", "with_hints", "shown")
Outcome = Literal["first_try", "with_hints", "shown"]


class PracticeFormatError(ValueError):
    """The ``practice`` part of a progress file is not what this version writes."""


SettingValue = int | float | str | list[int | float]
MAX_TEXT = 2_000
"""The longest text a saved demo setting may be (here and in oppija.progress): longer is no
formula a learner typed."""
MAX_NUMBERS = 1_000
"""The most numbers a saved demo setting may list (a demo's own limit is far lower)."""
MAX_STATE = 20  # entries of a step's state (a few are written)


@dataclass(frozen=True)
class UnsolvedStep:
    """A step whose answer was shown: the demo's settings (as saved), the step it was asked
    before, when (the oldest comes back first), and which of that step's questions it was
    (softmax asks three of one state; a file written before this knew only the first).

    ``state`` holds what the settings alone do not rebuild (the attention demo's view and head,
    backprop's weights after an update, a descent's θ after α changed on the way: see
    :mod:`oppija.review.step_state`); ``answer`` is the number asked, so that a step rebuilt
    into another question is told apart from the one the learner met. A file written before
    them has neither: its steps rebuild from the settings alone, unchecked.
    """

    settings: dict[str, SettingValue]
    step: int
    at: str
    question: int = 0
    state: dict[str, SettingValue] = field(default_factory=dict)
    answer: float | None = None

    @property
    def key(self) -> str:
        """The same question, whenever it was shown (a step saved before ``question`` and
        ``state`` existed keeps its key)."""
        parts: list[object] = [self.settings, self.step]
        if self.question or self.state:
            parts.append(self.question)
        if self.state:
            parts.append(self.state)
        return json.dumps(parts, sort_keys=True)

    def to_json(self) -> dict[str, object]:
        written: dict[str, object] = {"settings": dict(self.settings), "step": self.step}
        if self.question:
            written["question"] = self.question
        if self.state:
            written["state"] = dict(self.state)
        if self.answer is not None:
            written["answer"] = self.answer
        return {**written, "at": self.at}


@dataclass(frozen=True)
class PracticeResult:
    """One demo's practice counts and its unsolved steps."""

    first_try: int = 0
    with_hints: int = 0
    shown: int = 0
    unsolved: tuple[UnsolvedStep, ...] = ()

    def counted(self, outcome: Outcome) -> PracticeResult:
        """These counts with one more step that ended in ``outcome``."""
        counts = self.counts()
        counts[outcome] += 1
        return PracticeResult(**counts, unsolved=self.unsolved)

    def with_unsolved(self, step: UnsolvedStep) -> PracticeResult:
        """``step`` kept to come back (once: shown again, it moves to the back)."""
        kept = tuple(s for s in self.unsolved if s.key != step.key)
        return replace(self, unsolved=(*kept, step))

    def solved(self, step: UnsolvedStep) -> PracticeResult:
        """``step`` (the same settings and step) no longer comes back."""
        return replace(self, unsolved=tuple(s for s in self.unsolved if s.key != step.key))

    def counts(self) -> dict[str, int]:
        return {"first_try": self.first_try, "with_hints": self.with_hints, "shown": self.shown}

    def to_json(self) -> dict[str, object]:
        return {**self.counts(), "unsolved": [step.to_json() for step in self.unsolved]}


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
        unsolved = counts.get("unsolved", [])
        if not isinstance(unsolved, list):
            raise PracticeFormatError(f"bad 'unsolved' in practice of {demo!r}")
        steps = tuple(_unsolved_from_json(demo, item) for item in unsolved)
        results[demo] = PracticeResult(**values, unsolved=steps)
    return results


def _unsolved_from_json(demo: str, raw: object) -> UnsolvedStep:
    if not isinstance(raw, dict):
        raise PracticeFormatError(f"bad unsolved step in practice of {demo!r}")
    settings, step, at = raw.get("settings"), raw.get("step"), raw.get("at")
    if not isinstance(settings, dict) or not all(
        isinstance(key, str) and _is_setting_value(value) for key, value in settings.items()
    ):
        raise PracticeFormatError(f"bad settings of an unsolved step of {demo!r}")
    if isinstance(step, bool) or not isinstance(step, int) or step < 0:
        raise PracticeFormatError(f"bad step of an unsolved step of {demo!r}: {step!r}")
    if not isinstance(at, str):
        raise PracticeFormatError(f"bad time of an unsolved step of {demo!r}")
    question = raw.get("question", 0)
    if isinstance(question, bool) or not isinstance(question, int) or not 0 <= question < 100:
        raise PracticeFormatError(f"bad question of an unsolved step of {demo!r}: {question!r}")
    state = raw.get("state", {})
    if (
        not isinstance(state, dict)
        or len(state) > MAX_STATE
        or not all(isinstance(k, str) and _is_setting_value(v) for k, v in state.items())
    ):
        raise PracticeFormatError(f"bad state of an unsolved step of {demo!r}")
    answer = raw.get("answer")
    if answer is not None and not _is_number(answer):
        raise PracticeFormatError(f"bad answer of an unsolved step of {demo!r}: {answer!r}")
    try:
        datetime.fromisoformat(at)
    except ValueError:
        raise PracticeFormatError(f"bad time of an unsolved step of {demo!r}") from None
    return UnsolvedStep(
        settings=dict(settings),
        step=step,
        at=at,
        question=question,
        state=dict(state),
        answer=None if answer is None else float(answer),
    )


def has_setting_shape(value: object, is_number: Callable[[object], bool]) -> bool:
    """Whether ``value`` is what a demo setting is saved as: text of at most :data:`MAX_TEXT`
    characters, a list of at most :data:`MAX_NUMBERS` numbers, or one number. ``is_number``
    says which numbers: a practice step's and a progress file's differ in range."""
    if isinstance(value, str):
        return len(value) <= MAX_TEXT
    if isinstance(value, list):
        return len(value) <= MAX_NUMBERS and all(is_number(v) for v in value)
    return is_number(value)


def _is_setting_value(value: object) -> bool:
    return has_setting_shape(value, _is_number)


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) if isinstance(value, float) else abs(value) < 2**63


def practice_to_json(results: dict[str, PracticeResult]) -> dict[str, dict[str, object]]:
    return {demo: result.to_json() for demo, result in sorted(results.items())}


def merged_practice(
    base: dict[str, PracticeResult] | None,
    ours: dict[str, PracticeResult],
    theirs: dict[str, PracticeResult],
) -> dict[str, PracticeResult]:
    """Both copies' practice kept: the other copy's counts plus what this copy added since
    ``base``. Without a base the overlap is unknown, so each count is the larger of the two
    (never counted twice, never lost). Unsolved steps: the other copy's, with this copy's
    new ones and without those it solved."""
    merged = {}
    for demo in ours.keys() | theirs.keys():
        mine_result = ours.get(demo, PracticeResult())
        other_result = theirs.get(demo, PracticeResult())
        mine, other = mine_result.counts(), other_result.counts()
        was_result = None if base is None else base.get(demo, PracticeResult())
        if was_result is None:
            counts = {k: max(mine[k], other[k]) for k in OUTCOMES}
        else:
            was = was_result.counts()
            counts = {k: other[k] + max(mine[k] - was[k], 0) for k in OUTCOMES}
        unsolved = _merged_unsolved(was_result, mine_result, other_result)
        merged[demo] = PracticeResult(**counts, unsolved=unsolved)
    return merged


def _merged_unsolved(
    base: PracticeResult | None, ours: PracticeResult, theirs: PracticeResult
) -> tuple[UnsolvedStep, ...]:
    """The other copy's unsolved steps, with those this copy added since ``base`` and without
    those it solved since; oldest first."""
    was = {} if base is None else {s.key: s for s in base.unsolved}
    mine = {s.key: s for s in ours.unsolved}
    steps = {s.key: s for s in theirs.unsolved}
    for key in was.keys() - mine.keys():
        steps.pop(key, None)  # solved here
    for key, step in mine.items():
        if key not in was or step != was[key]:
            steps[key] = step  # added or shown again here
    return tuple(sorted(steps.values(), key=lambda s: s.at))
