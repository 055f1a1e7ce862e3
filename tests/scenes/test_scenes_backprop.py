"""The backprop picture: sizes and modes, the slide's numbers, highlights, the check panel."""

from __future__ import annotations

import pytest
from rich.segment import Segment

from oppija import i18n
from oppija.plot import PlotStyles
from oppija.scenes.backprop import draw_backprop, power_of_ten
from oppija.scenes.view import View
from oppija.sims.backprop import Backpropagation

pytestmark = pytest.mark.filterwarnings("error")

ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def demo_at(steps: int, **settings: object) -> Backpropagation:
    demo = Backpropagation(**settings)
    demo.run(steps)
    return demo


@pytest.mark.parametrize("steps", [0, 3, 8, 11, 13, 14])
def test_ascii_mode_draws_only_ascii_and_estonian_letters(steps: int) -> None:
    text = text_of(draw_backprop(demo_at(steps), View(160, 48, "ascii", PlotStyles.plain())))
    assert {char for char in text if not char.isascii()} <= ESTONIAN_LETTERS
    i18n.set_language("en")
    assert text_of(
        draw_backprop(demo_at(steps), View(160, 48, "ascii", PlotStyles.plain()))
    ).isascii()


def test_forward_values_appear_neuron_by_neuron() -> None:
    before = text_of(draw_backprop(demo_at(0), View(160, 48, "braille", PlotStyles.plain())))
    assert "h₁ = 0,622" not in before and "x₁ = 1" in before and "v₁₁ = 0,5" in before
    first = text_of(draw_backprop(demo_at(1), View(160, 48, "braille", PlotStyles.plain())))
    assert "▶h₁ = 0,622" in first and "h₂ = 0,401" not in first
    assert "z₁ = 0,5 · 1 + 0,3 · 0 = 0,5" in first
    error = text_of(draw_backprop(demo_at(4), View(160, 48, "braille", PlotStyles.plain())))
    assert "𝓔 = 0,198" in error and "y = 0,555" in error


def test_after_the_output_layer_record_the_gradients_are_on_the_u_edges() -> None:
    text = text_of(draw_backprop(demo_at(9), View(160, 48, "braille", PlotStyles.plain())))
    assert "▶u₁ = 1" in text and "∇ −0,137" in text and "∇ −0,088" in text
    assert "∂𝓔/∂u₁ = (−0,22) × 0,622 = −0,137" in text
    assert "▶y = 0,555" in text  # the node whose record this is
    # the V edges have no gradient yet; the check panel shows only the finite differences
    assert "∇ −0,052" not in text


def test_the_check_panel_agrees_after_the_backward_pass() -> None:
    text = text_of(draw_backprop(demo_at(11), View(160, 48, "braille", PlotStyles.plain())))
    row = next(line for line in text.splitlines() if "u₁       " in line)
    assert row.count("−0,136798") == 2  # engine and finite differences side by side
    assert "suurim erinevus" in text or "largest difference" in text


def test_the_update_shows_before_and_after() -> None:
    text = text_of(draw_backprop(demo_at(12), View(160, 48, "braille", PlotStyles.plain())))
    assert "u₁ ← 1 − 0,5 · (−0,137) = 1,068" in text
    assert "u₁ = 1,068" in text and "v₁₁ = 0,5" in text  # V not yet updated
    final = text_of(draw_backprop(demo_at(14), View(160, 48, "braille", PlotStyles.plain())))
    assert "v₁₁ = 0,526" in final and "0,573" in final and "0,182" in final


def test_power_of_ten() -> None:
    assert power_of_ten(2.4e-11, ascii_only=False) == "2,4 · 10⁻¹¹"
    assert power_of_ten(2.4e-11, ascii_only=True) == "2,4e-11"
    assert power_of_ten(0.0, ascii_only=True) == "0"
    assert power_of_ten(9.96e-4, ascii_only=False) == "1 · 10⁻³"  # not "10 · 10⁻⁴"


def test_the_check_panel_marks_a_relu_kink_and_says_why() -> None:
    """At z = 0 the panel showed "0 vs −0,075" with no word (issue 13): now the two rows are
    marked *, a note says why, and the largest difference leaves them out."""
    demo = demo_at(30, activation="relu", inputs="0,6; -1")
    text = text_of(draw_backprop(demo, View(160, 48, "braille", PlotStyles.plain())))
    row = next(line for line in text.splitlines() if "v₁₁" in line and "−0,075" in line)
    assert row.rstrip().endswith("*")
    assert "murdepunkt" in text  # the Estonian note
    assert "suurim erinevus: 0" in text  # the kinks are not counted
    assert "tagasilevi" in text and "arvuliselt" in text  # the column titles are translated too
