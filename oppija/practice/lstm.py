"""Practice questions for the LSTM demo: before a time step is shown, its gates, the candidate,
the memory c and the output h of unit 1, in the order the demo writes its equations.

Every answer is the engine's own cell computing the next time step (the demo's
:meth:`~oppija.sims.lstm.LSTMGates.time_step`), written as the equations write
it (three decimals at most). The formulas give their numbers with four, so that computing with them
lands within the demo's rounding; the hints name the usual slips: σ for tanh and back, a
forgotten old memory, a forgotten tanh.
"""

from __future__ import annotations

import math

import numpy as np

from oppija.i18n import _, format_integer
from oppija.practice.question import Question
from oppija.scenes.words.lstm import EQUATION_DECIMALS, equation_number
from oppija.sims.lstm import GATE_NAMES, LSTMGates, TimeStep, weight_key
from oppija.text import subscript
from oppija.text.numbers import decimal
from oppija.text.scripts import SUBSCRIPT_OF

UNIT = 0  # the unit whose equations the demo writes out first (unit 1)
ACTIVATIONS = {"f": "σ", "i": "σ", "o": "σ", "g": "tanh"}


def questions(simulation: LSTMGates) -> list[Question]:
    """fₜ, iₜ, oₜ, gₜ, cₜ and hₜ of unit 1 for the time step the demo reads next."""
    t = simulation.step_count
    if simulation.status != "running" or t >= simulation.length:
        return []
    step = simulation.time_step(t)
    if not all(np.all(np.isfinite(v)) for v in step.gates.values()):
        return []
    names = _Names(t + 1, simulation.params.hidden)
    asked = [_gate(simulation, step, names, gate) for gate in GATE_NAMES]
    return [*asked, _memory(step, names), _output(step, names)]


def given_lines(simulation: LSTMGates) -> list[str]:
    """The sequence, the start state and unit 1's weights, one gate a line."""
    sequence = "; ".join(_given(x) for x in simulation.params.sequence)
    h0, c0 = (_given(float(v[UNIT])) for v in simulation.start)
    lines = [f"x = ({sequence}), h₀ = {h0}, c₀ = {c0}"]
    if simulation.params.hidden > 1:
        lines.append(
            _("hidden units: {count}; the questions are about unit 1").format(
                count=format_integer(simulation.params.hidden)
            )
        )
    for gate in GATE_NAMES:
        key = weight_key(gate)
        w = float(simulation.cell.W[key].data[0, UNIT])
        u = simulation.cell.U[key].data[:, UNIT]
        b = float(simulation.cell.b[key].data[UNIT])
        u_text = _given(float(u[0])) if u.size == 1 else "(" + "; ".join(map(_given, u)) + ")"
        lines.append(
            f"W{_sub(key)} = {_given(w)}, U{_sub(key)} = {u_text}, b{_sub(key)} = {_given(b)}"
        )
    return lines


class _Names:
    """The time step's names: x₂, h₁, c₁ and the unit's remark where there are several."""

    def __init__(self, t: int, hidden: int) -> None:
        self.now, self.before = subscript(t), subscript(t - 1)
        self.unit = (
            "" if hidden == 1 else " " + _("(unit {unit})").format(unit=format_integer(UNIT + 1))
        )

    def of(self, name: str) -> str:
        return f"{name}{self.now}"

    def prompt(self, name: str) -> str:
        return f"{self.of(name)} = ?{self.unit}"


