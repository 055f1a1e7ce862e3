"""Practice questions for the first steps of one-parameter gradient descent: the next θ.

The answer is the simulation's own update of its current θ and gradient, the number the
readout then writes (four significant digits, as :func:`format_number` does).
After the first steps the numbers grow decimals no one computes by hand, so practice stops.
"""

from __future__ import annotations

import math

import numpy as np

from oppija.i18n import _
from oppija.practice.question import Question
from oppija.scenes.words.descent import format_number
from oppija.sims.gd1d import GradientDescent1D
from oppija.text import subscript
from oppija.text.number_style import LARGE, SMALL

FIRST_STEPS = 3  # the steps practice asks for


def readout_decimals(value: float) -> int:
    """The decimals of the last digit :func:`format_number` writes ``value`` with (its four
    significant digits: 2,400, 12,35, 1235, 6,417·10⁻⁶), so that the tolerance is half a unit
    of that digit whatever the size of θ."""
    if value == 0 or not math.isfinite(value):
        return 4
    size = abs(value)
    magnitude = math.floor(math.log10(size))
    decimals = 3 - magnitude
    if abs(round(value, decimals)) >= 10.0 ** (magnitude + 1):  # 9,9996 is written 10,00
        decimals -= 1
    if SMALL <= size < LARGE:  # written out: whole numbers keep all their digits
        decimals = max(0, decimals)
    return decimals


def next_question(simulation: GradientDescent1D) -> Question | None:
    """θ after the next step, for the first :data:`FIRST_STEPS` steps of a running descent."""
    if simulation.status != "running" or simulation.step_count >= FIRST_STEPS:
        return None
    theta, gradient, lr = float(simulation.theta[0]), float(simulation.grad[0]), simulation.lr
    after = float(simulation.update(np.array([theta]), np.array([gradient]))[0])
    if not np.isfinite(after):
        return None
    t, g, a = format_number(theta), format_number(gradient), format_number(lr)
    now, then = subscript(simulation.step_count), subscript(simulation.step_count + 1)
    filled = f"θ{then} = {t} − {a} · {_factor(gradient)}"
    return Question(
        prompt=f"θ{then} = ?",
        formula=f"θ{then} = θ{now} − α · 𝓔′(θ{now}), θ{now} = {t}, α = {a}, 𝓔′(θ{now}) = {g}",
        answer=after,
        hint=_("step against the slope: θ minus α times 𝓔′(θ)"),
        filled=f"{filled} = ?",
        diagnoses=(
            (theta + lr * gradient, _("the step goes against the slope: subtract α · 𝓔′(θ)")),
            (theta - gradient, _("multiply the slope by α = {lr} first").format(lr=a)),
            (
                lr * gradient,
                _("that is the step α · 𝓔′(θ); subtract it from θ = {theta}").format(theta=t),
            ),
        ),
        decimals=readout_decimals(after),
        written=format_number(after),
    )


def _factor(value: float) -> str:
    """The slope as a factor: in parentheses when negative."""
    text = format_number(value)
    return f"({text})" if text.startswith(("−", "-")) else text


def given_lines(simulation: GradientDescent1D) -> list[str]:
    """The error function, α and the start."""
    p = simulation.params
    return [
        f"𝓔(θ) = {p.function.text.replace('x', 'θ')}, α = {format_number(p.lr)}, "
        f"θ₀ = {format_number(p.start)}"
    ]
