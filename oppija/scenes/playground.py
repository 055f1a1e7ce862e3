"""The playground's picture: the decision map with the points on it, the error curves beside.

The map colours each cell by the network's class-1 probability (the heat scale from 0 to 1), and
the boundary where it is ½ is drawn as a line; without colour only the boundary is drawn (a
density ramp of characters would drown the points).
Each point is a character, so classes and the train/test split read without colour as well:
filled marks are training points, hollow ones test points.
"""

from __future__ import annotations

import numpy as np
from rich.segment import Segment
from rich.style import Style

from oppija.arrays import Array, IntArray
from oppija.i18n import _, format_percent
from oppija.plot import Canvas, Chart, Mode, PlotStyles, data_range
from oppija.plot.legend import LegendEntry, colour_bar, mark_entry
from oppija.plot.legend import legend_rows as legend_rows_of
from oppija.scenes.rows import Rows, fit
from oppija.scenes.view import View
from oppija.sims.playground import DATASET_TITLES, Playground

# (class 0, class 1) marks for (training, test) points; the ASCII ones for plain terminals.
MARKS = {"train": ("▲", "●"), "test": ("△", "○")}
ASCII_MARKS = {"train": ("x", "o"), "test": ("X", "O")}
MIN_SIDE_WIDTH = 24  # below this the error curves are left out and the map takes the width
BOUNDARY = 0.5


def draw_playground(simulation: Playground, view: View) -> Rows:
    """The map (left, about square on screen) and the error per epoch (right), legends below."""
    width, height, mode, styles = view.width, view.height, view.mode, view.styles
    legend = 2 if height >= 14 else 1 if height >= 8 else 0
    body = max(height - legend, 1)
    inner = max(body - 4, 1)  # the map chart's rows without its title, axis and labels
    map_width = min(2 * inner + 6, width)  # a terminal cell is about twice as tall as wide
    side_width = width - map_width - 2
    if side_width < MIN_SIDE_WIDTH:
        map_width, side_width = width, 0

    rows = decision_map(simulation, map_width, body, mode, styles)
    if side_width:
        curves = exact(error_curves(simulation, view.sized(side_width, body)), side_width, body)
        gap = Segment(" " * (width - map_width - side_width))
        rows = [[*a, gap, *b] for a, b in zip(rows, curves, strict=True)]
    marks, scale = map_legend(view)
    accuracy = LegendEntry([], view.spell(accuracy_line(simulation)))
    legend_rows = legend_rows_of([*marks, scale, accuracy], width, legend, styles.label)
    legend_rows += [[Segment(" " * width)] for _ in range(legend - len(legend_rows))]
    return [*rows, *legend_rows]


def map_legend(view: View) -> tuple[list[LegendEntry], LegendEntry]:
    """What the map's marks and colours mean: filled training and hollow test points and the
    two classes' colours; and the colour scale of P(class 1) (its ½ line without colour)."""
    styles, spell = view.styles, view.spell
    marks = ASCII_MARKS if view.ascii_only else MARKS
    zero, one = class_styles(styles)
    entries = [
        LegendEntry([Segment(" ".join(marks["train"]), Style.parse(styles.label))], _("training")),
        LegendEntry([Segment(" ".join(marks["test"]), Style.parse(styles.label))], _("test")),
        mark_entry(f"{marks['train'][0]} {marks['test'][0]}", zero, _("class 0")),
        mark_entry(f"{marks['train'][1]} {marks['test'][1]}", one, _("class 1")),
    ]
    if styles.is_plain:
        return entries, mark_entry("-" if view.ascii_only else "⠒", "", spell(_("P(class 1) = ½")))
    return entries, LegendEntry(colour_bar("0", "1", styles), spell(_("P(class 1)")))


def class_styles(styles: PlotStyles) -> tuple[str, str]:
    """The marks' styles of class 0 and class 1 (orange and blue on a dark background)."""
    return f"bold {styles.series[1]}".strip(), f"bold {styles.series[0]}".strip()


def exact(chart: Chart, width: int, height: int) -> Rows:
    """A chart's rows, fitted only when a tiny size made the chart differ from what was asked
    (fitting measures every Segment: most of a frame's time when done on every frame)."""
    rows = chart.to_segments()
    if chart.width == width and len(rows) == height:
        return rows
    return fit(rows, width, height)


def decision_map(
    simulation: Playground, width: int, height: int, mode: Mode, styles: PlotStyles
) -> Rows:
    """P(class 1) over the plane as cell colours (or its ½ boundary), every point as a mark."""
    ascii_only = mode == "ascii"
    x_range, y_range = simulation.view_range()
    params = simulation.params
    title = (
        f"{_(DATASET_TITLES[params.dataset])} · {params.layers} × {params.units} "
        f"{params.activation}"
    )
    chart = Chart(
        width,
        height,
        x_range,
        y_range,
        mode=mode,
        styles=styles,
        x_label="x1" if ascii_only else "x₁",
        y_label="x2" if ascii_only else "x₂",
        title=title,
        equal_aspect=True,  # a circle of points looks round
    )
    canvas = chart.canvas
    x_range, y_range = canvas.x_range, canvas.y_range  # widened to keep the aspect
    if styles.is_plain:  # a density ramp would drown the marks: the boundary line alone
        grid = simulation.probability_map(x_range, y_range, canvas.width, canvas.height)
        canvas.contours(grid, [BOUNDARY], styles.muted)
    else:  # the middle one of the heat steps is the boundary; half the grid is plenty
        columns, rows = (canvas.width + 3) // 2, (canvas.height + 3) // 2
        canvas.heatmap(simulation.probability_map(x_range, y_range, columns, rows), lo=0.0, hi=1.0)
    for rows_, columns_, char, style in point_marks(simulation, canvas, mode, styles):
        canvas.glyphs(columns_, rows_, char, style)
    picture = chart.to_segments()
    if chart.width == width and len(picture) == height:
        return picture
    return fit(picture, width, height)


