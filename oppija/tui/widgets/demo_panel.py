"""What every demo widget shares: a picture, a readout, run/pause, step, reset, speed, typed values.

The widget owns its simulation and only turns keys into calls on it and its state into a
picture (the demo's scene) and a readout. Subclasses add their own keys (the descents: α up and
down and the table of steps; the step-through demos: a step back) and name the values that can
be typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Key
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Static
from textual.worker import Worker, WorkerState

from oppija.i18n import N_, _, format_decimal, format_integer
from oppija.plot import Mode, PlotStyles
from oppija.progress_practice import UnsolvedStep
from oppija.scenes import draw_scene
from oppija.scenes.rows import Rows
from oppija.scenes.words import readout_lines
from oppija.scenes.words.status import status_sentence
from oppija.sims import demo_spec, from_demo_block
from oppija.sims.demo import Demo
from oppija.sims.params import DemoSettingError
from oppija.sims.registry import DemoSpec
from oppija.tui.oppija_app import oppija_app
from oppija.tui.widgets.demo_picture import DemoPicture
from oppija.tui.widgets.live_text import LiveText
from oppija.tui.widgets.practice_mode import PRACTICE_ACTIONS, PracticeMode

SPEEDS = (1, 2, 4, 8, 15, 30, 60)  # steps a second for [ and ]
DEFAULT_SPEED = 3  # index into SPEEDS: 8 steps a second
MOST_FRAMES = 30  # frames a second at most: faster speeds take several steps a frame
TRAINING = "demo-training"  # the worker group of a demo whose new settings train a model
FINISHED = {WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED}

D = TypeVar("D", bound=Demo)


def paired(
    keys: tuple[str, str],
    action: str,
    directions: tuple[str, str],
    description: str,
    shown: str,
    *,
    show: bool = True,
) -> list[Binding]:
    """Two keys for one action in two directions (``+``/``-``, ``,``/``.``): the first is listed
    as ``shown`` ("+/-") with the description, the second works beside it unlisted."""
    first, second = keys
    return [
        Binding(first, f"{action}({directions[0]})", description, key_display=shown, show=show),
        Binding(second, f"{action}({directions[1]})", description, show=False),
    ]


# The keys that open a field: grouped, so that the key bar shows them after the demo's own keys.
TYPING_KEYS = Binding.Group(N_("type a value"))
PRACTICE_KEYS = Binding.Group(N_("practice"))


@dataclass(frozen=True)
class TypedValue:
    """A value the learner can type: which key opens the field, the setting, its label."""

    key: str
    setting: str
    label: str  # an N_() message id for the field, translated when shown
    short: str  # the same for the key bar, a word or two


def field_label(typed: TypedValue) -> str:
    """The label before the field: 'α (õppimiskiirus):', but '𝓔(x) =' as it is."""
    label = _(typed.label)
    return label if label.endswith("=") else label + ":"


class DemoField(Input):
    """The demo's field; while it takes a practice answer (``answering``), it lets ``P`` go to
    the demo, which leaves practice with it (an answer is a number, never a letter)."""

    answering = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if self.answering and key == "P":
            return False
        return super().check_consume_key(key, character)


class DemoPanel(Vertical, Generic[D], can_focus=True):
    """A live demo: Enter runs it, n steps, r resets, [ and ] the speed, z enlarges it.

    Space is not the demo's: it goes to the next slide here too, so a presenter walks the
    whole lecture with space alone (docs/keys.md has the one key map).

    ``D`` is the simulation class of the demo's spec (the registry's tests check that they
    agree), so a subclass calls its simulation's own methods with their types.
    """

    DEFAULT_CSS = """
    DemoPanel {
        height: 1fr;
        border-top: hkey $primary 40%;
        padding: 0 1;
    }
    DemoPanel:focus { border-top: hkey $accent; }
    DemoPanel.-ascii { border-top: ascii $primary 40%; }
    DemoPanel #demo-readout { height: auto; color: $text; }
    DemoPanel #demo-status { height: auto; color: $text-muted; }
    DemoPanel #demo-status.-ended { color: $warning; text-style: bold; }
    DemoPanel #demo-input-row { height: auto; display: none; }
    DemoPanel.-typing #demo-input-row { display: block; }
    DemoPanel #demo-input-label { padding: 1 1 0 0; }
    DemoPanel #demo-input { width: 1fr; }
    DemoPanel #demo-input-error { color: $error; height: auto; display: none; }
    DemoPanel #demo-input-error.-shown { display: block; }
    DemoPanel #practice-text { height: auto; display: none; color: $text; }
    DemoPanel.-practising #practice-text { display: block; }
    DemoPanel.-practice-hides DemoPicture, DemoPanel.-practice-hides #demo-readout {
        display: none;
    }
    """

    BINDINGS = [
        Binding("enter", "play", N_("Run / pause")),
        Binding("n", "step", N_("Step")),
        Binding("r", "reset", N_("Reset")),
        *paired(
            ("left_square_bracket", "right_square_bracket"),
            "speed",
            ("-1", "1"),
            N_("Slower / faster"),
            "[ ]",
            show=False,
        ),
        Binding("c", "next_preset", N_("Next example"), show=False),
        Binding("z", "zoom", N_("Enlarge the demo"), show=False),
        Binding("K", "share", N_("Share the demo"), show=False),  # K: käsurida, the line
        # Only where the spec says ``practice`` (check_action hides them elsewhere); grouped,
        # so that the key bar shows them after the demo's own keys. P comes before the field's
        # keys (an answer is a number: the field lets P go), so it leaves practice as it came.
        Binding("P", "practice", N_("Compute it yourself"), group=PRACTICE_KEYS, priority=True),
        Binding("E", "fresh", N_("A fresh exercise"), group=PRACTICE_KEYS),
    ]

    class SettingsChanged(Message):
        """The demo's settings changed (typed, a key, a preset): the screen keeps them with the
        progress of ``slide_id``."""

        def __init__(self, slide_id: str, kind: str, settings: dict[str, object]) -> None:
            super().__init__()
            self.slide_id = slide_id
            self.kind = kind
            self.settings = settings

    class ShareAsked(Message):
        """The learner asked for the command line that reproduces the demo as it is now."""

        def __init__(self, slide_id: str, simulation: Demo) -> None:
            super().__init__()
            self.slide_id = slide_id
            self.simulation = simulation

    TYPED: ClassVar[tuple[TypedValue, ...]] = ()
    # The speed a demo starts at (an index into SPEEDS): something must visibly happen within
    # 2 s of pressing Enter (tests/tui/test_demo_pace.py checks the training demos).
    START_SPEED: ClassVar[int] = DEFAULT_SPEED
    # How many of the simulation's readout lines show; None: all but its status line; 0: none
    # (the scene draws them under its picture, and twice they took a small window's rows).
    READOUT_LINES: ClassVar[int | None] = None

    def __init__(
        self,
        kind: str,
        params: dict[str, object],
        *,
        simulation: Demo | None = None,
        id: str | None = None,
    ) -> None:
        """``simulation``: one already built from ``params`` (in a thread, when it trains)."""
        super().__init__(id=id)
        self.kind = kind
        self.spec: DemoSpec = demo_spec(kind)
        built = simulation if simulation is not None else from_demo_block(kind, params)
        self._simulation: D | None = self._adopt(built)
        self._training: Worker[tuple[Demo | None, str]] | None = None  # building new settings
        self._after_training: Callable[[], None] | None = None  # what follows that building
        self._generation = 0  # grows whenever the simulation is replaced
        self._speed = self.START_SPEED
        self._timer: Timer | None = None
        self._typing: TypedValue | None = None
        self.slide_id: str | None = None
        """The slide whose demo this is (set by the screen): changed settings are kept there."""
        self.practice = PracticeMode(cast("DemoPanel[Demo]", self)) if self.spec.practice else None
        """Practice mode (``P``), on every demo whose spec has practice questions."""
        self.practise_from: UnsolvedStep | None = None
        """Set before mounting: the demo opens rebuilt at this step, asking its question (the
        review's way back to a step the learner has not solved)."""
        self.practise_at_start = False
        """Set before mounting: the demo opens asking (the lesson's ``practice: on``)."""
        self._reported_settings = dict(self.simulation.settings)

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield DemoPicture(self.draw, self._picture_key, id="demo-picture")
        yield from self.compose_extra()
        yield LiveText(steady=True, id="demo-readout")  # no lines while it has no cells
        yield LiveText(id="demo-status")
        with Horizontal(id="demo-input-row"):
            yield Label(id="demo-input-label")
            yield DemoField(id="demo-input")
        yield Static(id="demo-input-error")
        yield Static(id="practice-text")

    def compose_extra(self) -> ComposeResult:
        """Widgets a subclass shows under the picture (the descents' table of steps)."""
        yield from ()

    def __init_subclass__(cls, **kwargs: bool) -> None:
        """A key for each value the class lets the learner type, in the group ``TYPING_KEYS``.

        Added to the class's ``BINDINGS`` before Textual reads them, so every instance has
        them without touching its binding table.
        """
        if "TYPED" in cls.__dict__:
            typing_keys = [
                Binding(t.key, f"type('{t.key}')", t.short, group=TYPING_KEYS) for t in cls.TYPED
            ]
            cls.BINDINGS = [*cls.__dict__.get("BINDINGS", []), *typing_keys]
        super().__init_subclass__(**kwargs)

    def on_mount(self) -> None:
        self.set_class(self.ascii_mode, "-ascii")
        if not self.query("#demo-readout"):
            return  # removed as it was mounted (the learner moved on at once): no parts to fill
        self._update_texts()
        if self.practise_from is not None:
            self.practise(self.practise_from)
        elif self.practise_at_start and self.practice is not None:
            self.practice.ask(0)

    def relanguage(self) -> None:
        """After a language switch: keys, readout and picture (tick labels) anew."""
        self.refresh_bindings()
        if self._typing is not None:
            self.query_one("#demo-input-label", Label).update(field_label(self._typing))
        if self.practice is not None:
            self.practice.relanguage()
        self.query_one("#demo-readout", LiveText).release()  # words of another length
        self._changed()

    @property
    def simulation(self) -> D:
        """The demo's simulation, from mounting until the demo leaves the screen."""
        if self._simulation is None:
            raise RuntimeError(f"the {self.kind} demo has left the screen")
        return self._simulation

    # ---------------------------------------------------------------- drawing
    def draw(self, width: int, height: int, mode: Mode, styles: PlotStyles) -> Rows:
        """The scene of the current simulation (subclasses add their options)."""
        return draw_scene(self.simulation, width, height, mode, styles, **self.scene_options())

    def scene_options(self) -> dict[str, object]:
        return {}

    def _picture_key(self) -> tuple[object, ...]:
        options = tuple(sorted(self.scene_options().items()))
        return (self._generation, self.simulation.version, options)

    def _changed(self) -> None:
        """After any change: new picture if needed, new numbers, stop when the run ended.

        One frame of a running demo: the picture repaints, the readout and status repaint in
        place (:class:`LiveText`), all in one batch, so the screen is neither laid out again
        nor painted between them.
        """
        with self.app.batch_update():
            self.query_one(DemoPicture).changed()
            if self.simulation.status != "running" and self.playing:
                self._stop()
            self._update_texts()
        self._report_settings()

    def _report_settings(self) -> None:
        """Tell the screen when the settings differ from those it was last told (a cheap
        check: a frame that only stepped has the very same values)."""
        settings = self.simulation.settings
        if settings == self._reported_settings:
            return
        self._reported_settings = dict(settings)
        if self.slide_id is not None:
            self.post_message(self.SettingsChanged(self.slide_id, self.kind, dict(settings)))

    def action_share(self) -> None:
        """The command line that opens this slide with the demo as it is now (the screen
        knows the lesson's settings, so it writes it)."""
        if self.slide_id is not None:
            self._stop()  # the line describes a still picture
            self._update_texts()
            self.post_message(self.ShareAsked(self.slide_id, self.simulation))

    def _update_texts(self) -> None:
        self.query_one("#demo-readout", LiveText).show_cells(self.readout())
        status = self.query_one("#demo-status", LiveText)
        ended = self.simulation.status != "running"
        status.set_class(self.simulation.status == "diverged", "-ended")
        if self.training:
            status.show(_("learning…"))
        elif ended:
            status.show(status_sentence(self.simulation))
        else:
            speed = _("{n} steps/s").format(n=format_integer(SPEEDS[self._speed]))
            state = _("running") if self.playing else _("paused")
            status.show(f"{state} · {speed}")

    @property
    def ascii_mode(self) -> bool:
        """Whether the app draws in plain ASCII (``--ascii``, or a terminal without UTF-8)."""
        return oppija_app(self.app).ascii_mode

    def readout(self) -> list[Text]:
        """The demo's own numbers (``readout_lines`` of its simulation), a grid cell each: the
        first ``READOUT_LINES`` of them, or all but the status line (shown below)."""
        lines = readout_lines(self.simulation, self.ascii_mode)
        if self.READOUT_LINES is not None:
            lines = lines[: self.READOUT_LINES]
        elif len(lines) > 1:
            lines = lines[:-1]
        return [Text(line) for line in lines]

    # ---------------------------------------------------------------- running
    @property
    def playing(self) -> bool:
        return self._timer is not None

    def action_play(self) -> None:
        if self.playing:
            self._stop()
        else:
            if self.simulation.status != "running":  # ended: Enter starts it over
                self._replace(self.simulation.changed())
            self._start()
        self._update_texts()

    @property
    def speed(self) -> int:
        """The speed (an index into ``SPEEDS``): kept when the learner leaves and comes back."""
        return self._speed

    @speed.setter
    def speed(self, index: int) -> None:
        self._speed = max(0, min(index, len(SPEEDS) - 1))
        if self.playing:
            self._stop()
            self._start()
        if self.is_mounted:
            self._update_texts()

    def kept_state(self) -> tuple[int, int] | None:
        """(steps taken, speed) to rebuild this demo as it is when its slide comes back (its
        settings are kept with the progress), or None when it has nothing to keep."""
        if self._simulation is None or self.training:
            return None
        return self._simulation.step_count, self._speed

    def _start(self) -> None:
        frames = min(SPEEDS[self._speed], MOST_FRAMES)
        self._timer = self.set_interval(1 / frames, self._tick)

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _tick(self) -> None:
        """One frame: one step, or at speeds above ``MOST_FRAMES`` as many as keep the pace."""
        steps = max(1, round(SPEEDS[self._speed] / MOST_FRAMES))
        for _step in range(steps):
            if self.simulation.status != "running":
                break
            self.simulation.step()
        self._changed()

    def action_step(self) -> None:
        self._move(self.simulation.step)

    def action_reset(self) -> None:
        self._stop()
        self._replace(self.simulation.changed())

    def action_speed(self, direction: int) -> None:
        self.speed = self._speed + direction

    def action_next_preset(self) -> None:
        """The next choice of the spec's ``cycled`` setting: a teacher's quick tour of the
        presets (bowl, valley, saddle …), the targets or the data sets."""
        setting, choices = self.spec.cycled, self.spec.cycled_choices()
        if setting is None or not choices:
            return
        chosen = next_choice(choices, getattr(self.simulation.params, setting, None))
        if self._apply({setting: chosen}):
            label = self.spec.presets.get(chosen)
            name = _(label) if label else chosen
            self.notify(_("Example: {name}").format(name=name), timeout=2)

    def action_zoom(self) -> None:
        if self.screen.maximized is self:
            self.screen.minimize()
        else:
            self.screen.maximize(self, container=False)

    def _adopt(self, simulation: Demo) -> D:
        """``simulation`` as this widget's simulation class: it was built from this demo's spec,
        whose simulation class is ``D`` (tests/sims/test_registry.py checks every widget)."""
        if simulation.name != self.kind:
            raise TypeError(f"a {simulation.name} simulation in a {self.kind} widget")
        return cast(D, simulation)

    def _replace(self, simulation: Demo) -> None:
        self._simulation = self._adopt(simulation)
        self._generation += 1
        self._changed()

    def _move(self, move: Callable[[], object]) -> None:
        """A learner's move on the simulation (a step, back, the next view): the run pauses and
        the picture follows."""
        self._stop()
        move()
        self._changed()

    def _try(self, change: Callable[[], Demo | None]) -> bool:
        """A change the learner asked for (often typed): a simulation it returns replaces the
        running one, paused; None means the simulation changed in place. A bad value is
        reported in the field and changes nothing."""
        try:
            new = change()
        except (DemoSettingError, ValueError) as error:
            self._show_error(str(error))
            return False
        if new is None:
            self._changed()
        else:
            self._stop()
            self._replace(new)
        return True

    def _apply(self, values: dict[str, object], keep_going: bool = False) -> bool:
        """Change settings: a new run (or, ``keep_going``, the same one retuned and still
        running); a bad value is reported in the field and changes nothing.

        Settings that train a model first (``trains``) are built in a worker thread: True
        then means the training started, and a bad value is reported when it ends.
        """
        if not keep_going and self.trains({**self.simulation.settings, **values}):
            self._train(values)
            return True
        playing = self.playing
        simulation = self.simulation
        rebuild = simulation.retuned if keep_going else simulation.changed
        if not self._try(lambda: rebuild(**values)):
            return False
        if playing and keep_going:
            self._start()
            self._update_texts()
        return True

    # ----------------------------------------------------------------- typing
    def action_type(self, key: str) -> None:
        typed = next((t for t in self.TYPED if t.key == key), None)
        if typed is None:
            return
        self._typing = typed
        self.query_one("#demo-input-label", Label).update(field_label(typed))
        field = self.query_one("#demo-input", Input)
        field.value = self.current_text(typed.setting)
        self._show_error("")
        self.add_class("-typing")
        field.focus()

    def current_text(self, setting: str) -> str:
        """What the field starts with: the setting's current value as the learner writes it."""
        value = getattr(self.simulation.params, setting, None)
        if value is None:
            return ""
        if isinstance(value, float | int):
            return format_decimal(float(value), 4)
        if isinstance(value, tuple | list):
            return "; ".join(format_decimal(float(v), 4) for v in value)
        return str(getattr(value, "text", value))

    def apply_typed(self, setting: str, text: str) -> bool:
        """Use a typed value; subclasses handle settings that need more than a new run."""
        return self._apply({setting: text})

    @on(Input.Submitted, "#demo-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.practice is not None and self.practice.asking:
            self.practice.answer(event.value)
            return
        if self._typing is None:
            return
        if self.apply_typed(self._typing.setting, event.value):
            self._close_input()

    def _show_error(self, message: str) -> None:
        error = self.query_one("#demo-input-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")
        if message and not self.has_class("-typing"):
            self.notify(message, severity="error", timeout=4)

    def _close_input(self) -> None:
        self._typing = None
        self.query_one("#demo-input", DemoField).answering = False
        if self.practice is not None:
            self.practice.closed()
        self.remove_class("-typing")
        self._show_error("")
        self.focus()

    # --------------------------------------------------------------- practice
    def action_practice(self) -> None:
        """Practice on (the next number asked in the field) or off."""
        if self.practice is not None:
            self.practice.toggle()

    def action_fresh(self) -> None:
        """A fresh practice exercise of this demo."""
        if self.practice is not None:
            self.practice.fresh()

    def practise(self, step: UnsolvedStep) -> None:
        """The demo rebuilt at a step the learner has not solved, asking its question."""
        from oppija.review.practice_due import rebuilt_simulation

        built = rebuilt_simulation(self.kind, step) if self.practice is not None else None
        if self.practice is None or built is None:
            self.notify(_("This step can no longer be built: its settings have changed."))
            return
        self._stop()
        self._replace(built)
        self.practice.ask(step.question)

    def pause(self) -> None:
        """Stop a running demo (practice asks about a still picture)."""
        self._stop()

    def refresh_demo(self) -> None:
        """Picture and numbers anew after the simulation was stepped from outside."""
        self._changed()

    def try_change(self, change: Callable[[], Demo | None]) -> bool:
        """:meth:`_try` for practice: a new simulation, or the reason shown in the field."""
        return self._try(change)

    def open_field(self, label: str | Text, placeholder: str) -> None:
        """The field open under ``label`` with the keys, for practice's answers."""
        self._typing = None
        self.query_one("#demo-input-label", Label).update(label)
        field = self.query_one("#demo-input", DemoField)
        field.placeholder = placeholder
        field.answering = True
        self._show_error("")
        self.add_class("-typing")
        field.focus()

    def close_field(self) -> None:
        """The field closed, the keys back with the demo."""
        self._close_input()

    def on_focus(self) -> None:
        """While practice asks, the keys go on to its field (Esc leaves practice)."""
        if self.practice is not None and self.practice.asking:
            self.query_one("#demo-input", Input).focus()

    def on_key(self, event: Key) -> None:
        if event.key == "escape" and self.has_class("-typing"):
            event.stop()
            self._close_input()
        elif self.training:  # the demo's own keys wait; the slide's and the app's keys work
            active = self.screen.active_bindings.get(event.key)
            if active is not None and active.node is self:
                event.stop()
                event.prevent_default()

    # --------------------------------------------------------------- training
    @classmethod
    def trains(cls, settings: Mapping[str, object]) -> bool:
        """Whether a simulation with these settings trains a model when it is built (the
        attention transformer, the RNN's trained weights): then it is built in a thread, and
        the keys and the screen keep answering meanwhile."""
        return False

    @property
    def training(self) -> bool:
        """A model for new settings is being trained; the demo's keys are greyed out."""
        return self._training is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a model trains, the demo's keys are shown disabled (and ``on_key`` holds them);
        the practice keys only exist on a demo with practice questions."""
        if action in PRACTICE_ACTIONS and self.practice is None:
            return False
        if action == "practice" and self._typing is not None:
            return False  # a typed value's field is open: P is a letter there
        return None if self.training else True

    def _train(self, values: dict[str, object]) -> None:
        current = self.simulation
        self.build_in_thread(lambda: current.changed(**values))

    def build_in_thread(
        self, make: Callable[[], Demo], then: Callable[[], None] | None = None
    ) -> None:
        """A simulation that trains a model when built (new settings, a fresh practice
        exercise) made in a worker thread, "õpib…" shown meanwhile; it replaces the shown one
        when done, and ``then`` runs after that."""
        self._stop()
        self._after_training = then
        self._training = self._build(make)
        self.add_class("-training")
        self._update_texts()
        self.refresh_bindings()

    @work(thread=True, exclusive=True, group=TRAINING)
    def _build(self, make: Callable[[], Demo]) -> tuple[Demo | None, str]:
        """In a thread: the new simulation, or the message why there is none."""
        try:
            return make(), ""
        except (DemoSettingError, ValueError) as error:
            return None, str(error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The training ended: its simulation replaces the shown one (unless newer came)."""
        if event.worker is not self._training or event.state not in FINISHED:
            return
        event.stop()
        self._training = None
        self.remove_class("-training")
        self.refresh_bindings()
        built, error = event.worker.result or (None, "")
        then, self._after_training = self._after_training, None
        if built is not None:
            self._replace(built)
            if then is not None:
                then()
        else:
            self._update_texts()
            if error:
                self._show_error(error)

    def on_unmount(self) -> None:
        """The demo leaves the screen: its run stops and its simulation is let go at once.

        Textual keeps a removed widget reachable for a while (its parent's arrangement cache,
        the last message a container handled); a learner's process, one per learner in a
        classroom, would hold each demo's model and data until then.
        """
        self._stop()
        self._simulation = None


def next_choice(choices: tuple[str, ...], current: object) -> str:
    """The choice after ``current`` (the first after the last, or when ``current`` is none)."""
    index = choices.index(current) if isinstance(current, str) and current in choices else -1
    return choices[(index + 1) % len(choices)]
