"""The teacher's second screen: the presenter's slide, its notes, what comes next, the time.

It follows the position file the presenting app writes (``oppija.presenter_state``): a ``stat``
a few times a second, a read only when the file changed. The clock and the timer tick once a
second; the timer counts from when the presentation began (in the file), so a notes screen
started late shows the same time as one started first.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.signal import Signal
from textual.widgets import Digits, Label, Static

from oppija.content.loader import LessonError, load_lecture
from oppija.content.model import Lecture
from oppija.i18n import N_, _, format_integer
from oppija.notes.timer import Phase, read_timer
from oppija.presenter_state import FileWatch, PresenterState, read_state
from oppija.tui.slide_text import render_slide_markdown
from oppija.tui.widgets.key_bar import KeyBar

POLL_SECONDS = 0.25
"""How often the position file is looked at: a quarter second is "live" for a person."""

TIMER_LABELS = {
    Phase.ELAPSED: N_("Elapsed"),
    Phase.REMAINING: N_("Time left"),
    Phase.ENDING: N_("Time left"),
    Phase.OVERTIME: N_("Overtime"),
}


class NotesScreen(Screen[None]):
    """The current slide's title, teacher notes and step, the next slide, a clock, a timer."""

    DEFAULT_CSS = """
    NotesScreen { layout: vertical; }
    NotesScreen #notes-header { height: 1; background: $panel; padding: 0 1; }
    NotesScreen #notes-clocks { height: auto; padding: 0 1; }
    NotesScreen #notes-clocks > Vertical { width: auto; height: auto; margin-right: 4; }
    NotesScreen #notes-clocks Label { color: $text-muted; }
    NotesScreen #notes-clocks Digits, NotesScreen #notes-clocks Static { width: auto; }
    NotesScreen.-ascii #notes-scroll { border-left: ascii $warning; }
    NotesScreen #notes-timer.-ending { color: $warning; }
    NotesScreen #notes-timer.-overtime { color: $error; }
    NotesScreen #notes-title { padding: 0 1; text-style: bold; color: $accent; }
    NotesScreen #notes-next { padding: 0 1; color: $text-muted; }
    NotesScreen #notes-scroll {
        height: 1fr;
        margin: 1 0 0 0;
        padding: 0 2;
        border-left: thick $warning;
    }
    """

    BINDINGS = [Binding("q", "app.quit", N_("Quit"))]

    def __init__(
        self,
        position_file: Path,
        minutes: int | None,
        now: Callable[[], float] = time.time,
        ascii_mode: bool = False,
    ) -> None:
        """``now``: the wall clock (Unix seconds), a test passes its own; ``ascii_mode``: plain
        digits and borders for a terminal or font without box drawing."""
        super().__init__()
        self.ascii_mode = ascii_mode
        self.clock_text = ""
        self.timer_value = ""
        self.position_file = position_file
        self.minutes = minutes
        self._now = now
        self._watch = FileWatch(position_file)
        self._lectures: dict[str, Lecture] = {}
        self.state: PresenterState | None = None
        self.followed: Signal[PresenterState | None] = Signal(self, "followed")
        """Published after each change of the position file was shown (tests wait on it)."""

    def compose(self) -> ComposeResult:
        yield Static(id="notes-header")
        with Horizontal(id="notes-clocks"):
            with Vertical():
                yield Label(_("Clock"), id="notes-clock-label")
                yield self._big_text("notes-clock")
            with Vertical(id="notes-timer-box"):
                yield Label(id="notes-timer-label")
                yield self._big_text("notes-timer")
        yield Static(id="notes-title")
        yield Static(id="notes-next")
        with VerticalScroll(id="notes-scroll"):
            yield Static(id="notes-body")
        yield KeyBar()

    def _big_text(self, id: str) -> Digits | Static:
        """Large box-drawn digits, or plain text in ASCII mode."""
        return Static(id=id) if self.ascii_mode else Digits(id=id)

    def _set_big_text(self, id: str, text: str) -> None:
        widget = self.query_one(f"#{id}")
        if isinstance(widget, Digits | Static):
            widget.update(text)

    def on_mount(self) -> None:
        self.set_class(self.ascii_mode, "-ascii")
        self._watch.changed()  # looked at before reading: a write after this is seen as new
        self.state = read_state(self.position_file)
        self._show_state()
        self.tick()
        self.query_one("#notes-scroll", VerticalScroll).focus()  # ↑ ↓ PgUp PgDn scroll the notes
        self.set_interval(POLL_SECONDS, self.poll)
        self.set_interval(1.0, self.tick)

    # ------------------------------------------------------------- following
    def poll(self) -> None:
        """Read the position file if it changed, and show it."""
        if not self._watch.changed():
            return
        self.state = read_state(self.position_file)
        self._show_state()
        self.tick()
        self.followed.publish(self.state)

    def _lecture(self, language: str) -> Lecture | str:
        """The lecture in the presenter's language, or why it cannot be loaded."""
        if language not in self._lectures:
            try:
                self._lectures[language] = load_lecture(
                    language, cache_dir=self.position_file.parent
                )
            except (LessonError, ValueError) as error:
                return str(error)
        return self._lectures[language]

    def _show_state(self) -> None:
        header = self.query_one("#notes-header", Static)
        title = self.query_one("#notes-title", Static)
        following = self.query_one("#notes-next", Static)
        body = self.query_one("#notes-body", Static)
        state = self.state
        lecture = self._lecture(state.language) if state is not None else None
        slide_index = None
        if isinstance(lecture, Lecture) and state is not None:
            try:
                slide_index = lecture.slide_index(state.slide_id)
            except KeyError:
                slide_index = None
        if state is None or not isinstance(lecture, Lecture) or slide_index is None:
            header.update(_("Teacher notes"))
            title.update(_("No presentation yet"))
            following.update("")
            reason = lecture if isinstance(lecture, str) else ""
            body.update(
                reason
                or _(
                    "Start the lecture with `oppija --present` in another terminal, with the "
                    "same data folder (--data-dir); this screen follows its slides."
                )
            )
            return
        slide = lecture.slides[slide_index]
        position = _("Slide {n}/{total}").format(
            n=format_integer(slide_index + 1), total=format_integer(len(lecture.slides))
        )
        if slide.step_count > 1:
            step = min(state.step, slide.step_count - 1) + 1
            position += " · " + _("step {n}/{total}").format(n=step, total=slide.step_count)
        header.update(f"{_('Teacher notes')}  ·  {position}")
        title.update(slide.title)
        if slide_index + 1 < len(lecture.slides):
            following.update(_("Next: {title}").format(title=lecture.slides[slide_index + 1].title))
        else:
            following.update(_("This is the last slide."))
        body.update(
            render_slide_markdown(slide.notes)
            if slide.notes
            else _("This slide has no teacher notes.")
        )
        self.query_one("#notes-scroll", VerticalScroll).scroll_home(animate=False)

    # ------------------------------------------------------------------ time
    def tick(self) -> None:
        """The clock and the timer, once a second."""
        now = self._now()
        self.clock_text = datetime.fromtimestamp(now).strftime("%H:%M:%S")
        self._set_big_text("notes-clock", self.clock_text)
        timer = self.query_one("#notes-timer")
        label = self.query_one("#notes-timer-label", Label)
        box = self.query_one("#notes-timer-box", Vertical)
        if self.state is None:
            box.display = False
            self.timer_value = ""
            return
        box.display = True
        reading = read_timer(now - self.state.started_at, self.minutes)
        label.update(_(TIMER_LABELS[reading.phase]))
        self.timer_value = reading.text
        self._set_big_text("notes-timer", reading.text)
        timer.set_class(reading.phase is Phase.ENDING, "-ending")
        timer.set_class(reading.phase is Phase.OVERTIME, "-overtime")

    @property
    def timer_text(self) -> str:
        """What the timer shows now, e.g. "Aega jäänud 77:26" (for tests and screen readers)."""
        if self.state is None:
            return ""
        label = self.query_one("#notes-timer-label", Label)
        return f"{label.render()} {self.timer_value}"
