"""A descent's current numbers as plain text lines, in the active number format.

``oppija demo NAME`` prints these under the picture, and the descent widgets show the same
numbers: k, θ, 𝓔(θ), ∇𝓔(θ), the last step's length, and how the run stands.
"""

from __future__ import annotations

import math

import numpy as np

from oppija.arrays import Array
from oppija.i18n import _, format_integer
from oppija.scenes.words.status import status_sentence
from oppija.sims.base import Simulation
from oppija.text import ascii_spelling
from oppija.text.number_style import significant


def format_number(value: float) -> str:
    """A number in the readouts' one style: 4 significant digits, ·10⁻ⁿ below 0,001."""
    return significant(value)


def format_vector(values: Array) -> str:
    """One number as itself, several as (a; b): the lecture writes vectors with semicolons."""
    flat = [float(v) for v in np.asarray(values, dtype=np.float64).reshape(-1)]
    if len(flat) == 1:
        return format_number(flat[0])
    return "(" + "; ".join(format_number(v) for v in flat) + ")"


def descent_readout(simulation: Simulation, ascii_only: bool = False) -> list[str]:
    """The readout: one quantity a line, then the run's status in a sentence.

    ``ascii_only`` names the quantities in ASCII (theta, E) for terminals without the symbols;
    the sentence stays in the active language.
    """
    steps = simulation.history.steps
    last_step = float(steps[-1]) if len(steps) > 1 else math.nan
    if ascii_only:
        names = ("theta", "E(theta)", "grad E(theta)", "|step|")
    else:
        names = ("θ", "𝓔(θ)", "∇𝓔(θ)", "|Δθ|")
    lines = [
        f"{simulation.name}  k = {format_integer(simulation.step_count)}",
        f"{names[0]} = {format_vector(simulation.theta)}",
        f"{names[1]} = {format_number(simulation.loss)}",
        f"{names[2]} = {format_vector(simulation.grad)}",
        f"{names[3]} = {'-' if math.isnan(last_step) else format_number(last_step)}",
        status_sentence(simulation) or _("The descent is running."),
    ]
    if ascii_only:  # the Estonian minus sign is U+2212; 10⁻⁶ is 10^-6
        return [ascii_spelling(line).replace("\N{MINUS SIGN}", "-") for line in lines]
    return lines
