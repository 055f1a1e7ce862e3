"""The plots' colours for paper: dark lines on white, and series apart in grey-scale too.

The screen palettes are made for a dark or a light terminal; a handout is printed, often in
black and white, so each series here differs in lightness (black, dark, middle and light grey
tones of different hues) and the heat map is a light ramp that text on top stays readable on.
"""

from __future__ import annotations

from oppija.plot import PlotStyles

INK = "#000000"
PAPER = "#ffffff"

# Lightness (CIE L*) of the series, in order: 0, ~33, ~50, ~62, ~72 — apart when printed grey.
_SERIES = ("#000000", "#1f4e96", "#b3470b", "#2f8a5a", "#a27bb8", "#8c8c8c")

# White to mid grey-blue: lightness falls low -> high, so "more" is darker on paper.
_HEAT = (
    "on #ffffff",
    "on #eef1f6",
    "on #dce3ed",
    "on #c8d2e2",
    "on #b2c0d5",
    "on #9aacc7",
    "on #8096b8",
)


def print_styles() -> PlotStyles:
    """The plot styles a handout draws every demo with."""
    return PlotStyles(
        curve=_SERIES[1],
        path=_SERIES[2],
        point=INK,
        current=f"bold {INK}",
        arrow=_SERIES[2],
        tangent=_SERIES[3],
        axis="#555555",
        tick="#333333",
        label=f"bold {INK}",
        grid="#cccccc",
        accent=_SERIES[2],
        muted="#666666",
        positive=_SERIES[1],
        negative=_SERIES[2],
        series=_SERIES,
        heat=_HEAT,
    )
