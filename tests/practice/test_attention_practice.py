"""Attention practice: just before the five steps show the scores and their softmax, the
weights of one row are asked; they are the numbers the table then writes, computable from the
row of scores the formula gives, for the lecture's model and fresh exercises on its tasks."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija.i18n import parse_number
from oppija.practice.attention import SCORES_STAGE, asked_row
from oppija.practice.exercises import exercise, questions, worked_solution
from oppija.practice.question import Question, respond
from oppija.scenes import draw_scene
from oppija.sims.attention import Attention
from tests.practice.conftest import SEEDS, lecture_and_fresh


def runs() -> Iterator[Attention]:
    lecture = Attention(view="steps")
    lecture.run(SCORES_STAGE - 2)
    return lecture_and_fresh("attention", Attention, lecture)


def scores_of(question: Question) -> list[float]:
    """The row of scores the formula gives."""
    return [parse_number(v) for v in question.formula.rsplit("s = (", 1)[1][:-1].split("; ")]


def test_the_weights_asked_are_what_the_table_writes_next() -> None:
    for simulation in runs():
        found = questions(simulation)
        words = simulation.params.words
        assert len(found) == len(words)
        simulation.step()
        assert simulation.stage == SCORES_STAGE and questions(simulation) == []
        weights = simulation.walk["weights"][simulation.head]
        row = asked_row(weights)
        picture = "\n".join(
            "".join(segment.text for segment in line) for line in draw_scene(simulation, 200, 60)
        )
        written = " ".join(question.shown for question in found)
        assert any(written in " ".join(line.split()) for line in picture.splitlines())
        for j, question in enumerate(found):
            assert question.answer == weights[row][j]
            scores = scores_of(question)
            by_hand = math.exp(scores[j]) / sum(math.exp(s) for s in scores)
            shown = parse_number(question.shown)
            assert question.accepts(shown) and question.accepts(by_hand)
            assert not question.accepts(shown + 0.01) and not question.accepts(shown - 0.01)


def test_the_decoding_view_asks_nothing_and_the_hint_names_the_slip() -> None:
    assert questions(Attention()) == []
    simulation = exercise("attention", 7)
    first, *_rest = worked_solution(simulation)
    question = first[0]
    scores = scores_of(question)
    slip = respond(question, str(scores[0] / sum(scores)), 0).message
    assert question.diagnoses[0][1] in slip  # softmax divides the exponentials


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_exercises_open_the_steps_just_before_the_scores(seed: int) -> None:
    simulation = exercise("attention", seed)
    assert isinstance(simulation, Attention)
    assert simulation.view == "steps" and simulation.stage == SCORES_STAGE - 1
    assert simulation.params.task in ("copy", "reverse")
    assert simulation.head == seed % simulation.params.heads
