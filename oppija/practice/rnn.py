"""Practice questions for the RNN demo: before a time step is unrolled, each hidden unit's sum
Vᵀxᵢ + Wᵀhᵢ₋₁ and its hᵢ = σ(sum), the numbers the step's lines then write.

The answers are the engine's own unrolled values (three decimals, as the demo writes vectors).
The letters are one-hot, so Vᵀxᵢ is the row of V for the letter; the formulas give V's and W's
numbers and the last hidden state with four decimals, so that computing with them lands within
the demo's rounding. Only the forward steps ask; the backward view's sizes are not sums to do
by hand.
"""

from __future__ import annotations

import math

import numpy as np

from oppija.arrays import Array
from oppija.i18n import _, format_integer
from oppija.practice.question import Question
from oppija.scenes.words.rnn import letter_text
from oppija.sims.rnn import RecurrentNetwork
from oppija.text import subscript
from oppija.text.numbers import decimal, short

GIVEN_DIGITS = 4  # the formulas' numbers: one decimal more than the demo writes
# A sum is judged to the demo's three decimals even where it cancels to 0,000321 (written with
# three significant digits): no one gets six decimals right from four-decimal weights.
SUM_DECIMALS = 3


def questions(simulation: RecurrentNetwork) -> list[Question]:
    """For every hidden unit: its sum and its h at the time step the demo unrolls next."""
    i = simulation.step_count + 1  # the time step shown next, 1 … T
    if simulation.status != "running" or i > simulation.length:
        return []
    u = simulation.unrolled
    if not (np.all(np.isfinite(u.pre[i - 1])) and np.all(np.isfinite(u.hidden[i - 1]))):
        return []
    asked: list[Question] = []
    for k in range(u.hidden.shape[1]):
        asked += [_sum(simulation, i, k), _hidden(simulation, i, k)]
    return asked


def given_lines(simulation: RecurrentNetwork) -> list[str]:
    """The word, its letters one-hot, V (a row a letter) and W (a row a hidden unit)."""
    weights = simulation.weights
    if simulation.letters is None:
        inputs = "; ".join(simulation.labels)
        lines = [f"x = ({inputs}), h₀ = 0"]
    else:
        order = " ".join(letter_text(letter) for letter in simulation.letters)
        lines = [
            _("word {word}, one-hot in the order {order}, h₀ = 0").format(
                word=letter_text(simulation.params.word), order=order
            )
        ]
    for name in ("V", "W"):
        lines.append(f"{name} = ({_rows(weights[name])})")
    return lines


def _rows(matrix: Array) -> str:
    return "; ".join(" ".join(_given(float(v)) for v in row) for row in matrix)


def _sum(simulation: RecurrentNetwork, i: int, k: int) -> Question:
    """(Vᵀxᵢ + Wᵀhᵢ₋₁)ₖ: V's number for the letter plus the last h weighted by W's column k."""
    u, weights = simulation.unrolled, simulation.weights
    now, before = subscript(i), subscript(i - 1)
    x = simulation.inputs[i - 1]
    v = float(u.input_part[i - 1][k])
    h_before = u.hidden[i - 2] if i > 1 else np.zeros(u.hidden.shape[1])
    column = weights["W"][:, k]
    value = float(u.pre[i - 1][k])
    recurrent = float(u.recurrent_part[i - 1][k])
    name = f"Vᵀx{now} + Wᵀh{before}"
    if simulation.letters is not None:
        letter = letter_text(simulation.labels[i - 1])
        v_text = _("{value} (the row of V for {letter})").format(value=_given(v), letter=letter)
    else:
        v_text = f"{_given(float(weights['V'][0, k]))}·{_factor(float(x[0]))}"
    products = " + ".join(
        f"{_factor(float(w))}·{_factor(float(h))}" for w, h in zip(column, h_before, strict=True)
    )
    filled = f"{name} = {_given(v)} + {products}"
    slips = [(v, _("add the last hidden state's part Wᵀh{before} too").format(before=before))]
    if v != 0:
        slips.append((recurrent, _("add the input's part Vᵀx{now} too").format(now=now)))
    return Question(
        prompt=_prompt(name, k, simulation),
        formula=f"{name}: Vᵀx{now} = {v_text}, {_recurrent_numbers(column, h_before, k, before)}",
        answer=value,
        hint=_(
            "the letter's row of V, plus each number of h{before} times its weight in W's "
            "column {k}"
        ).format(before=before, k=format_integer(k + 1)),
        filled=f"{filled} = ?",
        diagnoses=tuple(slips),
        decimals=SUM_DECIMALS,
        written=short(value),
    )


def _recurrent_numbers(column: Array, h_before: Array, k: int, before: str) -> str:
    """W's column k and the last hidden state; with one unit simply W and h."""
    if column.size == 1:
        return f"W = {_given(float(column[0]))}, h{before} = {_given(float(h_before[0]))}"
    name = _("W's column {k}").format(k=format_integer(k + 1))
    return f"{name} = {_vector(column)}, h{before} = {_vector(h_before)}"


def _hidden(simulation: RecurrentNetwork, i: int, k: int) -> Question:
    """hᵢₖ = σ(sum): the RNN of the lecture squashes with the sigmoid."""
    u = simulation.unrolled
    now, before = subscript(i), subscript(i - 1)
    total, value = float(u.pre[i - 1][k]), float(u.hidden[i - 1][k])
    filled = f"σ({_given(total)})"
    return Question(
        prompt=_prompt(f"h{now}", k, simulation),
        formula=f"h{now} = σ(Vᵀx{now} + Wᵀh{before}), Vᵀx{now} + Wᵀh{before} = {_given(total)}",
        answer=value,
        hint=_("σ(s) = 1/(1 + e^(−s)) of the sum"),
        filled=f"h{now} = {filled} = ?",
        diagnoses=(
            (math.tanh(total), _("this network squashes with σ, to between 0 and 1, not tanh")),
            (total, _("that is the sum; σ of it is the answer")),
        ),
    )


def _prompt(name: str, k: int, simulation: RecurrentNetwork) -> str:
    if simulation.unrolled.hidden.shape[1] == 1:
        return f"{name} = ?"
    return f"{name} = ? " + _("(unit {unit})").format(unit=format_integer(k + 1))


def _given(value: float) -> str:
    """One digit more than the demo's :func:`short`: four decimals, four significant digits
    below 0,001."""
    if value == 0:
        return "0"
    size = abs(value)
    return decimal(value, GIVEN_DIGITS if size >= 1e-3 else 3 - math.floor(math.log10(size)))


def _factor(value: float) -> str:
    text = _given(value)
    return f"({text})" if value < 0 and text != "0" else text


def _vector(values: Array) -> str:
    return "(" + "; ".join(_given(float(v)) for v in values) + ")"
