"""Practice questions are read in Estonian first, as a learner meets them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

import pytest

from oppija.practice.exercises import exercise
from oppija.sims import create_simulation
from oppija.sims.demo import Demo

D = TypeVar("D", bound=Demo)


@pytest.fixture(autouse=True)
def estonian(in_estonian: None) -> None:
    """Each test starts in Estonian and leaves the language as it found it."""


SEEDS = range(50)
"""The fresh exercises of each kind that its questions are checked on, after the lecture's."""


def lecture_and_fresh(kind: str, cls: type[D], lecture: object | None = None) -> Iterator[D]:
    """The lecture's demo of ``kind`` (or ``lecture``, set up at the step it asks from), then
    a fresh exercise from each of :data:`SEEDS`: each a ``cls``."""
    first = create_simulation(kind, {}) if lecture is None else lecture
    for simulation in [first, *(exercise(kind, seed) for seed in SEEDS)]:
        assert isinstance(simulation, cls)
        yield simulation
