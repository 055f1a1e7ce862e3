"""The convolution demo's picture: the picture with the kernel's window, the kernel and the nine
products, the feature map filling in, and below them the sum, the output size and the parameters.

Drawn as grids of text cells rather than dots: the learner reads numbers here. Where they do not
fit, the picture and the map turn into shades (two or one characters a cell) and the grids are
cropped around the window. Everything is readable without colour: the window is framed by bars
(brackets in shades), padding zeros are dotted, cells not yet computed are blank.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style

from oppija.arrays import Array
from oppija.i18n import _, format_integer
from oppija.plot import PlotStyles
from oppija.plot.legend import LegendEntry, colour_bar, legend_rows, mark_entry
from oppija.scenes.conv_halves import half_map_rows, half_picture_rows
from oppija.scenes.rows import Rows, fit
from oppija.scenes.view import View
from oppija.scenes.words.conv import number, parameters_text, product_terms, size_text, spell
from oppija.sims.conv import IMAGE_NAMES, KERNEL_NAMES, Convolution

GAP = 3  # columns between the grids
SUM_LINES = 3  # the products' sum wraps to at most this many lines, then it is shortened
# Shades of a pixel (0 … 1) and of an output's size |v| / max |v| (the first: exactly 0).
PIXEL_SHADES = {"unicode": " ░▒▓█", "ascii": " .+*#"}
OUTPUT_SHADES = {"unicode": "·░▒▓█", "ascii": ".:+*#"}
PADDING_SHADE = {"unicode": "·", "ascii": "."}
BOX = {"unicode": "┌─┐│└┘", "ascii": "+-+|++"}
EDGE = {"unicode": ("┆", "┄"), "ascii": (":", "-")}  # where the picture ends and padding starts
# The cell layouts tried from the roomiest down: (picture, map, kernel column shown, spacious).
LAYOUTS = (
    ("numbers", "numbers", True, True),
    ("numbers", "numbers", True, False),
    ("shades2", "numbers", True, False),
    ("shades2", "shades2", True, False),
    ("shades2", "shades2", False, False),
    ("shades1", "shades1", False, False),
)


@dataclass
class Block:
    """A part of the picture: its rows (each exactly ``width`` cells) and its heading."""

    rows: Rows
    width: int
    heading: str = ""


Piece = tuple[str, "Style | None"]


@dataclass(frozen=True)
class GridLook:
    """How a grid is drawn this frame: its cells (``numbers``, ``shades1``, ``shades2``), spaced
    out or not, in how many rows, in which colours, in ASCII or not, with which number labels
    (each cell's text and their common width)."""

    cells: str
    spacious: bool
    height: int
    palette: Palette
    ascii_only: bool
    labels: tuple[list[list[str]], int]


def label(value: float, ascii_only: bool) -> str:
    """A number in a grid cell, with an ASCII minus when asked."""
    return spell(number(value), ascii_only)


def style(*parts: str) -> Style | None:
    """Rich style from style strings; None when every part is empty (no colour at all)."""
    text = " ".join(part for part in parts if part)
    return Style.parse(text) if text else None


def merged(pieces: list[Piece]) -> list[Segment]:
    """One Segment per run of pieces in one style: a grid row is ~50 pieces but few runs, and
    every later step (fitting, Strips) pays per Segment."""
    segments: list[Segment] = []
    texts: list[str] = []
    current: Style | None = None
    for text, piece_style in pieces:
        if piece_style is not current and texts:
            segments.append(Segment("".join(texts), current))
            texts = []
        current = piece_style
        texts.append(text)
    if texts:
        segments.append(Segment("".join(texts), current))
    return segments


class Palette:
    """The frame's Rich styles, parsed once: the grids ask for them cell by cell."""

    def __init__(self, styles: PlotStyles) -> None:
        self.label = style(styles.label)
        self.muted = style(styles.muted)
        self.current = style(styles.current)
        self.axis = style(styles.axis)
        self.positive = style(styles.positive)
        self.negative = style(styles.negative)
        self.heat = [style(level) for level in styles.heat]
        self.heat_current = [style(styles.current, level) for level in styles.heat]

    def sign(self, value: float) -> Style | None:
        if value > 0:
            return self.positive
        if value < 0:
            return self.negative
        return self.muted


def labels_of(values: Array, ascii_only: bool) -> tuple[list[list[str]], int]:
    """Every value's label (each distinct value formatted once) and the widest label's length."""
    known: dict[float, str] = {}
    rows = []
    for row in values.tolist():
        out = []
        for value in row:
            text = known.get(value)
            if text is None:
                text = known[value] = label(value, ascii_only)
            out.append(text)
        rows.append(out)
    return rows, max((len(text) for text in known.values()), default=1)


def draw_conv(simulation: Convolution, view: View) -> Rows:
    """Headings, the three grids side by side, then the sum, the output size and the parameters."""
    width, height, styles = view.width, view.height, view.styles
    ascii_only = view.ascii_only
    palette = Palette(styles)
    texts = text_lines(simulation, width, ascii_only, palette)
    grid_height = max(height - 1 - len(texts), 5)
    if grid_height < full_grid_height(simulation, False) and height >= compact_height(simulation):
        return compact_conv(simulation, view, palette, texts)
    picture_labels = labels_of(simulation.padded, ascii_only)
    map_labels = labels_of(simulation.sums, ascii_only)
    kernel = kernel_block(simulation, grid_height, palette, ascii_only)
    pad_cols = simulation.padded.shape[1]
    out_cols = simulation.output_shape[1]
    for cells, map_cells, middle, spacious in LAYOUTS:
        if spacious and height < full_grid_height(simulation, True) + 1 + len(texts):
            continue
        total = grid_width(cells, pad_cols, picture_labels[1], spacious)
        total += grid_width(map_cells, out_cols, map_labels[1], spacious) + 2 + GAP
        if middle:
            total += kernel.width + GAP
        if total <= width or cells == "shades1":
            break
    blocks = [
        picture_block(
            simulation, GridLook(cells, spacious, grid_height, palette, ascii_only, picture_labels)
        )
    ]
    if middle:
        blocks.append(kernel)
    blocks.append(
        map_block(
            simulation, GridLook(map_cells, spacious, grid_height, palette, ascii_only, map_labels)
        )
    )
    rows = side_by_side(blocks, width, palette)
    if height - len(rows) - len(texts) >= 1:  # the legend only where nothing else is cut
        rows.extend(legend_rows(colour_legend(view), width, 1, styles.label))
    rows.extend(texts)
    return fit(rows, width, height)


def side_by_side(blocks: list[Block], width: int, palette: Palette) -> Rows:
    """The blocks under their headings, next to each other; a shorter block is padded below."""
    rows = [heading_row(blocks, width, palette)]
    gap = Segment(" " * GAP)
    for k in range(max(len(block.rows) for block in blocks)):
        row: list[Segment] = []
        for block in blocks:
            if row:
                row.append(gap)
            row.extend(block.rows[k] if k < len(block.rows) else [Segment(" " * block.width)])
        rows.append(row)
    return rows


def colour_legend(view: View) -> list[LegendEntry]:
    """What the colours mean: the picture's brightness from 0 to 1 behind its numbers, and the
    feature map's signs."""
    styles, spell = view.styles, view.spell
    square = "#" if view.ascii_only else "■"
    return [
        LegendEntry(colour_bar("0", "1", styles), _("pixel")),
        mark_entry(square, styles.positive, spell(_("sum > 0"))),
        mark_entry(square, styles.negative, spell(_("sum < 0"))),
    ]


def compact_height(simulation: Convolution) -> int:
    """Rows the compact form needs: the headings and the taller of its two half-block grids."""
    picture = (int(simulation.padded.shape[0]) + 1) // 2
    feature = (simulation.output_shape[0] + 1) // 2 + 2
    return 1 + max(picture, feature)


def compact_conv(simulation: Convolution, view: View, palette: Palette, texts: Rows) -> Rows:
    """The small window's form: picture and map two pixel rows a line, the kernel between them
    when it fits, then as many of the sentences as there is room for (the sum first)."""
    width, height, ascii_only = view.width, view.height, view.ascii_only
    picture = half_picture_rows(simulation, ascii_only, palette.current, palette.muted)
    feature = half_map_rows(
        simulation, ascii_only, (palette.positive, palette.negative), palette.current, palette.axis
    )
    picture_part = Block(
        picture, int(simulation.padded.shape[1]), picture_heading(simulation, ascii_only)
    )
    kernel = kernel_block(simulation, len(feature), palette, ascii_only)
    feature_block = Block(
        feature, simulation.output_shape[1] + 2, map_heading(simulation, ascii_only)
    )
    blocks = [picture_part]
    if picture_part.width + kernel.width + feature_block.width + 2 * GAP <= width:
        blocks.append(kernel)
    blocks.append(feature_block)
    rows = side_by_side(blocks, width, palette)
    rows.extend(texts[: max(height - len(rows), 0)])
    return fit(rows, width, height)


def grid_width(cells: str, columns: int, label_size: int, spacious: bool) -> int:
    """How wide a grid of ``columns`` cells is drawn (without the map's frame)."""
    if cells == "numbers":
        return columns * (label_size + 1 + int(spacious)) + 1
    return columns * (2 if cells == "shades2" else 1)


def full_grid_height(simulation: Convolution, spacious: bool) -> int:
    """Rows the grids need uncropped: the padded picture, or the framed map."""
    picture = int(simulation.padded.shape[0])
    feature = simulation.output_shape[0]
    if spacious:
        picture, feature = 2 * picture - 1, 2 * feature - 1
    return int(max(picture, feature + 2))


def heading_row(blocks: Sequence[Block], width: int, palette: Palette) -> list[Segment]:
    """Each block's heading above it, cut where the next block starts."""
    texts = []
    for k, block in enumerate(blocks):
        room = block.width + (GAP if k < len(blocks) - 1 else width)
        texts.append(block.heading[: max(room - 1, 0)].ljust(room))
    return fit([[Segment("".join(texts), palette.label)]], width, 1)[0]


# ------------------------------------------------------------------------------ the grids
def shown_rows(total: int, height: int, focus: tuple[int, int]) -> range:
    """Which of ``total`` rows to show in ``height``: all if they fit, else a stretch that holds
    the rows ``focus`` (first, last) and is as centred on them as the edges allow."""
    if total <= height:
        return range(total)
    first, last = focus
    start = (first + last + 1) // 2 - height // 2
    start = max(0, min(start, total - height, first))
    return range(start, start + height)


def picture_heading(simulation: Convolution, ascii_only: bool) -> str:
    """ "Picture: number 7", with the padding when there is one."""
    heading = _("Picture: {name}").format(name=_(IMAGE_NAMES[simulation.params.image]))
    if simulation.params.padding:
        heading += _(", padding {p}").format(p=format_integer(simulation.params.padding))
    return spell(heading, ascii_only)


def map_heading(simulation: Convolution, ascii_only: bool) -> str:
    """ "Feature map 10 × 10", with the stride when it is not 1."""
    out_rows, out_cols = simulation.output_shape
    heading = _("Feature map {rows} × {cols}").format(
        rows=format_integer(out_rows), cols=format_integer(out_cols)
    )
    if simulation.params.stride > 1:
        heading += _(", stride {s}").format(s=format_integer(simulation.params.stride))
    return spell(heading, ascii_only)


def picture_block(simulation: Convolution, look: GridLook) -> Block:
    """The padded picture, the kernel's 3 × 3 window framed by bars (or brackets)."""
    cells, spacious, height = look.cells, look.spacious, look.height
    palette, ascii_only = look.palette, look.ascii_only
    charset = "ascii" if ascii_only else "unicode"
    values = simulation.padded.tolist()
    pad = simulation.params.padding
    rows_total, cols_total = simulation.padded.shape
    top, left = simulation.window
    heading = picture_heading(simulation, ascii_only)
    texts, size = look.labels
    heat, heat_current = palette.heat, palette.heat_current
    levels = len(heat)
    bar, (edge, dash) = BOX[charset][3], EDGE[charset]
    first_row, last_row = pad, rows_total - pad - 1  # the picture itself, inside the padding
    first_col, last_col = pad, cols_total - pad - 1
    pixel_shades, padding_shade = PIXEL_SHADES[charset], PADDING_SHADE[charset]

    def number_row(i: int) -> list[Segment]:
        window_row = top <= i < top + 3
        inside_row = first_row <= i <= last_row
        pieces: list[Piece] = []
        for j in range(cols_total + 1):
            if window_row and (j == left or j == left + 3):
                pieces.append((bar, palette.current))
            elif pad and inside_row and (j == first_col or j == last_col + 1):
                pieces.append((edge, palette.muted))  # where the picture ends
            else:
                pieces.append((" ", None))
            if j == cols_total:
                break
            text = texts[i][j].rjust(size)
            if spacious:
                text = " " + text
            if not (inside_row and first_col <= j <= last_col):
                pieces.append((text, palette.muted))
                continue
            level = min(int(values[i][j] * levels), levels - 1)
            in_window = window_row and left <= j < left + 3
            pieces.append((text, heat_current[level] if in_window else heat[level]))
        return merged(pieces)

    def blank_row(i: int) -> list[Segment]:
        """Between rows i and i + 1 (spacious): the window's bars go on, the picture's edges
        too, and a dashed rule runs where padding meets the picture."""
        window_row = top <= i < top + 2
        inside_rows = first_row <= i < last_row
        rule = pad > 0 and i in (first_row - 1, last_row)
        pieces: list[Piece] = []
        for j in range(cols_total + 1):
            if window_row and (j == left or j == left + 3):
                pieces.append((bar, palette.current))
            elif pad and inside_rows and (j == first_col or j == last_col + 1):
                pieces.append((edge, palette.muted))
            elif rule and first_col < j <= last_col:
                pieces.append((dash, palette.muted))
            else:
                pieces.append((" ", None))
            if j == cols_total:
                break
            ruled = rule and first_col <= j <= last_col
            pieces.append(((dash if ruled else " ") * (size + 1), palette.muted if ruled else None))
        return merged(pieces)

    def shade_row(i: int) -> list[Segment]:
        window_row = top <= i < top + 3
        inside_row = first_row <= i <= last_row
        cell_width = 2 if cells == "shades2" else 1
        pieces: list[Piece] = []
        for j in range(cols_total):
            inside = inside_row and first_col <= j <= last_col
            char = pixel_shades[round(values[i][j] * 4)] if inside else padding_shade
            text = char * cell_width
            in_window = window_row and left <= j < left + 3
            if in_window and cell_width == 2 and j == left:
                text = "[" + char
            elif in_window and cell_width == 2 and j == left + 2:
                text = char + "]"
            pieces.append(
                (text, palette.current if in_window else (None if inside else palette.muted))
            )
        return merged(pieces)

    grid_height = height // 2 + 1 if spacious else height
    shown = shown_rows(rows_total, grid_height, (top, top + 2))
    rows: Rows = []
    for i in shown:
        if cells == "numbers":
            rows.append(number_row(i))
            if spacious and i != shown[-1]:
                rows.append(blank_row(i))
        else:
            rows.append(shade_row(i))
    return Block(rows, grid_width(cells, cols_total, size, spacious), heading)


def kernel_block(simulation: Convolution, height: int, palette: Palette, ascii_only: bool) -> Block:
    """The kernel's weights, and under them (where there is room) the nine products and Σ."""
    name = _(KERNEL_NAMES[simulation.kernel_name])
    heading = spell(_("Kernel: {name}").format(name=name), ascii_only)
    lines: list[list[Piece]] = small_grid(simulation.kernel, palette, ascii_only)
    if height >= 9:
        sum_text = spell(f"Σ = {label(simulation.value, ascii_only)}", ascii_only)
        lines.append([("", None)])
        lines.append([(spell(_("Products"), ascii_only), palette.label)])
        lines.extend(small_grid(simulation.products, palette, ascii_only))
        lines.append([(sum_text, palette.current)])
    width = max(len(heading), *(sum(len(text) for text, _s in line) for line in lines))
    rows = []
    for line in lines:
        used = sum(len(text) for text, _s in line)
        rows.append(merged([*line, (" " * (width - used), None)]))
    return Block(rows, width, heading)


def small_grid(values: Array, palette: Palette, ascii_only: bool) -> list[list[Piece]]:
    """A 3 × 3 grid of numbers, right-aligned, coloured by sign."""
    texts, size = labels_of(values, ascii_only)
    return [
        [
            (" " + text.rjust(size), palette.sign(value))
            for value, text in zip(row, labels, strict=True)
        ]
        for row, labels in zip(values.tolist(), texts, strict=True)
    ]


def map_block(simulation: Convolution, look: GridLook) -> Block:
    """The feature map in a frame: computed cells (numbers or shades), the current one marked,
    the rest blank."""
    cells, spacious, height = look.cells, look.spacious, look.height
    palette, ascii_only = look.palette, look.ascii_only
    charset = "ascii" if ascii_only else "unicode"
    corner_tl, line, corner_tr, side, corner_bl, corner_br = tuple(BOX[charset])
    values = simulation.sums.tolist()
    out_rows, out_cols = simulation.output_shape
    current_row, current_col = simulation.position
    reached = simulation.step_count  # cells up to this row-major index are computed
    heading = map_heading(simulation, ascii_only)
    biggest = max((abs(v) for row in values for v in row), default=0.0)
    shades = OUTPUT_SHADES[charset]
    texts, size = look.labels
    cell_width = 2 if cells == "shades2" else 1
    inner = grid_width(cells, out_cols, size, spacious)

    def number_row(i: int) -> list[Segment]:
        pieces: list[Piece] = [(side, palette.axis)]
        for j in range(out_cols + 1):
            if i == current_row and j == current_col:
                pieces.append(("[", palette.current))
            elif i == current_row and j == current_col + 1:
                pieces.append(("]", palette.current))
            else:
                pieces.append((" ", None))
            if j == out_cols:
                break
            blank = " " if spacious else ""
            if i * out_cols + j > reached:
                pieces.append((blank + " " * size, None))
            elif i == current_row and j == current_col:
                pieces.append((blank + texts[i][j].rjust(size), palette.current))
            else:
                pieces.append((blank + texts[i][j].rjust(size), palette.sign(values[i][j])))
        pieces.append((side, palette.axis))
        return merged(pieces)

    def shade_row(i: int) -> list[Segment]:
        pieces: list[Piece] = [(side, palette.axis)]
        for j in range(out_cols):
            value = values[i][j]
            if i * out_cols + j > reached:
                pieces.append((" " * cell_width, None))
            elif i == current_row and j == current_col:
                pieces.append(("[]" if cell_width == 2 else "@", palette.current))
            else:
                level = (
                    0 if value == 0 or biggest == 0 else max(1, math.ceil(abs(value) / biggest * 4))
                )
                pieces.append((shades[level] * cell_width, palette.sign(value)))
        pieces.append((side, palette.axis))
        return merged(pieces)

    grid_height = (height - 2) // 2 + 1 if spacious else height - 2
    shown = shown_rows(out_rows, max(grid_height, 1), (current_row, current_row))
    spacer = merged([(side, palette.axis), (" " * inner, None), (side, palette.axis)])
    rows: Rows = [[Segment(corner_tl + line * inner + corner_tr, palette.axis)]]
    for i in shown:
        rows.append(number_row(i) if cells == "numbers" else shade_row(i))
        if spacious and i != shown[-1]:
            rows.append(spacer)
    rows.append([Segment(corner_bl + line * inner + corner_br, palette.axis)])
    return Block(rows, inner + 2, heading)


# ------------------------------------------------------------------------------ the words
def text_lines(simulation: Convolution, width: int, ascii_only: bool, palette: Palette) -> Rows:
    """The sum of the nine products (wrapped), the output size, and the parameter counts."""
    row, col = simulation.position
    prefix = _("Row {row}, column {col}:").format(
        row=format_integer(row + 1), col=format_integer(col + 1)
    )
    terms = product_terms(simulation.patch, simulation.kernel)
    ending = f" = {number(simulation.value)}"
    lines = [
        (line, palette.label if k == 0 else None)
        for k, line in enumerate(wrapped_sum(prefix, terms, ending, width))
    ]
    size = size_text(simulation.image.shape[0], simulation.params.stride, simulation.params.padding)
    lines.append((size, None))
    image_rows, image_cols = simulation.image.shape
    counts = parameters_text((image_rows, image_cols), simulation.output_shape)
    lines.extend((part, palette.muted) for part in wrapped_words(counts, width, 2))
    return [[Segment(spell(text, ascii_only), text_style)] for text, text_style in lines]


def wrapped_sum(prefix: str, terms: list[str], ending: str, width: int) -> list[str]:
    """'Row 2, column 5: 1·(−1) + … = −3' on as few lines as fit, broken only between terms;
    beyond :data:`SUM_LINES` lines the middle terms give way to '…'."""
    lines: list[str] = []
    current = prefix
    for k, term in enumerate(terms):
        piece = (" " if k == 0 else " + ") + term
        if len(current) + len(piece) > width and current.strip():
            lines.append(current)
            current = "  +" + piece[2:] if k else "  " + term
        else:
            current += piece
    if len(current) + len(ending) > width:
        lines.append(current)
        current = "  " + ending.strip()
    else:
        current += ending
    lines.append(current)
    if len(lines) <= SUM_LINES:
        return lines
    short = f"{prefix} {terms[0]} + … + {terms[-1]}{ending}"
    return [short]


def wrapped_words(text: str, width: int, most: int) -> list[str]:
    """``text`` broken at spaces into at most ``most`` lines of ``width`` (the last one cut)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines[:most]
