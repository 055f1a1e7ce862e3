"""The convolution demo: the kernel slides position by position and the feature map fills in."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding

from oppija.i18n import N_, _, format_decimal, format_integer
from oppija.scenes.words.conv import position_line
from oppija.sims.conv import IMAGE_NAMES, KERNEL_NAMES, Convolution
from oppija.tui.widgets.demo_panel import TypedValue, next_choice, paired
from oppija.tui.widgets.step_demo import StepDemo


class ConvDemo(StepDemo[Convolution]):
    """n the next position, p back, e the whole map; c kernel, d picture, + − stride, , . padding,
    w nine typed weights."""

    BINDINGS = [
        Binding("c", "next_preset", N_("Next kernel")),
        Binding("d", "next_image", N_("Next picture")),
        *paired(
            ("plus", "minus"), "cycle", ("'stride', 1", "'stride', -1"), N_("Stride 1–3"), "+/-"
        ),
        *paired(
            ("full_stop", "comma"),
            "cycle",
            ("'padding', 1", "'padding', -1"),
            N_("Padding 0–2"),
            ", .",
        ),
    ]
    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("w", "weights", N_("the kernel's 9 weights, row by row"), N_("weights")),
    )

    def readout(self) -> list[Text]:
        """Where the kernel is (the picture itself writes out the products and their sum)."""
        return [Text(position_line(self.simulation))]

    def action_next_preset(self) -> None:
        """The next kernel (typed weights give way to it), named in the notice."""
        chosen = next_choice(self.spec.settings["kernel"].choices, self.simulation.params.kernel)
        if self._apply({"kernel": chosen}):
            name = _(KERNEL_NAMES[chosen])
            self.notify(_("Kernel: {name}").format(name=name), timeout=2)

    def action_next_image(self) -> None:
        chosen = next_choice(self.spec.settings["image"].choices, self.simulation.params.image)
        if self._apply({"image": chosen}):
            name = _(IMAGE_NAMES[chosen])
            self.notify(_("Picture: {name}").format(name=name), timeout=2)

    def action_cycle(self, setting: str, direction: int) -> None:
        """Stride 1 → 2 → 3 → 1, padding 0 → 1 → 2 → 0 (or back): a new walk with the new
        output size."""
        low, high = self.spec.settings[setting].bounds()
        value = int(getattr(self.simulation.params, setting)) + direction
        chosen = low if value > high else high if value < low else value
        if self._apply({setting: chosen}):
            label = _("Stride {s}") if setting == "stride" else _("Padding {s}")
            self.notify(label.format(s=format_integer(chosen)), timeout=2)

    def current_text(self, setting: str) -> str:
        """The kernel's weights as they are now, a row per '; ' (typed or the preset's)."""
        if setting == "weights":
            rows = self.simulation.kernel
            return "; ".join(" ".join(format_decimal(float(v), 4) for v in row) for row in rows)
        return super().current_text(setting)
