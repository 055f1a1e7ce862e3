"""Known dots give known characters in every mode (hand-made expectations)."""

from __future__ import annotations

import numpy as np

from oppija.plot import Canvas, PlotStyles


def one_cell(mode: str) -> Canvas:
    """A single cell whose dots sit exactly on the data corners 0 and 1."""
    return Canvas(1, 1, (0.0, 1.0), (0.0, 1.0), mode=mode, styles=PlotStyles.plain())  # type: ignore[arg-type]


def braille_dot(column: int, row: int) -> str:
    """The character of a one-cell braille canvas with only dot (column, row) lit."""
    canvas = one_cell("braille")
    canvas.points([column / 1], [1 - row / 3])
    return canvas.to_text()[0]


def test_single_braille_dots_follow_the_unicode_numbering() -> None:
    # Dots 1, 2, 3, 7 down the left column; 4, 5, 6, 8 down the right one.
    assert [braille_dot(0, r) for r in range(4)] == ["⠁", "⠂", "⠄", "⡀"]
    assert [braille_dot(1, r) for r in range(4)] == ["⠈", "⠐", "⠠", "⢀"]


def test_a_full_braille_cell() -> None:
    canvas = one_cell("braille")
    xs, ys = np.meshgrid([0.0, 1.0], np.linspace(0.0, 1.0, 4))
    canvas.points(xs, ys)
    assert canvas.to_text() == ["⣿"]


def test_a_horizontal_line_along_the_top_row_of_dots() -> None:
    canvas = Canvas(3, 2, (0.0, 5.0), (0.0, 1.0))
    canvas.line([0.0, 5.0], [1.0, 1.0])
    assert canvas.to_text() == ["⠉⠉⠉", "   "]


def test_an_empty_canvas_is_blank() -> None:
    assert Canvas(4, 2, (0, 1), (0, 1)).to_text() == ["    ", "    "]


def test_halfblock_and_ascii_cells() -> None:
    expected = {"halfblock": ["▀", "▄", "█"], "ascii": ["'", ".", ":"]}
    for mode, (top, bottom, both) in expected.items():
        seen = []
        for ys in ([1.0], [0.0], [0.0, 1.0]):
            canvas = one_cell(mode)
            canvas.points([0.0] * len(ys), ys)
            seen.append(canvas.to_text()[0])
        assert seen == [top, bottom, both], mode


def test_dot_sizes_per_mode() -> None:
    sizes = {
        m: (
            Canvas(5, 3, (0, 1), (0, 1), mode=m).dot_width,
            Canvas(5, 3, (0, 1), (0, 1), mode=m).dot_height,
        )
        for m in ("braille", "halfblock", "ascii")
    }
    assert sizes == {"braille": (10, 12), "halfblock": (5, 6), "ascii": (5, 6)}


def test_data_maps_to_dots_and_cells() -> None:
    canvas = Canvas(10, 5, (0.0, 19.0), (0.0, 19.0))  # 20 × 20 dots, one dot per unit
    assert canvas.dot_of(0.0, 19.0) == (0, 0)
    assert canvas.dot_of(19.0, 0.0) == (19, 19)
    assert canvas.dot_of(5.0, 15.0) == (5, 4)
    assert canvas.cell_of(5.0, 15.0) == (2, 1)
    assert canvas.dot_of(25.0, 0.0) is None
    assert canvas.to_data(5, 4) == (5.0, 15.0)


def test_two_colour_half_blocks() -> None:
    """In half blocks a cell can show two styles: the upper dot's over the lower dot's."""
    canvas = Canvas(1, 1, (0.0, 1.0), (0.0, 1.0), mode="halfblock")
    canvas.points([0.0], [1.0], "red")
    canvas.points([0.0], [0.0], "blue")
    (segment,) = canvas.to_segments()[0]
    assert segment.text == "▀"
    assert segment.style is not None
    assert segment.style.color is not None and segment.style.color.name == "red"
    assert segment.style.bgcolor is not None and segment.style.bgcolor.name == "blue"
