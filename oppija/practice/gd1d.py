"""Practice questions for the first steps of one-parameter gradient descent: the next θ.

The answer is the simulation's own update of its current θ and gradient, the number the
readout then writes (four decimals, more for a tiny number, as :func:`format_number` does).
After the first steps the numbers grow decimals no one computes by hand, so practice stops.
"""

from __future__ import annotations

import numpy as np

from oppija.i18n import _
from oppija.practice.question import Question
from oppija.scenes.words.descent import format_number
from oppija.sims.gd1d import GradientDescent1D
from oppija.text import subscript

FIRST_STEPS = 3  # the steps practice asks for


def readout_decimals(value: float) -> int:
    """The decimals :func:`format_number` writes ``value`` with."""
    return 4 if value == 0 or abs(value) >= 1e-3 else 10


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
        derivation=f"{filled} = {format_number(after)}",
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
