"""A demo's picture: the scene's rows as lines, redrawn only when the simulation changed."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from textual.color import Color, ColorParseError
from textual.geometry import Region
from textual.strip import Strip

from oppija.i18n import current_language
from oppija.plot import Mode, PlotStyles
from oppija.scenes.rows import Rows
from oppija.tui.oppija_app import oppija_app
from oppija.tui.widgets.base_style import KeptBaseStyle


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


class DemoPicture(KeptBaseStyle):
    """Draws ``draw(width, height, mode, styles)``; the owner calls :meth:`changed` after a step.

    The rows are cached under a key of everything that shapes them (the simulation's version,
    the size, the mode, the theme and the owner's options), so a paused demo costs nothing and
    a running one draws each state once. A step repaints only the lines it changed (a descent
    moves a dot and a tangent; the axes, ticks and the curve stay): Textual then builds and
    composes those lines alone, not the whole picture.
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
        self._drawn: Rows = []  # the scene's rows behind the strips, to see which lines changed
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
        """The simulation moved: the picture is drawn again now and the lines that differ are
        repainted. A hidden picture (the numbers view) is drawn when it shows again."""
        key = self._current_key()
        if key == self._cache_key:
            return
        if not self.display or not self._strips or not self._same_canvas(key):
            self.refresh()  # drawn whole when painted (render_lines)
            return
        self._repaint(self._redraw(key))

    def _current_key(self) -> tuple[object, ...]:
        size = self.content_size
        theme = self.app.current_theme.name
        return (self._key(), size.width, size.height, self.mode, theme, current_language())

    def _same_canvas(self, key: tuple[object, ...]) -> bool:
        """Whether the strips drawn under the cached key can be compared line by line with a
        drawing under ``key``: the same size, mode and theme (the strips' base style)."""
        return self._cache_key is not None and key[1:5] == self._cache_key[1:5]

    def _redraw(self, key: tuple[object, ...]) -> list[int]:
        """Draw the scene under ``key``; returns the lines whose strips changed (all of them
        when the canvas differs from the last drawing's)."""
        width, height = self.content_size
        if width < 4 or height < 2:
            self._drawn, self._strips, self._cache_key = [], [], key
            return []
        comparable = self._same_canvas(key) and len(self._strips) == height
        rows = self._draw(width, height, self.mode, self.styles_for_plot())
        base = self.base_style
        strips = self._strips if comparable else [Strip.blank(width)] * height
        lines: list[int] = []
        for y, row in enumerate(rows[:height]):
            if comparable and y < len(self._drawn) and row == self._drawn[y]:
                continue
            strips[y] = Strip(row, width).apply_style(base)
            lines.append(y)
        self._drawn, self._strips, self._cache_key = rows, strips, key
        return lines

    def _repaint(self, lines: list[int]) -> None:
        """Repaint these lines only: Textual keeps the others as they were painted."""
        width = self.content_size.width
        if lines:
            self.refresh(*(Region(0, y, width, 1) for y in lines))

    def render_lines(self, crop: Region) -> list[Strip]:
        """Before Textual paints the picture: drawn anew if anything that shapes it changed
        without :meth:`changed` (a resize, a theme, a language)."""
        key = self._current_key()
        if key != self._cache_key:
            whole = not self._same_canvas(key)
            lines = self._redraw(key)
            if not whole:  # lines outside ``crop`` that Textual keeps from before
                self._repaint(lines)
        return super().render_lines(crop)

    def on_unmount(self) -> None:
        """Gone from the screen: the drawn rows and strips are let go."""
        self._drawn, self._strips, self._cache_key = [], [], None

    def render_line(self, y: int) -> Strip:
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.content_size.width, self.base_style)
