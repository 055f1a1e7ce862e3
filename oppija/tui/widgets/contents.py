"""The table of contents: sections and their slides, seen ones marked; click or Enter opens one.

Each slide's row ends with two marks: ▶ if it has a demo, and its quizzes' state — ✓ answered
right, ✗ one answered wrong, ? not answered yet — so that a learner sees where to play and what
to try again.

It draws its own lines (Textual's line API) instead of using ``Tree``: the contents are on the
first screen, and a tree of 70 nodes cost more to lay out and paint than the whole rest of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from oppija.content.model import Lecture
from oppija.i18n import N_
from oppija.progress import QuizAnswer

FOLD_ICONS = {(False, False): "▼ ", (False, True): "▶ ", (True, False): "- ", (True, True): "+ "}
SEEN_MARK = {False: "•", True: "*"}  # by ascii mode
DEMO_MARK = {False: "▶", True: ">"}
QUIZ_MARKS = {  # the quizzes' state -> (unicode, ascii, component class)
    "right": ("✓", "+", "contents--right"),
    "wrong": ("✗", "x", "contents--wrong"),
    "open": ("?", "?", "contents--open"),
}
MARKS_WIDTH = 3  # " ▶✓" at the row's right end


@dataclass(frozen=True)
class ContentsRow:
    """One line of the contents: a section (``slide_id`` None) or one of its slides."""

    section_id: str
    slide_id: str | None
    title: str
    demo: bool = False
    quizzes: tuple[str, ...] = ()  # the slide's quiz ids


class ContentsList(ScrollView, can_focus=True):
    """Sections that fold, slides beneath them; the cursor follows the open slide."""

    DEFAULT_CSS = """
    ContentsList {
        width: 34;
        height: 1fr;
        overflow-x: hidden;
        border-right: vkey $primary 40%;
        padding: 0 1 0 0;
    }
    ContentsList.-ascii { border-right: ascii $primary 40%; }
    ContentsList > .contents--section { text-style: bold; }
    ContentsList > .contents--current { color: $accent; text-style: bold; }
    ContentsList > .contents--cursor { background: $block-cursor-blurred-background; }
    ContentsList:focus > .contents--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    ContentsList > .contents--seen { color: $success; }
    ContentsList > .contents--demo { color: $accent; }
    ContentsList > .contents--right { color: $success; text-style: bold; }
    ContentsList > .contents--wrong { color: $error; text-style: bold; }
    ContentsList > .contents--open { color: $text-muted; }
    """

    COMPONENT_CLASSES = {
        "contents--section",
        "contents--current",
        "contents--cursor",
        "contents--seen",
        "contents--demo",
        "contents--right",
        "contents--wrong",
        "contents--open",
    }

    BINDINGS = [
        Binding("up", "cursor(-1)", N_("Up"), show=False),
        Binding("down", "cursor(1)", N_("Down"), show=False),
        Binding("enter", "choose", N_("Open"), show=False),
        Binding("left", "fold(True)", N_("Fold the section"), show=False),
        Binding("right", "fold(False)", N_("Unfold the section"), show=False),
    ]

    class SlideChosen(Message):
        """The learner picked a slide in the contents."""

        def __init__(self, slide_id: str) -> None:
            self.slide_id = slide_id
            super().__init__()

    def __init__(
        self,
        ascii_mode: bool = False,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._ascii = ascii_mode
        self._sections: list[tuple[ContentsRow, list[ContentsRow]]] = []
        self._folded: set[str] = set()
        self._seen: set[str] = set()
        self._answers: dict[str, QuizAnswer] = {}
        self._current: str | None = None
        self._rows: list[ContentsRow] = []
        self.cursor = 0
        self._lines: dict[tuple[int, int], Strip] = {}  # (row, width) -> its picture
        self._styles: dict[str, Style] = {}
        self.set_class(ascii_mode, "-ascii")

    # ------------------------------------------------------------------ data
    def show_lecture(
        self, lecture: Lecture, seen: set[str], answers: dict[str, QuizAnswer] | None = None
    ) -> None:
        """Fill the list from a lecture (again after a language switch)."""
        self._sections = [
            (
                ContentsRow(section.id, None, section.title),
                [
                    ContentsRow(
                        section.id,
                        slide.id,
                        section.contents_title(slide),
                        slide.demo is not None,
                        tuple(quiz.id for quiz in slide.quizzes),
                    )
                    for slide in section.slides
                ],
            )
            for section in lecture.sections
        ]
        self._seen = set(seen)
        self._answers = dict(answers or {})
        self._rebuild()

    def show_answers(self, slide_id: str, answers: dict[str, QuizAnswer]) -> None:
        """A quiz of ``slide_id`` was answered: its row's mark follows."""
        self._answers = dict(answers)
        row = self.row_of(slide_id)
        if row is not None:
            self._refresh_rows({row})

    def quiz_state(self, row: ContentsRow) -> str | None:
        """'right', 'wrong' or 'open' (not answered yet) for a slide with quizzes, else None."""
        if not row.quizzes:
            return None
        answers = [self._answers[quiz] for quiz in row.quizzes if quiz in self._answers]
        if any(answer.correct is False for answer in answers):
            return "wrong"
        return "right" if answers else "open"

    def mark(self, current: str, seen: set[str]) -> None:
        """Mark the seen slides and put the cursor on the current one (unfolding its section).

        Only the lines whose look changed are drawn again (the cursor's old and new line, the
        old and new current slide, slides newly seen): a move repaints a few lines, not all.
        """
        changed = set(seen) ^ self._seen
        previous = self._current
        self._seen = set(seen)
        self._current = current
        unfolded = False
        for header, slides in self._sections:
            if header.section_id in self._folded and any(r.slide_id == current for r in slides):
                self._folded.discard(header.section_id)
                unfolded = True
        if unfolded:  # lines come and go: everything moves
            self._rebuild()
        stale = {self.cursor} | {
            row
            for slide_id in changed | {previous, current}
            if slide_id is not None and (row := self.row_of(slide_id)) is not None
        }
        row = self.row_of(current)
        if row is not None:
            self.cursor = row
            stale.add(row)
            self.scroll_to_region(Region(0, row, 1, 1), animate=False, immediate=True)
        self._refresh_rows(stale)

    def _refresh_rows(self, rows: set[int]) -> None:
        """Draw ``rows`` again, and only them."""
        for row in rows:
            for key in [key for key in self._lines if key[0] == row]:
                del self._lines[key]
            self.refresh_line(row)

    @property
    def rows(self) -> list[ContentsRow]:
        """The lines as they are shown now (folded sections without their slides)."""
        return self._rows

    def row_of(self, slide_id: str) -> int | None:
        """The line a slide is on, None while its section is folded."""
        for index, row in enumerate(self._rows):
            if row.slide_id == slide_id:
                return index
        return None

    def is_folded(self, section_id: str) -> bool:
        return section_id in self._folded

    def _rebuild(self) -> None:
        chosen = self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None
        self._rows = []
        for header, slides in self._sections:
            self._rows.append(header)
            if header.section_id not in self._folded:
                self._rows.extend(slides)
        self.virtual_size = Size(0, len(self._rows))
        if chosen is not None and chosen in self._rows:
            self.cursor = self._rows.index(chosen)
        else:
            self.cursor = min(self.cursor, max(len(self._rows) - 1, 0))
        self.refresh()

    # --------------------------------------------------------------- drawing
    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """A change of state or style (a refresh of the whole widget) redraws from scratch;
        scrolling alone reuses lines, and a refresh of some lines leaves the others' cache."""
        if not regions:
            self._lines.clear()
            self._styles.clear()
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        self._lines.clear()
        self._styles.clear()
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            base = self.rich_style
            style = base if name == "base" else base + self.get_component_rich_style(name)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        key = (index, width)
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = self._render_row(index, width)
        return line

    def _render_row(self, index: int, width: int) -> Strip:
        base = self._style("base")
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        if row.slide_id is None:
            folded = row.section_id in self._folded
            icon = FOLD_ICONS[self._ascii, folded]
            segments = [Segment(icon + row.title, self._style("contents--section"))]
        else:
            seen = row.slide_id in self._seen
            mark = SEEN_MARK[self._ascii] if seen else " "
            current = row.slide_id == self._current
            title_style = self._style("contents--current") if current else base
            mark_style = self._style("contents--seen") if seen else base
            segments = [Segment("  ", base), Segment(mark, mark_style), Segment(" ", base)]
            segments.append(Segment(row.title, title_style))
            segments = self._fit(segments, width - MARKS_WIDTH, base)
            demo = Segment(DEMO_MARK[self._ascii], self._style("contents--demo"))
            state = self.quiz_state(row)
            if state is None:
                quiz = Segment(" ", base)
            else:
                unicode, ascii, style = QUIZ_MARKS[state]
                quiz = Segment(ascii if self._ascii else unicode, self._style(style))
            segments += [Segment(" ", base), demo if row.demo else Segment(" ", base), quiz]
        segments = self._fit(segments, width, base)
        if index == self.cursor:
            cursor = self.get_component_rich_style("contents--cursor")
            segments = [Segment(text, (style or Style()) + cursor) for text, style, _ in segments]
        return Strip(segments, width)

    def _fit(self, segments: list[Segment], width: int, base: Style) -> list[Segment]:
        """``segments`` as exactly ``width`` cells: the last one (the title) cut and ended with an
        ellipsis when too long, spaces after it when short."""
        length = sum(segment.cell_length for segment in segments)
        if length > width:  # cut the title and end it with an ellipsis
            *head, (text, style, _) = segments
            room = width - sum(segment.cell_length for segment in head) - 1
            cut = Segment(text, style).split_cells(max(room, 0))[0]
            segments = [*head, cut, Segment("." if self._ascii else "…", style)]
            length = sum(segment.cell_length for segment in segments)
        return [*segments, Segment(" " * max(width - length, 0), base)]

    # ---------------------------------------------------------------- moving
    def _move_cursor(self, index: int) -> None:
        if not self._rows:
            return
        self.cursor = max(0, min(index, len(self._rows) - 1))
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, immediate=True)
        self.refresh()

    def action_cursor(self, delta: int) -> None:
        self._move_cursor(self.cursor + delta)

    def action_choose(self) -> None:
        self._activate(self.cursor)

    def action_fold(self, fold: bool) -> None:
        if not self._rows:
            return
        row = self._rows[self.cursor]
        if fold:
            self._folded.add(row.section_id)
        else:
            self._folded.discard(row.section_id)
        if row.slide_id is not None and fold:  # the cursor goes up to the folded section
            self.cursor = next(i for i, r in enumerate(self._rows) if r == self._header(row))
        self._rebuild()
        self._move_cursor(self.cursor)

    def _header(self, row: ContentsRow) -> ContentsRow:
        return next(header for header, _ in self._sections if header.section_id == row.section_id)

    def _activate(self, index: int) -> None:
        if not 0 <= index < len(self._rows):
            return
        row = self._rows[index]
        self._move_cursor(index)
        if row.slide_id is None:
            self._folded ^= {row.section_id}
            self._rebuild()
        else:
            self.post_message(self.SlideChosen(row.slide_id))

    def on_click(self, event: Click) -> None:
        event.stop()
        offset = event.get_content_offset(self)
        if offset is not None:
            self._activate(offset.y + self.scroll_offset.y)
