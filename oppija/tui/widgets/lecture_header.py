"""The top line: where the learner is — section, slide title, slide n/total and the step."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from oppija.i18n import _, format_integer


class LectureHeader(Widget):
    """'Regressioon · Lineaarregressioon            Slaid 7/63 · samm 2/3'.

    The slide's title is here, not only at the top of the slide's text: the text scrolls (a demo
    below it takes the room), the header never does, so a learner always sees which slide this is.
    A narrow window drops the section first, then shortens the title; the position stays whole.
    """

    DEFAULT_CSS = """
    LectureHeader {
        dock: top;  /* docked, it stays above a zoomed demo too */
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    title = reactive("")
    """The lecture's title: shown only when a slide has no title of its own to show."""
    section = reactive("")
    slide_title = reactive("")
    short_title = reactive("")
    """The slide's title as the contents show it (the section's name dropped from its start)."""
    slide = reactive(0)
    slides = reactive(0)
    step = reactive(0)
    steps = reactive(1)

    def position_text(self) -> str:
        """'Slaid 7/63 · samm 2/3': the reveal step only on a slide that has more than one."""
        position = _("Slide {n}/{total}").format(
            n=format_integer(self.slide), total=format_integer(self.slides)
        )
        if self.steps > 1:
            position += " · " + _("step {n}/{total}").format(n=self.step, total=self.steps)
        return position

    def render(self) -> Text:
        right = Text(self.position_text(), style="bold")
        room = max(self.size.width - right.cell_len - 2, 0)
        name = self.slide_title or self.title
        short = self.short_title or name
        left = Text.assemble((self.section, "dim"), "  ·  ", (short, "bold"))
        if not self.section or left.cell_len > room:  # the section goes first
            left = Text(name, style="bold")
        left.truncate(room, overflow="ellipsis")
        pad = max(self.size.width - left.cell_len - right.cell_len, 1)
        return Text.assemble(left, " " * pad, right)
