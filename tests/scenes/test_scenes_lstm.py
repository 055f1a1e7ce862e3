"""The LSTM picture: sizes and modes, the current step's equations, the slide's example."""

from __future__ import annotations

import math
import textwrap

import pytest
from rich.cells import cell_len
from rich.segment import Segment

from oppija.plot import PlotStyles
from oppija.scenes.lstm import draw_lstm, equation_lines
from oppija.scenes.marked_subscripts import SUBSCRIPT_MARK, SUBSCRIPT_STYLE
from oppija.scenes.view import View
from oppija.sims.lstm import LSTMGates

pytestmark = pytest.mark.filterwarnings("error")

ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def demo_at(steps: int, **settings: object) -> LSTMGates:
    demo = LSTMGates(**settings)
    demo.run(steps)
    return demo


def three(value: float) -> str:
    """A number as the equations write it: three decimals at most, no trailing zeros (the
    number style's three significant digits for values near 1), decimal comma, minus sign."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return ("0" if text == "-0" else text).replace(".", ",").replace("-", "−")


def test_the_current_step_is_written_out_with_its_numbers() -> None:
    demo = demo_at(2)
    step = demo.current
    assert step is not None
    text = text_of(draw_lstm(demo, View(160, 48, "braille", PlotStyles.plain())))
    assert "▼ t = 2" in text
    f, i, g, c = (float(step.gates[k][0]) for k in ("f", "i", "g", "c"))
    c_prev = float(step.c_prev[0])
    c_line = (
        f"cₜ = fₜ·cₜ₋₁ + iₜ·gₜ = {three(f)}·{three(c_prev)} + {three(i)}·{three(g)} = {three(c)}"
    )
    assert c_line in text
    assert "fₜ = σ(Wf xₜ + Uf hₜ₋₁ + bf) = σ(" in text  # f drawn as a subscript: see below
    assert "oₜ = σ(Wₒ xₜ + Uₒ hₜ₋₁ + bₒ) = σ(" in text
    assert "hₜ = oₜ·tanh(cₜ)" in text
    assert text.count("·") >= 4  # not-yet-read steps are dots


def test_the_unit_option_chooses_whose_equations() -> None:
    demo = demo_at(1)
    first = text_of(draw_lstm(demo, View(160, 48, "braille", PlotStyles.plain())))
    second = text_of(
        draw_lstm(demo, View(160, 48, "braille", PlotStyles.plain(), options={"unit": 1}))
    )
    assert first != second
    c2 = float(demo.steps[0].gates["c"][1])
    assert f"= {three(c2)}" in second


def test_the_slide_example_is_written_out() -> None:
    """0,9 · 2 + 0,1 · 0,5 = 1,85; h = 0,5 · tanh(1,85) ≈ 0,48."""
    logit = lambda p: math.log(p / (1 - p))  # noqa: E731
    weights = {f"{group}_{g}": [[0.0]] for group in ("W", "U") for g in "fioc"}
    weights.update(b_f=[logit(0.9)], b_i=[logit(0.1)], b_o=[0.0], b_c=[math.atanh(0.5)])
    demo = LSTMGates(weights=weights, initial=([0.0], [2.0]), sequence=(1.0,), hidden=1)
    demo.step()
    text = text_of(draw_lstm(demo, View(160, 48, "braille", PlotStyles.plain())))
    assert "= 0,9·2 + 0,1·0,5 = 1,85" in text  # as the slide writes it
    assert "0,5·tanh(1,85) = 0,5·0,952 = 0,476" in text


def test_an_index_without_a_unicode_subscript_is_drawn_small_never_with_an_underscore() -> None:
    """W_f read as code: f has no subscript letter in Unicode, so it is drawn in a style of its
    own right after W (o has one: Wₒ)."""
    rows = draw_lstm(demo_at(2), View(160, 48, "braille", PlotStyles.default()))
    line = next(row for row in rows if "".join(s.text for s in row).startswith("fₜ = σ(W"))
    texts = [segment.text for segment in line]
    small = [segment for segment in line if segment.style == SUBSCRIPT_STYLE]
    assert [segment.text for segment in small] == ["f", "f", "f"]  # W, U and b with f
    assert texts[texts.index("f") - 1].endswith("σ(W")
    assert "_" not in "".join(texts)


@pytest.mark.parametrize("width", [60, 76, 100])
def test_an_equation_too_long_for_the_window_leaves_out_its_middle_never_cuts_a_number(
    width: int,
) -> None:
    """At 80 columns the i line ran one character past the edge: 0,499 read as 0,49. A line
    that does not fit drops the numbers put in (then σ(sum)), keeping its value whole."""
    for steps in range(1, 6):
        demo = demo_at(steps)
        lines = [line.replace(SUBSCRIPT_MARK, "") for line in equation_lines(demo, 0, width)]
        full = [line.replace(SUBSCRIPT_MARK, "") for line in equation_lines(demo, 0)]
        for short_line, long_line in zip(lines, full, strict=True):
            assert cell_len(short_line) <= width
            # the same equation and the same value at its end
            assert short_line.split(" = ")[0] == long_line.split(" = ")[0]
            assert (
                short_line.split(" = ")[-1].split("  ")[0]
                == long_line.split(" = ")[-1].split("  ")[0]
            )


def test_the_gates_sentence_never_wraps_a_label_away_from_its_value() -> None:
    """At 80×24 the sentence wrapped as "(f =" / "0,728)": a label cut from its number."""
    from oppija.scenes.words.lstm import forget_sentence

    demo = demo_at(3)
    sentence = forget_sentence(demo, 0)
    for width in range(30, 90):
        for line in textwrap.wrap(sentence, width):
            assert not line.rstrip().endswith("=") and not line.lstrip().startswith("=")
