"""A chart: the canvas plus what makes it readable — axis lines, ticks, labels and a title.

The frame (margins, axes, tick labels) is laid out once when the chart is made, in the active
language; draw on ``chart.canvas`` in data coordinates and render the whole box. A chart is cheap,
so a widget makes a new one when the ranges, the size or the language change.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypedDict, Unpack

import numpy as np
from rich.segment import Segment
from rich.style import Style

from oppija.arrays import Array
from oppija.plot.canvas import Canvas
from oppija.plot.glyphs import CELL_DOTS, MODES, Mode
from oppija.plot.ranges import data_range, sane_range
from oppija.plot.styles import PlotStyles
from oppija.plot.tick_rows import aligned_at_scale, aligned_axis
from oppija.plot.ticks import nice_ticks, tick_labels
from oppija.text import ascii_spelling

__all__ = ["Chart", "ChartOptions", "line_chart", "scatter_chart"]

# Axis pieces: vertical, vertical with a tick, corner, horizontal, horizontal with a tick.
_AXIS_UNICODE = ("│", "┤", "└", "─", "┬")
_AXIS_ASCII = ("|", "+", "+", "-", "+")
_MIN_X_GAP = 2  # blanks between neighbouring x tick labels
MAX_WIDEN = 2.5  # equal aspect widens x at most this much; then the plot is made narrower


def _style(text: str) -> Style | None:
    return Style.parse(text) if text else None


class ChartOptions(TypedDict, total=False):
    """How a chart looks, beyond its ranges and size: :class:`Chart`'s keyword arguments."""

    mode: Mode
    styles: PlotStyles | None
    x_label: str | None
    y_label: str | None
    title: str | None
    equal_aspect: bool


