"""Rendering to Rich Segments: runs merged, text identical to the plain rows, no colour in plain."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from oppija.plot import Canvas, PlotStyles, bar_chart, line_chart


def test_cells_with_one_style_become_one_segment() -> None:
    canvas = Canvas(6, 1, (0.0, 11.0), (0.0, 3.0))
    canvas.points([0.0, 4.0], [3.0, 3.0], "red")
    (row,) = canvas.to_segments()
    # Spaces look the same in a foreground colour, so the gaps join the run.
    assert [s.text for s in row] == ["⠁ ⠁   "]
    assert row[0].style is not None and row[0].style.color.name == "red"  # type: ignore[union-attr]


def test_different_styles_split_runs() -> None:
    canvas = Canvas(6, 1, (0.0, 11.0), (0.0, 3.0))
    canvas.points([0.0, 4.0], [3.0, 3.0], "red")
    canvas.points([10.0], [3.0], "blue")
    (row,) = canvas.to_segments()
    assert [s.text for s in row] == ["⠁ ⠁  ", "⠁"]


def test_spaces_are_not_merged_into_styles_that_show_on_spaces() -> None:
    canvas = Canvas(4, 1, (0.0, 7.0), (0.0, 3.0))
    canvas.points([0.0], [3.0], "underline red")
    (row,) = canvas.to_segments()
    assert [s.text for s in row] == ["⠁", "   "]
    assert row[1].style is None


def test_plain_styles_produce_no_colour() -> None:
    xs = np.linspace(0.0, 1.0, 30)
    chart = line_chart(xs, xs**2, 40, 10, styles=PlotStyles.plain())
    chart.canvas.heatmap(np.outer(xs, xs))
    chart.canvas.arrow(0.1, 0.1, 0.9, 0.9)
    chart.canvas.text(0.5, 0.5, "tekst")
    rows = chart.to_segments() + bar_chart([1.0, -1.0], ["a", "b"], 20, styles=PlotStyles.plain())
    for row in rows:
        for segment in row:
            style = segment.style
            assert style is None or (style.color is None and style.bgcolor is None), segment


def test_default_styles_do_colour_the_curve() -> None:
    xs = np.linspace(0.0, 1.0, 30)
    rows = line_chart(xs, xs, 30, 8).to_segments()
    colours = {s.style.color.name for row in rows for s in row if s.style and s.style.color}
    assert PlotStyles.default().curve in colours


finite_or_not = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e308, 0.0]),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(finite_or_not, max_size=12),
    st.lists(finite_or_not, max_size=12),
    st.sampled_from(["braille", "halfblock", "ascii"]),
)
def test_hostile_numbers_never_raise(xs: list[float], ys: list[float], mode: str) -> None:
    chart = line_chart(xs, ys, 30, 8, mode=mode)  # type: ignore[arg-type]
    canvas = chart.canvas
    canvas.points(xs, ys)
    canvas.arrow(*(xs + [0.0] * 4)[:2], *(ys + [1.0] * 4)[:2])
    canvas.text((xs or [0.0])[0], (ys or [0.0])[0], "θ", align="center")
    size = int(math.sqrt(len(xs))) or 1
    grid = np.array(xs[: size * size] or [math.nan]).reshape(size, -1)
    canvas.heatmap(grid)
    canvas.contours(grid, ys or [0.0])
    rows = chart.to_segments()
    text = chart.to_text()  # may show the heat map as characters where the Segments use colour
    assert [sum(len(s.text) for s in row) for row in rows] == [len(row) for row in text]
    assert len({len(row) for row in text}) == 1
    bar_chart(xs, [str(k) for k in range(len(xs))], 30, mode=mode)  # type: ignore[arg-type]


def test_no_runtime_warning_escapes(recwarn) -> None:  # type: ignore[no-untyped-def]
    chart = line_chart([1e308, -1e308, 1e308], [1e308, -1e308, math.nan], 30, 8)
    chart.canvas.heatmap([[1e308, -1e308], [math.inf, 0.0]])
    chart.canvas.contours([[1e308, -1e308], [math.inf, 0.0]], [0.0])
    chart.to_segments()
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
