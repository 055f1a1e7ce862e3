"""A renderable drawn once for each width it is shown at, and the lines kept."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment


class DrawnPerWidth(Group):
    """A Group that remembers what it drew for the last few widths, and, like rich.markdown's
    Markdown, asks for no minimum width and takes all there is.

    A widget measures its text's height and then draws it, and a key press (or opening the
    help, with its hundred rows of keys) does both more than once, each time with the same
    result; a slide or the key table is drawn once, and again only at another width.
    """

    KEPT_WIDTHS = 2  # the width shown now and one before it (a scrollbar came or went)

    def __init__(self, *renderables: RenderableType) -> None:
        super().__init__(*renderables)
        self._drawn: dict[tuple[object, ...], list[Segment]] = {}

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(0, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (
            id(console),
            options.max_width,
            options.justify,
            options.overflow,
            options.no_wrap,
            options.highlight,
            options.markup,
            options.ascii_only,
        )
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = []
            for part in super().__rich_console__(console, options):
                if isinstance(part, Segment):
                    drawn.append(part)
                else:
                    drawn.extend(console.render(part, options))
            if len(self._drawn) >= self.KEPT_WIDTHS:
                del self._drawn[next(iter(self._drawn))]
            self._drawn[key] = drawn
        yield from drawn
