"""Ticks stand at equal row steps and a plane's map keeps circles round."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest

from oppija.plot import Chart
from oppija.plot.glyphs import MODES, Mode
from oppija.plot.tick_rows import aligned_axis

RANGES = [(-2.5, 2.5), (0.0, 1.0), (-3.0, 2.0), (0.0, 10.25), (-0.013, 0.021), (1200.0, 4700.0)]
HEIGHTS = [6, 9, 12, 17, 21, 30]


def _tick_rows(chart: Chart) -> list[int]:
    """The rows of the chart's text where a y tick mark stands."""
    return [r for r, row in enumerate(chart.to_text()) if row[chart.margin - 1] in "┤+"]


@pytest.mark.parametrize(("y_range", "height"), itertools.product(RANGES, HEIGHTS))
def test_y_ticks_stand_at_equal_row_steps(y_range: tuple[float, float], height: int) -> None:
    chart = Chart(40, height + 3, (0.0, 1.0), y_range, title="t")
    rows = _tick_rows(chart)
    assert len(rows) >= 2, chart.to_text()
    gaps = {b - a for a, b in itertools.pairwise(rows)}
    assert len(gaps) == 1, (rows, chart.to_text())
    assert chart.y_range[0] <= y_range[0] and chart.y_range[1] >= y_range[1]


def test_the_range_grows_little() -> None:
    for (lo, hi), cells in itertools.product(RANGES, range(10, 41)):
        aligned = aligned_axis(lo, hi, cells, 4)
        assert aligned is not None
        assert aligned.hi - aligned.lo <= 1.34 * (hi - lo)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("width", "height"), [(84, 21), (60, 30), (40, 16)])
def test_a_circle_looks_round(mode: Mode, width: int, height: int) -> None:
    """A unit circle drawn on an equal-aspect chart spans as many terminal cells across as up,
    once a cell's 1:2 width:height is counted (two columns are as long as one row)."""
    chart = Chart(width, height, (-3.0, 3.0), (-2.5, 2.5), mode=mode, equal_aspect=True)
    angles = np.linspace(0, 2 * np.pi, 400)
    chart.canvas.line(2 * np.cos(angles), 2 * np.sin(angles), "red")
    dots = chart.canvas.dots
    rows, cols = np.nonzero(dots)
    across = (cols.max() - cols.min() + 1) / chart.canvas.cell_width / 2  # in row heights
    up = (rows.max() - rows.min() + 1) / chart.canvas.cell_height
    assert abs(across - up) <= 0.5, (across, up)
    assert chart.x_range[0] <= -3.0 and chart.x_range[1] >= 3.0
    assert chart.y_range[0] <= -2.5 and chart.y_range[1] >= 2.5


@pytest.mark.parametrize("top", [0.7, 1.0, 3.9, 105.0])
def test_an_axis_from_zero_keeps_zero_at_its_bottom(top: float) -> None:
    """Errors, accuracies and probabilities start at 0: the widening goes up, not below 0."""
    chart = Chart(40, 14, (0.0, 1.0), (0.0, top), title="t")
    assert chart.y_range[0] == 0.0 and chart.y_range[1] >= top
    assert chart.y_ticks[0] == 0.0


def _tick_columns(chart: Chart) -> list[int]:
    """The columns of the axis line where an x tick mark stands."""
    row = chart.to_text()[-2 if not chart.x_label else -3]
    return [c for c, char in enumerate(row) if char in "┬"]


WIDTHS = [24, 37, 50, 61, 84, 117]


@pytest.mark.parametrize(("x_range", "width"), itertools.product(RANGES, WIDTHS))
def test_x_ticks_stand_at_equal_column_steps(x_range: tuple[float, float], width: int) -> None:
    """Equal steps of x look equal: 2, 3, 2, 3 columns between ticks read as uneven steps."""
    chart = Chart(width, 12, x_range, (0.0, 1.0), title="t")
    columns = _tick_columns(chart)
    assert len(columns) >= 2, chart.to_text()
    assert len({b - a for a, b in itertools.pairwise(columns)}) == 1, (columns, chart.to_text())
    assert chart.x_range[0] <= x_range[0] and chart.x_range[1] >= x_range[1]
    labels = re.split(r" {2,}", chart.to_text()[-1].strip())
    assert len(labels) == len(columns), chart.to_text()  # every tick has its label


@pytest.mark.parametrize(("width", "height"), [(84, 21), (60, 30), (40, 16), (117, 33)])
def test_x_ticks_of_an_equal_aspect_plot_stand_at_equal_column_steps(
    width: int, height: int
) -> None:
    chart = Chart(width, height, (-3.0, 3.0), (-2.5, 2.5), equal_aspect=True)
    columns = _tick_columns(chart)
    assert len(columns) >= 2, chart.to_text()
    assert len({b - a for a, b in itertools.pairwise(columns)}) == 1, (columns, chart.to_text())
    assert chart.x_range[0] <= -3.0 + 1e-9 and chart.x_range[1] >= 3.0 - 1e-9