def _gate(simulation: LSTMGates, step: TimeStep, names: _Names, gate: str) -> Question:
    """A gate (σ) or the candidate (tanh) of the weighted sum of x, the last h and the bias."""
    key = weight_key(gate)
    wx, uh, b = (float(term[UNIT]) for term in step.terms[gate])
    w = float(simulation.cell.W[key].data[0, UNIT])
    total = wx + uh + b
    value = float(step.gates[gate][UNIT])
    f = ACTIVATIONS[gate]
    x, h_before = names.of("x"), f"h{names.before}"
    sum_text = f"W{_sub(key)}·{x} + U{_sub(key)}·{h_before} + b{_sub(key)}"
    numbers = [f"W{_sub(key)} = {_given(w)}", f"{x} = {_given(step.x)}"]
    if simulation.params.hidden == 1:  # one unit: U·h is a product to do by hand too
        u = float(simulation.cell.U[key].data[0, 0])
        h = float(step.h_prev[0])
        numbers += [f"U{_sub(key)} = {_given(u)}", f"{h_before} = {_given(h)}"]
        recurrent = f"{_factor(u)}·{_factor(h)}"
    else:
        numbers.append(f"U{_sub(key)}·{h_before} = {_given(uh)}")
        recurrent = _factor(uh)
    numbers.append(f"b{_sub(key)} = {_given(b)}")
    filled = f"{f}({_factor(w)}·{_factor(step.x)} + {recurrent} + {_factor(b)})"
    other = math.tanh(total) if f == "σ" else _sigmoid(total)
    swapped = (
        _("a gate squashes with σ, to between 0 and 1, not with tanh")
        if f == "σ"
        else _("the candidate squashes with tanh, to between −1 and 1, not with σ")
    )
    return Question(
        prompt=names.prompt(gate),
        formula=f"{names.of(gate)} = {f}({sum_text}), " + ", ".join(numbers),
        answer=value,
        hint=_(
            "add up the weighted input, the weighted last output and the bias, then take {f}"
        ).format(f=f),
        filled=f"{names.of(gate)} = {filled} = ?",
        derivation=f"{names.of(gate)} = {filled} = {f}({_given(total)}) = {_shown(value)}",
        diagnoses=(
            (other, swapped),
            (total, _("that is the sum; {f} of it is the answer").format(f=f)),
        ),
        decimals=EQUATION_DECIMALS,
        written=_shown(value),  # 0,5, as the equations write it
    )


def _memory(step: TimeStep, names: _Names) -> Question:
    """cₜ = fₜ·cₜ₋₁ + iₜ·gₜ: the kept old memory plus the written candidate."""
    f, i, g = (float(step.gates[k][UNIT]) for k in ("f", "i", "g"))
    c_prev, c = float(step.c_prev[UNIT]), float(step.gates["c"][UNIT])
    before = f"c{names.before}"
    products = f"{_given(f)}·{_factor(c_prev)} + {_given(i)}·{_factor(g)}"
    slips = [(f * c_prev + g, _("the input gate i scales the candidate: i·g"))]
    if c_prev != 0:
        slips.append((i * g, _("the old memory stays too: add f·{before}").format(before=before)))
    slips.append((f * c_prev, _("add what the input gate writes: i·g")))
    return Question(
        prompt=names.prompt("c"),
        formula=f"{names.of('c')} = {names.of('f')}·{before} + {names.of('i')}·{names.of('g')}, "
        f"{names.of('f')} = {_given(f)}, {before} = {_given(c_prev)}, "
        f"{names.of('i')} = {_given(i)}, {names.of('g')} = {_given(g)}",
        answer=c,
        hint=_(
            "the forget gate keeps part of the old memory, the input gate adds part of the "
            "candidate"
        ),
        filled=f"{names.of('c')} = {products} = ?",
        diagnoses=tuple(slips),
        decimals=EQUATION_DECIMALS,
        written=_shown(c),  # 0,5, as the equations write it
    )


def _output(step: TimeStep, names: _Names) -> Question:
    """hₜ = oₜ·tanh(cₜ): the output gate lets through part of the squashed memory."""
    o, c, h = (float(step.gates[k][UNIT]) for k in ("o", "c", "h"))
    filled = f"{_given(o)}·tanh({_given(c)})"
    return Question(
        prompt=names.prompt("h"),
        formula=f"{names.of('h')} = {names.of('o')}·tanh({names.of('c')}), "
        f"{names.of('o')} = {_given(o)}, {names.of('c')} = {_given(c)}",
        answer=h,
        hint=_("squash the memory with tanh, then multiply by the output gate"),
        filled=f"{names.of('h')} = {filled} = ?",
        derivation=f"{names.of('h')} = {filled} = {_given(o)}·{_factor(math.tanh(c))} = "
        f"{_shown(h)}",
        diagnoses=(
            (o * c, _("take tanh of the memory c before multiplying")),
            (math.tanh(c), _("multiply by the output gate o as well")),
        ),
        decimals=EQUATION_DECIMALS,
        written=_shown(h),  # 0,5, as the equations write it
    )


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def _sub(key: str) -> str:
    """A weight's index as the lecture writes it: Wᵢ, bₒ where Unicode has the letter, else
    the lesson format's written subscript, W~f~ (:mod:`oppija.text.subscript_markup`)."""
    return subscript(key) if all(char in SUBSCRIPT_OF for char in key) else f"~{key}~"


def _given(value: float) -> str:
    """A number the learner computes with: one decimal more than the equations show, so a
    sum of rounded numbers still lands within the demo's rounding."""
    return decimal(value, EQUATION_DECIMALS + 1)


def _shown(value: float) -> str:
    return equation_number(value)


def _factor(value: float) -> str:
    text = _given(value)
    return f"({text})" if text.startswith(("−", "-")) else text
