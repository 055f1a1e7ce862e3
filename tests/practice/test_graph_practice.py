"""Computation-graph practice: before each backward record, the gradient it sends to the node's
first input is asked, and it is the number the demo then writes, for 50 fresh exercises."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija.i18n import parse_number
from oppija.practice.exercises import GRAPH_FUNCTIONS, exercise, next_question
from oppija.practice.question import Question, shown_decimals
from oppija.scenes.words.graph import graph_lines
from oppija.sims import create_simulation
from oppija.sims.graph import ComputationGraph
from tests.practice.conftest import SEEDS, lecture_and_fresh


def runs() -> Iterator[ComputationGraph]:
    return lecture_and_fresh("graph", ComputationGraph)


def asked_and_written(simulation: ComputationGraph) -> Iterator[tuple[Question, str]]:
    while simulation.status == "running":
        question = next_question(simulation)
        simulation.step()
        if question is not None:
            yield question, "\n".join(graph_lines(simulation))


def test_each_answer_is_the_gradient_the_demo_writes_next() -> None:
    for simulation in runs():
        asked = list(asked_and_written(simulation))
        assert asked
        for question, written in asked:
            name = question.prompt.removesuffix(" = ?").removeprefix("∂f/∂")
            assert f"∂f/∂{name}: " in written and f"= {question.shown}" in written, written


def test_the_shown_rounding_is_accepted_and_one_off_in_the_last_digit_is_not() -> None:
    for simulation in runs():
        for question, _written in asked_and_written(simulation):
            shown = parse_number(question.shown)
            unit = 10.0 ** -shown_decimals(question.answer)
            assert question.accepts(shown) and question.accepts(question.answer)
            assert not question.accepts(shown + unit) and not question.accepts(shown - unit)


def test_the_lectures_graph_asks_its_first_gradient() -> None:
    """x·y + x² at (2; −3): the sum sends 1 to x·y first."""
    simulation = create_simulation("graph", {})
    assert isinstance(simulation, ComputationGraph)
    question = next_question(simulation)
    assert question is not None
    assert (question.prompt, question.shown) == ("∂f/∂(x·y) = ?", "1")


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_exercises_are_friendly(seed: int) -> None:
    simulation = exercise("graph", seed)
    assert isinstance(simulation, ComputationGraph)
    assert simulation.params.function.text in GRAPH_FUNCTIONS
    for value in (simulation.params.x, simulation.params.y):
        assert math.isfinite(value) and len(f"{abs(value):g}".replace(".", "").lstrip("0")) <= 4
    assert all(math.isfinite(node.value) for node in simulation.nodes)
    assert simulation.status == "running"
