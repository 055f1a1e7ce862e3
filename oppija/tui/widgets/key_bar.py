"""The bottom line: the keys that work here and what they do; clicking one presses it.

One widget drawing one line of text, where Textual's ``Footer`` mounts a widget per key and
rebuilds them all whenever the bindings change: on the first screen that cost as much as the
slide itself. Binding descriptions are English message ids (``N_``), translated here each time
the line is drawn, so a language switch needs only a redraw.

The line is laid out by priority: → and ← first, ? and q last, and they are never dropped;
when the keys between them do not fit, the last of those give way to "…" (the help, ?, lists
them all). A quiz that has the focus puts its Enter and Esc first; a field shows only them, as
every other key types into it.
"""

from __future__ import annotations

from rich.text import Text
from textual.events import Click
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList

from oppija.i18n import _

FIRST = ("forward", "back")  # the lecture's actions always shown, at the start …
LAST = ("help", "quit")  # … and the app's at the end, after "…" when keys between had to go
MORE = "…"

Entry = tuple[str, str, str, bool]  # key, how it is shown, what it does (translated), enabled


def focus_hints(focused: Widget | None) -> list[Entry]:
    """What Enter and Esc do in the field or quiz choice that has the focus: they are not
    bindings of ours (the field takes them), so the bar says them itself."""
    if focused is None:
        return []
    owners = {type(node).__name__ for node in focused.ancestors}  # by name: QuizCard loads late
    in_quiz = "QuizCard" in owners
    back = ("escape", "Esc", _("Back to the slide"), True)
    if isinstance(focused, Input):
        if in_quiz:
            return [("enter", "Enter", _("Answer"), True), back]
        if focused.id == "demo-input":  # a demo's field for a typed value
            return [("enter", "Enter", _("Confirm"), True), ("escape", "Esc", _("Cancel"), True)]
        return []  # another screen's field (the glossary's search): its screen's keys
    if isinstance(focused, OptionList) and in_quiz:
        return [("enter", "Enter", _("Answer"), True), ("down", "↑ ↓", _("Choose"), True), back]
    if isinstance(focused, Button) and in_quiz:
        return [("enter", "Enter", _("Show"), True), back]
    return []


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

    def entries(self) -> list[Entry]:
        """(key, how it is shown, what it does, enabled) for every key shown, once per action;
        what it does in the active language. The focused widget's keys come first; among one
        widget's keys, those in a group (a demo's keys that open a field) come last."""
        return [entry for _action, entry in self._active()]

    def _active(self) -> list[tuple[str, Entry]]:
        """:meth:`entries`, each with its action."""
        shown: dict[str, Entry] = {}
        active = list(self.screen.active_bindings.values())
        nodes = list(dict.fromkeys(entry.node for entry in active))
        active.sort(key=lambda entry: (nodes.index(entry.node), entry.binding.group is not None))
        for _node, binding, enabled, _tooltip in active:
            if binding.show and binding.action not in shown:
                display = self.app.get_key_display(binding)
                what = _(binding.description) if binding.description else ""
                shown[binding.action] = (binding.key, display, what, enabled)
        return list(shown.items())

    def ordered(self) -> tuple[list[Entry], list[Entry], list[Entry]]:
        """The entries in three parts: those always shown first (a field's Enter and Esc, →,
        ←), those that may give way, and those always shown last (?, q)."""
        focused = self.screen.focused
        hints = focus_hints(focused)
        if isinstance(focused, Input) and hints:  # every other key types into the field
            return hints, [], []
        active = dict(self._active())
        first = hints + [active[action] for action in FIRST if action in active]
        last = [active[action] for action in LAST if action in active]
        taken = {entry[0] for entry in hints}
        middle = [
            entry
            for action, entry in active.items()
            if action not in (*FIRST, *LAST) and entry[0] not in taken
        ]
        return first, middle, last

    def render(self) -> Text:
        return self.line(self.size.width)

    def line(self, width: int) -> Text:
        """The line as it is drawn ``width`` cells wide: all keys, roomy or tight, or the
        first and last ones with as many between as fit and "…"."""
        first, middle, last = self.ordered()
        text = Text()
        for roomy in (True, False):  # narrow terminal: tighter spacing, then fewer keys
            text = self._line(first, middle, last, roomy)
            if text.cell_len <= width:
                return text
        for keep in range(len(middle) - 1, -1, -1):
            text = self._line(first, middle[:keep], last, roomy=False, cut=True)
            if text.cell_len <= width:
                break
        return text

    def _line(
        self,
        first: list[Entry],
        middle: list[Entry],
        last: list[Entry],
        roomy: bool,
        cut: bool = False,
    ) -> Text:
        """The keys as one line; ``roomy`` pads each key like a button; ``cut``: some of the
        middle keys gave way, and "…" before the last ones (? and q) says so."""
        key_style = self.get_component_rich_style("key-bar--key")
        disabled = self.get_component_rich_style("key-bar--disabled")
        pad = " " if roomy else ""
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for part in (first, middle, last):
            if cut and part is last:
                text.append(f"{MORE} ")
            for key, display, description, enabled in part:
                start = text.cell_len
                key_look = key_style + disabled if not enabled else key_style
                text.append(f"{pad}{display}{pad}", key_look)
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
