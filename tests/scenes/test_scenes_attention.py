"""The attention picture: exact sizes in every mode, the heat maps filling in, the walk-through."""

from __future__ import annotations

import pytest
from rich.segment import Segment

from oppija import i18n
from oppija.plot import MODES, PlotStyles
from oppija.scenes import draw_scene
from oppija.scenes.marked_subscripts import SUBSCRIPT_STYLE
from oppija.sims.attention import Attention

pytestmark = pytest.mark.filterwarnings("error")

ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def demo_at(view: str, steps: int, **settings: object) -> Attention:
    demo = Attention(view=view, **settings)
    demo.run(steps)
    return demo


def test_decoding_fills_one_row_of_numbers_per_step_with_the_output_above() -> None:
    demo = Attention()
    start = text_of(draw_scene(demo, 120, 30))
    assert "0,00" not in start and "1,00" not in start  # nothing written yet
    demo.step()
    one = text_of(draw_scene(demo, 120, 30))
    assert "Väljund: sisendlause" in one or "Output: sisendlause" in one
    assert one != start
    weight = demo.state()["weights"][0][0][3]  # head 1, step 1 -> the last input word
    assert i18n.format_fixed(weight, 2) in one
    demo.to_end()
    end = text_of(draw_scene(demo, 120, 30))
    assert "⟨lõpp⟩" in end.splitlines()[1]  # the output line ends with the end word


def test_all_heads_side_by_side_when_wide_and_the_chosen_one_when_narrow() -> None:
    demo = demo_at("decoding", 2, heads=8)
    wide = text_of(draw_scene(demo, 200, 40, "ascii", PlotStyles.plain()))
    narrow_rows = draw_scene(demo, 40, 20, "ascii", PlotStyles.plain())
    narrow = text_of(narrow_rows)
    heads_wide = [line for line in wide.splitlines() if line.count("8") and "1" in line]
    assert heads_wide  # the row of head titles names head 8 beside head 1
    assert "8" in narrow.splitlines()[3]  # "head 1 of 8": only the chosen head
    demo.choose_head(1)
    assert text_of(draw_scene(demo, 40, 20, "ascii", PlotStyles.plain())) != narrow


def test_the_walk_through_adds_a_stage_per_step_and_shows_the_softmax_sums() -> None:
    demo = Attention(view="steps")
    pictures = [text_of(draw_scene(demo, 160, 48))]
    for _step in range(4):
        demo.step()
        pictures.append(text_of(draw_scene(demo, 160, 48)))
    assert len(set(pictures)) == 5
    assert "4 × 16" in pictures[1]  # X's shape from step 2 on
    assert "4 × 16" not in pictures[0]
    assert pictures[3].count("1,00") >= 4  # each softmax row's sum
    assert "WO" in pictures[4] and "W_" not in "".join(pictures)  # W with O under it


def test_the_weight_matrices_have_their_index_as_a_subscript_never_an_underscore() -> None:
    """W_Q is how the lecture does not write it: Q drawn small (underlined) beside its W, as
    the LSTM demo and the slides write an index Unicode has no letter for; ASCII says W_Q."""
    demo = demo_at("steps", 4)
    rows = draw_scene(demo, 160, 48)
    small = {segment.text for row in rows for segment in row if segment.style == SUBSCRIPT_STYLE}
    assert {"Q", "K", "V", "O"} <= small
    assert "W_" not in text_of(rows)
    assert "W_Q" in text_of(draw_scene(demo, 160, 48, "ascii", PlotStyles.plain()))


def test_a_long_sentence_still_fits() -> None:
    demo = Attention(
        sentence="ühesõnaline kahesõnaline kolmesõnaline neljasõnaline a b c d", heads=3
    )
    demo.to_end()
    for mode in MODES:
        rows = draw_scene(demo, 80, 24, mode)  # type: ignore[arg-type]
        assert len(rows) == 24
