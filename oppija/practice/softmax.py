"""Practice questions for the softmax demo: before its numbers are shown, the right class's
probability, the cross-entropy and the gradient on its logit, in that order.

Each answer is the number the demo writes (three fixed decimals, as its readout has them),
taken from the engine's own forward and backward pass on the current logits.
"""

from __future__ import annotations

import math

from oppija.i18n import _, format_decimal, format_fixed
from oppija.practice.question import Question
from oppija.scenes.softmax import probability_text
from oppija.sims.softmax import Softmax
from oppija.text import subscript

DECIMALS = 3  # the readout writes p, 𝓔 and ∂𝓔/∂z with three decimals


def questions(simulation: Softmax) -> list[Question]:
    """p_k, 𝓔 = −ln p_k and ∂𝓔/∂z_k for the right class k, from the demo's current numbers."""
    if simulation.status != "running":
        return []
    k = simulation.target
    name = subscript(k)
    logits = [float(z) for z in simulation.logits]
    temperature = float(simulation.temperature)
    p = float(simulation.probabilities[k])
    error = float(simulation.cross_entropy)
    gradient = float(simulation.gradient[k])
    z_text = "; ".join(format_decimal(z, 3) for z in logits)
    t_text = format_decimal(temperature, 2)
    powers = [math.exp(z / temperature) for z in logits]  # friendly logits: no overflow
    exps = " + ".join(_exp(z, temperature) for z in logits)
    numbers = " + ".join(format_decimal(e, 4) for e in powers)
    p_text = probability_text(p, error)
    p_for_gradient = _p_for(p, temperature, gradient)
    y_text = "1"
    return [
        Question(
            prompt=f"p{name} = ?",
            formula=f"p{name} = exp(z{name}/T) / Σⱼ exp(zⱼ/T), z = ({z_text}), T = {t_text}",
            answer=p,
            hint=_(
                "take exp of every logit divided by T, then divide class {k}'s by their sum"
            ).format(k=k),
            filled=f"p{name} = {format_decimal(powers[k], 4)} / ({numbers}) = ?",
            derivation=f"p{name} = {_exp(logits[k], temperature)} / ({exps}) = {_fixed(p)}",
            diagnoses=(
                *(
                    [
                        (
                            logits[k] / sum(logits),
                            _("softmax divides the exponentials, not the logits"),
                        )
                    ]
                    if sum(logits) != 0
                    else []
                ),
                *(
                    [
                        (
                            _softmax_at(logits, 1.0, k),
                            _("divide the logits by T = {t} before exp").format(t=t_text),
                        )
                    ]
                    if temperature != 1
                    else []
                ),
            ),
            decimals=DECIMALS,
        ),
        Question(
            prompt="𝓔 = ?",
            formula=f"𝓔 = −ln p{name}, p{name} = {p_text}",
            answer=error,
            hint=_("the cross-entropy is the natural logarithm of the right class's p, negated"),
            filled=f"𝓔 = −ln {p_text} = ?",
            diagnoses=(
                (-error, _("the sign is off: ln of a probability is negative, 𝓔 is not")),
                (error / math.log(10.0), _("ln is the natural logarithm (base e), not base 10")),
            ),
            decimals=DECIMALS,
        ),
        Question(
            prompt=f"∂𝓔/∂z{name} = ?",
            formula=f"∂𝓔/∂z{name} = (p{name} − y{name})/T, p{name} = {p_for_gradient}, "
            f"y{name} = {y_text}, T = {t_text}",
            answer=gradient,
            hint=_("the right class's y is 1: subtract it from p, then divide by T"),
            filled=f"∂𝓔/∂z{name} = ({p_for_gradient} − {y_text}) / {t_text} = ?",
            diagnoses=(
                (-gradient, _("the sign is off: p − y, and p is below 1")),
                *(
                    [(gradient * temperature, _("divide by T = {t} as well").format(t=t_text))]
                    if temperature != 1
                    else []
                ),
            ),
            decimals=DECIMALS,
        ),
    ]


def given_lines(simulation: Softmax) -> list[str]:
    """The logits, the temperature and the right class."""
    logits = "; ".join(format_decimal(float(z), 3) for z in simulation.logits)
    return [
        f"z = ({logits}), T = {format_decimal(float(simulation.temperature), 2)}, "
        + _("right class: {k}").format(k=simulation.target)
    ]


def _softmax_at(logits: list[float], temperature: float, k: int) -> float:
    """p_k at another temperature (what forgetting T gives)."""
    top = max(logits)
    powers = [math.exp((z - top) / temperature) for z in logits]
    return powers[k] / sum(powers)


def _p_for(p: float, temperature: float, gradient: float) -> str:
    """p written with as few decimals (three or more) as keep (p − 1)/T the shown gradient."""
    wanted = _fixed(gradient)
    for decimals in range(DECIMALS, DECIMALS + 4):
        if _fixed((round(p, decimals) - 1.0) / temperature) == wanted:
            break
    return format_fixed(p, decimals)


def _fixed(value: float) -> str:
    return format_fixed(value, DECIMALS)


def _exp(z: float, temperature: float) -> str:
    """exp(z/T) written as e^(z/T) with the number: e^2."""
    exponent = z / temperature
    return "e^" + (
        f"({format_decimal(exponent, 3)})" if exponent < 0 else format_decimal(exponent, 3)
    )
