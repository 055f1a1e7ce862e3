"""Practice steps whose answer was shown, rebuilt as questions for ``oppija korda``.

A step is kept as its demo's settings and position (:class:`UnsolvedStep`); the simulation is
built again from them and run to the step, so the question is the very one the learner met.
A step that no longer builds (a setting this version refuses) is left out, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping

from oppija.practice.exercises import questions
from oppija.practice.question import Question
from oppija.progress_practice import PracticeResult, UnsolvedStep
from oppija.sims import DemoSettingError, simulation_class
from oppija.sims.demo import Demo
from oppija.sims.settings import checked_value


def steps_due(practice: Mapping[str, PracticeResult]) -> list[tuple[str, UnsolvedStep]]:
    """Every demo's unsolved steps, the oldest first."""
    steps = [(demo, step) for demo, result in practice.items() for step in result.unsolved]
    return sorted(steps, key=lambda item: item[1].at)


def rebuilt_question(demo: str, step: UnsolvedStep) -> Question | None:
    """The question of ``step``, or None when its demo can no longer be built so."""
    simulation = rebuilt_simulation(demo, step)
    if simulation is None:
        return None
    asked = questions(simulation)
    return asked[step.question] if step.question < len(asked) else None


def rebuilt_simulation(demo: str, step: UnsolvedStep) -> Demo | None:
    """The demo of ``step`` built again and run to it (what the app shows to practise it
    again), or None when it can no longer be built so."""
    try:
        settings = {
            key: checked_value(demo, key, list(value) if isinstance(value, list) else value)
            for key, value in step.settings.items()
        }
        simulation = simulation_class(demo)(**settings)
        simulation.run(step.step)
    except (DemoSettingError, ValueError, RecursionError, MemoryError):
        return None
    if simulation.step_count != step.step:
        return None
    return simulation
