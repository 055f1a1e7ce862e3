"""The approximation demo's readout: units, step, error and what the units do."""

from __future__ import annotations

from oppija.i18n import _, format_integer, ngettext
from oppija.scenes.words.status import status_sentence
from oppija.sims.approximation import Approximation
from oppija.text import ascii_spelling
from oppija.text.number_style import significant


def approximation_readout(simulation: Approximation, ascii_only: bool = False) -> list[str]:
    units = simulation.params.units
    lines = [
        ngettext("{count} hidden unit", "{count} hidden units", units).format(
            count=format_integer(units)
        )
        + f"  k = {format_integer(simulation.step_count)}",
        f"𝓔 = {significant(simulation.loss)}",
        status_sentence(simulation)
        or _("Each unit adds one smoothed step; their sum follows the target."),
    ]
    if ascii_only:
        return [ascii_spelling(line) for line in lines]
    return lines
