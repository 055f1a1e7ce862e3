"""The top line: the lecture's title, the section, and where the learner is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from oppija.i18n import _, format_integer


class LectureHeader(Widget):
    """'Süvaõpe · Regressioon            Slaid 7/52 · samm 2/3'."""

    DEFAULT_CSS = """
    LectureHeader {
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    title = reactive("")
    section = reactive("")
    slide = reactive(0)
    slides = reactive(0)
    step = reactive(0)
    steps = reactive(1)

    def render(self) -> Text:
        left = Text.assemble((self.title, "bold"), ("  ·  " if self.section else ""), self.section)
        position = _("Slide {n}/{total}").format(
            n=format_integer(self.slide), total=format_integer(self.slides)
        )
        if self.steps > 1:
            position += " · " + _("step {n}/{total}").format(n=self.step, total=self.steps)
        right = Text(position, style="bold")
        room = self.size.width - right.cell_len - 1
        left.truncate(max(room, 0), overflow="ellipsis")
        pad = max(self.size.width - left.cell_len - right.cell_len, 1)
        return Text.assemble(left, " " * pad, right)
