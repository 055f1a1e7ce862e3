"""The convolution demo's compact grids: two pixel rows in one text row (half blocks).

In a short window (80×24) the numbered picture is cropped around the kernel's window and the
digit can no longer be recognised. Here each text cell holds two pixels, upper and lower half,
so the padded 12 × 12 picture takes six rows and the 10 × 10 feature map five (and its frame):
the digit stays whole and the map still fills in as the kernel moves.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style

from oppija.scenes.rows import Rows
from oppija.sims.conv import Convolution

# (upper lit, lower lit) -> character: Unicode half blocks, or ASCII marks.
HALVES = {
    "unicode": {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"},
    "ascii": {(False, False): " ", (True, False): "'", (False, True): ".", (True, True): ":"},
}
LIT_FROM = 0.5  # a pixel this bright or brighter is drawn


def half_picture_rows(
    simulation: Convolution, ascii_only: bool, window: Style | None, muted: Style | None
) -> Rows:
    """The padded picture two pixel rows a line; the kernel's window in its own colour, its
    empty cells dotted so the window shows where the picture is dark."""
    values = simulation.padded
    rows_total, cols_total = values.shape
    top, left = simulation.window
    chars = HALVES["ascii" if ascii_only else "unicode"]
    dot = "." if ascii_only else "·"
    out: Rows = []
    for i in range(0, rows_total, 2):
        row: list[Segment] = []
        for j in range(cols_total):
            upper = bool(values[i][j] >= LIT_FROM)
            lower = bool(i + 1 < rows_total and values[i + 1][j] >= LIT_FROM)
            in_window = left <= j < left + 3 and (top <= i < top + 3 or top <= i + 1 < top + 3)
            char = chars[(upper, lower)]
            if in_window:
                row.append(Segment(dot if char == " " else char, window))
            else:
                row.append(Segment(char, None))
        out.append(row)
    return out


def half_map_rows(
    simulation: Convolution,
    ascii_only: bool,
    signs: tuple[Style | None, Style | None],
    current: Style | None,
    frame: Style | None,
) -> Rows:
    """The feature map two rows a line in a frame: a computed cell is lit in the colour of its
    sign (positive, negative; zero stays dark), the current one in the window's colour."""
    values = simulation.sums
    out_rows, out_cols = simulation.output_shape
    reached = simulation.step_count
    current_row, current_col = simulation.position
    chars = HALVES["ascii" if ascii_only else "unicode"]
    corner_tl, line, corner_tr, side, corner_bl, corner_br = "+-+|++" if ascii_only else "┌─┐│└┘"
    out: Rows = [[Segment(corner_tl + line * out_cols + corner_tr, frame)]]
    for i in range(0, out_rows, 2):
        row = [Segment(side, frame)]
        for j in range(out_cols):
            halves = []
            for r in (i, i + 1):
                done = r < out_rows and r * out_cols + j <= reached
                halves.append(done and values[r][j] != 0)
            upper_row_current = (i, j) == (current_row, current_col)
            lower_row_current = (i + 1, j) == (current_row, current_col)
            char = chars[(halves[0], halves[1])]
            if upper_row_current or lower_row_current:
                row.append(Segment(chars[(upper_row_current, lower_row_current)], current))
                continue
            value = values[i][j] if halves[0] else values[min(i + 1, out_rows - 1)][j]
            row.append(Segment(char, signs[0] if value > 0 else signs[1]))
        row.append(Segment(side, frame))
        out.append(row)
    out.append([Segment(corner_bl + line * out_cols + corner_br, frame)])
    return out
