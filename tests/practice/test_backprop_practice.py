"""Backprop practice: every question's answer is the number the demo reveals next, within the
precision the demo writes it, for the lecture's network and 50 fresh exercises."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija.i18n import parse_number
from oppija.practice.exercises import exercise, next_question
from oppija.practice.question import Question, shown_decimals
from oppija.scenes.words.backprop import STEP_WORDS
from oppija.sims import create_simulation
from oppija.sims.backprop import Backpropagation, ScriptStep
from tests.practice.conftest import SEEDS, lecture_and_fresh


def revealed_numbers(step: ScriptStep) -> list[float]:
    """The numbers the step shows that a question may ask for."""
    numbers = step.numbers
    if step.kind == "neuron":
        return [float(numbers["value"])]  # type: ignore[arg-type]
    if step.kind == "error":
        return [float(numbers["error"])]  # type: ignore[arg-type]
    if step.kind == "trace":
        return [float(p["gradient"]) for p in numbers["products"]]  # type: ignore[attr-defined]
    if step.kind == "update":
        return [float(w["after"]) for w in numbers["weights"]]  # type: ignore[attr-defined]
    return []


def asked_and_revealed(simulation: Backpropagation) -> Iterator[tuple[Question, ScriptStep]]:
    """Each question, with the step the demo shows right after it was asked."""
    while simulation.status == "running":
        question = next_question(simulation)
        simulation.step()
        if question is not None:
            assert simulation.current is not None
            yield question, simulation.current


def runs() -> Iterator[Backpropagation]:
    return lecture_and_fresh("backprop", Backpropagation)


def test_each_answer_is_the_number_the_demo_shows_next() -> None:
    asked = 0
    for simulation in runs():
        kinds = set()
        for question, step in asked_and_revealed(simulation):
            kinds.add(step.kind)
            assert question.answer in revealed_numbers(step)
            words = "\n".join(STEP_WORDS[step.kind](step.numbers))
            assert f"= {question.shown}" in words, (question.prompt, words)
            asked += 1
        assert kinds == {"neuron", "error", "trace", "update"}
    assert asked > 51 * 10


def test_the_shown_rounding_is_accepted_and_one_off_in_the_last_digit_is_not() -> None:
    for simulation in runs():
        for question, _step in asked_and_revealed(simulation):
            shown = parse_number(question.shown)
            unit = 10.0 ** -shown_decimals(question.answer)
            assert question.accepts(shown), question.shown
            assert question.accepts(question.answer)
            assert not question.accepts(shown + unit), (question.prompt, question.answer)
            assert not question.accepts(shown - unit), (question.prompt, question.answer)


def test_the_lectures_network_asks_the_slides_numbers() -> None:
    """The slide: y ≈ 0,555, 𝓔 ≈ 0,198, ∂𝓔/∂u₁ ≈ −0,137, u₁ ← 1,068."""
    simulation = create_simulation("backprop", {})
    assert isinstance(simulation, Backpropagation)
    shown = {q.prompt: q.shown for q, _step in asked_and_revealed(simulation)}
    assert shown["y = ?"] == "0,555"
    assert shown["𝓔 = ?"] == "0,198"
    assert shown["∂𝓔/∂u₁ = ?"] == "−0,137"
    assert shown["u₁ ← ?"] == "1,068"


def test_the_formula_holds_the_numbers_it_needs() -> None:
    simulation = create_simulation("backprop", {})
    assert isinstance(simulation, Backpropagation)
    questions = {q.prompt: q for q, _step in asked_and_revealed(simulation)}
    assert questions["h₁ = ?"].formula == "h₁ = σ(z₁), z₁ = 0,5 · 1 + 0,3 · 0"
    assert "0,555" in questions["𝓔 = ?"].formula
    assert questions["∂𝓔/∂u₁ = ?"].filled == "∂𝓔/∂u₁ = (−0,22) × 0,622 = ?"


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_exercises_have_friendly_inputs(seed: int) -> None:
    simulation = exercise("backprop", seed)
    assert isinstance(simulation, Backpropagation)
    state = simulation.state()
    start = state["start_weights"]
    assert isinstance(start, dict)
    inputs = [
        *simulation.params.inputs,
        simulation.params.target,
        *(float(v) for matrix in start.values() for row in matrix for v in row),
    ]
    for value in inputs:
        assert math.isfinite(value)
        assert len(f"{abs(value):g}".replace(".", "").lstrip("0")) <= 4, value
    assert simulation.params.inputs != (0.0, 0.0)
    assert simulation.status == "running"


def test_a_seed_gives_the_same_exercise_and_seeds_differ() -> None:
    first, again, other = exercise("backprop", 7), exercise("backprop", 7), exercise("backprop", 8)
    assert first.state() == again.state()
    assert first.state()["start_weights"] != other.state()["start_weights"]
    assert first.settings != other.settings
