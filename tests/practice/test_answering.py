"""A typed answer: decimal comma or point and either minus are read, unreadable text gets a
translated reason and costs no try, wrong tries get different hints, the third the answer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from oppija import i18n
from oppija.practice.exercises import next_question
from oppija.practice.question import Feedback, Question, respond
from oppija.sims import create_simulation


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    previous = i18n.current_language()
    yield
    i18n.set_language(previous)


def question_at(prompt: str) -> Question:
    """The lecture network's question with this prompt."""
    simulation = create_simulation("backprop", {})
    while simulation.status == "running":
        question = next_question(simulation)
        if question is not None and question.prompt == prompt:
            return question
        simulation.step()
    raise AssertionError(prompt)


@pytest.mark.parametrize("typed", ["−0,137", "-0.137", " -0,1369 ", "−0.13680", "–0,137"])
def test_the_answer_is_read_in_every_spelling(typed: str) -> None:
    assert respond(question_at("∂𝓔/∂u₁ = ?"), typed, 0).outcome == "right"


@pytest.mark.parametrize(
    ("language", "reason"), [("et", "„0,1x“ ei ole arv"), ("en", "“0,1x” is not a number")]
)
def test_unreadable_text_is_refused_in_the_active_language(language: str, reason: str) -> None:
    i18n.set_language(language)
    feedback = respond(question_at("∂𝓔/∂u₁ = ?"), "0,1x", 0)
    assert (feedback.outcome, feedback.message) == ("unreadable", reason)
    assert respond(question_at("𝓔 = ?"), "__import__('os')", 2).outcome == "unreadable"


@pytest.mark.parametrize("typed", ["0,1 − 0,237", "(1 − 0,8)²", "−0,22 · 0,622", "3/4"])
def test_a_calculation_typed_is_told_to_be_worked_out_and_costs_no_try(typed: str) -> None:
    """The learner works the number out; a calculation typed instead (a filled-in formula, as
    the second hint shows it) is not judged, and is told apart from text that is no number."""
    i18n.set_language("et")
    feedback = respond(question_at("∂𝓔/∂u₁ = ?"), typed, 0)
    assert feedback == Feedback(
        "unreadable", f"„{typed}“ on arvutus: arvuta see välja ja kirjuta vastuseks saadud arv"
    )


def test_two_wrong_tries_get_different_hints_and_the_third_the_derivation() -> None:
    i18n.set_language("en")
    question = question_at("∂𝓔/∂u₁ = ?")
    first, second, third = (respond(question, "0,5", tries) for tries in range(3))
    assert first.outcome == second.outcome == "wrong"
    assert first.message != second.message
    assert "local derivative" in first.message
    assert "(-0.22) × 0.622 = ?" in second.message
    assert third.outcome == "shown"
    assert "(-0.22) × 0.622 = -0.137" in third.message


@pytest.mark.parametrize(
    ("prompt", "typed", "slip"),
    [
        ("∂𝓔/∂u₁ = ?", "0,137", "the sign is off"),
        ("∂𝓔/∂s = ?", "−0,89", "only the upstream gradient"),
        ("∂𝓔/∂s = ?", "0,247", "only the local derivative"),
        ("h₁ = ?", "0,5", "weighted sum"),
        ("𝓔 = ?", "0,445", "is the difference"),
        ("u₁ ← ?", "0,932", "against the gradient"),
    ],
)
def test_the_first_hint_names_the_slip(prompt: str, typed: str, slip: str) -> None:
    i18n.set_language("en")
    feedback = respond(question_at(prompt), typed, 0)
    assert feedback.outcome == "wrong"
    assert slip in feedback.message


def test_a_derivation_left_out_is_the_filled_formula_answered_as_the_demo_writes_it() -> None:
    usual = Question(
        "y = ?", "y = a·b", 0.12345, "a times b", "y = 0,5 · 0,2469 = ?", written="0,123"
    )
    assert usual.derivation == "y = 0,5 · 0,2469 = 0,123"
    told = replace(usual, derivation="y = 0,12345 ≈ 0,123")
    assert told.derivation == "y = 0,12345 ≈ 0,123"
