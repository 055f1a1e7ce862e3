"""Bar charts: positive right of the zero line, negative left, eighths of a cell, text for NaN."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija.i18n import current_language, set_language
from oppija.plot import PlotStyles, bar_chart


@pytest.fixture
def estonian() -> Iterator[None]:
    before = current_language()
    set_language("et")
    yield
    set_language(before)


def texts(rows: list) -> list[str]:
    return ["".join(segment.text for segment in row) for row in rows]


def test_positive_and_negative_bars_by_hand(estonian: None) -> None:
    # 20 cells: label 1 + blank, 14 for the bars and the zero line, blank + value 2.
    # The negative side needs ceil(14/3) = 5 cells, which leaves 9 for 2: 4,5 cells per unit,
    # so 2 -> 9 whole cells and -1 -> 4 cells and a half (▐ without colour).
    rows = bar_chart([2.0, -1.0], ["a", "b"], 20, styles=PlotStyles.plain())
    assert texts(rows) == ["a      │█████████  2", "b ▐████│          −1"]


def test_ascii_bars(estonian: None) -> None:
    rows = bar_chart([2.0, -1.0], ["a", "b"], 20, mode="ascii", styles=PlotStyles.plain())
    assert texts(rows) == ["a      |#########  2", "b -####|          -1"]


def test_eighths_of_a_cell() -> None:
    rows = bar_chart([1.0, 0.5, 0.125], ["", "", ""], 14, value_format=lambda v: "x")
    # 14 cells: no labels (0 + blank), value 1 (+ blank), zero line: 10 cells of bar.
    assert [text[2:12] for text in texts(rows)] == ["██████████", "█████     ", "█▎        "]


def test_coloured_negative_tips_are_drawn_reversed() -> None:
    styles = PlotStyles.default()
    # 12 cells for bars: 5 on the negative side, 7 on the positive one, so 7 cells per unit and
    # -0,55 is 3 cells and 7 eighths: the tip shows one eighth uncoloured on its left.
    rows = bar_chart([-0.55, 1.0], ["n", "p"], 16, styles=styles, value_format=lambda v: "")
    tip = next(s for s in rows[0] if s.style is not None and s.style.reverse)
    assert tip.text == "▏"
    bar = next(s for s in rows[1] if "█" in s.text)
    assert bar.style is not None and bar.style.color is not None
    assert bar.style.color.name == styles.positive


def test_non_finite_values_get_text_and_no_bar(estonian: None) -> None:
    rows = texts(bar_chart([math.nan, math.inf, -math.inf, 1.0], ["a", "b", "c", "d"], 24))
    assert [row.split()[-1] for row in rows] == ["NaN", "∞", "−∞", "1"]
    assert all("█" not in row for row in rows[:3])
    assert "█" in rows[3]
    assert {len(row) for row in rows} == {24}


def test_odd_input_never_raises() -> None:
    assert bar_chart([], [], 10) == []
    assert texts(bar_chart([0.0, 0.0], ["x"], 3))  # fewer labels than values, tiny width
    assert texts(bar_chart([1e308, -1e308], ["big", "small"], 30))[0].endswith("1e308")
    texts(bar_chart([1.0], ["üks"], 20, value_format=lambda v: 1 / 0))  # type: ignore[arg-type,return-value]
