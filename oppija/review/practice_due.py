"""Practice steps whose answer was shown, rebuilt as questions for ``oppija korda``.

A step is kept as its demo's settings, its position, which of the step's questions it was and
what else the demo showed (:class:`UnsolvedStep`, :mod:`.step_state`); the simulation is built
again from them and run to the step, so the question is the very one the learner met. A step
that no longer builds (a setting this version refuses), or builds into another question than
the one saved, is not asked: it stays in the progress, and the review counts and says it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from oppija.practice.exercises import questions
from oppija.practice.question import Question
from oppija.progress_practice import PracticeResult, UnsolvedStep
from oppija.review.step_state import restored, typed_settings
from oppija.sims.demo import Demo


def steps_due(practice: Mapping[str, PracticeResult]) -> list[tuple[str, UnsolvedStep]]:
    """Every demo's unsolved steps, the oldest first."""
    steps = [(demo, step) for demo, result in practice.items() for step in result.unsolved]
    return sorted(steps, key=lambda item: item[1].at)


@dataclass(frozen=True)
class AskableSteps:
    """The unsolved steps a review can ask, each with its rebuilt question, oldest first, and
    how many it cannot (they stay saved: the review says how many)."""

    asked: list[tuple[str, UnsolvedStep, Question]]
    unbuilt: int


def askable_steps(practice: Mapping[str, PracticeResult]) -> AskableSteps:
    """Every unsolved step rebuilt, the oldest first; those that do not rebuild counted."""
    asked = []
    for demo, step in steps_due(practice):
        question = rebuilt_question(demo, step)
        if question is not None:
            asked.append((demo, step, question))
    return AskableSteps(asked, sum(len(r.unsolved) for r in practice.values()) - len(asked))


def rebuilt_question(demo: str, step: UnsolvedStep) -> Question | None:
    """The question of ``step``, or None when its demo can no longer be built so."""
    simulation = rebuilt_simulation(demo, step)
    if simulation is None:
        return None
    asked = questions(simulation)
    if step.question >= len(asked):
        return None
    question = asked[step.question]
    if step.answer is not None and not math.isclose(
        question.answer, step.answer, rel_tol=1e-9, abs_tol=1e-12
    ):
        return None  # another question than the one the learner met
    return question


def rebuilt_simulation(demo: str, step: UnsolvedStep) -> Demo | None:
    """The demo of ``step`` built again and run to it (what the app shows to practise it
    again), or None when it can no longer be built so."""
    try:
        return restored(demo, typed_settings(demo, step.settings), step.state, step.step)
    except (ValueError, RecursionError, MemoryError):  # DemoSettingError is a ValueError
        return None
