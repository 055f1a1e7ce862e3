"""The descent demos' widget: the shared demo controls, α up and down, and the table of steps.

A subclass names which values can be typed (α, the start, the function, β …).
"""

from __future__ import annotations

import math
from typing import ClassVar, TypeVar

import numpy as np
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from oppija.i18n import N_, format_decimal, format_integer
from oppija.scenes.words.descent import format_number, format_vector
from oppija.sims.base import Numbers, Simulation
from oppija.tui.widgets.demo_panel import DemoPanel, TypedValue, paired

LR_FACTOR = 1.25  # + and - multiply or divide α by this
NUMBERS_SHOWN = 500  # the numbers view lists the last this many steps

S = TypeVar("S", bound=Simulation)


def format_numbers(value: Numbers) -> str:
    """A row's θ or ∇𝓔 as the readout writes it (a number that is not finite as NaN)."""
    items = value if isinstance(value, list) else [value]
    return format_vector(np.array([math.nan if v is None else v for v in items]))


class DescentDemo(DemoPanel[S]):
    """A live descent: + and - change α as it runs, # shows every step's numbers."""

    DEFAULT_CSS = """
    DescentDemo #demo-numbers { height: 1fr; display: none; }
    DescentDemo.-numbers #demo-numbers { display: block; }
    DescentDemo.-numbers DemoPicture { display: none; }
    """

    BINDINGS = [
        *paired(("plus", "minus"), "lr", ("1", "-1"), N_("α up/down"), "+/-"),
        Binding("number_sign", "numbers", N_("Numbers"), key_display="#"),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("a", "lr", N_("α (learning rate)"), N_("type α")),
    )

    _numbers_version: tuple[int, int] | None = None

    def compose_extra(self) -> ComposeResult:
        with VerticalScroll(id="demo-numbers"):
            yield Static(id="demo-numbers-table")

    def readout(self) -> Text:
        """k, θ, 𝓔(θ), ∇𝓔(θ), the last step and α on one line, in the active number format."""
        sim = self.simulation
        last = sim.last_step_length
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

    def relanguage(self) -> None:
        """The numbers table is written anew too (its numbers in the new language's format)."""
        self._numbers_version = None
        super().relanguage()

    def _update_texts(self) -> None:
        super()._update_texts()
        if self.has_class("-numbers"):
            self._update_numbers()

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
                format_numbers(row.theta),
                "–" if row.loss is None else format_number(row.loss),
                format_numbers(row.grad),
                "–" if row.step is None else format_number(row.step),
            )
        self.query_one("#demo-numbers-table", Static).update(table)
        self.query_one("#demo-numbers", VerticalScroll).scroll_end(animate=False)

    def action_lr(self, direction: int) -> None:
        lr = self.simulation.lr * (LR_FACTOR if direction > 0 else 1 / LR_FACTOR)
        self._apply({"lr": round(lr, 6)}, keep_going=True)

    def action_numbers(self) -> None:
        self.toggle_class("-numbers")
        self._numbers_version = None
        self._update_texts()
