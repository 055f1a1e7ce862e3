"""Where and how a scene draws: its size, the plot mode, the styles and the widget's options.

Every scene is ``draw(simulation, view) -> Rows``; the view carries what they all need, so the
size, mode and styles are one argument and ASCII mode is asked one way (``view.ascii_only``,
``view.spell``) instead of each scene working it out from ``mode``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from oppija.plot import Chart, Mode, PlotStyles
from oppija.text import ascii_spelling


@dataclass(frozen=True)
class View:
    """A scene's box of ``width`` × ``height`` cells, drawn in ``mode`` with ``styles``.

    ``options`` are what a widget adds for its own scene (the LSTM's chosen unit, backprop's
    gradient check); ``oppija demo`` passes none.
    """

    width: int
    height: int
    mode: Mode = "braille"
    styles: PlotStyles = field(default_factory=PlotStyles.default)
    options: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def ascii_only(self) -> bool:
        """Whether only ASCII (and the Estonian letters) may be shown."""
        return self.mode == "ascii"

    def spell(self, text: str) -> str:
        """``text`` as this view shows it: maths spelt in ASCII in ASCII mode."""
        return ascii_spelling(text) if self.ascii_only else text

    def sized(self, width: int, height: int) -> View:
        """The same mode, styles and options in a box of another size (a part of the scene)."""
        return replace(self, width=width, height=height)

    def chart(
        self,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        x_label: str | None = None,
        y_label: str | None = None,
        title: str | None = None,
        equal_aspect: bool = False,
    ) -> Chart:
        """A chart filling this view, in its mode and styles (``equal_aspect``: a unit as
        long across as up, for maps of a plane)."""
        return Chart(
            self.width,
            self.height,
            x_range,
            y_range,
            mode=self.mode,
            styles=self.styles,
            x_label=x_label,
            y_label=y_label,
            title=title,
            equal_aspect=equal_aspect,
        )
