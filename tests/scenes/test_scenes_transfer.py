"""The transfer picture: two learning curves, their names, and the outcome in one sentence."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oppija import i18n
from oppija.plot import PlotStyles
from oppija.scenes.rows import to_text
from oppija.scenes.transfer import draw_transfer
from oppija.scenes.view import View
from oppija.sims.transfer import TransferLearning

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture(scope="module")
def finished() -> TransferLearning:
    sim = TransferLearning(steps=60)
    sim.run(60)
    return sim


def test_the_curves_are_named_and_the_outcome_is_written_when_done(
    finished: TransferLearning,
) -> None:
    text = " ".join(to_text(draw_transfer(finished, View(160, 48, "braille", PlotStyles.plain()))))
    assert "fine-tuned" in text and "from scratch" in text
    assert " ".join(text.split()).count("Pre-training helped: after 60 epochs") == 1


def test_while_running_it_says_what_learns() -> None:
    sim = TransferLearning(mode="last")
    sim.run(3)
    text = " ".join(to_text(draw_transfer(sim, View(160, 48, "braille", PlotStyles.default()))))
    assert "9 numbers learn, from scratch 105" in " ".join(text.split())
    assert "Task 1 (pre-training)" in text


def test_ascii_mode_in_estonian_draws_ascii_and_estonian_letters_only(
    finished: TransferLearning,
) -> None:
    i18n.set_language("et")
    text = "\n".join(to_text(draw_transfer(finished, View(120, 36, "ascii", PlotStyles.plain()))))
    assert {char for char in text if not char.isascii()} <= set("õäöüšžÕÄÖÜŠŽ")
    assert "0,5" in text or "0,6" in text  # the error axis in Estonian notation
