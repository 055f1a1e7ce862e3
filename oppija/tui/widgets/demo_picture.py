"""A demo's picture: the scene's rows as lines, redrawn only when the simulation changed."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from textual.color import Color, ColorParseError
from textual.strip import Strip
from textual.widget import Widget

from oppija.i18n import current_language
from oppija.plot import Mode, PlotStyles
from oppija.scenes.rows import Rows
from oppija.tui.oppija_app import oppija_app


def rich_colour(colour: str | None) -> str | None:
    """A theme's colour as Rich spells it, or None if it has none Rich can draw.

    Themes spell colours the Textual way: the ANSI themes (``ansi-dark``, one choice away in
    the palette) say ``ansi_blue``, which Rich's style parser refuses.
    """
    if not colour:
        return None
    try:
        return Color.parse(colour).rich_color.name
    except ColorParseError:
        return None


class DemoPicture(Widget):
    """Draws ``draw(width, height, mode, styles)``; the owner calls :meth:`changed` after a step.

    The rows are cached under a key of everything that shapes them (the simulation's version,
    the size, the mode, the theme and the owner's options), so a paused demo costs nothing and
    a running one draws each state once.
    """

    DEFAULT_CSS = """
    DemoPicture {
        height: 1fr;
        min-height: 6;
    }
    """

    def __init__(
        self,
        draw: Callable[[int, int, Mode, PlotStyles], Rows],
        key: Callable[[], tuple[object, ...]],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._draw = draw
        self._key = key
        self._cache_key: tuple[object, ...] | None = None
        self._strips: list[Strip] = []

    @property
    def mode(self) -> Mode:
        return "ascii" if oppija_app(self.app).ascii_mode else "braille"

    def styles_for_plot(self) -> PlotStyles:
        """The plot's colours from the app's theme: none under NO_COLOR. The theme gives the
        main roles (curve, path, where θ is, the tangent); the rest keep the plot layer's
        colours for a dark or light background."""
        if os.environ.get("NO_COLOR"):
            return PlotStyles.plain()
        theme = self.app.current_theme
        base = PlotStyles.default(dark=theme.dark)
        primary, accent, warning, error, success = (
            rich_colour(colour)
            for colour in (theme.primary, theme.accent, theme.warning, theme.error, theme.success)
        )
        return replace(
            base,
            curve=primary or base.curve,
            path=accent or warning or base.path,
            current=f"bold {error}" if error else base.current,
            arrow=error or base.arrow,
            tangent=success or base.tangent,
        )

    def changed(self) -> None:
        """The simulation moved: draw again if what is shown differs."""
        if self._current_key() != self._cache_key:
            self.refresh()

    def _current_key(self) -> tuple[object, ...]:
        size = self.content_size
        theme = self.app.current_theme.name
        return (self._key(), size.width, size.height, self.mode, theme, current_language())

    def _rows(self) -> list[Strip]:
        key = self._current_key()
        if key != self._cache_key:
            width, height = self.content_size
            if width < 4 or height < 2:
                self._strips = []
            else:
                rows = self._draw(width, height, self.mode, self.styles_for_plot())
                base = self.rich_style
                self._strips = [Strip(row, width).apply_style(base) for row in rows]
            self._cache_key = key
        return self._strips

    def render_line(self, y: int) -> Strip:
        strips = self._rows()
        if 0 <= y < len(strips):
            return strips[y]
        return Strip.blank(self.content_size.width, self.rich_style)
