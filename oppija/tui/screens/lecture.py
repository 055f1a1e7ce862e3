"""The lecture: header, contents, the slide and its demo, the keys. It owns the session state."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Key, Resize
from textual.reactive import var
from textual.screen import Screen
from textual.signal import Signal
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from oppija.content import navigation
from oppija.content.model import Lecture, Slide
from oppija.content.navigation import Position
from oppija.content.saved_choice import choices_seen
from oppija.i18n import N_, _, parse_number
from oppija.progress import QuizAnswer, timestamp
from oppija.progress_practice import UnsolvedStep
from oppija.tui.oppija_app import oppija_app
from oppija.tui.screens.covered import drop_key_when_covered
from oppija.tui.widgets.contents import ContentsList
from oppija.tui.widgets.key_bar import KeyBar
from oppija.tui.widgets.lecture_header import LectureHeader
from oppija.tui.widgets.slide_view import SlideView

if TYPE_CHECKING:  # quiz cards (and their Input, OptionList) load with the first quiz
    from oppija.sims.demo import Demo
    from oppija.tui.widgets.demo_panel import DemoPanel
    from oppija.tui.widgets.quiz_card import QuizCard

NARROW = 100  # below this width the contents start hidden
LAST_STEP = 1_000_000  # a slide's step past its last reveal: the slide fully revealed
SHORT = 32  # below this height a demo slide gives the demo or the text the room, not both
DEMO_BUILD = "demo-build"  # the worker group that builds a demo whose model trains first


@dataclass(frozen=True)
class BuiltDemo:
    """What the building thread hands back: whose demo, and its simulation ready to show."""

    slide_id: str
    demo_class: type[DemoPanel[Demo]]
    kind: str
    params: dict[str, object]
    simulation: Demo


class LectureScreen(Screen[None]):
    """Slide by slide through the lecture."""

    BINDINGS = [
        Binding("right,space", "forward", N_("Next"), key_display="→"),
        Binding("left", "back", N_("Back"), key_display="←"),
        # a presenter's remote sends PgDn/PgUp: a page of the slide's text, then the next step
        Binding("pagedown", "page(1)", N_("A page of the text, at its end next"), show=False),
        Binding("pageup", "page(-1)", N_("A page of the text, at its top back"), show=False),
        Binding("home", "first", N_("First slide"), show=False),
        Binding("end", "last", N_("Last slide"), show=False),
        Binding("t", "toggle_contents", N_("Contents")),
        Binding("m", "toggle_notes", N_("Teacher notes"), show=False),
        Binding("escape", "focus_slide", N_("Back to the slide"), show=False),
        Binding("tab", "next_part", N_("Text and quiz"), show=False),
        Binding("shift+tab", "next_part(-1)", N_("Text and quiz"), show=False),
        # ↑/↓ scroll the slide's text whatever has the keys (the slide view, the contents and
        # an open choice list use them first: their own bindings come before the screen's)
        Binding("up", "scroll_text(-1)", N_("Scroll the text"), show=False),
        Binding("down", "scroll_text(1)", N_("Scroll the text"), show=False),
    ]

    ALLOW_IN_MAXIMIZED_VIEW = "LectureHeader, KeyBar"
    """A zoomed demo (`z`) keeps the header (where am I) and the key bar (how to get back)."""

    # Plain reactive values that repaint nothing themselves: the widgets that show them repaint
    # what changed, where a repainting reactive would redraw the whole screen on every move.
    position: var[Position] = var(Position(0, 0), init=False)
    contents_open: var[bool | None] = var(None, init=False)

    def __init__(self, position: Position) -> None:
        super().__init__()
        self._start = position
        self._demo_slide: str | None = None  # the slide whose demo is shown
        self._demo_mounted = False  # a demo (or its "learning" notice) is in the demo area
        self._kept_speeds: dict[str, int] = {}  # per slide, the speed its demo comes back with
        self._demo_request = 0  # counts the demos asked for: a mount for an older one is dropped
        self._left_demos: dict[str, tuple[int, int]] = {}
        """Per slide, the steps its demo had taken and its speed when the learner left it: the
        demo comes back as it was (its settings are kept with the progress). Two numbers, not
        the simulation: a walk through the lecture holds no demo's model."""
        self._practice_asked: tuple[str, UnsolvedStep] | None = None
        """A step the review sent the learner to practise: the slide whose demo shows it."""
        self.demo_shown: Signal[Widget] = Signal(self, "demo-shown")
        """Published with the demo widget each time a demo takes the keys (the focus): whoever
        drives the app, a test or a presenter's remote, waits on it instead of polling."""

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        """The widgets, already showing the first slide: the first frame is the whole screen."""
        ascii_mode = oppija_app(self.app).ascii_mode
        self.set_class(oppija_app(self.app).presenting, "-present")
        header = LectureHeader()
        contents = ContentsList(ascii_mode=ascii_mode, id="contents")
        view = SlideView(id="slide")
        view.set_class(ascii_mode, "-ascii")
        progress = oppija_app(self.app).progress
        contents.show_lecture(self.lecture, progress.seen, progress.answers)
        self.set_reactive(LectureScreen.position, self._start)
        self._show(self._start, header, view, contents)
        yield header
        with Horizontal(id="main"):
            yield contents
            with Vertical(id="slide-column"):
                yield view
                yield Vertical(id="demo-area")
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.query("#demo-area"):  # the app was told to quit while the screen mounted
            return  # (a browser tab closed as its lecture started): its parts are gone
        slide = self.lecture.slides[self.position.slide]
        self._show_demo(slide, self.position.step)
        # The slide has the keys until a demo takes them (once mounted): a demo that learns
        # first (or runs `--steps`) comes seconds later, and meanwhile → must move on, not
        # go to the contents list, the first widget that takes the focus otherwise.
        self.query_one(SlideView).focus()

    @property
    def lecture(self) -> Lecture:
        return oppija_app(self.app).lecture

    def _fill_contents(self) -> None:
        progress = oppija_app(self.app).progress
        self.query_one(ContentsList).show_lecture(self.lecture, progress.seen, progress.answers)

    # ------------------------------------------------------------------ state
    def watch_position(self, position: Position) -> None:
        self._show(position)

    def _show(
        self,
        position: Position,
        header: LectureHeader | None = None,
        view: SlideView | None = None,
        contents: ContentsList | None = None,
    ) -> None:
        """Everything that follows the position: progress, header, slide, contents, demo.

        The widgets are passed in while the screen composes (they cannot be queried yet)."""
        composing = header is not None
        header = header or self.query_one(LectureHeader)
        view = view or self.query_one(SlideView)
        contents = contents or self.query_one(ContentsList)
        lecture = self.lecture
        slide = lecture.slides[position.slide]
        app = oppija_app(self.app)
        progress = app.progress
        progress.seen.add(slide.id)
        progress.slide_id = slide.id
        progress.step = position.step
        app.request_save()
        app.position_shown(slide.id, position.step)

        header.title = lecture.title
        section = lecture.section_of(slide.id)
        header.section = section.title
        header.slide_title = slide.title
        header.short_title = section.contents_title(slide)
        header.slide = position.slide + 1
        header.slides = len(lecture.slides)
        header.step = position.step + 1
        header.steps = slide.step_count
        view.show(slide, position.step, progress.answers)
        contents.mark(slide.id, progress.seen)
        if not composing:
            self._show_demo(slide, position.step)

    def _show_demo(self, slide: Slide, step: int) -> None:
        """A fully revealed slide with a demo gets it below the text, focused so that its keys
        work at once; other slides get no demo area at all."""
        area = self.query_one("#demo-area", Vertical)
        wanted = slide.id if slide.demo is not None and step == slide.step_count - 1 else None
        if wanted == self._demo_slide:
            return
        self._keep_leaving_demo()
        self._demo_slide = wanted
        self._demo_request += 1
        focused = self.focused
        if focused is not None and area in focused.ancestors:  # don't let focus fall elsewhere
            # at once: ``focus()`` would wait behind keys typed meanwhile, and they would go to
            # the demo being removed (lost) or to a quiz card that goes with it
            self.set_focus(self.query_one(SlideView), scroll_visible=False)
        self.workers.cancel_group(self, DEMO_BUILD)  # a model still training for the old one
        removal = area.remove_children()
        area.display = False
        self._demo_mounted = False
        self._give_room()
        if wanted is None or slide.demo is None:
            return
        from oppija.demo_setup import slide_params
        from oppija.tui.widgets.demo_host import widget_class

        kind, lesson = slide.demo.kind, slide.demo.as_dict()
        try:
            demo_class = widget_class(kind)
        except KeyError:
            return  # a kind no spec declares: the lesson checker reports it
        app = oppija_app(self.app)
        params = slide_params(kind, lesson, app.progress.demo_settings.get(slide.id, {}))
        steps = app.take_start_steps(slide.id)
        if not steps and slide.id in self._left_demos:
            steps, self._kept_speeds[slide.id] = self._left_demos.pop(slide.id)
        if steps or demo_class.trains(params):  # in a thread; meanwhile the slide answers keys
            self._build_demo(wanted, demo_class, kind, (params, lesson), steps)
            learning = Static(_("The demo is learning…"), id="demo-learning")
            self.call_next(self._mount_demo, self._demo_request, learning, removal)
        else:
            try:
                demo = demo_class(kind, params, id="demo")
            except ValueError:  # saved settings that built no demo: the lesson's then
                demo = demo_class(kind, lesson, id="demo")
            self._prepare(demo, slide.id)
            self.call_next(self._mount_demo, self._demo_request, demo, removal)

    def _prepare(self, demo: DemoPanel[Demo], slide_id: str) -> None:
        """Before it is mounted: whose demo it is, and whether it opens asking (the lesson's
        ``practice: on``, or a step the review sent the learner to)."""
        demo.slide_id = slide_id
        slide = self._slide_with_demo(slide_id)
        block = None if slide is None else slide.demo
        demo.practise_at_start = block is not None and block.practice
        if self._practice_asked is not None and self._practice_asked[0] == slide_id:
            demo.practise_from = self._practice_asked[1]
            self._practice_asked = None

    def practise(self, slide_id: str, step: UnsolvedStep) -> None:
        """Open ``slide_id`` with its demo rebuilt at ``step``, asking its question again."""
        from oppija.tui.widgets.demo_panel import DemoPanel

        shown = [
            demo
            for demo in self.query("#demo").results(DemoPanel)
            if demo.slide_id == slide_id and demo.is_mounted
        ]
        if shown and self._demo_slide == slide_id:
            shown[0].practise(step)
            return
        self._practice_asked = (slide_id, step)
        self.go_to(slide_id, LAST_STEP)

    def _keep_leaving_demo(self) -> None:
        """Remember how far the demo on screen had got, before it is removed."""
        leaving = self._demo_slide
        for demo in self.query("#demo"):
            kept_state = getattr(demo, "kept_state", None)
            kept = kept_state() if callable(kept_state) else None
            if leaving is not None and isinstance(kept, tuple):
                self._left_demos[leaving] = kept

    async def _mount_demo(self, request: int, widget: Widget, removal: Awaitable[None]) -> None:
        """Show ``widget`` in the demo area once ``removal`` of what was there is done (from
        one demo straight to another the old "#demo" is still being removed: mounting before
        that would clash with its id); a demo widget gets the focus. A mount asked for before
        the latest request is dropped: ←→ typed at once leave and come back to a demo's slide
        before its demo came, and two demos with one id would crash the app."""
        await removal
        if request != self._demo_request or widget.is_attached:
            return  # the learner has moved on meanwhile
        area = next(iter(self.query("#demo-area").results(Vertical)), None)
        if area is None or not area.is_attached:
            return  # the app is closing (quit right after reaching the slide): nothing to show
        area.display = True
        slide_id = getattr(widget, "slide_id", None)
        if isinstance(slide_id, str) and slide_id in self._kept_speeds and hasattr(widget, "speed"):
            widget.speed = self._kept_speeds.pop(slide_id)  # as the learner had set it
        self._demo_mounted = True
        self._give_room(demo_focused=widget.can_focus)  # the demo takes the keys once drawn
        await area.mount(widget)
        if widget.can_focus:
            self.call_after_refresh(self._focus_demo, widget)

    @work(thread=True, exclusive=True, group=DEMO_BUILD)
    def _build_demo(
        self,
        slide_id: str,
        demo_class: type[DemoPanel[Demo]],
        kind: str,
        choices: tuple[dict[str, object], dict[str, object]],
        steps: int = 0,
    ) -> BuiltDemo:
        """In a thread: the simulation of ``slide_id``'s demo (its model trained), with the
        learner's settings (``choices[0]``) or, if they build no demo, the lesson's, and its
        first ``steps`` run (``--steps``; cut short when the learner moves on)."""
        from oppija.demo_setup import STEPS_AT_ONCE
        from oppija.sims import from_demo_block  # loaded with the widget: NumPy waits for a demo

        params, lesson = choices
        try:
            simulation = from_demo_block(kind, params)
        except ValueError:
            params, simulation = lesson, from_demo_block(kind, lesson)
        worker = get_current_worker()
        while steps > 0 and simulation.status == "running" and not worker.is_cancelled:
            simulation.run(min(steps, STEPS_AT_ONCE))
            steps -= STEPS_AT_ONCE
        return BuiltDemo(slide_id, demo_class, kind, params, simulation)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A demo's model is trained: the demo replaces the "learning" notice, if still wanted."""
        built = event.worker.result
        if event.state != WorkerState.SUCCESS or not isinstance(built, BuiltDemo):
            return
        if built.slide_id != self._demo_slide:
            return  # the learner has moved on
        widget = built.demo_class(built.kind, built.params, simulation=built.simulation, id="demo")
        self._prepare(widget, built.slide_id)
        removal = self.query_one("#demo-area", Vertical).remove_children()
        self.call_next(self._mount_demo, self._demo_request, widget, removal)

    def _focus_demo(self, widget: Widget) -> None:
        view = self.query_one(SlideView)
        view.settle_scroll()  # the demo took room: the newest text stays seen
        view.call_after_refresh(view.settle_scroll)  # and once a scroll bar came or went
        if widget.is_attached and self.focused is not widget:
            widget.focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self._give_room()
        if event.widget.id == "demo":
            self.demo_shown.publish(event.widget)

    def relanguage(self) -> None:
        """After a language switch: same slide and step, every text anew."""
        self.refresh_bindings()
        self._fill_contents()
        self.position = navigation.clamp(self.lecture, self.position)
        self._show(self.position)
        for demo in self.query("#demo"):
            relanguage = getattr(demo, "relanguage", None)
            if relanguage is not None:
                relanguage()

    # ----------------------------------------------------------------- sizing
    def on_resize(self, event: Resize) -> None:
        self._apply_contents_visibility()
        self.set_class(self.size.height < SHORT, "-short")
        self._give_room()

    def _give_room(self, demo_focused: bool = False) -> None:
        """In a short window a demo slide gives the room to the part that has the keys (CSS:
        ``-demo-slide`` on the slide's column, then ``-text-first`` when the text or a quiz
        has them).

        The classes are set only where they matter, both at once, and on the column: a class
        restyles every widget below it, so on the screen it restyled the contents' sixty rows,
        the header and the key bar too, on every demo slide and each Tab between demo and text
        in a short window (``demo_focused``: the demo being mounted takes the keys, so the text
        does not get the room first)."""
        demo = self.has_class("-short") and self._demo_mounted
        reading = False
        if demo and not demo_focused:
            view = next(iter(self.query(SlideView).results(SlideView)), None)
            if view is None:
                return  # not composed yet, or closing (a tab closed as the app started)
            focused = self.focused
            reading = focused is not None and (focused is view or view in focused.ancestors)
        column = next(iter(self.query("#slide-column").results(Vertical)), None)
        if column is not None:
            column.update_classes({"-demo-slide": demo, "-text-first": reading})

    def watch_contents_open(self, _value: bool | None) -> None:
        self._apply_contents_visibility()

    def _apply_contents_visibility(self) -> None:
        # a projector shows no contents until `t` asks for them
        wide = self.size.width >= NARROW and not self.has_class("-present")
        visible = wide if self.contents_open is None else self.contents_open
        self.query_one(ContentsList).display = visible

    # ---------------------------------------------------------------- actions
    def action_forward(self) -> None:
        self.position = navigation.forward(self.lecture, self.position)

    def action_back(self) -> None:
        self.position = navigation.back(self.lecture, self.position)

    def action_page(self, direction: int) -> None:
        """PgDn/PgUp: the slide's text a page down (up); at its end (top) the next (previous)
        step, as → (←): a remote that sends only these keys reads a long slide and moves on."""
        if not self.query_one(SlideView).scroll_page(direction):
            if direction > 0:
                self.action_forward()
            else:
                self.action_back()

    def action_first(self) -> None:
        self.position = navigation.first(self.lecture)

    def action_last(self) -> None:
        self.position = navigation.last(self.lecture)

    def action_toggle_contents(self) -> None:
        contents = self.query_one(ContentsList)
        self.contents_open = not contents.display
        if self.contents_open:
            contents.focus()
        elif demos := self.query("#demo"):
            demos.first().focus()  # back to the demo whose keys the learner was using
        else:
            self.query_one(SlideView).focus()

    def watch_maximized(self, maximized: Widget | None) -> None:
        """A zoomed demo (`z`) says how to come back, on its own top line: its keys fill the
        key bar, and without a word the learner was stuck in a screen without the slide."""
        for demo in self.query("#demo").results(Widget):
            demo.border_title = _("z or Esc: back to the slide") if demo is maximized else None

    def action_focus_slide(self) -> None:
        self.query_one(SlideView).focus()

    def focus_cycle(self) -> list[Widget]:
        """What Tab goes through, in order: the demo, the quizzes, the contents, the slide's text.

        Textual's order follows the widgets (contents, text, quizzes, demo): from a demo the
        quiz took three Tabs. Here Tab reaches the quiz from the demo and Shift+Tab the text; on
        a slide without a demo, Tab from the text reaches the quiz.
        """
        parts: list[Widget] = list(self.query("#demo").results(Widget))
        view = self.query_one(SlideView)
        quizzes = view.query_one("#slide-quizzes")
        if quizzes.display:
            for card in quizzes.children:
                if card.display:
                    parts += [
                        part
                        for part in card.query("*").results(Widget)
                        if part.focusable and part.display
                    ]
        contents = self.query_one(ContentsList)
        if contents.display:
            parts.append(contents)
        parts.append(view)
        return parts

    def action_next_part(self, direction: int = 1) -> None:
        """Tab: the next part of the cycle (Shift+Tab the one before)."""
        parts = self.focus_cycle()
        focused = self.focused
        held = [focused, *focused.ancestors] if focused is not None else []
        here = next((index for index, part in enumerate(parts) if part in held), None)
        if here is None:
            target = parts[0] if direction > 0 else parts[-1]
        else:
            target = parts[(here + direction) % len(parts)]
        target.focus()

    def action_scroll_text(self, direction: int) -> None:
        """↑/↓ while the demo (or a quiz field) has the keys: the slide's text scrolls."""
        self.query_one(SlideView).action_scroll_lines(direction)

    def action_toggle_notes(self) -> None:
        if self.has_class("-present"):  # the class sees this screen: notes go to `oppija notes`
            self.notify(
                _("Teacher notes are not shown to the class: `oppija notes` shows them."),
                timeout=4,
            )
            return
        view = self.query_one(SlideView)
        view.toggle_class("-show-notes")
        if not view.has_notes:
            self.notify(_("This slide has no teacher notes."), timeout=2)

    def go_to(self, slide_id: str, step: int = 0) -> None:
        """Open a slide by id (from the contents, the palette or the glossary)."""
        try:
            self.position = navigation.at_slide(self.lecture, slide_id, step)
        except KeyError:
            self.notify(_("There is no slide “{id}”.").format(id=slide_id), severity="warning")

    def on_demo_panel_settings_changed(self, message: DemoPanel.SettingsChanged) -> None:
        """Keep the settings the learner changed with the progress of their slide."""
        from oppija.demo_setup import to_saved

        message.stop()
        slide = self._slide_with_demo(message.slide_id)
        if slide is None or slide.demo is None or slide.demo.kind != message.kind:
            return
        progress = oppija_app(self.app).progress
        saved = to_saved(message.kind, slide.demo.as_dict(), message.settings)
        if progress.demo_settings.get(message.slide_id, {}) == saved:
            return
        if saved:
            progress.demo_settings[message.slide_id] = saved
        else:
            progress.demo_settings.pop(message.slide_id, None)
        oppija_app(self.app).request_save()

    def _slide_with_demo(self, slide_id: str) -> Slide | None:
        """The slide a demo's message speaks of, if the lecture has it and it has a demo."""
        try:
            slide = self.lecture.slides[self.lecture.slide_index(slide_id)]
        except KeyError:
            return None
        return slide if slide.demo is not None else None

    @property
    def demo_kind(self) -> str | None:
        """The kind of the demo on screen (its slide fully revealed), for the help."""
        slide = self._slide_with_demo(self._demo_slide) if self._demo_slide else None
        return None if slide is None or slide.demo is None else slide.demo.kind

    @property
    def demo_changed(self) -> bool:
        """Whether the demo on screen has settings the learner changed (kept with progress)."""
        slide_id = self._demo_slide
        return slide_id is not None and slide_id in oppija_app(self.app).progress.demo_settings

    def restore_lesson_demo(self) -> None:
        """The demo on screen as the lesson sets it: the learner's settings there forgotten."""
        slide_id = self._demo_slide
        if slide_id is None:
            return
        app = oppija_app(self.app)
        if app.progress.demo_settings.pop(slide_id, None) is not None:
            app.request_save()
        self._left_demos.pop(slide_id, None)
        self._demo_slide = None  # shown anew, from the lesson's settings
        self._show_demo(self.lecture.slides[self.position.slide], self.position.step)

    def on_demo_panel_share_asked(self, message: DemoPanel.ShareAsked) -> None:
        """The command line that reproduces the demo now, in a dialog and on the clipboard."""
        from oppija.demo_setup import changed_settings, reproduces, share_line
        from oppija.tui.screens.share import ShareScreen

        message.stop()
        slide = self._slide_with_demo(message.slide_id)
        if slide is None or slide.demo is None:
            return
        simulation = message.simulation
        wanted = simulation.to_json()
        lesson = slide.demo.as_dict()
        changes = changed_settings(simulation.name, lesson, simulation.settings)
        line = share_line(message.slide_id, changes, simulation.step_count)
        self.app.copy_to_clipboard(line)
        check = partial(
            reproduces, simulation.name, {**lesson, **changes}, simulation.step_count, wanted
        )
        self.app.push_screen(ShareScreen(line, check))

    def on_quiz_card_answered(self, message: QuizCard.Answered) -> None:
        """Check the answer, keep it with the progress, and let the card say why."""
        quiz = message.quiz
        card = message.card if message.card.quiz is quiz else None  # None: it shows another
        value: int | float | str = message.value
        try:
            if quiz.kind == "number":
                value = parse_number(str(value))
            correct = quiz.check(value)
        except ValueError as error:
            if card is not None:
                card.show_error(str(error))
                self.query_one(SlideView).hold_scroll()
                self.call_after_refresh(card.bring_feedback_into_view)
            return
        if quiz.kind == "number" and not correct and card is not None and card.grants_retry():
            card.show_retry()  # one more try before the answer is shown; nothing kept yet
            self.query_one(SlideView).hold_scroll()
            self.call_after_refresh(card.bring_feedback_into_view)
            return
        seen = choices_seen(quiz, self.lecture.language) if quiz.kind == "choice" else None
        answer = QuizAnswer(value=value, correct=correct, answered_at=timestamp(), choices=seen)
        app = oppija_app(self.app)
        app.progress.answers[quiz.id] = answer
        app.request_save()
        slide = self.lecture.slides[self.position.slide]
        if any(shown.id == quiz.id for shown in slide.quizzes):
            self.query_one(ContentsList).show_answers(slide.id, app.progress.answers)
        if card is not None:
            card.show_answer(answer)
            self.query_one(SlideView).hold_scroll()
            self.call_after_refresh(card.bring_feedback_into_view)  # once its new height is known

    @on(ContentsList.SlideChosen)
    def _chosen(self, message: ContentsList.SlideChosen) -> None:
        self.go_to(message.slide_id)
        if self.size.width < NARROW:
            self.contents_open = False
        self.query_one(SlideView).focus()

    def on_key(self, event: Key) -> None:
        """A key typed before another screen covered this one is not that screen's key."""
        drop_key_when_covered(self, event)
