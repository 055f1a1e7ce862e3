"""TensorFlow Playground in a terminal: a small network learning a 2-D data set, live."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from oppija.i18n import N_
from oppija.sims.playground import Playground
from oppija.tui.widgets.demo_panel import SPEEDS, DemoPanel, TypedValue, next_choice, paired


class PlaygroundDemo(DemoPanel[Playground]):
    """Space trains; `c` data set, `d` new data, + - units, `h` layers, `f` activation."""

    BINDINGS = [
        Binding("c", "next_preset", N_("Next data set")),
        Binding("d", "new_data", N_("New data")),
        *paired(("plus", "minus"), "units", ("1", "-1"), N_("units more/fewer"), "+/-"),
        Binding("h", "layers", N_("Hidden layers 1–3")),
        Binding("f", "activation", N_("Next activation function")),
    ]

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("a", "lr", N_("α (learning rate)"), N_("type α")),
    )

    # XOR's loss stays flat for ~100 epochs: at 8 steps/s nothing happened for 12 s
    START_SPEED = SPEEDS.index(60)

    def action_new_data(self) -> None:
        self._move(self.simulation.new_data)

    def action_units(self, direction: int) -> None:
        units = int(self.simulation.params.units) + direction
        if 1 <= units <= 8:
            self._apply({"units": units})

    def action_layers(self) -> None:
        self._apply({"layers": int(self.simulation.params.layers) % 3 + 1})

    def action_activation(self) -> None:
        choices = self.spec.settings["activation"].choices
        self._apply({"activation": next_choice(choices, self.simulation.params.activation)})
