"""The whole chart box: margins, axes, tick labels, ASCII purity and sizes."""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np
import pytest

from oppija.i18n import current_language, set_language
from oppija.plot import Chart, PlotStyles, line_chart, scatter_chart
from oppija.text import ESTONIAN_LETTERS


@pytest.fixture
def estonian() -> Iterator[None]:
    before = current_language()
    set_language("et")
    yield
    set_language(before)


def joined(rows: list) -> list[str]:
    return ["".join(segment.text for segment in row) for row in rows]


def test_a_small_chart_by_hand(estonian: None) -> None:
    chart = Chart(12, 7, (0.0, 1.0), (-1.0, 1.0), mode="ascii", styles=PlotStyles.plain())
    chart.canvas.line([0.0, 1.0], [0.0, 0.0])
    assert chart.to_text() == [
        " 1+         ",
        "  |         ",
        " 0+" + "'" * 9,
        "  |         ",
        "-1+         ",  # the Estonian minus sign, made ASCII
        "  ++-------+",
        "   0       1",
    ]
    assert chart.y_ticks == [-1.0, 0.0, 1.0] and chart.x_ticks == [0.0, 1.0]


def test_line_chart_rows_have_the_chart_width() -> None:
    xs = np.linspace(0.0, 10.0, 200)
    chart = line_chart(xs, np.sin(xs), 78, 22, x_label="x", y_label="y", title="Siinus")
    rows = chart.to_segments()
    assert len(rows) == 22
    assert {sum(len(s.text) for s in row) for row in rows} == {78}
    assert joined(rows) == chart.to_text()
    assert chart.to_text()[0].startswith("y") and "Siinus" in chart.to_text()[0]
    assert chart.to_text()[-1].rstrip().endswith("x")


def test_the_x_axis_name_shares_the_tick_row_when_it_fits(estonian: None) -> None:
    """A row of the box is the picture's when the tick labels leave room for the axis's name
    (a small window had lost a contour row to a row holding θ₁ alone); where the last tick
    label stands at the edge, the name keeps its own row."""
    bowl = Chart(60, 14, (-1.5, 1.5), (-1.5, 1.5), x_label="θ₁", y_label="θ₂", equal_aspect=True)
    assert bowl.canvas.height == 14 - 1 - 2  # the header (θ₂ and the title), axis, ticks
    last = bowl.to_text()[-1].rstrip()
    assert last.endswith(" θ₁") and "0" in last
    assert joined(bowl.to_segments()) == bowl.to_text()
    crowded = Chart(12, 8, (0.0, 1.0), (-1.0, 1.0), mode="ascii", x_label="t")
    assert crowded.to_text()[-2:] == ["   0       1", "           t"]  # 1 stands at the edge
    assert crowded.canvas.height == 8 - 3


def test_y_tick_labels_use_the_estonian_format(estonian: None) -> None:
    xs = np.linspace(-1.0, 1.0, 50)
    text = "\n".join(line_chart(xs, xs, 40, 12).to_text())
    assert "−0,5" in text and "0,5" in text and "." not in text.replace("⠀", "")


def test_ascii_chart_with_everything_is_ascii_but_the_estonian_letters(estonian: None) -> None:
    """Maths symbols are spelt out; the words keep their letters, as every ASCII text does."""
    chart = Chart(
        60, 20, (-2.0, 2.0), (-2.0, 2.0), mode="ascii", title="Kaotuspind θ", x_label="θ₀"
    )
    grid = np.linspace(-2.0, 2.0, 41)
    xs, ys = np.meshgrid(grid, grid)
    chart.canvas.heatmap(xs**2 + ys**2)
    chart.canvas.contours(xs**2 + ys**2, [0.5, 1.0, 2.0])
    chart.canvas.arrow(1.5, 1.5, 0.0, 0.0)
    chart.canvas.arrow(-1.5, 0.0, -0.2, 0.0)
    chart.canvas.text(0.0, -1.0, "miinimum −0,5 ≈ õige", align="center")
    chart.canvas.line([-2.0, 2.0], [2.0, -2.0])
    chart.canvas.points([0.0], [0.0])
    rows = chart.to_text() + joined(chart.to_segments())
    for row in rows:
        assert {char for char in row if not char.isascii()} <= ESTONIAN_LETTERS, row
    text = "\n".join(chart.to_text())
    assert "Kaotuspind theta" in text and "theta0" in text and "-0,5 ~ õige" in text


def test_scatter_chart_pads_both_ranges() -> None:
    chart = scatter_chart([0.0, 10.0], [[0.0, 1.0], [1.0, 0.0]], 40, 12)
    assert chart.x_range[0] < 0.0 < 10.0 < chart.x_range[1]
    assert chart.y_range[0] < 0.0 < 1.0 < chart.y_range[1]
    assert chart.canvas.dots.sum() == 4


@pytest.mark.parametrize(
    "x_range, y_range",
    [
        ((1.0, 1.0), (math.nan, math.nan)),
        ((math.inf, -math.inf), (0.0, 0.0)),
        ((5.0, 1.0), (-1e308, 1e308)),
    ],
)
def test_bad_ranges_are_widened(x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
    chart = Chart(30, 8, x_range, y_range)
    for lo, hi in (chart.x_range, chart.y_range):
        assert math.isfinite(lo) and math.isfinite(hi) and lo < hi
    assert len(chart.to_text()) == 8


@pytest.mark.parametrize("width, height", [(1, 1), (3, 2), (8, 4), (200, 3)])
def test_tiny_and_odd_sizes_never_raise(width: int, height: int) -> None:
    chart = line_chart([0.0, 1.0, 2.0], [5.0, -5.0, 1e6], width, height)
    rows = chart.to_text()
    assert rows and len({len(row) for row in rows}) == 1
