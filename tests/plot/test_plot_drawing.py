"""Lines, clipping, arrows, text, heat maps and contours on a canvas, checked dot by dot."""

from __future__ import annotations

import math

import numpy as np

from oppija.plot import DENSITY_RAMP, Canvas, PlotStyles


def lit(canvas: Canvas) -> set[tuple[int, int]]:
    """The lit dots as (column, row) pairs."""
    rows, cols = np.nonzero(canvas.dots)
    return set(zip(cols.tolist(), rows.tolist(), strict=True))


def test_a_diagonal_is_continuous_at_dot_resolution() -> None:
    canvas = Canvas(10, 5, (0.0, 19.0), (0.0, 19.0))  # 20 × 20 dots, one per unit
    canvas.line([0.0, 19.0], [19.0, 0.0])
    assert lit(canvas) == {(k, k) for k in range(20)}


def test_a_steep_polyline_leaves_no_gaps() -> None:
    canvas = Canvas(10, 5, (0.0, 19.0), (0.0, 19.0))
    canvas.line([0.0, 2.0, 4.0], [0.0, 19.0, 0.0])
    dots = lit(canvas)
    # Every row of dots is reached on the way up and on the way down.
    assert {row for col, row in dots if col <= 2} == set(range(20))
    assert {row for col, row in dots if col >= 2} == set(range(20))


def test_a_line_far_outside_is_clipped_to_the_canvas() -> None:
    canvas = Canvas(4, 2, (0.0, 1.0), (0.0, 7.0))  # 8 × 8 dots, rows one unit apart
    canvas.line([-1e300, 1e300], [3.0, 3.0])
    assert lit(canvas) == {(c, 4) for c in range(8)}


def test_a_line_crossing_the_corner_region_is_clipped() -> None:
    canvas = Canvas(4, 2, (0.0, 7.0), (0.0, 7.0))
    canvas.line([-7.0, 14.0], [-7.0, 14.0])  # the diagonal, from far below-left to far above-right
    dots = lit(canvas)
    assert {(0, 7), (7, 0)} <= dots
    assert {col for col, _ in dots} == set(range(8))
    assert all(abs(col + row - 7) <= 1 for col, row in dots)


def test_nan_breaks_a_line_and_a_lone_point_still_shows() -> None:
    canvas = Canvas(10, 5, (0.0, 19.0), (0.0, 19.0))
    canvas.line([0.0, 5.0, 10.0, 15.0, 19.0], [19.0, 19.0, math.nan, 19.0, 0.0])
    dots = lit(canvas)
    assert {(c, 0) for c in range(6)} <= dots
    assert not any(col in range(6, 15) for col, _ in dots)
    assert (15, 0) in dots and (19, 19) in dots


def test_points_outside_are_dropped() -> None:
    canvas = Canvas(2, 1, (0.0, 3.0), (0.0, 3.0))
    canvas.points([-5.0, 1.0, 10.0, math.inf, math.nan], [1.0, 2.0, 1.0, 1.0, 1.0])
    assert lit(canvas) == {(1, 1)}


def test_the_last_draw_that_lights_a_cell_gives_its_colour() -> None:
    canvas = Canvas(1, 1, (0.0, 1.0), (0.0, 1.0))
    canvas.points([0.0], [1.0], "red")
    canvas.points([1.0], [0.0], "blue")
    (segment,) = canvas.to_segments()[0]
    assert segment.text == "⢁"
    assert segment.style is not None and segment.style.color is not None
    assert segment.style.color.name == "blue"


def test_a_braille_arrow_has_a_head_at_its_tip() -> None:
    canvas = Canvas(10, 5, (0.0, 19.0), (0.0, 19.0))
    canvas.arrow(2.0, 10.0, 17.0, 10.0)
    dots = lit(canvas)
    assert {(c, 9) for c in range(2, 18)} <= dots  # the shaft (y 10 is dot row 9)
    assert any(row < 9 and 12 <= col < 17 for col, row in dots)  # one wing above ...
    assert any(row > 9 and 12 <= col < 17 for col, row in dots)  # ... and one below
    assert not any(row != 9 and col < 12 for col, row in dots)  # nothing near the tail


def test_arrow_heads_as_glyphs_in_coarse_modes() -> None:
    for mode, heads in (("ascii", ">^<v"), ("halfblock", "▶▲◀▼")):
        found = []
        for x1, y1 in ((9.0, 2.0), (4.0, 3.9), (0.0, 2.0), (4.0, 0.0)):
            canvas = Canvas(10, 2, (0.0, 9.0), (0.0, 3.9), mode=mode)  # type: ignore[arg-type]
            canvas.arrow(4.0, 2.0, x1, y1)
            found.append(next(c for c in "".join(canvas.to_text()) if c in heads))
        assert "".join(found) == heads, mode


