"""A canvas of terminal cells drawn at sub-cell resolution, rendered to Rich Segments or text.

Drawing lights dots in a NumPy grid (2×4 per cell in braille, 1×2 in half blocks and ASCII);
rendering packs each cell's dots into a code with one weighted sum, turns all codes into
characters with one lookup, and merges runs of equally styled cells into single Segments.
Draw calls take data coordinates, skip NaN/inf silently, clip at the edges and never raise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from rich.segment import Segment
from rich.style import Style

from oppija.arrays import Array, BoolArray, ByteArray, CharArray, IntArray
from oppija.plot.glyphs import (
    ARROW_HEADS,
    CELL_DOTS,
    DENSITY_RAMP,
    LOOKUP,
    MODES,
    Mode,
)
from oppija.plot.ranges import sane_range
from oppija.plot.raster import point_dots, polyline_dots, resample, segment_dots
from oppija.plot.styles import PlotStyles
from oppija.text import ascii_spelling

__all__ = ["Canvas", "Mode"]

_RAMP = np.array(list(DENSITY_RAMP), dtype="<U1")
# Eight bytes that are each 0 or 1, read as one little-endian integer and multiplied by this,
# leave byte k's value in bit 56 + k (no two partial products meet, so nothing carries).
_GATHER_BYTES = np.uint64(0x0102040810204080)
_SPACE_SAFE_ATTRIBUTES = ("underline", "underline2", "reverse", "strike", "overline", "frame")


def _cell_codes(dots: ByteArray) -> IntArray:
    """(rows, columns, bits) of 0/1 bytes -> each cell's code (bit k set when dot bit k is lit)."""
    if dots.shape[-1] == 8:
        packed = dots.view("<u8")[..., 0]
        return ((packed * _GATHER_BYTES) >> np.uint64(56)).astype(np.intp)
    packed = dots.view("<u2")[..., 0].astype(np.intp)
    return (packed & 1) | (packed >> 7)


def _space_safe(style: Style | None) -> bool:
    """True when a blank drawn in this style looks like a blank drawn in no style."""
    if style is None:
        return True
    return style.bgcolor is None and not any(getattr(style, a) for a in _SPACE_SAFE_ATTRIBUTES)


def _as_floats(values: object) -> Array:
    """Any numbers as a flat float array; anything that is not numbers becomes empty."""
    try:
        return np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError, OverflowError):
        return np.zeros(0)


