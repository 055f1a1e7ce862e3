"""A descent's current numbers as plain text lines, in the active number format.

``oppija demo NAME`` prints these under the picture, and the descent widgets show the same
numbers: k, θ, 𝓔(θ), ∇𝓔(θ), the last step's length, and how the run stands.
"""

from __future__ import annotations

import math

import numpy as np

from oppija.arrays import Array
from oppija.i18n import _, format_decimal, format_integer, format_scientific
from oppija.scenes.words.status import status_sentence
from oppija.sims.base import Simulation


def format_number(value: float) -> str:
    """A number with 4 decimals, or up to 10 when it is small (0,000003), so it never reads 0:
    below that 3e−12."""
    if not math.isfinite(value) or value == 0 or abs(value) >= 1e-3:
        return format_decimal(value, digits=4)
    if abs(value) < 0.5e-10:
        return format_scientific(value)
    return format_decimal(value, digits=10)


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
    if ascii_only:  # the Estonian minus sign is U+2212
        return [line.replace("\N{MINUS SIGN}", "-") for line in lines]
    return lines
