"""The RNN picture: sizes and modes, the rolled cell, the chain growing, the backward bars."""

from __future__ import annotations

import re

import pytest
from rich.segment import Segment

from oppija import i18n
from oppija.plot import PlotStyles
from oppija.scenes import render_frame, scene_of
from oppija.scenes.rnn import draw_rnn
from oppija.scenes.view import View
from oppija.sims.rnn import RecurrentNetwork

pytestmark = pytest.mark.filterwarnings("error")

ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def demo_at(steps: int, **settings: object) -> RecurrentNetwork:
    demo = RecurrentNetwork(**settings)
    demo.run(steps)
    return demo


def picture(
    demo: RecurrentNetwork, mode: str = "braille", size: tuple[int, int] = (160, 48)
) -> str:
    return text_of(draw_rnn(demo, View(*size, mode, PlotStyles.plain())))  # type: ignore[arg-type]


def test_the_scene_is_registered() -> None:
    assert scene_of("rnn") is draw_rnn


@pytest.mark.parametrize("steps", [0, 2, 4, 5])
@pytest.mark.parametrize("mode", ["seeded", "trained"])
def test_ascii_mode_draws_only_ascii_and_estonian_letters(steps: int, mode: str) -> None:
    text = picture(demo_at(steps, mode=mode), "ascii")
    assert {char for char in text if not char.isascii()} <= ESTONIAN_LETTERS
    frame = render_frame(demo_at(steps, word="öö ja päev", mode=mode), 100, 40, ascii_only=True)
    assert {char for char in frame if not char.isascii()} <= ESTONIAN_LETTERS
    i18n.set_language("en")
    assert picture(demo_at(steps, mode=mode), "ascii").isascii()


def test_step_zero_shows_the_cell_rolled_with_its_loop() -> None:
    text = picture(demo_at(0))
    assert "┌── W ──┐" in text and "xᵢ ─V─▶  hᵢ" in text and "yᵢ" in text
    assert "h₀ = (0; 0; 0)" in text
    assert "„k“ = (0; 1; 0)" in text  # one-hot over a, k, s
    assert "h₁" not in text


def test_the_weight_matrix_lines_up_its_decimal_commas() -> None:
    lines = picture(demo_at(0)).splitlines()
    start = next(k for k, line in enumerate(lines) if line.rstrip().endswith("W ="))
    rows = lines[start + 1 : start + 4]
    commas = [[m.start() for m in re.finditer(",", row)] for row in rows]
    assert len(commas[0]) == 3 and commas[0] == commas[1] == commas[2]  # column by column


def test_each_step_unrolls_one_more_cell_with_the_engines_numbers() -> None:
    for steps in range(1, 5):
        demo = demo_at(steps)
        text = picture(demo)
        boxes = text.count("┌h") + text.count("┏h")
        assert boxes == steps + 1  # h₀ and one cell per letter so far
        assert text.count("┏h") == 1  # the current step drawn heavy
        h = demo.unrolled.hidden[steps - 1]
        for value in h:  # the current h, in the cell and in the sentence, decimal commas
            assert f"{value:.3f}".rstrip("0").replace(".", ",") in text
        assert f"h{'₁₂₃₄'[steps - 1]} = σ(" in text
    last = picture(demo_at(4))
    marked = re.findall(r"„s“ =(?! \()", last)  # not the legend's „s“ = (0; 0; 1)
    assert len(marked) == 2  # the two "s" steps are marked as the same input


def test_the_chain_keeps_the_current_step_in_a_narrow_picture() -> None:
    demo = demo_at(12, word="kassikenekas")
    text = picture(demo, size=(60, 30))
    assert "…" in text and "┏h₁₂" in text and "┌h₀" not in text


def test_the_backward_view_draws_a_bar_a_step_from_the_last_back() -> None:
    demo = demo_at(5)
    text = picture(demo)
    lines = text.splitlines()
    order = [next(k for k, line in enumerate(lines) if f"‖∂h₄/∂h{s}‖" in line) for s in "₄₃₂₁"]
    assert order == sorted(order)
    norms = demo.unrolled.gradient_norms
    assert f"{norms[0]:.3f}".replace(".", ",") in text
    assert "█" in lines[order[1]]
    example = RecurrentNetwork.slide_example()
    example.to_end()
    assert "0,305" in picture(example)


def test_trained_mode_writes_the_guessed_letters_above_the_cells() -> None:
    demo = demo_at(3, mode="trained")
    top_rows = picture(demo).splitlines()[2]
    assert top_rows.split() == ["„a“", "„s“", "„s“"]
    assert "y₁" in picture(demo_at(3))  # seeded: the output's name, no guess