class Chart:
    """A ``width`` × ``height`` cell box: y tick labels on the left, x tick labels below."""

    def __init__(
        self,
        width: int,
        height: int,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        **options: Unpack[ChartOptions],
    ) -> None:
        mode = options.get("mode", "braille")
        self.mode: Mode = mode if mode in MODES else "braille"
        self.styles = options.get("styles") or PlotStyles.default()
        self.width = max(int(width), 2)
        self.height = max(int(height), 1)
        self.x_range = sane_range(*x_range)
        self.y_range = sane_range(*y_range)
        clean = ascii_spelling if self.mode == "ascii" else str
        self.title = clean(options.get("title") or "")
        self.x_label = clean(options.get("x_label") or "")
        self.y_label = clean(options.get("y_label") or "")
        self._axis = _AXIS_ASCII if self.mode == "ascii" else _AXIS_UNICODE
        # The x axis's name goes at the end of the tick labels' row when it fits there: a row
        # more for the picture (in a small window every row counts); else on a row of its own.
        asked = (self.width, self.x_range, self.y_range)
        self._tick_row = ""  # set by the layout
        self._lay_out(clean, options.get("equal_aspect", False), label_row=False)
        self.label_on_ticks = bool(self.x_label) and self._tick_row.endswith(
            " " * (len(self.x_label) + 1)
        )
        if self.x_label and not self.label_on_ticks:
            self.width, self.x_range, self.y_range = asked
            self._lay_out(clean, options.get("equal_aspect", False), label_row=True)
        elif self.label_on_ticks:
            self._tick_row = self._tick_row[: -len(self.x_label)] + self.x_label

    def _lay_out(self, clean: Callable[[str], str], equal_aspect: bool, label_row: bool) -> None:
        """Ranges, margins, canvas and axes for the box, with or without a row for the x
        axis's name under the tick labels."""
        header = 1 if (self.title or self.y_label) else 0
        footer = 2 + (1 if label_row else 0)
        inner_height = max(1, self.height - header - footer)
        wanted_y = self.y_range
        taller: tuple[float, float] | None = None
        for _attempt in range(4):  # equal aspect may need a taller range, and new labels
            self._y_axis_ticks(wanted_y, inner_height)
            y_texts = [clean(t) for t in tick_labels(self.y_ticks)]
            label_width = min(max((len(t) for t in y_texts), default=0), max(self.width // 3, 1))
            self.margin = label_width + 1
            inner_width = max(1, self.width - self.margin)
            if not equal_aspect:
                break
            taller, inner_width = self._equal_aspect(inner_width, inner_height)
            if taller is None:
                break
            wanted_y = taller
        # A plot made narrower to keep its aspect stands in the middle of the box asked for.
        indent = max(self.width - self.margin - inner_width, 0) // 2
        label_width += indent
        self.margin += indent
        self._indent = indent
        self.width = self.margin + inner_width
        equal = equal_aspect and taller is None
        aligned_x = self._x_axis_ticks(clean, inner_width, equal)
        self.canvas = Canvas(
            inner_width, inner_height, self.x_range, self.y_range, self.mode, self.styles
        )

        self._margin_labels, self._margin_axis = self._y_axis(y_texts, label_width)
        self.x_ticks, self._axis_row, self._tick_row = self._x_axis(clean, aligned_x)
        self._header = self._header_row() if header else None

    # ------------------------------------------------------------ layout
    def _y_axis_ticks(self, wanted: tuple[float, float], inner_height: int) -> None:
        """The y range widened so that its round ticks stand at equal row steps."""
        aligned = aligned_axis(*wanted, inner_height, CELL_DOTS[self.mode][1])
        if aligned is None:
            self.y_range = wanted
            self.y_ticks = nice_ticks(*wanted, max(2, inner_height // 2 + 1))
        else:
            self.y_range = (aligned.lo, aligned.hi)
            self.y_ticks = aligned.ticks

    def _equal_aspect(
        self, inner_width: int, inner_height: int
    ) -> tuple[tuple[float, float] | None, int]:
        """Widen x so that one unit is as many dots across as up (dots are square, so a circle
        looks round), at most to :data:`MAX_WIDEN` times the range asked for: beyond that the
        plot gets narrower instead, so a wide flat box does not shrink the picture to a strip
        in its middle. Or, when x needs more room than the height gives, the taller y range to
        try again. Returns (that taller range or None, the inner width)."""
        cell_width, cell_height = CELL_DOTS[self.mode]
        dots_x = max(inner_width * cell_width - 1, 1)
        dots_y = max(inner_height * cell_height - 1, 1)
        (x_lo, x_hi), (y_lo, y_hi) = self.x_range, self.y_range
        per_unit = dots_y / (y_hi - y_lo)
        if dots_x / (x_hi - x_lo) < per_unit * (1 - 1e-9):
            middle, half = y_lo / 2 + y_hi / 2, dots_y * (x_hi - x_lo) / dots_x / 2
            return sane_range(middle - half, middle + half), inner_width
        span = dots_x / per_unit
        if span > MAX_WIDEN * (x_hi - x_lo):
            span = MAX_WIDEN * (x_hi - x_lo)
            inner_width = max(math.ceil((span * per_unit + 1) / cell_width), 1)
            span = (inner_width * cell_width - 1) / per_unit
        middle = x_lo / 2 + x_hi / 2
        self.x_range = sane_range(middle - span / 2, middle + span / 2)
        return None, inner_width

    def _y_axis(self, texts: list[str], label_width: int) -> tuple[list[str], list[str]]:
        vertical, with_tick = self._axis[0], self._axis[1]
        labels = [" " * label_width] * self.canvas.height
        axis = [vertical] * self.canvas.height
        rows = [self.canvas.cell_row(t) for t in self.y_ticks]
        for row, text in zip(rows, texts, strict=True):
            if 0 <= row < self.canvas.height and axis[row] == vertical:
                labels[row] = text[:label_width].rjust(label_width)
                axis[row] = with_tick
        return labels, axis

    def _x_axis_ticks(
        self, clean: Callable[[str], str], inner_width: int, equal: bool
    ) -> list[float] | None:
        """Round x ticks a whole number of columns apart, with room for their labels: the x
        range widened as the y range is (or, on an equal-aspect plot, whose scale is the y
        axis's, moved by under half a dot). Ticks placed by rounding each to its column stand
        2, 3, 2, 3 columns apart and make equal steps look unequal. None when no round step
        fits; the ticks are then placed by rounding."""
        cell_width = CELL_DOTS[self.mode][0]
        fewest = 2 + _MIN_X_GAP
        for _attempt in range(4):  # wider labels need ticks further apart
            if equal:
                aligned = aligned_at_scale(*self.x_range, inner_width, cell_width, fewest)
            else:
                aligned = aligned_axis(*self.x_range, inner_width, cell_width, fewest)
            if aligned is None:
                return None
            need = max(len(clean(t)) for t in tick_labels(aligned.ticks)) + _MIN_X_GAP
            if aligned.cells_per_tick >= need:
                self.x_range = (aligned.lo, aligned.hi)
                return aligned.ticks
            fewest = need
        return None

    def _x_axis(
        self, clean: Callable[[str], str], aligned: list[float] | None
    ) -> tuple[list[float], str, str]:
        """Ticks, the axis line and the label row; fewer ticks until their labels fit."""
        inner = self.canvas.width
        wanted = max(2, inner // 6)
        while True:
            ticks = aligned if aligned is not None else nice_ticks(*self.x_range, wanted)
            texts = [clean(t) for t in tick_labels(ticks)]
            cols = [self.canvas.cell_column(t) for t in ticks]
            placed = self._place_labels(cols, texts, strict=wanted > 2 and aligned is None)
            if placed is not None or wanted <= 2 or aligned is not None:
                break
            wanted -= 1
        line = [self._axis[3]] * inner
        for col in cols:
            if 0 <= col < inner:
                line[col] = self._axis[4]
        axis_row = " " * (self.margin - 1) + self._axis[2] + "".join(line)
        return ticks, axis_row, placed or " " * self.width

    def _place_labels(self, cols: list[int], texts: list[str], strict: bool) -> str | None:
        """The label row, each label centred under its tick, or None when ``strict`` and two
        labels would come closer than the gap."""
        row = ""
        for col, text in zip(cols, texts, strict=True):
            text = text[: self.width]
            start = max(0, min(self.margin + col - (len(text) - 1) // 2, self.width - len(text)))
            if start < len(row) + (_MIN_X_GAP if row else 0):
                if strict:
                    return None
                continue
            row += " " * (start - len(row)) + text
        return row.ljust(self.width)

    def _header_row(self) -> list[Segment]:
        label = (" " * self._indent + self.y_label)[: self.width] if self.y_label else ""
        title = self.title[: max(self.width - len(label) - 2, 0)] if label else self.title
        start = self.margin + (self.canvas.width - len(title)) // 2
        start = max(start, len(label) + 2 if label else 0)
        start = min(start, self.width - len(title))
        segments = []
        if label:
            segments.append(Segment(label, _style(self.styles.label)))
        if title:
            segments.append(Segment(" " * (start - len(label)), None))
            segments.append(Segment(title, _style(self.styles.label)))
        used = sum(len(s.text) for s in segments)
        if used < self.width:
            segments.append(Segment(" " * (self.width - used), None))
        return segments

    # ------------------------------------------------------------ rendering
    def to_segments(self) -> list[list[Segment]]:
        """Every row of the chart as Segments, each row exactly ``width`` cells wide."""
        tick_style, axis_style = _style(self.styles.tick), _style(self.styles.axis)
        rows: list[list[Segment]] = []
        if self._header is not None:
            rows.append(list(self._header))
        labels, axis = self._margin_labels, self._margin_axis
        with_labels = self.margin > 1
        for r, segments in enumerate(self.canvas.to_segments()):
            row = [Segment(labels[r], tick_style)] if with_labels else []
            row.append(Segment(axis[r], axis_style))
            row.extend(segments)
            rows.append(row)
        axis_row = [Segment(self._axis_row[self.margin - 1 :], axis_style)]
        if with_labels:
            axis_row.insert(0, Segment(" " * (self.margin - 1), None))
        rows.append(axis_row)
        if self.label_on_ticks:
            ticks = self._tick_row[: -len(self.x_label)]
            label = Segment(self.x_label, _style(self.styles.label))
            rows.append([Segment(ticks, tick_style), label])
        else:
            rows.append([Segment(self._tick_row, tick_style)])
        if self.x_label and not self.label_on_ticks:
            text = self.x_label[: self.width].rjust(self.width)
            rows.append([Segment(text, _style(self.styles.label))])
        return rows

    def to_text(self) -> list[str]:
        """The chart as plain rows of text."""
        rows: list[str] = []
        if self._header is not None:
            rows.append("".join(s.text for s in self._header))
        for r, text in enumerate(self.canvas.to_text()):
            rows.append(self._margin_labels[r] + self._margin_axis[r] + text)
        rows.append(self._axis_row)
        rows.append(self._tick_row)
        if self.x_label and not self.label_on_ticks:
            rows.append(self.x_label[: self.width].rjust(self.width))
        return rows


def line_chart(
    xs: object, ys: object, width: int, height: int, **options: Unpack[ChartOptions]
) -> Chart:
    """A line plot with ranges from the data; ``ys`` with two dimensions draws one line per row."""
    chart = _data_chart(xs, ys, width, height, options)
    for series, style in _styled_series(ys, chart.styles.curve, chart.styles):
        chart.canvas.line(xs, series, style)
    return chart


def scatter_chart(
    xs: object, ys: object, width: int, height: int, **options: Unpack[ChartOptions]
) -> Chart:
    """A scatter plot with ranges from the data; ``ys`` with two dimensions: one class per row."""
    chart = _data_chart(xs, ys, width, height, options, x_pad=0.05)
    for series, style in _styled_series(ys, chart.styles.point, chart.styles):
        chart.canvas.points(xs, series, style)
    return chart


def _series(ys: object) -> list[Array]:
    try:
        with np.errstate(all="ignore"):
            array = np.asarray(ys, dtype=float)
    except (TypeError, ValueError):
        return []
    return list(array) if array.ndim == 2 else [array.ravel()]


def _styled_series(ys: object, first: str, styles: PlotStyles) -> list[tuple[Array, str]]:
    """Each series of ``ys`` with its style: ``first`` for the first, then the series colours."""
    return [
        (series, styles.series[i % len(styles.series)] if i else first)
        for i, series in enumerate(_series(ys))
    ]


def _data_chart(
    xs: object, ys: object, width: int, height: int, options: ChartOptions, x_pad: float = 0.0
) -> Chart:
    return Chart(width, height, data_range(xs, x_pad), data_range(_series(ys), 0.05), **options)
