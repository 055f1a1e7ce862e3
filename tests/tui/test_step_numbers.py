"""The descents' ``#`` table: a column per component, decimal signs under each other.

Pure functions of the widget's module: no app is started.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oppija import i18n
from oppija.sims.base import NumbersRow
from oppija.tui.widgets.step_numbers import column_widths, header_line, headers, line, row_cells


@pytest.fixture(autouse=True)
def estonian() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(before)


ROWS = [
    NumbersRow(0, [2.5, 2.0], 10.25, [5.0, 4.0], None),
    NumbersRow(1, [-12.3456, 0.0006417], 152.4, [-0.1676, -0.17], 0.0253),
    NumbersRow(12, [0.0, None], None, [1046666.87, 0.9], 1.5),
]


def test_each_component_has_its_column_and_the_commas_line_up() -> None:
    names = headers(ROWS[0])
    assert names == ("k", "θ₁", "θ₂", "𝓔(θ)", "∇𝓔₁", "∇𝓔₂", "|Δθ|")
    cells = [row_cells(row) for row in ROWS]
    assert cells[1] == ("1", "−12,35", "6,417·10⁻⁴", "152,4", "−0,1676", "−0,1700", "0,02530")
    widths = column_widths(cells, [(0, 0)] * len(names), names)
    lines = [line(row, widths) for row in cells]
    header = header_line(names, widths)
    assert len({len(text) for text in [*lines, header]}) == 1  # every line as long
    comma = lines[0].index("2,500") + 1  # θ₁'s decimal comma
    assert lines[1].index("−12,35") + 3 == comma
    assert lines[2][comma - 1 : comma + 1] == "0 "  # a whole 0 ends just before it
    assert lines[1].index("−0,1676") + 2 == lines[2].index("1,047·10⁶") + 1  # ∇𝓔₁ likewise
