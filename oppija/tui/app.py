"""The oppija app: loads the lecture, restores progress, switches language, saves as you go."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.events import Resize
from textual.keys import key_to_character
from textual.screen import Screen
from textual.signal import Signal

from oppija import i18n
from oppija.collector import prepare_for_session
from oppija.content.loader import LessonError, load_lecture
from oppija.content.model import Lecture
from oppija.content.navigation import Position, at_slide
from oppija.i18n import N_, _
from oppija.progress import Progress, ProgressSaveError, ProgressStore, SaveDebouncer
from oppija.tui.position_sharing import FOLLOW_POLL_SECONDS, PositionPublisher, TeacherFollower
from oppija.tui.screens.lecture import LAST_STEP, LectureScreen
from oppija.tui.screens.too_small import TooSmallScreen, too_small

ResultType = TypeVar("ResultType")

# Screens other than the lecture are imported when first opened: the first slide paints sooner.
if TYPE_CHECKING:
    from oppija.progress_practice import UnsolvedStep
    from oppija.review.due import DueItem

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name)
)
"""Signals that end the app like `q` does: progress saved, the terminal given back as it was."""


def _lecture_commands() -> type[Provider]:
    from oppija.tui.commands import LectureCommands

    return LectureCommands


KEY_NAMES = {
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "escape": "Esc",
    "question_mark": "?",
    "ctrl+p": "Ctrl+P",
    "enter": "Enter",
    "plus": "+",
    "minus": "-",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
}


def key_name(key: str) -> str:
    """'pagedown' → 'PgDn', 'plus' → '+', 'space' → 'Tühik': one key as the learner sees it."""
    if key == "space":
        return _("Space")
    return KEY_NAMES.get(key) or key_to_character(key) or key


def key_names(keys: str) -> str:
    """'right,pagedown,space' → '→ / PgDn / Space' in the active language."""
    return " / ".join(key_name(key.strip()) for key in keys.split(","))


class OppijaApp(App[None]):
    """The lecture in a terminal."""

    CSS_PATH = Path(__file__).with_name("oppija.tcss")  # absolute: subclasses live elsewhere
    COMMANDS = App.COMMANDS | {_lecture_commands}
    BINDINGS = [
        # Only with --follow (check_action hides them otherwise); one of the two shows at a time,
        # first among the app's keys so that a narrow key bar still shows it.
        Binding("j", "follow", N_("Follow the teacher")),
        Binding("j", "unfollow", N_("Stop following")),
        Binding("question_mark", "help", N_("Help")),
        Binding("g", "glossary", N_("Glossary")),
        Binding("G", "slide_terms", N_("Terms on this slide"), show=False),
        Binding("v", "results", N_("Answers")),
        Binding("V", "review", N_("Review your mistakes"), show=False),
        Binding("l", "switch_language", N_("Language")),
        Binding("q", "quit", N_("Quit")),
        Binding(
            "ctrl+p", "command_palette", N_("Find a slide or a term"), show=False, priority=True
        ),
    ]

    def __init__(
        self,
        lecture: Lecture,
        progress: Progress,
        store: ProgressStore | None = None,
        *,
        start_slide: str | None = None,
        start_steps: int | None = None,
        notices: Iterable[str] = (),
        resumed: bool = False,
        ascii_mode: bool = False,
        presenting: bool = False,
        position_file: Path | None = None,
        follow_file: Path | None = None,
    ) -> None:
        """``presenting``: the projector view (``--present``); ``position_file``: where to
        write each position shown, for a notes screen or followers; ``follow_file``: a
        teacher's position file the learner may follow (the `j` key)."""
        super().__init__()
        self._lectures: dict[str, Lecture] = {lecture.language: lecture}
        self.progress = progress
        self.store = store
        self.ascii_mode = ascii_mode
        self._start_slide = start_slide
        self._start_steps = start_steps
        """Set by ``--set``/``--steps``: the start slide opens whole, its demo runs these first."""
        self._notices = list(notices)
        self._resumed = resumed
        self._debouncer = SaveDebouncer(delay=0.5)
        self.progress.language = lecture.language
        self._stop_following_language: Callable[[], None] | None = None
        self.save_failure: str | None = None
        """Why the last save failed (None after a good one): told on the terminal at exit."""
        self.presenting = presenting
        self._publisher = PositionPublisher(position_file) if position_file else None
        self.follower = TeacherFollower(follow_file) if follow_file else None
        self.followed: Signal[Position] = Signal(self, "followed")
        """Published with the position each time following the teacher moved the lecture."""

    # --------------------------------------------------------------- lecture
    @property
    def lecture(self) -> Lecture:
        return self._lectures[i18n.current_language()]

    def _start_position(self) -> Position:
        lecture = self.lecture
        wanted = self._start_slide or self.progress.slide_id
        step = self.progress.step if wanted == self.progress.slide_id else 0
        if self._start_slide and self._start_steps is not None:
            step = LAST_STEP  # its demo set up on the command line: shown at once
        if wanted:
            try:
                return at_slide(lecture, wanted, step)
            except KeyError:
                self._notices.append(
                    _("There is no slide “{id}”; starting from the beginning.").format(id=wanted)
                )
        return Position(0, 0)

    def take_start_steps(self, slide_id: str) -> int:
        """The steps ``--steps`` asked of ``slide_id``'s demo, once: the first time it shows."""
        if self._start_steps is None or slide_id != self._start_slide:
            return 0
        steps, self._start_steps = self._start_steps, None
        return steps

    def get_default_screen(self) -> Screen[None]:
        return LectureScreen(self._start_position())

    def on_mount(self) -> None:
        saved_theme = self.progress.settings.get("theme")
        if isinstance(saved_theme, str) and saved_theme in self.available_themes:
            self.theme = saved_theme  # a light theme chosen once stays chosen
        self.title = self.lecture.title
        if self.ascii_mode:
            self.add_class("-ascii")
        for notice in self._notices:
            self.notify(notice, severity="warning", timeout=8)
        if self._resumed and not self._start_slide and self.progress.slide_id:
            try:
                title = self.lecture.slides[self.lecture.slide_index(self.progress.slide_id)].title
            except KeyError:
                title = None
            if title:
                self.notify(_("You continue from the slide “{title}”.").format(title=title))
        self.set_interval(0.25, self._save_if_due)
        if self.follower is not None:
            self.set_interval(FOLLOW_POLL_SECONDS, self.follow_teacher)
        self._check_size(self.size.width, self.size.height)
        self._stop_following_language = i18n.on_language_change(self._language_changed)
        if not self.is_headless:  # a test's app must not take over the test runner's signals
            self._catch_stop_signals()
            # nor freeze the runner's objects: a test process starts one app after another
            self.call_after_refresh(prepare_for_session)

    # -------------------------------------------------------------- signals
    def _catch_stop_signals(self) -> None:
        """SIGTERM, SIGHUP and SIGQUIT quit as `q` does, instead of killing the process with the
        terminal in the app's state (alternate screen, mouse tracking, no cursor) and the last
        moves unsaved.

        They stay caught until the app's event loop closes, which puts the default actions back:
        a second signal while the app is ending does not cut the terminal's restoring short.
        """
        loop = asyncio.get_running_loop()
        for number in STOP_SIGNALS:
            # Not in the main thread (or not on POSIX), signals cannot be caught: nothing to do.
            with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):
                loop.add_signal_handler(number, self._stop_signalled)

    def _stop_signalled(self) -> None:
        self.call_later(self.action_quit)  # a closing app ignores it: it is ending anyway

    # ------------------------------------------------------------- progress
    def watch_theme(self, theme: str) -> None:
        """Keep the learner's colours (a light theme for a light terminal) with the progress."""
        if self.progress.settings.get("theme") != theme:
            self.progress.settings["theme"] = theme
            self.request_save()

    def request_save(self) -> None:
        """A move happened: save soon, not on every key press."""
        self._debouncer.request(time.monotonic())

    def _save_if_due(self) -> None:
        if self._debouncer.due(time.monotonic()):
            self._save()

    def _save(self) -> None:
        self._debouncer.saved()
        if self.store is None:
            return
        if self.store.blocked_reason:
            # The start-up notice already said why; the command tells it again at exit.
            self.save_failure = self.store.blocked_reason
            return
        try:
            self.store.save(self.progress)
        except ProgressSaveError as error:
            self.save_failure = str(error)
            self.notify(str(error), severity="error", timeout=8)
        else:
            self.save_failure = None

    async def action_quit(self) -> None:
        self._debouncer.flush()
        self._save()
        self.exit()

    def on_unmount(self) -> None:
        if self._stop_following_language is not None:
            self._stop_following_language()
        if self._debouncer.flush():
            self._save()

    # --------------------------------------------------------------- sizing
    def on_resize(self, event: Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        screen = self.screen
        showing = isinstance(screen, TooSmallScreen)
        if too_small(width, height):
            if isinstance(screen, TooSmallScreen):
                screen.update_size(width, height)
            else:
                self.push_screen(TooSmallScreen())
        elif showing:
            self.pop_screen()

    # --------------------------------------------------------------- actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the window is too small, only quitting works: nothing opens behind the notice."""
        if isinstance(self.screen, TooSmallScreen):
            return action == "quit"
        if action in {"follow", "unfollow"}:
            return self.follower is not None and self.follower.on == (action == "unfollow")
        return True

    # ------------------------------------------------------------ classroom
    def position_shown(self, slide_id: str, step: int) -> None:
        """The lecture screen shows a new position: publish it, and stop following the teacher
        if the learner moved away by themselves."""
        if self._publisher is not None:
            problem = self._publisher.publish(slide_id, step)
            if problem:
                self.notify(problem, severity="warning", timeout=8)
        if self.follower is not None and self.follower.left_by_learner(slide_id, step):
            self.action_unfollow()

    def action_follow(self) -> None:
        if self.follower is None or self.follower.on:
            return
        self.follower.start()
        self.refresh_bindings()
        self.notify(_("You follow the teacher. Press j or move yourself to stop."), timeout=4)
        if not self.follower.teacher_present():
            self.notify(_("The teacher has not begun yet: you will follow once they do."))
        self.follow_teacher()

    def action_unfollow(self) -> None:
        if self.follower is None or not self.follower.on:
            return
        self.follower.stop()
        self.refresh_bindings()
        self.notify(_("You no longer follow the teacher."), timeout=3)

    def follow_teacher(self) -> None:
        """Go where the teacher is, if following and their file changed (a timer calls it)."""
        if self.follower is None:
            return
        try:
            screen = self._lecture_screen()
        except LookupError:
            return
        position = self.follower.wanted(self.lecture)
        if position is None:
            return
        if screen.position != position:
            screen.position = position
        self.followed.publish(position)

    def action_switch_language(self) -> None:
        """Estonian ↔ English, live, with the same slide open."""
        new = "en" if i18n.current_language() == "et" else "et"
        if self._load_lecture(new):
            i18n.set_language(new)  # _language_changed redraws every text

    def _load_lecture(self, language: str) -> bool:
        """The lecture in ``language`` loaded (once); False, with a notice, if it cannot be."""
        if language not in self._lectures:
            try:
                cache = None if self.store is None else self.store.directory
                self._lectures[language] = load_lecture(language, cache_dir=cache)
            except LessonError as error:
                self.notify(str(error), severity="error", timeout=10)
                return False
        return True

    def _language_changed(self, language: str) -> None:
        """Every text anew in ``language``, whoever switched it (the `l` key, the palette)."""
        if not self._load_lecture(language):
            i18n.set_language(self.progress.language)  # back to the language that has a lecture
            return
        self.progress.language = language
        self.request_save()
        self.title = self.lecture.title
        for screen in self.screen_stack:
            relanguage = getattr(screen, "relanguage", None)
            if callable(relanguage):
                wants = getattr(screen, "RELANGUAGE_WITH", None)
                if wants == "lecture":
                    relanguage(self.lecture)
                elif wants == "help":
                    relanguage(self.help_rows())
                else:
                    relanguage()
        self.refresh_bindings()
        self.notify(
            _("Language: Estonian") if language == "et" else _("Language: English"), timeout=2
        )

    def help_rows(self) -> list[tuple[str, str]]:
        """Every key: on a demo slide that demo's keys first, then the lecture's and the app's,
        in the order a learner needs them, then every demo's."""
        from oppija.tui.demo_keys import current_demo_rows, demo_help_rows  # every demo widget

        lecture = [
            (key_names(b.key), _(b.description))
            for b in [*LectureScreen.BINDINGS, *self.BINDINGS]
            if isinstance(b, Binding) and b.action.split("(")[0] not in self._keys_not_in_help()
        ]
        lecture[2:2] = [  # the keys that come in pairs: one row each
            (f"{key_names('home')} / {key_names('end')}", _("First / last slide")),
            ("↑ / ↓", _("Scroll the slide")),
            (
                f"{key_names('pagedown')} / {key_names('pageup')}",
                _("A page of the slide; at its end the next step, at its top the one before"),
            ),
            ("Tab / Shift+Tab", _("Move between the demo, the quiz, the contents and the text")),
        ]
        kind = self._demo_on_screen()
        rows = [] if kind is None else current_demo_rows(kind, key_names)
        if rows:
            rows.append((_("The lecture"), ""))
        rows.extend(lecture)
        rows.extend(demo_help_rows(key_names))
        rows.append(("Esc", _("From a demo or a field back to the slide")))
        return rows

    def _demo_on_screen(self) -> str | None:
        """The kind of the demo the lecture shows now, if it shows one."""
        try:
            screen = self._lecture_screen()
        except LookupError:
            return None
        return screen.demo_kind

    def _keys_not_in_help(self) -> set[str]:
        """Actions the help leaves out: Home/End, ↑/↓, PgDn/PgUp and Tab have a row a pair, Esc
        its own last row; following the teacher is there only when there is a teacher to
        follow, and once (its key toggles)."""
        hidden = {"first", "last", "unfollow", "scroll_text", "page", "next_part", "focus_slide"}
        return hidden if self.follower is not None else {*hidden, "follow"}

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the learner knows them (→, PgDn, Tühik), in the active language."""
        return binding.key_display or key_names(binding.key)

    def action_help(self) -> None:
        from oppija.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self._open(HelpScreen(self.help_rows()))

    def action_glossary(self) -> None:
        from oppija.tui.screens.glossary import GlossaryScreen

        if isinstance(self.screen, GlossaryScreen):
            return
        self._open(GlossaryScreen(self.lecture), self._after_glossary)

    def action_slide_terms(self) -> None:
        """The glossary entries of the terms the slide uses so far (up to the step shown), in
        whatever form the text has them: „gradiendi“ lists gradient."""
        from oppija.content.term_spots import terms_in_text
        from oppija.tui.screens.glossary import GlossaryScreen

        if isinstance(self.screen, GlossaryScreen):
            return
        position = self._lecture_screen().position
        slide = self.lecture.slides[position.slide]
        text = "\n".join((slide.title, *slide.steps[: position.step + 1]))
        terms = tuple(term.id for term in terms_in_text(self.lecture, text))
        self._open(GlossaryScreen(self.lecture, only=terms), self._after_glossary)

    def action_results(self) -> None:
        from oppija.tui.screens.results import ResultsScreen

        if isinstance(self.screen, ResultsScreen):
            return
        self._open(
            ResultsScreen(self.lecture, self.progress.answers, self.progress.practice),
            self._after_results,
        )

    def _open(
        self,
        screen: Screen[ResultType],
        callback: Callable[[ResultType | None], None] | None = None,
    ) -> None:
        """Open ``screen`` over the others; in a window too small for it, under a new notice.

        A palette command runs after the palette has closed, and the window may have shrunk
        meanwhile: without the notice on top the screen would show in a broken layout.
        """
        self.push_screen(screen, callback)
        self._check_size(self.size.width, self.size.height)

    def action_review(self) -> None:
        """The wrong quiz answers and unsolved practice steps, oldest first (``oppija korda``
        in the app)."""
        from oppija.tui.screens.review import ReviewScreen

        if isinstance(self.screen, ReviewScreen):
            return
        self._open(ReviewScreen(self.lecture, self.progress), self._after_review)

    def _after_review(self, item: DueItem | None) -> None:
        """To the chosen answer: a quiz's slide fully revealed, or the demo asking the step."""
        if item is None:
            return
        if item.step is None:
            self.open_slide(item.slide_id, step=LAST_STEP)
        else:
            self.call_after_refresh(self._practise_now, item.slide_id, item.step)

    def _practise_now(self, slide_id: str, step: UnsolvedStep) -> None:
        while getattr(self.screen, "CLOSES_FOR_SLIDE", False):
            self.pop_screen()
        self._lecture_screen().practise(slide_id, step)

    def _after_results(self, slide_id: str | None) -> None:
        if slide_id:  # fully revealed, so that the question shows
            self.open_slide(slide_id, step=LAST_STEP)

    def _after_glossary(self, slide_id: str | None) -> None:
        if slide_id:
            self.open_slide(slide_id)

    def _lecture_screen(self) -> LectureScreen:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, LectureScreen):
                return screen
        raise LookupError("no lecture screen")

    def open_slide(self, slide_id: str, step: int = 0) -> None:
        """Show a slide, closing the glossary, help or answers screens that cover it.

        Runs after the next refresh, so that a command palette that called it has finished
        closing itself first; only oppija's own screens are closed here.
        """
        self.call_after_refresh(self._open_slide_now, slide_id, step)

    def _open_slide_now(self, slide_id: str, step: int) -> None:
        while getattr(self.screen, "CLOSES_FOR_SLIDE", False):
            self.pop_screen()
        self._lecture_screen().go_to(slide_id, step)

    def open_term(self, term_id: str) -> None:
        """A term from the palette: the glossary, filtered to that term."""
        from oppija.tui.screens.glossary import GlossaryScreen

        term = self.lecture.term(term_id)
        self._open(GlossaryScreen(self.lecture), self._after_glossary)
        self.call_after_refresh(self._filter_glossary, term.term)

    def _filter_glossary(self, text: str) -> None:
        from textual.widgets import Input

        from oppija.tui.screens.glossary import GlossaryScreen

        if isinstance(self.screen, GlossaryScreen):
            self.screen.query_one("#glossary-search", Input).value = text

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from oppija.tui.palette import LecturePalette

        if self.use_command_palette and not any(
            isinstance(screen, CommandPalette) for screen in self.screen_stack
        ):
            # No fixed id: a palette closed a moment ago may still be in the DOM when the
            # next Ctrl+P arrives, and two widgets with one id would be an error.
            self._open(LecturePalette(placeholder=_("Find a slide or a term…")))

    def search_themes(self) -> None:
        """The themes in oppija's palette, hardened like the lecture's (Textual's own palette
        crashes on keys queued behind the one that closed it), with an Estonian prompt."""
        from textual.theme import ThemeProvider

        from oppija.tui.palette import LecturePalette

        self._open(LecturePalette(providers=[ThemeProvider], placeholder=_("Find a colour theme…")))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Help"), _("Every key of the app"), self.action_help)
        yield SystemCommand(_("Glossary"), _("Terms in Estonian and English"), self.action_glossary)
        yield SystemCommand(
            _("Language"), _("Switch between Estonian and English"), self.action_switch_language
        )
        yield SystemCommand(_("Answers"), _("Your answers to the questions"), self.action_results)
        yield SystemCommand(_("Theme"), _("Change the colours"), self.action_change_theme)
        demo = (
            next(iter(screen.query("#demo")), None) if isinstance(screen, LectureScreen) else None
        )
        share = getattr(demo, "action_share", None)
        if callable(share):
            yield SystemCommand(
                _("Share the demo"), _("The command line that opens this demo as it is now"), share
            )
        if isinstance(screen, LectureScreen) and screen.demo_changed:
            yield SystemCommand(
                _("The lesson's demo"),
                _("This demo with the lesson's settings again (yours here are forgotten)"),
                screen.restore_lesson_demo,
            )
        yield SystemCommand(_("Quit"), _("Save the progress and quit"), self.action_quit)
