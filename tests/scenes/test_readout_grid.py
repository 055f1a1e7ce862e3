"""Every demo's readout as a grid: a label never ends a line without its value, and the cells
stay where they are as their numbers change width."""

from __future__ import annotations

from functools import cache

import pytest
from rich.text import Text

from oppija.scenes.readout_grid import grid_lines
from oppija.scenes.words import readout_lines
from oppija.sims import DEMOS, simulation_class
from oppija.sims.demo import Demo

# The readout's width in a demo panel at 80 and 120 columns, with and without the contents.
WIDTHS = (38, 56, 76, 116)


@cache
def readout(kind: str, steps: int) -> tuple[str, ...]:
    simulation: Demo = simulation_class(kind)()
    simulation.run(steps)
    return tuple(readout_lines(simulation))


@pytest.mark.parametrize("kind", sorted(DEMOS))
def test_no_readout_line_ends_with_an_equals_sign(kind: str) -> None:
    for steps in (0, 5):
        cells = [Text(line) for line in readout(kind, steps)]
        for width in WIDTHS:
            lines = [line.plain for line in grid_lines(cells, [0] * len(cells), width)]
            assert all(line.rstrip()[-1:] != "=" for line in lines), (kind, width, lines)
            assert all(not line.lstrip().startswith(("=", "%")) for line in lines), lines
            assert all(len(line) <= width for line in lines)


def test_cells_keep_their_columns_as_numbers_change_width() -> None:
    before = [Text("k = 9"), Text("θ = 0,9000"), Text("α = 0,1")]
    after = [Text("k = 10"), Text("θ = −12,35"), Text("α = 0,1")]
    widths = [max(a.cell_len, b.cell_len) for a, b in zip(before, after, strict=True)]
    first, second = (grid_lines(cells, widths, 80)[0].plain for cells in (before, after))
    assert first.index("θ =") == second.index("θ =")
    assert first.index("α =") == second.index("α =")


def test_a_line_breaks_between_cells_and_a_long_cell_folds_beside_no_equals_sign() -> None:
    cells = [Text("𝓔(θ) = 6,417·10⁻⁴"), Text("α = 0,1"), Text("täpsus = 48 %")]
    lines = [line.plain for line in grid_lines(cells, [0, 0, 0], 20)]
    assert lines == ["𝓔(θ) = 6,417·10⁻⁴", "α = 0,1", "täpsus = 48 %"]
    long = [Text("viga = 0,25 ja täpsus = 48 % pärast 12 sammu")]
    folded = [line.plain for line in grid_lines(long, [0], 14)]
    assert all(not line.endswith("=") and not line.startswith("%") for line in folded)
    assert "täpsus = 48 %" in folded
