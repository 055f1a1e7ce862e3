"""Convolution practice: each asked cell is the sum the demo writes when the kernel gets there,
for the lecture's edge kernel and 50 fresh kernels."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija.i18n import parse_number
from oppija.practice.exercises import exercise, next_question
from oppija.scenes.words.conv import sum_text
from oppija.sims.conv import Convolution
from tests.practice.conftest import SEEDS, lecture_and_fresh


def runs() -> Iterator[Convolution]:
    return lecture_and_fresh("conv", Convolution)


def test_each_cell_asked_is_the_sum_the_demo_writes_next() -> None:
    for simulation in runs():
        asked = 0
        while simulation.status == "running":
            question = next_question(simulation)
            simulation.step()
            if question is None:
                assert not simulation.patch.any()  # only dark windows go by unasked
                continue
            asked += 1
            assert question.answer == simulation.value
            written = sum_text(simulation.patch, simulation.kernel, simulation.value)
            assert written.endswith(f"= {question.shown}")
            assert question.derivation == written
            shown = parse_number(question.shown)
            assert question.accepts(shown) and question.accepts(question.answer)
            assert not question.accepts(shown + 0.01) and not question.accepts(shown - 0.01)
        assert asked > 10


@pytest.mark.parametrize("seed", SEEDS)
def test_fresh_kernels_are_friendly(seed: int) -> None:
    simulation = exercise("conv", seed)
    assert isinstance(simulation, Convolution)
    for weight in simulation.kernel.ravel():
        assert math.isfinite(weight) and len(f"{abs(weight):g}".replace(".", "").lstrip("0")) <= 4
    assert exercise("conv", seed).params == simulation.params
