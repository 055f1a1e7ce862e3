"""Linear-regression practice: θ₀ and θ₁ after each of the first steps are the numbers the
readout then writes, computable from the points (a fresh exercise) or the gradient (the
lecture's twenty points) the formula gives, for the lecture's run and 50 fresh exercises."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pytest

from oppija.i18n import parse_number
from oppija.practice.exercises import exercise, questions
from oppija.practice.linreg import FIRST_STEPS
from oppija.practice.question import Question, respond
from oppija.scenes.words.descent import descent_readout
from oppija.sims.linreg import LinearRegressionDescent
from tests.practice.conftest import SEEDS, lecture_and_fresh


def runs() -> Iterator[LinearRegressionDescent]:
    return lecture_and_fresh("linreg", LinearRegressionDescent)


def pair(text: str) -> list[float]:
    return [parse_number(v) for v in text.split("; ")]


def computed(question: Question) -> float:
    """θⱼ − α·∂𝓔/∂θⱼ from the formula's numbers, the gradient from the points where given."""
    j = 1 if question.prompt.startswith("θ₁") else 0
    formula = question.formula
    lr = parse_number(re.findall(r"α = ([^ ]+?)(?:, |$)", formula)[0])
    points = re.findall(r"\((−?[\d,]+; −?[\d,]+)\)", formula.split(": ", 1)[-1])
    if "Σ" not in formula:  # the lecture's twenty points: the gradient is given
        theta, _lr, slope = (parse_number(part.split(" = ")[1]) for part in formula.split(", ")[1:])
        return theta - lr * slope
    theta = pair(re.findall(r"θ⁽.⁾ = \(([^)]*)\)", formula)[0])
    xy = [pair(p) for p in points]
    errors = [(theta[0] + theta[1] * x - y) * (x if j else 1.0) for x, y in xy]
    return theta[j] - lr * 2 / len(xy) * sum(errors)


def test_theta_after_each_first_step_is_what_the_readout_writes() -> None:
    for simulation in runs():
        steps = 0
        while found := questions(simulation):
            simulation.step()
            steps += 1
            theta0, theta1 = found
            assert [theta0.answer, theta1.answer] == simulation.theta.tolist()
            assert f"θ = ({theta0.shown}; {theta1.shown})" in descent_readout(simulation)
            for question in found:
                shown = parse_number(question.shown)
                assert question.accepts(shown) and question.accepts(computed(question))
                assert question.decimals is not None
                last = 10.0**-question.decimals
                # Friendly numbers often end in a half (−0,23925): the neighbour as near as
                # the shown number is a fair rounding; the one beyond it is not.
                off = [
                    v
                    for v in (shown + last, shown - last)
                    if abs(v - question.answer) > question.tolerance * (1 + 1e-6)
                ]
                assert off and not any(question.accepts(v) for v in off)
        assert steps == FIRST_STEPS


def test_a_fresh_exercise_asks_the_gradient_from_the_points() -> None:
    """A few points are in the formula and the second hint gives the gradient; forgetting the
    2 of the square's derivative, or θ₁'s xᵢ, is named."""
    simulation = exercise("linreg", 7)
    assert isinstance(simulation, LinearRegressionDescent)
    theta0, theta1 = questions(simulation)
    assert "Σᵢ" in theta0.formula and "(−1; 0,9), (0; 0,5)" in theta0.formula
    g0 = float(simulation.grad[0])
    t0, t1 = (float(v) for v in simulation.theta)
    lr = simulation.lr
    assert "2/m" in respond(theta0, str(t0 - lr * g0 / 2), 0).message
    assert "xᵢ" in respond(theta1, str(t1 - lr * g0), 0).message


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_exercises_are_friendly(seed: int) -> None:
    simulation = exercise("linreg", seed)
    assert isinstance(simulation, LinearRegressionDescent)
    p = simulation.params
    assert p.xs is not None and p.ys is not None and len(p.xs) in (2, 4)
    assert len(set(p.xs)) == len(p.xs)
    for value in (*p.xs, *p.ys, *p.start, p.lr):
        assert math.isfinite(value) and len(f"{abs(value):g}".replace(".", "").lstrip("0")) <= 4
    assert exercise("linreg", seed).params == simulation.params
