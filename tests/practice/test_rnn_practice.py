"""RNN practice: each hidden unit's sum and h asked before a time step is unrolled are the
numbers the step's lines then write, computable from the numbers each formula gives, for the
lecture's word and 50 fresh exercises."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija.i18n import parse_number
from oppija.practice.exercises import RNN_WORDS, exercise, questions
from oppija.practice.question import Question, respond
from oppija.scenes.words.rnn import rnn_lines
from oppija.sims import create_simulation
from oppija.sims.rnn import RecurrentNetwork
from tests.practice.conftest import SEEDS, lecture_and_fresh


def runs() -> Iterator[RecurrentNetwork]:
    return lecture_and_fresh("rnn", RecurrentNetwork)


def written(line: str) -> list[str]:
    """The last vector of a line as the demo writes it: "… = (0,249; 0,38)" → its numbers."""
    return line.rsplit(" = ", 1)[1].strip("()").split("; ")


def numbers_in(text: str) -> list[float]:
    """The numbers of a formula's part: "(−0,6786; 0,6763)" or "0,6028 (the row …)"."""
    head = text.split(" (")[0] if not text.startswith("(") else text
    return [parse_number(v) for v in head.strip("()").split("; ")]


def computed(question: Question) -> float:
    """What a learner gets from the formula's numbers, unrounded."""
    if question.prompt.startswith("h"):
        return 1 / (1 + math.exp(-parse_number(question.formula.rsplit(" = ", 1)[1])))
    parts = [part.split(" = ", 1)[1] for part in question.formula.split(": ", 1)[1].split(", ")]
    (v,), column, h = (numbers_in(part) for part in parts)
    return v + sum(w * x for w, x in zip(column, h, strict=True))


def test_each_number_asked_is_what_the_step_writes_next() -> None:
    for simulation in runs():
        while simulation.step_count < simulation.length:
            found = questions(simulation)
            simulation.step()
            _head, sums, hidden, *_rest = rnn_lines(simulation)
            units = simulation.weights["W"].shape[0]
            assert len(found) == 2 * units
            i = simulation.step_count
            for k in range(units):
                asked_sum, asked_h = found[2 * k], found[2 * k + 1]
                assert asked_sum.answer == simulation.unrolled.pre[i - 1][k]
                assert asked_h.answer == simulation.unrolled.hidden[i - 1][k]
                assert asked_sum.shown == written(sums)[k]
                assert asked_h.shown == written(hidden)[k]
                for question in (asked_sum, asked_h):
                    shown = parse_number(question.shown)
                    assert question.accepts(shown) and question.accepts(computed(question))
                    assert not question.accepts(shown + 0.001)
                    assert not question.accepts(shown - 0.001)
        assert questions(simulation) == []  # the backward view asks nothing


def test_the_hints_name_the_slip() -> None:
    """tanh for the lecture's σ, and a sum without the last hidden state, are named."""
    simulation = create_simulation("rnn", {})
    assert isinstance(simulation, RecurrentNetwork)
    simulation.step()
    first_sum, first_h, *_rest = questions(simulation)
    total = simulation.unrolled.pre[1][0]
    assert "tanh" in respond(first_h, str(math.tanh(total)), 0).message
    v = simulation.unrolled.input_part[1][0]
    assert "Wᵀh₁" in respond(first_sum, str(v), 0).message


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_exercises_are_friendly(seed: int) -> None:
    simulation = exercise("rnn", seed)
    assert isinstance(simulation, RecurrentNetwork)
    assert simulation.params.word in RNN_WORDS and simulation.params.hidden in (1, 2)
    assert all(math.isfinite(v) for v in simulation.weights["W"].ravel())
    assert exercise("rnn", seed).params == simulation.params
