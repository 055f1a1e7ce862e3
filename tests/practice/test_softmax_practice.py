"""Softmax practice: p of the right class, 𝓔 and ∂𝓔/∂z are the numbers the readout writes,
computable from the numbers each formula shows, for the lecture's logits and 50 exercises."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija.i18n import format_fixed, parse_number
from oppija.practice.exercises import exercise, questions
from oppija.practice.question import Question
from oppija.scenes.softmax import text_lines
from oppija.scenes.words.softmax import softmax_readout
from oppija.sims import create_simulation
from oppija.sims.softmax import Softmax
from tests.practice.conftest import SEEDS, lecture_and_fresh


def runs() -> Iterator[Softmax]:
    return lecture_and_fresh("softmax", Softmax)


def asked(simulation: Softmax) -> tuple[Question, Question, Question]:
    p, error, gradient = questions(simulation)
    return p, error, gradient


def test_the_answers_are_the_numbers_the_demo_writes() -> None:
    for simulation in runs():
        p, error, gradient = asked(simulation)
        k = simulation.target
        assert p.answer == simulation.probabilities[k]
        assert error.answer == simulation.cross_entropy
        assert gradient.answer == simulation.gradient[k]
        written = "\n".join(softmax_readout(simulation) + text_lines(simulation))
        for question in (p, error, gradient):
            assert question.shown in written, (question.prompt, written)


def test_the_shown_rounding_is_accepted_and_one_off_in_the_last_digit_is_not() -> None:
    for simulation in runs():
        for question in asked(simulation):
            shown = parse_number(question.shown)
            assert question.accepts(shown) and question.accepts(question.answer)
            assert not question.accepts(shown + 0.001) and not question.accepts(shown - 0.001)


def written_number(text: str) -> float:
    """A number as the demo writes it, also 6,717·10⁻⁴ for a tiny p."""
    plain = text.replace("·10", "e").translate(str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789"))
    return parse_number(plain)


def test_each_formula_gives_the_answer_from_the_numbers_it_shows() -> None:
    for simulation in runs():
        _p, error, gradient = asked(simulation)
        p_for_error = written_number(error.formula.rsplit("= ", 1)[1])
        assert error.accepts(-math.log(p_for_error)), error.formula
        p_for_gradient = parse_number(gradient.formula.split(", ")[1].split("= ")[1])
        assert gradient.accepts((p_for_gradient - 1) / simulation.temperature), gradient.formula


def test_the_lectures_example() -> None:
    """The slide: z = (2; 1; 0,1) gives p₀ ≈ 0,659 and 𝓔 ≈ 0,417."""
    simulation = create_simulation("softmax", {})
    assert isinstance(simulation, Softmax)
    p, error, gradient = asked(simulation)
    assert (p.prompt, p.shown) == ("p₀ = ?", "0,659")
    assert (error.shown, gradient.shown) == ("0,417", format_fixed(0.659 - 1, 3))


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_exercises_are_friendly_and_not_yet_solved(seed: int) -> None:
    simulation = exercise("softmax", seed)
    assert isinstance(simulation, Softmax)
    values = [*simulation.params.logits, simulation.params.temperature]
    for value in values:
        assert math.isfinite(value)
        assert len(f"{abs(value):g}".replace(".", "").lstrip("0")) <= 4, value
    assert simulation.status == "running"
    assert exercise("softmax", seed).params == simulation.params