# Where one kind of point goes on the canvas: cell rows, cell columns, its character and style.
Marks = tuple[IntArray, IntArray, str, str]
_MARKS: dict[tuple[object, ...], list[Marks]] = {}
_MARKS_KEPT = 8


def point_marks(
    simulation: Playground, canvas: Canvas, mode: Mode, styles: PlotStyles
) -> list[Marks]:
    """The cells of each kind of point (test first, so a training mark wins a shared cell).

    Worked out once per data set, size and look: the points do not move while the network
    learns, and the canvas draws each kind with one call.
    """
    data = simulation.data
    key = (
        simulation.params.dataset,  # the data set and the seed make the points
        simulation.params.seed,
        canvas.width,
        canvas.height,
        canvas.x_range,
        canvas.y_range,
        mode,
        styles,
    )
    found = _MARKS.get(key)
    if found is not None:
        return found
    marks = ASCII_MARKS if mode == "ascii" else MARKS
    by_class = class_styles(styles)
    found = []
    for kind, xs, labels in (
        ("test", data.test_x, data.test_y),
        ("train", data.train_x, data.train_y),
    ):
        u, v = canvas.to_dot(xs[:, 0], xs[:, 1])
        with np.errstate(all="ignore"):
            columns = np.floor((u + 0.5) / canvas.cell_width)
            rows = np.floor((v + 0.5) / canvas.cell_height)
        finite = np.isfinite(columns) & np.isfinite(rows)
        for label in (0, 1):
            chosen = finite & (labels == label)
            found.append(
                (
                    rows[chosen].astype(np.intp),
                    columns[chosen].astype(np.intp),
                    marks[kind][label],
                    by_class[label],
                )
            )
    if len(_MARKS) >= _MARKS_KEPT:
        _MARKS.pop(next(iter(_MARKS)))
    _MARKS[key] = found
    return found


def error_curves(simulation: Playground, view: View) -> Chart:
    """The training and the test error per epoch, each named at its end."""
    train = np.asarray(simulation.losses, dtype=np.float64)
    test = np.asarray(simulation.test_losses, dtype=np.float64)
    x_range = (0.0, max(float(simulation.epoch), 10.0))
    return error_pair(
        view, x_range, (train, _("training")), (test, _("test")), _("Error per epoch")
    )


def error_pair(
    view: View,
    x_range: tuple[float, float],
    main: tuple[Array, str],
    other: tuple[Array, str],
    title: str,
) -> Chart:
    """Two runs' error per epoch on one chart from 0 up, each curve named at its end."""
    top = data_range(np.concatenate([main[0], other[0]]), 0.05)[1]
    chart = view.chart(
        x_range,
        (0.0, top if np.isfinite(top) and top > 0 else 1.0),
        x_label=_("epoch"),
        y_label=view.spell("𝓔"),
        title=title,
    )
    curve_pair(chart, main, other, view.styles)
    return chart


def curve_pair(
    chart: Chart, main: tuple[Array, str], other: tuple[Array, str], styles: PlotStyles
) -> None:
    """Two curves over the epochs, each named at its end: ``main`` drawn over ``other``.

    Each is (values per epoch, name); the main one in the curve style, the other in the path's.
    """
    (main_values, main_name), (other_values, other_name) = main, other
    epochs = np.arange(len(main_values), dtype=np.float64)
    canvas = chart.canvas
    canvas.line(epochs, other_values, styles.path)
    canvas.line(epochs, main_values, styles.curve)
    name_ends(
        canvas,
        epochs[-1],
        (main_values[-1], main_name, styles.curve),
        (other_values[-1], other_name, styles.path),
    )


def name_ends(
    canvas: Canvas, x: float, upper: tuple[float, str, str], lower: tuple[float, str, str]
) -> None:
    """Two curves' names beside their ends at ``x``: the higher one's above it, the other's
    below, so they never cover each other. Each curve is (its last value, name, style).
    Early on, when the ends are near the left edge, the names stand a third of the way in."""
    x = max(x, canvas.x_range[0] + (canvas.x_range[1] - canvas.x_range[0]) / 3)
    if upper[0] < lower[0]:
        upper, lower = lower, upper
    if not (np.isfinite(upper[0]) and np.isfinite(lower[0])):
        return
    row = (canvas.y_range[1] - canvas.y_range[0]) / max(canvas.height, 1)
    canvas.label(x, upper[0] + row, upper[1], upper[2], align="right")
    canvas.label(x, lower[0] - row, lower[1], lower[2], align="right")


def accuracy_line(simulation: Playground) -> str:
    """The current accuracies in words, under the error curves."""
    return _("Accuracy: training {train}, test {test}").format(
        train=format_percent(simulation.train_accuracies[-1]),
        test=format_percent(simulation.test_accuracies[-1]),
    )
