"""The LSTM picture: sizes and modes, the current step's equations, the slide's example."""

from __future__ import annotations

import math

import pytest
from rich.segment import Segment

from oppija.plot import PlotStyles
from oppija.scenes.lstm import draw_lstm
from oppija.scenes.marked_subscripts import SUBSCRIPT_STYLE
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


def test_the_current_step_is_written_out_with_its_numbers() -> None:
    demo = demo_at(2)
    step = demo.current
    assert step is not None
    text = text_of(draw_lstm(demo, View(160, 48, "braille", PlotStyles.plain())))
    assert "▼ t = 2" in text
    f, i, g, c = (float(step.gates[k][0]) for k in ("f", "i", "g", "c"))
    c_prev = float(step.c_prev[0])
    c_line = f"cₜ = fₜ·cₜ₋₁ + iₜ·gₜ = {f:.2f}·{c_prev:.2f} + {i:.2f}·{g:.2f} = {c:.2f}"
    assert c_line.replace(".", ",") in text
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
    assert f"= {c2:.2f}".replace(".", ",").replace("-", "−") in second


def test_the_slide_example_is_written_out() -> None:
    """0,9 · 2 + 0,1 · 0,5 = 1,85; h = 0,5 · tanh(1,85) ≈ 0,48."""
    logit = lambda p: math.log(p / (1 - p))  # noqa: E731
    weights = {f"{group}_{g}": [[0.0]] for group in ("W", "U") for g in "fioc"}
    weights.update(b_f=[logit(0.9)], b_i=[logit(0.1)], b_o=[0.0], b_c=[math.atanh(0.5)])
    demo = LSTMGates(weights=weights, initial=([0.0], [2.0]), sequence=(1.0,), hidden=1)
    demo.step()
    text = text_of(draw_lstm(demo, View(160, 48, "braille", PlotStyles.plain())))
    assert "= 0,90·2,00 + 0,10·0,50 = 1,85" in text
    assert "0,50·tanh(1,85) = 0,50·0,95 = 0,48" in text


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
