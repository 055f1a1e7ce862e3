"""The two-parameter descent: the error surface as contours (or a heat map), the path on it."""

from __future__ import annotations

import math

import numpy as np

from oppija.arrays import Array, IntArray
from oppija.i18n import _
from oppija.plot import Canvas
from oppija.plot.legend import LegendEntry, colour_bar, legend_rows, mark_entry
from oppija.scenes.descent_marks import descent_marks
from oppija.scenes.marks import fat_point, formula_title, symbol
from oppija.scenes.preset_name import preset_name
from oppija.scenes.rows import Rows, fit
from oppija.scenes.view import View
from oppija.sims.gd2d import GradientDescent2D

LEGEND_FROM_HEIGHT = 10  # below this every row goes to the map
LEVELS = 9  # contour lines; denser near the bottom, where the path ends


def contour_levels(values: Array, count: int = LEVELS) -> Array:
    """Levels spaced by squares from the lowest value: a bowl gets evenly spaced rings."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return np.array([])
    lo, hi = float(finite.min()), float(np.percentile(finite, 90))
    if not hi > lo:
        return np.array([])
    return lo + (hi - lo) * np.linspace(0.03, 1.0, count) ** 2


Layer = tuple[Array, Array, tuple[IntArray, IntArray]]
_LAYERS: dict[tuple[object, ...], Layer] = {}
_LAYERS_KEPT = 8


def surface_layer(simulation: GradientDescent2D, canvas: Canvas) -> Layer:
    """The surface, its levels and its contour dots for this view, worked out once.

    They change only with the function, the view or the size, not with each step, and they are
    most of a frame's work: a running demo reuses them.
    """
    key = (
        simulation.params.function.text,
        canvas.x_range,
        canvas.y_range,
        canvas.dot_width,
        canvas.dot_height,
    )
    layer = _LAYERS.get(key)
    if layer is None:
        xs = np.linspace(*canvas.x_range, canvas.dot_width)
        ys = np.linspace(*canvas.y_range, canvas.dot_height)
        surface = simulation.surface(xs, ys)
        levels = contour_levels(surface)
        layer = (surface, levels, canvas.contour_dots(surface, levels))
        if len(_LAYERS) >= _LAYERS_KEPT:
            _LAYERS.pop(next(iter(_LAYERS)))
        _LAYERS[key] = layer
    return layer


def draw_gd2d(simulation: GradientDescent2D, view: View) -> Rows:
    """A map of 𝓔(θ₁, θ₂) seen from above; −∇𝓔 at the current point shows the way down."""
    width, height, styles = view.width, view.height, view.styles
    heat = bool(view.options.get("heat", False))
    ascii_only = view.ascii_only
    legend = 1 if height >= LEGEND_FROM_HEIGHT else 0
    formula = formula_title(
        "error", simulation.params.function, {"x": "theta1", "y": "theta2"}, ascii_only
    )
    name = preset_name(simulation, ("function",))
    chart = view.sized(width, height - legend).chart(
        *simulation.view_range(),
        x_label=symbol("theta1", ascii_only),  # the slide names the two parameters θ₁ and θ₂
        y_label=symbol("theta2", ascii_only),
        title=view.spell(f"{name}: {formula}") if name else formula,
        equal_aspect=True,  # the round bowl looks round, the narrow valley narrow
    )
    canvas = chart.canvas
    (x_lo, x_hi), (y_lo, y_hi) = canvas.x_range, canvas.y_range
    surface, levels, (cols, rows) = surface_layer(simulation, canvas)
    if heat:
        canvas.heatmap(
            surface, lo=levels[0] if levels.size else None, hi=levels[-1] if levels.size else None
        )
    canvas.light(cols, rows, styles.grid if heat else styles.curve)

    path = simulation.path_array()
    canvas.line(path[:, 0], path[:, 1], styles.path)
    canvas.points(path[:, 0], path[:, 1], styles.path)
    a, b = (float(v) for v in simulation.theta)
    ga, gb = (float(v) for v in simulation.grad)
    if all(math.isfinite(v) for v in (a, b, ga, gb)):
        norm = math.hypot(ga / (x_hi - x_lo), gb / (y_hi - y_lo))
        if norm > 0 and simulation.status == "running":
            reach = 0.15 / norm  # the arrow is 15 % of the picture long, whatever |∇𝓔| is
            canvas.arrow(a, b, a - ga * reach, b - gb * reach, styles.arrow)
        fat_point(canvas, a, b, styles.current)
    picture = fit(chart.to_segments(), width, height - legend)
    if legend:
        picture += legend_rows(descent_legend(view, heat), width, 1, styles.label) or [[]]
    return fit(picture, width, height)


def descent_legend(view: View, heat: bool) -> list[LegendEntry]:
    """What each colour means: the path so far, the current θ, the arrow −∇𝓔 (the way down)
    and, as a heat map, the scale of 𝓔 from low to high (else the contours: equal 𝓔)."""
    styles, spell = view.styles, view.spell
    entries = descent_marks(view, _("−∇𝓔, the way down"))
    if heat:
        entries.append(LegendEntry(colour_bar(_("low"), _("high"), styles), spell("𝓔")))
    else:
        line = "-" if view.ascii_only else "⠒"
        entries.append(mark_entry(line, styles.curve, spell(_("equal 𝓔"))))
    return entries
