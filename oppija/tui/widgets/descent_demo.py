"""The controls every descent demo shares: play, step, reset, α, speed, typed values, numbers.

A subclass names its simulation's scene and which values can be typed (α, the start, the
function, β …). The widget owns its simulation and only turns keys into calls on it and its
state into a picture, a readout line and, on request, the table of steps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from oppija.content.demos import DEMO_KINDS
from oppija.i18n import N_, _, format_decimal, format_integer
from oppija.plot import Mode, PlotStyles
from oppija.scenes import draw_scene
from oppija.scenes.rows import Rows
from oppija.sims import from_demo_block
from oppija.sims.base import Simulation
from oppija.sims.readout import format_number, format_vector
from oppija.sims.settings import DemoSettingError
from oppija.tui.bindings import translate_bindings
from oppija.tui.widgets.demo_picture import DemoPicture

SPEEDS = (1, 2, 4, 8, 15, 30, 60)  # steps a second for [ and ]
DEFAULT_SPEED = 3  # index into SPEEDS: 8 steps a second
LR_FACTOR = 1.25  # + and - multiply or divide α by this
NUMBERS_SHOWN = 500  # the numbers view lists the last this many steps


# What each preset shows, for the notice when `c` moves to it.
PRESET_NAMES = {
    "bowl": N_("a bowl"),
    "good": N_("a good learning rate"),
    "crawl": N_("too small a learning rate"),
    "oscillate": N_("too large a learning rate"),
    "diverge": N_("far too large a learning rate"),
    "two-minima": N_("two local minima"),
    "valley": N_("a long narrow valley"),
    "saddle": N_("a saddle between two minima"),
}


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


class DescentDemo(Vertical, can_focus=True):
    """A live descent: space runs it, n steps, r resets, + and - change α, [ and ] the speed."""

    DEFAULT_CSS = """
    DescentDemo {
        height: 1fr;
        border-top: hkey $primary 40%;
        padding: 0 1;
    }
    DescentDemo:focus { border-top: hkey $accent; }
    DescentDemo.-ascii { border-top: ascii $primary 40%; }
    DescentDemo #demo-readout { height: auto; color: $text; }
    DescentDemo #demo-status { height: auto; color: $text-muted; }
    DescentDemo #demo-status.-ended { color: $warning; text-style: bold; }
    DescentDemo #demo-numbers { height: 1fr; display: none; }
    DescentDemo.-numbers #demo-numbers { display: block; }
    DescentDemo.-numbers DemoPicture { display: none; }
    DescentDemo #demo-input-row { height: auto; display: none; }
    DescentDemo.-typing #demo-input-row { display: block; }
    DescentDemo #demo-input-label { padding: 1 1 0 0; }
    DescentDemo #demo-input { width: 1fr; }
    DescentDemo #demo-input-error { color: $error; height: auto; display: none; }
    DescentDemo #demo-input-error.-shown { display: block; }
    """

    BINDINGS = [
        Binding("space", "play", N_("Run / pause")),
        Binding("n", "step", N_("Step")),
        Binding("r", "reset", N_("Reset")),
        Binding("plus", "lr(1)", N_("α up/down"), key_display="+/-"),
        Binding("minus", "lr(-1)", N_("α down"), key_display="-", show=False),
        Binding("right_square_bracket", "speed(1)", N_("Faster"), key_display="]", show=False),
        Binding("left_square_bracket", "speed(-1)", N_("Slower"), key_display="[", show=False),
        Binding("number_sign", "numbers", N_("Numbers"), key_display="#"),
        Binding("c", "next_preset", N_("Next example"), show=False),
        Binding("z", "zoom", N_("Enlarge the demo"), show=False),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("a", "lr", N_("α (learning rate)"), N_("type α")),
    )

    def __init__(self, kind: str, params: dict[str, object], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kind = kind
        self.simulation: Simulation = from_demo_block(kind, params)
        self._generation = 0  # grows whenever the simulation is replaced
        self._speed = DEFAULT_SPEED
        self._timer: Timer | None = None
        self._typing: TypedValue | None = None
        self._numbers_version: tuple[int, int] | None = None

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield DemoPicture(self.draw, self._picture_key, id="demo-picture")
        with VerticalScroll(id="demo-numbers"):
            yield Static(id="demo-numbers-table")
        yield Static(id="demo-readout")
        yield Static(id="demo-status")
        with Horizontal(id="demo-input-row"):
            yield Label(id="demo-input-label")
            yield Input(id="demo-input")
        yield Static(id="demo-input-error")

    def on_mount(self) -> None:
        self.set_class(bool(getattr(self.app, "ascii_mode", False)), "-ascii")
        self._bind_keys()
        self._update_texts()

    def _bind_keys(self) -> None:
        """The class's keys in the active language, and a key for each value that can be typed."""
        translate_bindings(self)
        for typed in self.TYPED:
            self._bindings.bind(typed.key, f"type('{typed.key}')", _(typed.short))

    def relanguage(self) -> None:
        """After a language switch: keys, readout and picture (tick labels) anew."""
        self._bind_keys()
        self.refresh_bindings()
        if self._typing is not None:
            self.query_one("#demo-input-label", Label).update(field_label(self._typing))
        self._numbers_version = None
        self._changed()

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
        """After any change: new picture if needed, new numbers, stop when the run ended."""
        self.query_one(DemoPicture).changed()
        if self.simulation.status != "running" and self.playing:
            self._stop()
        self._update_texts()

    def _update_texts(self) -> None:
        self.query_one("#demo-readout", Static).update(self.readout())
        status = self.query_one("#demo-status", Static)
        ended = self.simulation.status != "running"
        status.set_class(self.simulation.status == "diverged", "-ended")
        if ended:
            status.update(self.simulation.status_message)
        else:
            speed = _("{n} steps/s").format(n=format_integer(SPEEDS[self._speed]))
            state = _("running") if self.playing else _("paused")
            status.update(f"{state} · {speed}")
        if self.has_class("-numbers"):
            self._update_numbers()

    def readout(self) -> Text:
        """k, θ, 𝓔(θ), ∇𝓔(θ), the last step and α on one line, in the active number format."""
        sim = self.simulation
        steps = sim.history.steps
        last = float(steps[-1]) if len(steps) > 1 else math.nan
        parts = [
            ("k", format_integer(sim.step_count)),
            ("θ", format_vector(sim.theta)),
            ("𝓔(θ)", format_number(sim.loss)),
            ("∇𝓔", format_vector(sim.grad)),
            ("|Δθ|", "–" if math.isnan(last) else format_number(last)),
            ("α", format_decimal(sim.lr, 4)),
        ]
        text = Text()
        for index, (name, value) in enumerate(parts):
            if index:
                text.append("  ")
            text.append(f"{name} = ", style="bold")
            text.append(value)
        return text

    def _update_numbers(self) -> None:
        key = (self._generation, self.simulation.version)
        if key == self._numbers_version:
            return
        self._numbers_version = key
        table = Table(box=None, pad_edge=False, header_style="bold")
        for header in ("k", "θ", "𝓔(θ)", "∇𝓔(θ)", "|Δθ|"):
            table.add_column(header, justify="right")
        rows = self.simulation.numbers_rows()[-NUMBERS_SHOWN:]
        for row in rows:
            table.add_row(
                format_integer(row.k),
                format_vector(row.theta),  # type: ignore[arg-type]
                "–" if row.loss is None else format_number(row.loss),
                "–" if row.grad is None else format_vector(row.grad),  # type: ignore[arg-type]
                "–" if row.step is None else format_number(row.step),
            )
        self.query_one("#demo-numbers-table", Static).update(table)
        self.query_one("#demo-numbers", VerticalScroll).scroll_end(animate=False)

    # ---------------------------------------------------------------- running
    @property
    def playing(self) -> bool:
        return self._timer is not None

    def action_play(self) -> None:
        if self.playing:
            self._stop()
        else:
            if self.simulation.status != "running":  # ended: space starts it over
                self._replace(self.simulation.changed())
            self._start()
        self._update_texts()

    def _start(self) -> None:
        self._timer = self.set_interval(1 / SPEEDS[self._speed], self._tick)

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _tick(self) -> None:
        self.simulation.step()
        self._changed()

    def action_step(self) -> None:
        self._stop()
        self.simulation.step()
        self._changed()

    def action_reset(self) -> None:
        self._stop()
        self._replace(self.simulation.changed())

    def action_speed(self, direction: int) -> None:
        self._speed = max(0, min(self._speed + direction, len(SPEEDS) - 1))
        if self.playing:
            self._stop()
            self._start()
        self._update_texts()

    def action_lr(self, direction: int) -> None:
        lr = self.simulation.lr * (LR_FACTOR if direction > 0 else 1 / LR_FACTOR)
        self._apply({"lr": round(lr, 6)}, keep_going=True)

    def action_next_preset(self) -> None:
        """The demo's next preset (a teacher's quick tour: bowl, valley, saddle …)."""
        spec = DEMO_KINDS[self.kind].get("preset")
        if spec is None:
            return
        current = getattr(self.simulation.params, "preset", spec.choices[0])
        index = spec.choices.index(current) if current in spec.choices else -1
        chosen = spec.choices[(index + 1) % len(spec.choices)]
        if self._apply({"preset": chosen}):
            name = _(PRESET_NAMES[chosen]) if chosen in PRESET_NAMES else chosen
            self.notify(_("Example: {name}").format(name=name), timeout=2)

    def action_numbers(self) -> None:
        self.toggle_class("-numbers")
        self._numbers_version = None
        self._update_texts()

    def action_zoom(self) -> None:
        if self.screen.maximized is self:
            self.screen.minimize()
        else:
            self.screen.maximize(self, container=False)

    def _replace(self, simulation: Simulation) -> None:
        self.simulation = simulation
        self._generation += 1
        self._changed()

    def _apply(self, values: dict[str, object], keep_going: bool = False) -> bool:
        """Change settings; a bad value is reported in the field and changes nothing."""
        try:
            if keep_going:
                new = self.simulation.retuned(**values)
            else:
                new = self.simulation.changed(**values)
        except (DemoSettingError, ValueError) as error:
            self._show_error(str(error))
            return False
        playing = self.playing
        self._stop()
        self._replace(new)
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
        if setting == "lr":
            return format_decimal(self.simulation.lr, 4)
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
        self.remove_class("-typing")
        self._show_error("")
        self.focus()

    def on_key(self, event: Any) -> None:
        if event.key == "escape" and self.has_class("-typing"):
            event.stop()
            self._close_input()

    def on_unmount(self) -> None:
        self._stop()
