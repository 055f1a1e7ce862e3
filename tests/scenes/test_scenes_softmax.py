"""The softmax picture: sizes and modes, the slide's numbers, the target and the chosen logit."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from rich.segment import Segment

from oppija import i18n
from oppija.plot import MODES, PlotStyles
from oppija.scenes.softmax import draw_softmax
from oppija.scenes.view import View
from oppija.sims.softmax import Softmax

pytestmark = pytest.mark.filterwarnings("error")

ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")
SIZES = [(20, 6), (40, 12), (60, 14), (80, 24), (160, 48), (200, 60)]


@pytest.fixture(autouse=True)
def estonian() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(before)


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def demos() -> list[Softmax]:
    stepped = Softmax()
    stepped.run(4)
    ten = Softmax(logits=tuple(float(v) for v in range(-5, 5)), target=9, temperature=0.01)
    huge = Softmax(logits=(1000.0, -1000.0, 0.0), target=1)
    return [Softmax(), stepped, ten, huge, Softmax(logits=(0.0,))]


@pytest.mark.parametrize(("size", "mode"), list(itertools.product(SIZES, MODES)))
def test_the_scene_fills_exactly_its_size(size: tuple[int, int], mode: str) -> None:
    width, height = size
    for demo, styles in itertools.product(demos(), (PlotStyles.default(), PlotStyles.plain())):
        rows = draw_softmax(demo, View(width, height, mode, styles))
        assert len(rows) == height
        assert all(sum(segment.cell_length for segment in row) == width for row in rows)
        if mode == "ascii":
            assert {c for c in text_of(rows) if not c.isascii()} <= ESTONIAN_LETTERS


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
