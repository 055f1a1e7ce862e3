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
from tests.practice.conftest import SEEDS, lecture_and_fresh


def runs() -> Iterator[GradientDescent1D]:
    return lecture_and_fresh("gd1d", GradientDescent1D)


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
            assert question.decimals is not None
            last = 10.0**-question.decimals  # one in the last digit the readout writes
            # θ = −1,1715 lies halfway: −1,171 is as fair a rounding as the shown −1,172.
            off = [
                v
                for v in (shown + last, shown - last)
                if abs(v - question.answer) > question.tolerance * (1 + 1e-6)
            ]
            assert off and not any(question.accepts(v) for v in off)


def test_the_lectures_bowl() -> None:
    """x², α = 0,1 from 3: 2,4, then 1,92, then 1,536."""
    simulation = create_simulation("gd1d", {})
    assert isinstance(simulation, GradientDescent1D)
    assert [q.shown for q, _t, _r in asked(simulation)] == ["2,400", "1,920", "1,536"]


@pytest.mark.parametrize(
    ("start", "lr", "finer", "off"),
    [
        ("50", "0,1", 40.004, 40.01),  # θ₁ = 40: the readout writes 40,00
        ("100", "10", -1900.4, -1901.0),  # θ₁ = −1900: written −1900, no decimals
        ("0,003", "0,1", 0.0024004, 0.002401),  # θ₁ = 0,0024: written 0,002400
    ],
)
def test_any_size_of_theta_is_judged_to_the_digits_the_readout_writes(
    start: str, lr: str, finer: float, off: float
) -> None:
    """A finer answer that rounds to what the readout writes is right, whether θ is 40, −1900
    or 0,0024; one off in the last written digit is not."""
    simulation = create_simulation("gd1d", {"function": "x^2", "lr": lr, "start": start})
    question = next_question(simulation)
    assert question is not None
    simulation.step()
    assert f"θ = {question.shown}" in descent_readout(simulation)
    assert question.accepts(finer) and not question.accepts(off)


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_exercises_are_friendly(seed: int) -> None:
    simulation = exercise("gd1d", seed)
    assert isinstance(simulation, GradientDescent1D)
    assert simulation.params.function.text in GD1D_FUNCTIONS
    for value in (simulation.params.lr, simulation.params.start):
        assert math.isfinite(value) and len(f"{abs(value):g}".replace(".", "").lstrip("0")) <= 4
    assert simulation.status == "running"
