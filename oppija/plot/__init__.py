"""Pure plot renderers: NumPy arrays -> rows of Rich Segments (braille, half blocks or ASCII).

Used by the Textual widgets (rows become Strips) and by ``oppija demo`` (rows become text).
Imports NumPy, Rich, ``oppija.i18n`` and ``oppija.text`` only — never Textual.
"""

from __future__ import annotations

from oppija.plot.bars import bar_chart
from oppija.plot.canvas import Canvas
from oppija.plot.chart import Chart, line_chart, scatter_chart
from oppija.plot.glyphs import DENSITY_RAMP, MODES, Mode
from oppija.plot.ranges import data_range, sane_range
from oppija.plot.styles import PlotStyles
from oppija.plot.ticks import format_number, format_tick, nice_ticks, tick_labels, tick_step

__all__ = [
    "DENSITY_RAMP",
    "MODES",
    "Canvas",
    "Chart",
    "Mode",
    "PlotStyles",
    "bar_chart",
    "data_range",
    "format_number",
    "format_tick",
    "line_chart",
    "nice_ticks",
    "sane_range",
    "scatter_chart",
    "tick_labels",
    "tick_step",
]
