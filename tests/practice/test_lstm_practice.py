"""LSTM practice: unit 1's gates, candidate, memory and output asked before each time step are
the numbers the equations then write, computable from the numbers each formula gives, for the
lecture's sequence and 50 fresh exercises."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija.i18n import parse_number
from oppija.practice.exercises import exercise, questions
from oppija.practice.question import Question, respond
from oppija.scenes.lstm import equation_lines
from oppija.sims import create_simulation
from oppija.sims.lstm import LSTMGates
from oppija.text.subscript_markup import bare_subscript
from tests.practice.conftest import SEEDS, lecture_and_fresh

ORDER = ("f", "i", "o", "g", "c", "h")  # the demo's equations, top to bottom


def runs() -> Iterator[LSTMGates]:
    return lecture_and_fresh("lstm", LSTMGates)


def asked(simulation: LSTMGates) -> Iterator[list[Question]]:
    """Each time step's questions, asked before the step is taken; the step is then taken."""
    while simulation.status == "running":
        found = questions(simulation)
        simulation.step()
        yield found


def numbers_of(formula: str) -> dict[str, float]:
    """The formula's "name = number" parts after its first one."""
    parts = (part.split(" = ") for part in formula.split(", ")[1:])
    return {name: parse_number(value) for name, value in parts}


def computed(question: Question) -> float:
    """What a learner gets from the formula's numbers, unrounded."""
    name, values = question.prompt[0], list(numbers_of(question.formula).values())
    if name in "fiog":  # W, x, then U and h (one unit) or U·h (several), then b
        w, x, *middle, b = values
        recurrent = middle[0] * middle[1] if len(middle) == 2 else middle[0]
        total = w * x + recurrent + b
        return math.tanh(total) if name == "g" else 1 / (1 + math.exp(-total))
    if name == "c":
        f, c_prev, i, g = values
        return f * c_prev + i * g
    o, c = values
    return o * math.tanh(c)


def test_each_number_asked_is_what_the_equations_write_next() -> None:
    for simulation in runs():
        for found in asked(simulation):
            assert [q.prompt[0] for q in found] == list(ORDER)
            step = simulation.current
            assert step is not None
            lines = equation_lines(simulation, 0)[1:]
            for question, name, line in zip(found, ORDER, lines, strict=True):
                assert question.answer == float(step.gates[name][0])
                assert line.startswith(f"{name}ₜ = ") and line.split("  ")[0].endswith(
                    f"= {question.shown}"
                )
                shown = parse_number(question.shown)
                assert question.accepts(shown) and question.accepts(computed(question))
                assert not question.accepts(shown + 0.01) and not question.accepts(shown - 0.01)


def test_the_hints_name_the_slip() -> None:
    """tanh for a gate's σ, a forgotten old memory, a forgotten tanh: each named."""
    simulation = LSTMGates(initial=([0.0], [2.0]), sequence=(1.0,), hidden=1, seed=7)
    f, _i, _o, _g, c, h = questions(simulation)
    step = simulation.time_step(0)
    total = sum(float(term[0]) for term in step.terms["f"])
    assert "tanh" in respond(f, str(math.tanh(total)), 0).message
    i_g = float(step.gates["i"][0] * step.gates["g"][0])
    assert "f·c₀" in respond(c, str(i_g), 0).message
    assert "tanh" in respond(h, str(float(step.gates["o"][0] * step.gates["c"][0])), 0).message


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_exercises_are_friendly(seed: int) -> None:
    simulation = exercise("lstm", seed)
    assert isinstance(simulation, LSTMGates)
    assert simulation.params.hidden == 1 and simulation.params.sequence[0] != 0
    for value in simulation.params.sequence:
        assert math.isfinite(value) and len(f"{abs(value):g}".replace(".", "").lstrip("0")) <= 4
    assert exercise("lstm", seed).params == simulation.params


def test_the_weights_are_written_with_subscripts_never_an_underscore() -> None:
    """W_f is how the lecture does not write it (issue 16's notation): Wᵢ where Unicode has the
    letter, the lesson format's W~f~ where it has none, which every screen draws as a subscript."""
    written = [
        text
        for simulation in [create_simulation("lstm", {}), exercise("lstm", 7)]
        for step in asked(simulation)
        for question in step
        for text in (question.formula, question.filled, question.derivation, question.hint)
    ]
    assert written
    assert not [text for text in written if bare_subscript(text)]
    assert any("W~f~" in text for text in written) and any("Wᵢ" in text for text in written)
