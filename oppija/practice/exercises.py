"""Fresh practice exercises: new numbers for a step-through demo, reproducible from a seed.

An exercise is the demo's settings as text (what ``oppija demo NAME --set`` takes), so it can be
printed, typed back and checked by the very simulation the lecture uses. The numbers are
friendly: one decimal in, small enough that nothing over- or underflows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from oppija.i18n import _
from oppija.practice import backprop, conv, gd1d, graph, softmax
from oppija.practice.question import Question
from oppija.sims import DemoSettingError, create_simulation
from oppija.sims.backprop import Backpropagation
from oppija.sims.conv import Convolution
from oppija.sims.demo import Demo
from oppija.sims.gd1d import GradientDescent1D
from oppija.sims.graph import ComputationGraph
from oppija.sims.softmax import Softmax


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


def softmax_settings(seed: int) -> dict[str, str]:
    """Three new logits (one decimal, −2 to 3), a right class and T of 0,5, 1 or 2, chosen so
    that the right class is not already certain (the demo would have nothing to do)."""
    rng = np.random.default_rng([seed, 19, 2])
    while True:
        logits = _one_decimal(rng, -2.0, 3.0, 3)
        target = int(rng.integers(3))
        temperature = float(rng.choice([0.5, 1.0, 1.0, 2.0]))
        scaled = np.array(logits) / temperature
        p = np.exp(scaled - scaled.max())
        if 0.02 < p[target] / p.sum() < 0.95:  # friendly: no 10⁻⁴ to take the log of
            break
    return {"logits": _text(logits), "target": str(target), "temperature": repr(temperature)}


# Formulas a fresh graph exercise picks from: the lecture's first, each with a variable used
# twice so that gradients add up somewhere.
GRAPH_FUNCTIONS = ("x*y + x^2", "(x + y)*y", "x^2 - x*y", "sigmoid(x*y) + y", "x*(y - x)")


def graph_settings(seed: int) -> dict[str, str]:
    """A formula from :data:`GRAPH_FUNCTIONS` and new x and y (one decimal, −3 to 3)."""
    rng = np.random.default_rng([seed, 19, 3])
    function = GRAPH_FUNCTIONS[int(rng.integers(len(GRAPH_FUNCTIONS)))]
    x, y = _one_decimal(rng, -3.0, 3.0, 2)
    return {"function": function, "x": repr(x), "y": repr(y)}


# Error functions of a fresh descent exercise: quadratics, so that the first steps' numbers keep
# few decimals (α and the start have one).
GD1D_FUNCTIONS = ("x^2", "x^2 - 2x", "0.5x^2 + x", "2x^2 - x")
GD1D_MINIMA = (0.0, 1.0, -1.0, 0.25)  # where each has its minimum


def gd1d_settings(seed: int) -> dict[str, str]:
    """A quadratic, α from 0,1 to 0,4 (0,1 or 0,2 for the steepest) and a start from −4 to 4,
    not within 0,5 of the minimum."""
    rng = np.random.default_rng([seed, 19, 4])
    which = int(rng.integers(len(GD1D_FUNCTIONS)))
    function = GD1D_FUNCTIONS[which]
    rates = (0.1, 0.2) if function.startswith("2x") else (0.1, 0.2, 0.3, 0.4)
    lr = float(rng.choice(rates))
    start = GD1D_MINIMA[which]
    while abs(start - GD1D_MINIMA[which]) < 0.5:  # a start at the bottom has no steps to ask
        start = _one_decimal(rng, -4.0, 4.0, 1)[0]
    return {"function": function, "lr": repr(lr), "start": repr(start)}


def conv_settings(seed: int) -> dict[str, str]:
    """A new kernel (nine weights with one decimal, −1 to 1) on one of the demo's pictures."""
    rng = np.random.default_rng([seed, 19, 5])
    image = ("digit", "letter", "cross")[int(rng.integers(3))]
    weights = _one_decimal(rng, -1.0, 1.0, 9)
    return {"image": image, "weights": _text(weights)}


# Each practice demo's maker of fresh settings from a seed.
GENERATORS: dict[str, Callable[[int], dict[str, str]]] = {
    "backprop": backprop_settings,
    "softmax": softmax_settings,
    "graph": graph_settings,
    "gd1d": gd1d_settings,
    "conv": conv_settings,
}
# Demos whose exercise is a whole scripted run; the others' is the questions of one state.
WHOLE_RUNS = ("backprop", "graph", "gd1d", "conv")
# A worksheet stops after this many questions (a feature map has a hundred cells).
MOST_QUESTIONS = 40


def practice_kinds() -> tuple[str, ...]:
    """The demos that have practice questions."""
    return tuple(GENERATORS)


def shows_its_answers(name: str) -> bool:
    """Whether demo ``name``'s picture already writes the numbers its questions ask (softmax
    shows p and 𝓔 for the logits it shows): practice mode hides the picture while it asks,
    and the question's formula carries the numbers needed. A scripted run shows a number
    only once it is stepped to, so its picture stays."""
    return name in GENERATORS and name not in WHOLE_RUNS


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


def questions(simulation: Demo) -> list[Question]:
    """The questions, in order, for the numbers ``simulation`` shows next (maybe none)."""
    if isinstance(simulation, Backpropagation):
        question = backprop.next_question(simulation)
        return [] if question is None else [question]
    if isinstance(simulation, Softmax):
        return softmax.questions(simulation)
    if isinstance(simulation, ComputationGraph):
        question = graph.next_question(simulation)
        return [] if question is None else [question]
    if isinstance(simulation, GradientDescent1D):
        question = gd1d.next_question(simulation)
        return [] if question is None else [question]
    if isinstance(simulation, Convolution):
        question = conv.next_question(simulation)
        return [] if question is None else [question]
    return []


def given_lines(simulation: Demo) -> list[str]:
    """The exercise's numbers as a worksheet states them, before any question."""
    if isinstance(simulation, Backpropagation):
        return backprop.given_lines(simulation)
    if isinstance(simulation, Softmax):
        return softmax.given_lines(simulation)
    if isinstance(simulation, ComputationGraph):
        return graph.given_lines(simulation)
    if isinstance(simulation, GradientDescent1D):
        return gd1d.given_lines(simulation)
    if isinstance(simulation, Convolution):
        return conv.given_lines(simulation)
    return []


def next_question(simulation: Demo) -> Question | None:
    """The first question for the numbers ``simulation`` shows next (None if it asks none)."""
    asked = questions(simulation)
    return asked[0] if asked else None


def worked_solution(simulation: Demo) -> list[tuple[Question, int]]:
    """Every question of the exercise from where ``simulation`` stands, each with the step it
    is asked before; a scripted run is stepped to its end on the way."""
    solution = [(question, simulation.step_count + 1) for question in questions(simulation)]
    while (
        simulation.name in WHOLE_RUNS
        and simulation.status == "running"
        and len(solution) < MOST_QUESTIONS
    ):
        before = simulation.step_count
        simulation.step()
        if simulation.step_count == before:
            break
        solution += [(question, simulation.step_count + 1) for question in questions(simulation)]
    return solution
