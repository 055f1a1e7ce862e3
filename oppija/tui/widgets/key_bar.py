"""The bottom line: the keys that work here and what they do; clicking one presses it.

One widget drawing one line of text, where Textual's ``Footer`` mounts a widget per key and
rebuilds them all whenever the bindings change: on the first screen that cost as much as the
slide itself. Binding descriptions are English message ids (``N_``), translated here each time
the line is drawn, so a language switch needs only a redraw.
"""

from __future__ import annotations

from rich.text import Text
from textual.events import Click
from textual.screen import Screen
from textual.widget import Widget

from oppija.i18n import _


class KeyBar(Widget):
    """'→ Edasi  ← Tagasi  t Sisukord  ? Abi …' from the screen's active bindings."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--disabled { text-style: dim; }
    """

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--disabled"}

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._spans: list[tuple[int, int, str, bool]] = []  # start, end, key, enabled

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def entries(self) -> list[tuple[str, str, str, bool]]:
        """(key, how it is shown, what it does, enabled) for every key shown, once per action;
        what it does in the active language. The focused widget's keys come first; among one
        widget's keys, those in a group (a demo's keys that open a field) come last."""
        shown: dict[str, tuple[str, str, str, bool]] = {}
        active = list(self.screen.active_bindings.values())
        nodes = list(dict.fromkeys(entry.node for entry in active))
        active.sort(key=lambda entry: (nodes.index(entry.node), entry.binding.group is not None))
        for _node, binding, enabled, _tooltip in active:
            if binding.show and binding.action not in shown:
                display = self.app.get_key_display(binding)
                what = _(binding.description) if binding.description else ""
                shown[binding.action] = (binding.key, display, what, enabled)
        return list(shown.values())

    def render(self) -> Text:
        entries = self.entries()
        text = self._line(entries, roomy=True)
        if text.cell_len > self.size.width:  # narrow terminal: tighter spacing, then cut
            text = self._line(entries, roomy=False)
        return text

    def _line(self, entries: list[tuple[str, str, str, bool]], roomy: bool) -> Text:
        """The keys as one line; ``roomy`` pads each key like a button."""
        key_style = self.get_component_rich_style("key-bar--key")
        disabled = self.get_component_rich_style("key-bar--disabled")
        pad = " " if roomy else ""
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for key, display, description, enabled in entries:
            start = text.cell_len
            text.append(f"{pad}{display}{pad}", key_style + disabled if not enabled else key_style)
            text.append(f" {description}{pad} ", disabled if not enabled else "")
            self._spans.append((start, text.cell_len, key, enabled))
        return text

    def on_click(self, event: Click) -> None:
        for start, end, key, enabled in self._spans:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
