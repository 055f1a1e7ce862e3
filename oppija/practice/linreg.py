"""Practice questions for the first steps of linear regression's descent: θ₀ and θ₁ after the
next step.

The answer is the simulation's own update of its θ and gradient, the numbers the readout then
writes (four significant digits). With a few points, as a fresh exercise has, the formula gives
the points and the learner finds the gradient too; with the lecture's twenty it gives the
gradient, as the readout shows it. After the first steps the numbers grow decimals no one
computes by hand, so practice stops.
"""

from __future__ import annotations

import numpy as np

from oppija.i18n import _, format_integer
from oppija.practice.gd1d import readout_decimals
from oppija.practice.question import Question
from oppija.scenes.words.descent import format_number
from oppija.sims.linreg import LinearRegressionDescent
from oppija.text import subscript, superscript
from oppija.text.numbers import decimal

FIRST_STEPS = 2  # the steps practice asks for
MOST_BY_HAND = 4  # up to this many points the formula gives the points, not the gradient
GIVEN_DIGITS = 6  # θ in a formula: exact for a fresh exercise's first steps


def questions(simulation: LinearRegressionDescent) -> list[Question]:
    """θ₀ and θ₁ after the next step, for the first :data:`FIRST_STEPS` steps of a descent."""
    if simulation.status != "running" or simulation.step_count >= FIRST_STEPS:
        return []
    after = simulation.update(simulation.theta, simulation.grad)
    if not np.all(np.isfinite(after)):
        return []
    return [_component(simulation, j, float(after[j])) for j in (0, 1)]


def given_lines(simulation: LinearRegressionDescent) -> list[str]:
    """The points (or how many there are), the start and α."""
    p = simulation.params
    start = f"θ⁽⁰⁾ = ({_given(p.start[0])}; {_given(p.start[1])}), α = {_given(p.lr)}"
    if len(simulation.xs) <= MOST_BY_HAND:
        return [_("points (x; y): {points}").format(points=_points(simulation)), start]
    return [
        _("{count} points drawn from seed {seed}").format(
            count=format_integer(len(simulation.xs)), seed=format_integer(p.seed)
        ),
        start,
    ]


def _component(simulation: LinearRegressionDescent, j: int, value: float) -> Question:
    """θⱼ after the step: θⱼ − α·∂𝓔/∂θⱼ."""
    k = simulation.step_count
    theta, gradient, lr = float(simulation.theta[j]), float(simulation.grad[j]), simulation.lr
    name = f"θ{subscript(j)}"
    now, then = f"{name}{_step(k)}", f"{name}{_step(k + 1)}"
    slope = f"∂𝓔/∂{name}"
    by_hand = len(simulation.xs) <= MOST_BY_HAND
    times_x = "·xᵢ" if j == 1 else ""
    if by_hand:
        t0, t1 = (_given(float(v)) for v in simulation.theta)
        numbers = (
            f"{slope} = 2/m·Σᵢ(θ₀ + θ₁xᵢ − yᵢ){times_x}; θ{_step(k)} = ({t0}; {t1}), "
            f"α = {_given(lr)}, m = {format_integer(len(simulation.xs))}, "
            + _("points (x; y): {points}").format(points=_points(simulation))
        )
    else:
        numbers = f"{now} = {_given(theta)}, α = {_given(lr)}, {slope} = {_given(gradient)}"
    filled = f"{then} = {_given(theta)} − {_given(lr)} · {_factor(gradient)}"
    slips = [
        (theta + lr * gradient, _("the step goes against the slope: subtract α · ∂𝓔/∂θ")),
        (theta - gradient, _("multiply the slope by α = {lr} first").format(lr=_given(lr))),
    ]
    if by_hand:
        slips.append(
            (theta - lr * gradient / 2, _("the square's derivative brings a 2: 2/m·Σᵢ(…)"))
        )
        if j == 1:
            other = float(simulation.grad[0])
            slips.append((theta - lr * other, _("for θ₁ multiply each point's error by its xᵢ")))
    return Question(
        prompt=f"{then} = ?",
        formula=f"{then} = {now} − α·{slope}, {numbers}",
        answer=value,
        hint=_("step against the slope: θ minus α times the error's derivative"),
        filled=f"{filled} = ?",
        derivation=f"{slope} = {format_number(gradient)}; {filled} = {format_number(value)}",
        diagnoses=tuple(slips),
        decimals=readout_decimals(value),
        written=format_number(value),
    )


def _points(simulation: LinearRegressionDescent) -> str:
    return ", ".join(
        f"({_given(float(x))}; {_given(float(y))})"
        for x, y in zip(simulation.xs, simulation.ys, strict=True)
    )


def _step(k: int) -> str:
    """The step's index as the lecture writes it: θ⁽¹⁾."""
    return f"⁽{superscript(k)}⁾"


def _given(value: float) -> str:
    return decimal(value, GIVEN_DIGITS) if value != 0 else "0"


def _factor(value: float) -> str:
    text = _given(value)
    return f"({text})" if value < 0 and text != "0" else text