class Canvas:
    """A ``width`` × ``height`` cell picture of the data rectangle ``x_range`` × ``y_range``.

    The range ends map onto the centres of the outermost dots, so both ends are visible.
    """

    def __init__(
        self,
        width: int,
        height: int,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        mode: Mode = "braille",
        styles: PlotStyles | None = None,
    ) -> None:
        self.mode: Mode = mode if mode in MODES else "braille"
        self.styles = styles or PlotStyles.default()
        self.width = max(int(width), 1)
        self.height = max(int(height), 1)
        self.cell_width, self.cell_height = CELL_DOTS[self.mode]
        self.dot_width = self.width * self.cell_width
        self.dot_height = self.height * self.cell_height
        self.x_range = sane_range(*x_range)
        self.y_range = sane_range(*y_range)
        self._x_scale = (self.dot_width - 1) / (self.x_range[1] - self.x_range[0])
        self._y_scale = (self.dot_height - 1) / (self.y_range[1] - self.y_range[0])
        self._bits = LOOKUP[self.mode][0]
        self._style_names: list[str] = [""]  # index 0: no style (an empty cell)
        self._style_ids: dict[str, int] = {}
        self._rich_styles: dict[int, Style | None] = {}
        self._flat: IntArray | None = None  # cell indices, for merging blanks
        self._before_row = np.zeros((0, 1), dtype=np.intp)
        self.clear()

    # ------------------------------------------------------------ coordinates
    def to_dot(self, xs: object, ys: object) -> tuple[Array, Array]:
        """Data -> fractional dot coordinates (column, row); rounding gives the dot index."""
        x, y = _as_floats(xs), _as_floats(ys)
        n = min(x.size, y.size)
        with np.errstate(all="ignore"):
            u = (x[:n] - self.x_range[0]) * self._x_scale
            v = (self.y_range[1] - y[:n]) * self._y_scale
        return u, v

    def dot_of(self, x: float, y: float) -> tuple[int, int] | None:
        """The (column, row) of the dot nearest to a data point, or None when it is outside."""
        cols, rows = point_dots(*self.to_dot(x, y), self.dot_width, self.dot_height)
        return (int(cols[0]), int(rows[0])) if cols.size else None

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        """The (column, row) of the cell that holds a data point, or None when it is outside."""
        dot = self.dot_of(x, y)
        return None if dot is None else (dot[0] // self.cell_width, dot[1] // self.cell_height)

    def cell_column(self, x: float) -> int:
        """The cell column of data x (outside 0..width-1 when x is outside the range or NaN)."""
        u = (x - self.x_range[0]) * self._x_scale
        return round(u) // self.cell_width if abs(u) < 1e9 else -1

    def cell_row(self, y: float) -> int:
        """The cell row of data y (row 0 at the top; -1 when y is far outside or NaN)."""
        v = (self.y_range[1] - y) * self._y_scale
        return round(v) // self.cell_height if abs(v) < 1e9 else -1

    def to_data(self, column: float, row: float) -> tuple[float, float]:
        """Dot coordinates -> data (the inverse of ``to_dot``)."""
        return (
            self.x_range[0] + column / self._x_scale if self._x_scale else self.x_range[0],
            self.y_range[1] - row / self._y_scale if self._y_scale else self.y_range[1],
        )

    @property
    def dots(self) -> BoolArray:
        """The lit dots as a bool grid (dot rows × dot columns): a copy, for tests and widgets."""
        grid = np.zeros((self.dot_height, self.dot_width), dtype=bool)
        for r in range(self.cell_height):
            for c in range(self.cell_width):
                grid[r :: self.cell_height, c :: self.cell_width] = self._dots[
                    ..., self._bits[r, c]
                ]
        return grid

    # ------------------------------------------------------------ state
    def clear(self) -> None:
        """Remove everything drawn (the same canvas is reused frame after frame)."""
        # Dots are stored cell by cell, each cell's dots in the order of their bits in its code,
        # so that packing them into codes reads contiguous memory.
        per_cell = self.cell_width * self.cell_height
        self._dots = np.zeros((self.height, self.width, per_cell), dtype=np.uint8)
        self._cell_style = np.zeros((self.height, self.width), dtype=np.intp)
        self._dot_style = (
            np.zeros((self.height, self.width, per_cell), dtype=np.intp)
            if self.mode == "halfblock"
            else None
        )
        # Made on first use: most frames have neither a heat map nor text.
        self._heat: IntArray | None = None  # heat step per cell, -1 for none
        self._ramp: IntArray | None = None  # density-ramp character per cell
        self._text_chars: CharArray | None = None
        self._text_style: IntArray | None = None
        self._has_text: BoolArray | None = None

    def _style_id(self, style: str | None) -> int:
        name = style or ""
        found = self._style_ids.get(name)
        if found is None:
            found = len(self._style_names)
            self._style_names.append(name)
            self._style_ids[name] = found
            self._rich_styles.clear()  # keys depend on how many styles there are
        return found

    def _light(self, cols: IntArray, rows: IntArray, style: str | None) -> None:
        """Light dots (indices already inside the grid) and give their cells this draw's style."""
        if cols.size == 0:
            return
        ident = self._style_id(style)
        cell_rows, dot_rows = np.divmod(rows, self.cell_height)
        cell_cols, dot_cols = np.divmod(cols, self.cell_width)
        cells = cell_rows * self.width + cell_cols
        dots = cells * self._dots.shape[2] + self._bits[dot_rows, dot_cols]
        self._dots.reshape(-1)[dots] = 1
        self._cell_style.reshape(-1)[cells] = ident
        if self._dot_style is not None:
            self._dot_style.reshape(-1)[dots] = ident

    # ------------------------------------------------------------ drawing
    def points(self, xs: object, ys: object, style: str | None = None) -> None:
        """One dot per finite point inside the canvas."""
        u, v = self.to_dot(xs, ys)
        cols, rows = point_dots(u, v, self.dot_width, self.dot_height)
        self._light(cols, rows, self.styles.point if style is None else style)

    def line(self, xs: object, ys: object, style: str | None = None) -> None:
        """A polyline through the points; a non-finite point breaks it into pieces."""
        u, v = self.to_dot(xs, ys)
        self._line_dots(u, v, self.styles.curve if style is None else style)

    def _line_dots(self, u: Array, v: Array, style: str) -> None:
        if u.size == 0:
            return
        edge = 0.49
        inside = bool(  # NaN fails every comparison, so NaN takes the careful path
            u.min() >= -edge
            and u.max() <= self.dot_width - 1 + edge
            and v.min() >= -edge
            and v.max() <= self.dot_height - 1 + edge
        )
        if inside:  # the usual case: one pass along the polyline, nothing to clip
            cols, rows = polyline_dots(u, v)
        else:
            cols, rows = segment_dots(u[:-1], v[:-1], u[1:], v[1:], self.dot_width, self.dot_height)
            # Points alone (between two gaps, or a one-point line) still show as dots.
            lone_cols, lone_rows = point_dots(u, v, self.dot_width, self.dot_height)
            cols, rows = np.concatenate([cols, lone_cols]), np.concatenate([rows, lone_rows])
        self._light(cols, rows, style)

    def segment(self, x0: float, y0: float, x1: float, y1: float, style: str | None = None) -> None:
        """A straight line between two points."""
        self.line([x0, x1], [y0, y1], style)

    def arrow(self, x0: float, y0: float, x1: float, y1: float, style: str | None = None) -> None:
        """A line from (x0, y0) with a head at (x1, y1): dots in braille, a glyph otherwise."""
        style = self.styles.arrow if style is None else style
        u, v = self.to_dot([x0, x1], [y0, y1])
        if u.size < 2 or not np.isfinite(u).all() or not np.isfinite(v).all():
            return
        self._line_dots(u, v, style)
        du, dv = float(u[1] - u[0]), float(v[1] - v[0])
        length = math.hypot(du, dv)
        if not math.isfinite(length) or length < 1.0:
            return
        if self.mode == "braille":
            head = min(max(0.4 * length, 2.0), 4.0)
            back_u, back_v = -du / length * head, -dv / length * head
            cos, sin = math.cos(math.radians(30)), math.sin(math.radians(30))
            wing_u = np.array([back_u * cos - back_v * sin, back_u * cos + back_v * sin])
            wing_v = np.array([back_u * sin + back_v * cos, -back_u * sin + back_v * cos])
            tip_u, tip_v = np.full(2, u[1]), np.full(2, v[1])
            cols, rows = segment_dots(
                tip_u, tip_v, tip_u + wing_u, tip_v + wing_v, self.dot_width, self.dot_height
            )
            self._light(cols, rows, style)
            return
        heads = ARROW_HEADS["ascii" if self.mode == "ascii" else "unicode"]
        # Screen direction: a dot is about as wide as it is tall in both 1×2 modes.
        angle = math.degrees(math.atan2(-dv, du)) % 360
        glyph = heads[int(((angle + 45) % 360) // 90)]
        tip = point_dots(u[1:], v[1:], self.dot_width, self.dot_height)
        if tip[0].size:
            col, row = int(tip[0][0]) // self.cell_width, int(tip[1][0]) // self.cell_height
            self._put_text(row, col, glyph, style)

    def text(
        self, x: float, y: float, text: str, style: str | None = None, align: str = "left"
    ) -> None:
        """Characters over the cells from the one holding (x, y); they replace dots there."""
        u, v = self.to_dot(x, y)
        if u.size == 0 or not (abs(u[0]) < 1e9 and abs(v[0]) < 1e9) or not text:
            return
        col = math.floor((float(u[0]) + 0.5) / self.cell_width)
        row = math.floor((float(v[0]) + 0.5) / self.cell_height)
        line = "".join(c if c.isprintable() else " " for c in str(text))
        if align == "center":
            col -= len(line) // 2
        elif align == "right":
            col -= len(line) - 1
        self._put_text(row, col, line, self.styles.label if style is None else style)

    def label(
        self, x: float, y: float, text: str, style: str | None = None, align: str = "left"
    ) -> None:
        """Like :meth:`text`, but moved as little as needed to stay whole inside the canvas: a
        name that would stick out at an edge is shifted in, never cut (a label too wide for
        the whole canvas is still cut at its right end)."""
        u, v = self.to_dot(x, y)
        if u.size == 0 or not (abs(u[0]) < 1e9 and abs(v[0]) < 1e9) or not text:
            return
        line = "".join(c if c.isprintable() else " " for c in str(text))
        col = math.floor((float(u[0]) + 0.5) / self.cell_width)
        if align == "center":
            col -= len(line) // 2
        elif align == "right":
            col -= len(line) - 1
        col = max(0, min(col, self.width - len(line)))
        row = math.floor((float(v[0]) + 0.5) / self.cell_height)
        row = max(0, min(row, self.height - 1))
        self._put_text(row, col, line, self.styles.label if style is None else style)

    def glyphs(self, cols: object, rows: object, char: str, style: str | None = None) -> None:
        """One character at many cells at once (cell coordinates): marks for data points.

        Like :meth:`text`, the character replaces the cell's dots and keeps its heat-map
        background. Cells outside the canvas are skipped.
        """
        if not char:
            return
        glyph = ascii_spelling(char)[:1] if self.mode == "ascii" else char[:1]
        cols = np.asarray(cols, dtype=np.intp).reshape(-1)
        rows = np.asarray(rows, dtype=np.intp).reshape(-1)
        inside = (cols >= 0) & (cols < self.width) & (rows >= 0) & (rows < self.height)
        cols, rows = cols[inside], rows[inside]
        if cols.size == 0:
            return
        self._write_text((rows, cols), glyph, self.styles.label if style is None else style)

    def _put_text(self, row: int, col: int, line: str, style: str) -> None:
        if self.mode == "ascii":
            line = ascii_spelling(line)
        if not 0 <= row < self.height:
            return
        start, end = max(col, 0), min(col + len(line), self.width)
        if start >= end:
            return
        self._write_text((row, slice(start, end)), list(line[start - col : end - col]), style)

    def _write_text(
        self,
        cells: tuple[IntArray, IntArray] | tuple[int, slice[int, int, None]],
        chars: object,
        style: str,
    ) -> None:
        """Put ``chars`` in the text layer at ``cells`` (a NumPy index), making it on first use."""
        if self._has_text is None:
            shape = (self.height, self.width)
            self._text_chars = np.full(shape, " ", dtype="<U1")
            self._text_style = np.zeros(shape, dtype=np.intp)
            self._has_text = np.zeros(shape, dtype=bool)
        assert self._text_chars is not None and self._text_style is not None
        self._text_chars[cells] = chars
        self._text_style[cells] = self._style_id(style)
        self._has_text[cells] = True

    def heatmap(self, values: object, lo: float | None = None, hi: float | None = None) -> None:
        """Cell backgrounds from ``styles.heat`` (low -> high) for a grid of values.

        ``values[i, j]`` belongs to the i-th y (row 0 is the bottom, ``y_range[0]``) and the j-th
        x, evenly spread over the ranges, as ``np.meshgrid(xs, ys)`` gives them. ``lo``/``hi``
        fix the colour scale (default: the finite values' extent); NaN cells stay blank.
        """
        grid = self._grid(values)
        if grid is None:
            return
        ny, nx = grid.shape
        centre_u = np.arange(self.width) * self.cell_width + (self.cell_width - 1) / 2
        centre_v = np.arange(self.height) * self.cell_height + (self.cell_height - 1) / 2
        fx = centre_u / max(self.dot_width - 1, 1) * (nx - 1)
        fy = (1 - centre_v / max(self.dot_height - 1, 1)) * (ny - 1)
        sampled = resample(grid, fx, fy)
        finite = np.isfinite(sampled)
        known = grid[np.isfinite(grid)]
        if not finite.any() or known.size == 0:
            return
        lo = float(known.min()) if lo is None or not math.isfinite(lo) else float(lo)
        hi = float(known.max()) if hi is None or not math.isfinite(hi) else float(hi)
        with np.errstate(all="ignore"):
            if hi > lo:  # halved first, so that a span like 1e308 - (-1e308) cannot overflow
                level = (sampled / 2 - lo / 2) / (hi / 2 - lo / 2)
            else:
                level = np.full(sampled.shape, 0.5)
            level = np.clip(np.where(finite & ~np.isnan(level), level, 0.0), 0.0, 1.0)
        shades = max(len(self.styles.heat), 1)
        heat = np.minimum((level * shades).astype(np.intp), shades - 1)
        self._heat = np.where(finite, heat, -1)
        self._ramp = np.minimum((level * len(_RAMP)).astype(np.intp), len(_RAMP) - 1)

    def contours(
        self, values: object, levels: Sequence[float] | Array | float, style: str | None = None
    ) -> None:
        """Lines where ``values`` (laid out as for ``heatmap``) cross each level.

        Between two neighbouring dots on opposite sides of a level, the one closer to it is lit.
        """
        cols, rows = self.contour_dots(values, levels)
        self.light(cols, rows, self.styles.muted if style is None else style)

    def light(self, cols: IntArray, rows: IntArray, style: str | None = None) -> None:
        """Light dots given by index (as :meth:`contour_dots` returns them): for pictures whose
        dots are worked out once and drawn in every frame. Indices outside the grid are skipped."""
        cols = np.asarray(cols, dtype=np.intp)
        rows = np.asarray(rows, dtype=np.intp)
        inside = (cols >= 0) & (cols < self.dot_width) & (rows >= 0) & (rows < self.dot_height)
        self._light(cols[inside], rows[inside], style)

    def contour_dots(
        self, values: object, levels: Sequence[float] | Array | float
    ) -> tuple[IntArray, IntArray]:
        """The dots (columns, rows) of :meth:`contours`, without drawing them."""
        empty = np.zeros(0, dtype=np.intp)
        grid = self._grid(values)
        wanted = _as_floats(levels)
        wanted = wanted[np.isfinite(wanted)]
        if grid is None or wanted.size == 0:
            return empty, empty
        ny, nx = grid.shape
        fx = np.arange(self.dot_width) / max(self.dot_width - 1, 1) * (nx - 1)
        fy = (1 - np.arange(self.dot_height) / max(self.dot_height - 1, 1)) * (ny - 1)
        if grid.shape == (self.dot_height, self.dot_width):  # already one value a dot
            sampled = grid[::-1]
        else:
            sampled = resample(grid, fx, fy)
        wanted = np.unique(wanted)
        finite = np.isfinite(sampled)
        # Which band between the levels each dot lies in: a level is crossed exactly where two
        # neighbours lie in different bands. One pass over the dots, whatever the level count.
        band = np.searchsorted(wanted, np.where(finite, sampled, 0.0), side="right")
        lit = np.zeros(sampled.shape, dtype=bool)
        with np.errstate(all="ignore"):
            for axis in (0, 1):
                first = (
                    (slice(None, -1), slice(None)) if axis == 0 else (slice(None), slice(None, -1))
                )
                second = (
                    (slice(1, None), slice(None)) if axis == 0 else (slice(None), slice(1, None))
                )
                cross = (band[first] != band[second]) & finite[first] & finite[second]
                # the crossed level nearest to both: the lower band's upper edge
                level = wanted[np.minimum(np.minimum(band[first], band[second]), wanted.size - 1)]
                nearer_first = np.abs(sampled[first] - level) <= np.abs(sampled[second] - level)
                lit[first] |= cross & nearer_first
                lit[second] |= cross & ~nearer_first
        rows, cols = np.nonzero(lit)
        return cols, rows

    @staticmethod
    def _grid(values: object) -> Array | None:
        try:
            with np.errstate(all="ignore"):
                grid = np.asarray(values, dtype=float)
        except (TypeError, ValueError):
            return None
        return grid if grid.ndim == 2 and grid.size > 0 else None

    # ------------------------------------------------------------ rendering
    def _stride(self) -> int:
        """Style keys are foreground id × stride + background slot."""
        return len(self.styles.heat) + 1 + len(self._style_names)

    def _cells(self, ramp: bool) -> tuple[CharArray, IntArray, BoolArray, bool]:
        """Every cell's character and style key, which cells are blank, and whether any blank
        may take its neighbour's style without changing the picture (see ``_merge_blanks``).

        Background slots: 0 none, 1.. the heat steps, then (half blocks) the style ids whose
        colour fills the lower half of a two-colour cell. A blank cell is a space on no background.
        """
        codes = _cell_codes(self._dots)
        chars = LOOKUP[self.mode][1][codes]
        lit = codes > 0
        fg = np.where(lit, self._cell_style, 0)
        background: IntArray | None = None if self._heat is None else self._heat + 1
        slots = len(self.styles.heat) + 1
        if self._dot_style is not None:
            top, bottom = self._dot_style[..., 0], self._dot_style[..., 1]
            fg = np.where(codes == 2, bottom, np.where(lit, top, 0))
            # Two lit dots of different styles: the upper half block, the lower colour behind.
            two = (codes == 3) & (top != bottom)
            if two.any():
                chars = np.where(two, "▀", chars)
                base = np.zeros_like(fg) if background is None else background
                background = np.where(two, slots + bottom, base)
        has_text = self._has_text
        if has_text is not None:
            assert self._text_chars is not None and self._text_style is not None  # made together
            chars = np.where(has_text, self._text_chars, chars)
            fg = np.where(has_text, self._text_style, fg)
        if ramp and self._heat is not None and self._ramp is not None:
            empty = ~lit & (self._heat >= 0)
            if has_text is not None:
                empty &= ~has_text
            chars = np.where(empty, _RAMP[self._ramp], chars)
        blank = ~lit
        if has_text is not None:
            blank &= ~has_text
        if background is None:
            keys = fg * self._stride()
            simple = True
        else:
            keys = fg * self._stride() + background
            blank &= background == 0
            simple = False
        return chars, keys, blank, simple

    def _merge_blanks(self, keys: IntArray, blank: BoolArray, simple: bool) -> IntArray:
        """Blank cells take the style of the cell before them when a space looks the same in it.

        A curve's row then becomes one or two Segments instead of one per gap, which saves most
        of the rendering time. ``simple``: no cell has a background.
        """
        stride = self._stride()
        safe = [_space_safe(self._rich_style(i * stride)) for i in range(len(self._style_names))]
        height, width = keys.shape
        if self._flat is None or self._flat.shape != keys.shape:
            self._flat = np.arange(height * width).reshape(height, width)
            self._before_row = self._flat[:, :1] - 1
        # The flat index of the last non-blank cell at or before each cell.
        last = np.maximum.accumulate(np.where(blank, self._before_row, self._flat), axis=1)
        found = last > self._before_row
        flat_keys = keys.reshape(-1)
        if simple and all(safe):  # every non-blank cell can lend its style
            return np.where(found, flat_keys[last], keys)
        lender = (keys % stride == 0) & np.array(safe)[keys // stride]
        lends = found & lender.reshape(-1)[np.where(found, last, 0)]
        return np.where(blank & lends, flat_keys[np.where(found, last, 0)], keys)

    def _rich_style(self, key: int) -> Style | None:
        try:
            return self._rich_styles[key]
        except KeyError:
            pass
        slots = len(self.styles.heat) + 1
        fg_id, background = divmod(key, self._stride())
        style = Style.parse(self._style_names[fg_id]) if self._style_names[fg_id] else None
        back: Style | None = None
        if 0 < background < slots and self.styles.heat[background - 1]:
            back = Style.parse(self.styles.heat[background - 1])
        elif background >= slots and self._style_names[background - slots]:
            colour = Style.parse(self._style_names[background - slots]).color
            back = Style(bgcolor=colour) if colour else None
        if back is not None:
            style = back if style is None else style + back
        self._rich_styles[key] = style
        return style

    def to_segments(self) -> list[list[Segment]]:
        """One list of Segments per row; neighbouring cells with one style share a Segment."""
        chars, keys, blank, simple = self._cells(ramp=self.styles.is_plain)
        keys = self._merge_blanks(keys, blank, simple)
        height, width = keys.shape
        text = chars.tobytes().decode("utf-32-le") if chars.dtype == "<U1" else "".join(chars.flat)
        starts = np.ones(keys.shape, dtype=bool)
        np.not_equal(keys[:, 1:], keys[:, :-1], out=starts[:, 1:])
        run_starts = np.flatnonzero(starts)
        run_ends = np.empty_like(run_starts)
        run_ends[:-1] = run_starts[1:]
        run_ends[-1] = height * width
        # A run ends at its row's end at the latest.
        np.minimum(run_ends, (run_starts // width + 1) * width, out=run_ends)
        cache = self._rich_styles
        style_of = self._rich_style
        styles = [
            cache[k] if k in cache else style_of(k) for k in keys.reshape(-1)[run_starts].tolist()
        ]
        make = tuple.__new__  # Segment is a NamedTuple: build it without its Python __new__
        segments = [
            make(Segment, (text[a:b], style, None))
            for a, b, style in zip(run_starts.tolist(), run_ends.tolist(), styles, strict=True)
        ]
        per_row = np.bincount(run_starts // width, minlength=height).tolist()
        rows: list[list[Segment]] = []
        at = 0
        for count in per_row:
            rows.append(segments[at : at + count])
            at += count
        return rows

    def to_text(self) -> list[str]:
        """The rows as plain strings (a heat map shows as a density ramp of characters)."""
        chars = self._cells(ramp=True)[0]
        text = chars.tobytes().decode("utf-32-le") if chars.dtype == "<U1" else "".join(chars.flat)
        return [text[r * self.width : (r + 1) * self.width] for r in range(self.height)]
