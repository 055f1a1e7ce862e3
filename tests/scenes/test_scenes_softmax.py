"""The softmax picture: sizes and modes, the slide's numbers, the target and the chosen logit."""

from __future__ import annotations

import pytest
from rich.segment import Segment

from oppija.plot import PlotStyles
from oppija.scenes.softmax import draw_softmax
from oppija.scenes.view import View
from oppija.sims.softmax import Softmax

pytestmark = pytest.mark.filterwarnings("error")

ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def test_the_slide_numbers_are_drawn() -> None:
    text = text_of(draw_softmax(Softmax(), View(160, 48, "braille", PlotStyles.plain())))
    for number in ("0,659", "0,242", "0,099", "0,417", "2,00", "1,00", "0,10"):
        assert number in text
    assert "Σp = 1,000" in text
    assert "−ln 0,659 = 0,417" in text
    assert "(−0,341; 0,242; 0,099)" in text  # the gradient
    assert "exp(zᵢ/T) / Σⱼ exp(zⱼ/T)" in text  # the formula
    assert "◀ 1" in text  # the one-hot target marked
    assert "▶z₀" in text  # the logit that u and d move
    for row in ("0,864; 0,117; 0,019", "0,502; 0,304; 0,194", "0,400; 0,327; 0,273"):
        assert row in text  # the slide's temperature table, computed


def test_the_picture_follows_the_controls() -> None:
    demo = Softmax()
    first = text_of(draw_softmax(demo, View(120, 40, "braille", PlotStyles.plain())))
    demo.next_target()
    demo.choose_logit(1)
    second = text_of(draw_softmax(demo, View(120, 40, "braille", PlotStyles.plain())))
    assert second != first
    assert "▶z₁" in second and "−ln p₁" in second
    demo.warmer(1)
    third = text_of(draw_softmax(demo, View(120, 40, "braille", PlotStyles.plain())))
    assert "T = 2" in third and "0,502" in third


def test_ascii_frame_spells_the_symbols() -> None:
    text = text_of(draw_softmax(Softmax(), View(100, 30, "ascii", PlotStyles.plain())))
    assert "sum p = 1,000" in text
    assert "-ln 0,659 = 0,417" in text
    assert "< 1" in text and ">z0" in text