def test_text_alignment() -> None:
    canvas = Canvas(10, 1, (0.0, 9.0), (0.0, 1.0), mode="halfblock")
    canvas.text(5.0, 0.5, "abc", align="center")
    canvas.text(0.0, 0.5, "<")
    canvas.text(9.0, 0.5, "]>", align="right")
    assert canvas.to_text() == ["<   abc ]>"]


def test_text_is_clipped_and_replaces_dots() -> None:
    canvas = Canvas(4, 1, (0.0, 3.0), (0.0, 1.0), mode="halfblock")
    canvas.line([0.0, 3.0], [1.0, 1.0])
    canvas.text(2.0, 0.0, "xyz")
    assert canvas.to_text() == ["▀▀xy"]


def test_heat_map_backgrounds_go_from_low_to_high() -> None:
    styles = PlotStyles.default()
    canvas = Canvas(4, 1, (0.0, 3.0), (0.0, 1.0), mode="halfblock", styles=styles)
    canvas.heatmap([[0.0, 1.0, 2.0, 3.0]])
    canvas.points([1.0], [1.0], "red")  # drawn on top: its colour over the heat
    segments = canvas.to_segments()[0]
    backgrounds = [s.style.bgcolor.name for s in segments if s.style and s.style.bgcolor]
    heat = [styles.heat[i].removeprefix("on ") for i in (0, 2, 4, 6)]
    assert backgrounds == heat
    assert segments[1].text == "▀" and segments[1].style.color.name == "red"  # type: ignore[union-attr]


def test_heat_map_without_colour_uses_the_density_ramp() -> None:
    canvas = Canvas(4, 1, (0.0, 3.0), (0.0, 1.0), mode="halfblock", styles=PlotStyles.plain())
    canvas.heatmap([[0.0, 1.0, 2.0, 3.0]])
    ramp = DENSITY_RAMP
    assert canvas.to_text() == [ramp[0] + ramp[3] + ramp[6] + ramp[9]]
    assert "".join(s.text for s in canvas.to_segments()[0]) == canvas.to_text()[0]


def test_heat_map_nan_cells_stay_blank() -> None:
    canvas = Canvas(2, 1, (0.0, 1.0), (0.0, 1.0), mode="halfblock")
    canvas.heatmap([[math.nan, 1.0]], lo=0.0, hi=1.0)
    segments = canvas.to_segments()[0]
    assert segments[0].style is None or segments[0].style.bgcolor is None


def test_contours_of_a_bowl_form_a_ring_at_the_level() -> None:
    canvas = Canvas(20, 10, (-2.0, 2.0), (-2.0, 2.0))  # 40 × 40 dots
    grid = np.linspace(-2.0, 2.0, 81)
    xs, ys = np.meshgrid(grid, grid)
    canvas.contours(xs**2 + ys**2, [1.0])
    dot = 4.0 / 39  # the distance between neighbouring dots in data units
    radii = [math.hypot(*canvas.to_data(col, row)) for col, row in lit(canvas)]
    assert len(radii) > 40
    assert all(abs(r - 1.0) <= dot for r in radii)
    angles = {math.atan2(*reversed(canvas.to_data(c, r))) // (math.pi / 2) for c, r in lit(canvas)}
    assert angles == {-2.0, -1.0, 0.0, 1.0}  # all four quadrants


def test_contours_at_several_levels_make_nested_rings() -> None:
    canvas = Canvas(20, 10, (-2.0, 2.0), (-2.0, 2.0))
    grid = np.linspace(-2.0, 2.0, 81)
    xs, ys = np.meshgrid(grid, grid)
    canvas.contours(xs**2 + ys**2, [0.25, 2.25])
    radii = sorted(math.hypot(*canvas.to_data(c, r)) for c, r in lit(canvas))
    assert all(abs(r - 0.5) <= 0.11 or abs(r - 1.5) <= 0.11 for r in radii)
    assert any(abs(r - 0.5) <= 0.11 for r in radii) and any(abs(r - 1.5) <= 0.11 for r in radii)


def test_clear_removes_everything() -> None:
    canvas = Canvas(3, 1, (0.0, 1.0), (0.0, 1.0))
    canvas.line([0.0, 1.0], [0.0, 1.0])
    canvas.text(0.5, 0.5, "x")
    canvas.heatmap([[0.0, 1.0]])
    canvas.clear()
    assert canvas.to_text() == ["   "]
    assert not canvas.dots.any()
