"""Every demo's readout writes its numbers in the one style: at most 4 significant digits
(0,03065, not 0,030652), so a learner compares numbers, not digits."""

from __future__ import annotations

import re

import pytest

from oppija.scenes.words import readout_lines
from oppija.sims import DEMOS, simulation_class

DECIMAL = re.compile(r"\d+,\d+")  # Estonian: a decimal comma


def significant_digits(number: str) -> int:
    return len(number.replace(",", "").lstrip("0"))


@pytest.mark.parametrize("kind", sorted(DEMOS))
def test_no_readout_number_has_more_than_four_significant_digits(kind: str) -> None:
    simulation = simulation_class(kind)()
    simulation.run(5)
    lines = readout_lines(simulation)[:-1]  # the status sentence may quote the slide
    long = [n for line in lines for n in DECIMAL.findall(line) if significant_digits(n) > 4]
    assert long == [], (kind, lines)
