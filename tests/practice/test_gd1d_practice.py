"""Descent practice: θ after each of the first steps is the number the readout then writes,
and computing it from the numbers the formula shows is accepted, for the lecture's bowl and
50 fresh exercises."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija.i18n import parse_number
from oppija.practice.exercises import GD1D_FUNCTIONS, exercise, next_question
from oppija.practice.gd1d import FIRST_STEPS
from oppija.practice.question import Question
from oppija.scenes.words.descent import descent_readout
from oppija.sims import create_simulation
from oppija.sims.gd1d import GradientDescent1D

SEEDS = range(50)


def runs() -> Iterator[GradientDescent1D]:
    for simulation in [create_simulation("gd1d", {}), *(exercise("gd1d", s) for s in SEEDS)]:
        assert isinstance(simulation, GradientDescent1D)
        yield simulation


def asked(simulation: GradientDescent1D) -> Iterator[tuple[Question, float, list[str]]]:
    """Each question, θ after the step, and the readout then."""
    while (question := next_question(simulation)) is not None:
        simulation.step()
        yield question, float(simulation.theta[0]), descent_readout(simulation)


def test_theta_after_each_first_step_is_what_the_readout_writes() -> None:
    for simulation in runs():
        questions = list(asked(simulation))
        assert len(questions) == FIRST_STEPS
        for question, theta, readout in questions:
            assert question.answer == theta
            assert f"θ = {question.shown}" in readout


def test_the_formulas_numbers_give_an_accepted_answer_and_one_off_is_not() -> None:
    for simulation in runs():
        for question, _theta, _readout in asked(simulation):
            numbers = dict(part.split(" = ") for part in question.formula.split(", ")[1:])
            theta, lr, slope = (parse_number(v) for v in numbers.values())
            assert question.accepts(theta - lr * slope), question.formula
            shown = parse_number(question.shown)
            assert question.accepts(shown)
            assert not question.accepts(shown + 1e-4) and not question.accepts(shown - 1e-4)


def test_the_lectures_bowl() -> None:
    """x², α = 0,1 from 3: 2,4, then 1,92, then 1,536."""
    simulation = create_simulation("gd1d", {})
    assert isinstance(simulation, GradientDescent1D)
    assert [q.shown for q, _t, _r in asked(simulation)] == ["2,400", "1,920", "1,536"]


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_exercises_are_friendly(seed: int) -> None:
    simulation = exercise("gd1d", seed)
    assert isinstance(simulation, GradientDescent1D)
    assert simulation.params.function.text in GD1D_FUNCTIONS
    for value in (simulation.params.lr, simulation.params.start):
        assert math.isfinite(value) and len(f"{abs(value):g}".replace(".", "").lstrip("0")) <= 4
    assert simulation.status == "running"
