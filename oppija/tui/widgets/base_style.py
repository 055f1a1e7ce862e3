"""A widget's own Rich style, computed once until its styles change.

``Widget.rich_style`` walks every ancestor's styles each time it is read: a demo's picture and
readout read it every frame, and it cost a tenth of the frame.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


class KeptBaseStyle(Widget):
    """A widget that reads its base style (colour, background, text style) once per change of
    its styles: Textual calls ``notify_style_update`` whenever CSS is applied to it again (a
    class toggled, a theme switched, the CSS reloaded)."""

    _kept_base_style: Style | None = None

    @property
    def base_style(self) -> Style:
        """``rich_style`` as of the last change of this widget's styles."""
        if self._kept_base_style is None:
            self._kept_base_style = self.rich_style
        return self._kept_base_style

    def notify_style_update(self) -> None:
        self._kept_base_style = None
        super().notify_style_update()
