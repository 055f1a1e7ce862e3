"""The plane under a map: the grid, the letter F, the unit vectors and p = (2; 1) as they move.

Beside the picture (or below it when narrow) stand the matrices with the slide's numbers, where
p goes, and the one sentence the slide makes about this map.
"""

from __future__ import annotations

import textwrap

import numpy as np

from oppija.arrays import Array
from oppija.i18n import _, format_decimal
from oppija.plot import Canvas, Mode, PlotStyles
from oppija.plot.legend import LegendEntry, legend_rows, mark_entry
from oppija.scenes.marks import fat_point
from oppija.scenes.rows import Rows, fit, side_by_side, text_row
from oppija.scenes.view import View
from oppija.scenes.words.linear_maps import (
    caption,
    matrix_inline,
    number_text,
    title,
    vector_text,
)
from oppija.sims.linear_maps import EXAMPLE_POINT, LinearMaps
from oppija.text import ascii_spelling

PANEL_FROM_WIDTH = 64  # below this the numbers go under the picture
PANEL_WIDTH = 34
CAPTION_FROM_HEIGHT = 14


def square_ranges(
    canvas_width: int, canvas_height: int, mode: Mode, half: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """x and y ranges around 0 that hold ±``half`` both ways with square dots.

    A braille cell is 2×4 dots and about twice as tall as wide, so a dot is square; the same
    holds for the 1×2 dots of half blocks and ASCII. A circle then looks like a circle.
    """
    per_cell = (2, 4) if mode == "braille" else (1, 2)
    dots_x = max(canvas_width * per_cell[0] - 1, 1)
    dots_y = max(canvas_height * per_cell[1] - 1, 1)
    if dots_x >= dots_y:
        return (-half * dots_x / dots_y, half * dots_x / dots_y), (-half, half)
    return (-half, half), (-half * dots_y / dots_x, half * dots_y / dots_x)


def draw_linear_maps(simulation: LinearMaps, view: View) -> Rows:
    """The moving plane, and the numbers that say what moved it."""
    width, height, mode, styles = view.width, view.height, view.mode, view.styles
    ascii_only = view.ascii_only
    spell = view.spell
    with_panel = width >= PANEL_FROM_WIDTH
    panel_width = min(PANEL_WIDTH, width // 3) if with_panel else width
    picture_width = width - panel_width - 2 if with_panel else width

    panel = [spell(line) for line in panel_lines(simulation, ascii_only)]
    caption_lines: list[str] = []
    if height >= CAPTION_FROM_HEIGHT:
        caption_lines = textwrap.wrap(spell(caption(simulation)), max(panel_width, 10))
    heading = [panel[0]]
    if with_panel:
        picture_height = height
        heading = textwrap.wrap(panel[0], max(panel_width, 10)) or [""]  # whole, never cut
        text = [*heading, *panel[1:], "", *caption_lines]
    else:  # the two most useful lines under the picture, and the caption when there is room
        name = {"composition": "BA", "tanh": "W"}.get(simulation.kind, "A")
        text = [panel[0], spell(f"{name} = {matrix_inline(simulation.matrix)}")]
        text = text[: max(height - 4, 0)]
        if height - len(text) - len(caption_lines) < 8:
            caption_lines = []
        text += caption_lines
        picture_height = max(height - len(text), 1)

    picture = draw_plane(simulation, picture_width, picture_height, mode, styles)
    text_rows = [
        text_row(line, panel_width, styles.label if k < len(heading) else None)
        for k, line in enumerate(text)
    ]
    if with_panel:  # every row exactly as wide already; the text no taller than the picture
        room = height - len(text_rows) - 1
        if room >= 1:  # what each colour is, under the numbers when there is room
            entries = plane_legend(simulation, styles, ascii_only)
            text_rows += [[], *legend_rows(entries, panel_width, min(room, 3), styles.label)]
        return side_by_side(picture, text_rows[:height], picture_width, panel_width)
    return fit([*picture, *text_rows], width, height)


def plane_legend(simulation: LinearMaps, styles: PlotStyles, ascii_only: bool) -> list[LegendEntry]:
    """What each colour of the plane is: where e₁ and e₂ go (the matrix's columns) or b, the
    point p now and where it started, the moved grid and the F."""
    arrow, dot, line = ("->", "o", "-") if ascii_only else ("→", "●", "⠒")
    name = {"composition": "BA", "tanh": "W"}.get(simulation.kind, "A")
    entries: list[LegendEntry] = []
    if simulation.is_linear:
        entries += [
            mark_entry(arrow, styles.tangent, f"{name}e₁"),
            mark_entry(arrow, styles.accent, f"{name}e₂"),
        ]
    elif simulation.kind == "translation":
        entries.append(mark_entry(arrow, styles.arrow, "b"))
    entries += [
        mark_entry(dot, styles.current, "p"),
        mark_entry(dot, styles.muted, _("p at the start")),
        mark_entry(line, styles.grid, _("the grid")),
        mark_entry(line, styles.path, "F"),
    ]
    if ascii_only:
        return [LegendEntry(key, ascii_spelling(words)) for key, words in entries]
    return entries


def draw_plane(
    simulation: LinearMaps, width: int, height: int, mode: Mode, styles: PlotStyles
) -> Rows:
    """The picture itself: fixed axes, the moved grid, the F, e₁ and e₂ (or b), and p."""
    x_range, y_range = square_ranges(width, height, mode, simulation.half_width)
    canvas = Canvas(width, height, x_range, y_range, mode, styles)
    (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range
    canvas.segment(x_lo, 0.0, x_hi, 0.0, styles.axis)
    canvas.segment(0.0, y_lo, 0.0, y_hi, styles.axis)

    # One call per line: a line without gaps inside the view takes the canvas's fast path.
    for line in simulation.mapped_lines(simulation.grid_lines):
        canvas.line(line[:, 0], line[:, 1], styles.grid)
    for stroke in simulation.mapped_lines(simulation.shape_strokes):
        canvas.line(stroke[:, 0], stroke[:, 1], styles.path)

    origin = simulation.mapped(np.zeros((1, 2)))[0]
    if simulation.is_linear:  # where the unit vectors go: the matrix's columns
        matrix = simulation.matrix_at(simulation.t)
        assert matrix is not None
        canvas.arrow(0.0, 0.0, matrix[0, 0], matrix[1, 0], styles.tangent)
        canvas.arrow(0.0, 0.0, matrix[0, 1], matrix[1, 1], styles.accent)
    elif simulation.kind == "translation":  # the origin moves: not linear
        if np.hypot(*origin) > 1e-9:
            canvas.arrow(0.0, 0.0, origin[0], origin[1], styles.arrow)
        fat_point(canvas, float(origin[0]), float(origin[1]), styles.arrow)
    else:  # tanh: the slide's four points
        moved = simulation.mapped(simulation.shape_points)
        canvas.points(moved[:, 0], moved[:, 1], styles.point)
        for x, y in moved:
            fat_point(canvas, float(x), float(y), styles.point)

    path = simulation.example_path()
    start, now = path[0], path[-1]
    if len(path) == 3:  # two maps: the stop after the first one
        fat_point(canvas, float(path[1][0]), float(path[1][1]), styles.muted)
    fat_point(canvas, start[0], start[1], styles.muted)
    fat_point(canvas, float(now[0]), float(now[1]), styles.current)
    canvas.text(float(now[0]), float(now[1]), "  p", styles.current)
    return canvas.to_segments()  # a canvas's rows are exactly its size


def matrix_block(name: str, matrix: Array, ascii_only: bool) -> list[str]:
    """A 2×2 matrix in two lines with brackets, columns right-aligned, after "name = "."""
    cells = [[number_text(v) for v in row] for row in np.asarray(matrix)]
    widths = [max(len(cells[0][c]), len(cells[1][c])) for c in range(2)]
    body = ["  ".join(cells[r][c].rjust(widths[c]) for c in range(2)) for r in range(2)]
    top, bottom = ("[", "]"), ("[", "]")
    if not ascii_only:
        top, bottom = ("⎡", "⎤"), ("⎣", "⎦")
    lead = f"{name} = "
    return [
        f"{lead}{top[0]} {body[0]} {top[1]}",
        f"{' ' * len(lead)}{bottom[0]} {body[1]} {bottom[1]}",
    ]


def panel_lines(simulation: LinearMaps, ascii_only: bool) -> list[str]:
    """The title, the matrices, t, and where p went (the slide's worked example)."""
    lines = [title(simulation), ""]
    p = vector_text(np.array(EXAMPLE_POINT))
    path = simulation.example_path()
    kind = simulation.kind
    if kind == "composition":
        assert simulation.first is not None and simulation.second is not None
        lines += matrix_block("A", simulation.first, ascii_only)
        lines += matrix_block("B", simulation.second, ascii_only)
        lines += matrix_block("BA", simulation.matrix, ascii_only)
    elif kind == "tanh":
        lines += matrix_block("W", simulation.matrix, ascii_only)
        lines.append(f"b = {vector_text(simulation.offset)}")
    elif kind == "translation":
        lines += matrix_block("A", simulation.matrix, ascii_only)
        lines.append(f"b = {vector_text(simulation.offset)}")
    else:
        lines += matrix_block("A", simulation.matrix, ascii_only)
    lines += ["", f"t = {format_decimal(simulation.t, 2)}"]
    if kind == "composition" and len(path) == 3:
        lines.append(f"Ap = {vector_text(path[1])}")
        lines.append(f"B(Ap) = {vector_text(path[2])} = (BA)p")
    else:
        lines.append(f"p = {p} ↦ {vector_text(path[-1])}")
    if kind == "translation":
        origin = simulation.mapped(np.zeros((1, 2)))[0]
        lines.append(f"(0; 0) ↦ {vector_text(origin)}")
    return lines


__all__ = ["draw_linear_maps", "matrix_block", "square_ranges"]
