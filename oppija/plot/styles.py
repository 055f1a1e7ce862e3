"""Colours of the plots as plain Rich style strings, so the theme (or NO_COLOR) decides them.

The renderers never pick a colour themselves: a widget passes the styles that suit the terminal
(dark or light background) and ``PlotStyles.plain()`` turns every colour off, in which case
pictures rely on characters alone (a density ramp for heat maps, block characters for bars).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

# Okabe–Ito: distinguishable for the common kinds of colour blindness.
_ORANGE = "#e69f00"
_SKY = "#56b4e9"
_GREEN = "#009e73"
_YELLOW = "#f0e442"
_BLUE = "#0072b2"
_VERMILLION = "#d55e00"
_PURPLE = "#cc79a7"

# Viridis, darkened for dark terminals and lightened for light ones: lightness grows low -> high,
# and curves drawn on top in the foreground colours stay readable on every step.
_HEAT_DARK = (
    "on #25012e",
    "on #251f48",
    "on #1b394e",
    "on #12504d",
    "on #1d6543",
    "on #4f7625",
    "on #8b7f14",
)
_HEAT_LIGHT = (
    "on #ab8db2",
    "on #aba6c7",
    "on #a2bbcc",
    "on #9bcecb",
    "on #a4dfc3",
    "on #cdedaa",
    "on #fef49d",
)


@dataclass(frozen=True)
class PlotStyles:
    """Rich style strings for every part of a plot ("" means the terminal's default)."""

    curve: str
    path: str
    point: str
    current: str
    arrow: str
    tangent: str
    axis: str
    tick: str
    label: str
    grid: str
    accent: str
    muted: str
    positive: str
    negative: str
    series: tuple[str, ...]
    heat: tuple[str, ...]

    @classmethod
    def default(cls, dark: bool = True) -> PlotStyles:
        """The standard colours for a dark (default) or a light terminal background."""
        if dark:
            return cls(
                curve=_SKY,
                path=_ORANGE,
                point=_YELLOW,
                current=f"bold {_VERMILLION}",
                arrow=_VERMILLION,
                tangent=_GREEN,
                axis="grey62",
                tick="grey70",
                label="bold",
                grid="grey30",
                accent=_ORANGE,
                muted="grey50",
                positive=_SKY,
                negative=_ORANGE,
                series=(_SKY, _ORANGE, _GREEN, _YELLOW, _PURPLE, _VERMILLION),
                heat=_HEAT_DARK,
            )
        return cls(
            curve=_BLUE,
            path=_VERMILLION,
            point="#8a6d00",
            current=f"bold {_VERMILLION}",
            arrow=_VERMILLION,
            tangent=_GREEN,
            axis="grey42",
            tick="grey35",
            label="bold",
            grid="grey82",
            accent=_VERMILLION,
            muted="grey50",
            positive=_BLUE,
            negative=_VERMILLION,
            series=(_BLUE, _VERMILLION, _GREEN, "#8a6d00", _PURPLE, _ORANGE),
            heat=_HEAT_LIGHT,
        )

    @classmethod
    def plain(cls) -> PlotStyles:
        """No colour at all (NO_COLOR): every style is "", the tuples keep their lengths."""
        base = cls.default()
        many = ("series", "heat")
        colours = {f.name: "" for f in fields(cls) if f.name not in many}
        return cls(**colours, series=("",) * len(base.series), heat=("",) * len(base.heat))

    @property
    def is_plain(self) -> bool:
        """True when the heat map has no colours, so it must be drawn with characters."""
        return not any(self.heat)
