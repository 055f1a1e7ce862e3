"""Fresh practice exercises: new numbers for a step-through demo, reproducible from a seed.

An exercise is the demo's settings as text (what ``oppija demo NAME --set`` takes), so it can be
printed, typed back and checked by the very simulation the lecture uses. The numbers are
friendly: one decimal in, small enough that nothing over- or underflows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from oppija.i18n import _
from oppija.practice import backprop
from oppija.practice.question import Question
from oppija.sims import DemoSettingError, create_simulation
from oppija.sims.backprop import Backpropagation
from oppija.sims.demo import Demo


def _one_decimal(rng: np.random.Generator, low: float, high: float, count: int) -> list[float]:
    """``count`` numbers with one decimal in [low, high] (0.0, never −0.0)."""
    return [float(v) + 0.0 for v in np.round(rng.uniform(low, high, count), 1)]


def _text(values: list[float]) -> str:
    return " ".join(repr(v) for v in values)


def backprop_settings(seed: int) -> dict[str, str]:
    """New weights (the demo's own seeded one-decimal weights), new inputs and a new target."""
    rng = np.random.default_rng([seed, 19])
    inputs = _one_decimal(rng, -1.0, 1.0, 2)
    if inputs == [0.0, 0.0]:  # nothing would reach the hidden layer's weights
        inputs[0] = 1.0
    target = _one_decimal(rng, 0.0, 1.0, 1)
    return {"seed": str(seed), "inputs": _text(inputs), "target": _text(target)}


# Each practice demo's maker of fresh settings from a seed.
GENERATORS: dict[str, Callable[[int], dict[str, str]]] = {"backprop": backprop_settings}


def practice_kinds() -> tuple[str, ...]:
    """The demos that have practice questions."""
    return tuple(GENERATORS)


def exercise(name: str, seed: int) -> Demo:
    """A fresh exercise of demo ``name`` from ``seed``, as a simulation at its first step.

    Raises:
        DemoSettingError: translated, when ``name`` has no practice exercises.
    """
    if name not in GENERATORS:
        raise DemoSettingError(
            _("“{name}” has no practice exercises; these have: {names}").format(
                name=name, names=", ".join(practice_kinds())
            )
        )
    return create_simulation(name, GENERATORS[name](seed))


def next_question(simulation: Demo) -> Question | None:
    """The question for the number ``simulation`` reveals next (None if it asks nothing)."""
    if isinstance(simulation, Backpropagation):
        return backprop.next_question(simulation)
    return None


def worked_solution(simulation: Demo) -> list[tuple[Question, int]]:
    """Every question of the run from where ``simulation`` stands, each with the step it is
    asked before; the simulation is stepped to the end on the way."""
    solution = []
    while simulation.status == "running":
        question = next_question(simulation)
        if question is not None:
            solution.append((question, simulation.step_count + 1))
        before = simulation.step_count
        simulation.step()
        if simulation.step_count == before:
            break
    return solution
