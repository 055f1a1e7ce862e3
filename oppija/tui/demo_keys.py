"""The demos' keys for the help screen, read from the registry and the widgets' own bindings.

Nothing here is written by hand: the keys every demo shares come from the shared widget
classes (:class:`DemoPanel`, :class:`StepDemo`, :class:`DescentDemo`), each demo's own keys from
its widget class and the values it lets the learner type, under the demo's title from its spec;
the practice keys (``P``, ``E``, bound on :class:`DemoPanel`) go with each demo that has them.
A key added to a widget is in the help at once, and a test checks that the two agree.
Imported when the help opens: it imports every demo widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.binding import Binding

from oppija.i18n import N_, _
from oppija.sims.demo import Demo
from oppija.sims.registry import DEMOS, DemoSpec
from oppija.tui.widgets.demo_host import widget_class
from oppija.tui.widgets.demo_panel import DemoPanel
from oppija.tui.widgets.descent_demo import DescentDemo
from oppija.tui.widgets.practice_mode import PRACTICE_ACTIONS
from oppija.tui.widgets.step_demo import StepDemo

# The shared widget classes, each with the heading its keys go under, in the help's order.
SHARED: tuple[tuple[type[DemoPanel[Demo]], str], ...] = (
    (DemoPanel, N_("Every demo")),
    (StepDemo, N_("Step-through demos")),
    (DescentDemo, N_("Descent demos")),
)
CYCLE_KEY = "c"  # DemoPanel's key for the next choice of the spec's ``cycled`` setting


@dataclass(frozen=True)
class KeyRow:
    """One line of the help: the keys it covers, how they are written, what they do."""

    keys: tuple[str, ...]
    shown: str
    description: str  # in the active language


def binding_rows(bindings: Iterable[Binding], name_key: Callable[[str], str]) -> list[KeyRow]:
    """A row per action: a hidden binding of the same action (``-`` after ``+``) joins the row
    before it, whose ``key_display`` ("+/-") already names both keys."""
    rows: list[KeyRow] = []
    last_action = ""
    for binding in bindings:
        action = binding.action.partition("(")[0]
        if rows and not binding.show and action == last_action:
            row = rows[-1]
            rows[-1] = KeyRow((*row.keys, binding.key), row.shown, row.description)
            continue
        shown = binding.key_display or name_key(binding.key)
        rows.append(KeyRow((binding.key,), shown, _(binding.description)))
        last_action = action
    return rows


def declared_bindings(cls: type[object]) -> list[Binding]:
    """The bindings ``cls`` itself declares (Textual merges them with its ancestors'); the keys
    that open a field for a typed value are listed by :func:`typed_rows`, with their label."""
    return [
        b
        for b in vars(cls).get("BINDINGS", ())
        if isinstance(b, Binding) and not b.action.startswith("type(")
    ]


def typed_rows(cls: type[DemoPanel[Demo]], inherited: Iterable[str] = ()) -> list[KeyRow]:
    """A row per value the widget lets the learner type, except keys its base already lists."""
    skip = set(inherited)
    return [
        KeyRow((typed.key,), typed.key, _("type: {what}").format(what=_(typed.label)))
        for typed in cls.TYPED
        if typed.key not in skip
    ]


def shared_rows(name_key: Callable[[str], str]) -> list[tuple[str, list[KeyRow]]]:
    """The keys each shared widget class gives every demo built on it, under its heading;
    ``c`` is listed with each demo that cycles through something, the practice keys with
    each demo that has practice questions."""
    return [
        (
            _(heading),
            binding_rows(
                (
                    b
                    for b in declared_bindings(cls)
                    if b.key != CYCLE_KEY and b.action not in PRACTICE_ACTIONS
                ),
                name_key,
            )
            + typed_rows(cls),
        )
        for cls, heading in SHARED
    ]


def practice_rows(spec: DemoSpec, name_key: Callable[[str], str]) -> list[KeyRow]:
    """``P`` and ``E`` for a demo with practice questions, nothing for another."""
    if not spec.practice:
        return []
    keys = [b for b in declared_bindings(DemoPanel) if b.action in PRACTICE_ACTIONS]
    return binding_rows(keys, name_key)


def demo_rows(spec: DemoSpec, name_key: Callable[[str], str]) -> list[KeyRow]:
    """The keys of demo ``spec`` beyond those of the shared class it is built on."""
    cls = widget_class(spec.kind)
    shared = [shared_cls for shared_cls, _heading in SHARED]
    own = [
        b
        for klass in reversed(cls.__mro__)
        if issubclass(klass, DemoPanel) and klass not in shared
        for b in declared_bindings(klass)
    ]
    rows = binding_rows(own, name_key)
    if spec.cycled is not None and not any(CYCLE_KEY in row.keys for row in rows):
        cycle = next(b for b in declared_bindings(DemoPanel) if b.key == CYCLE_KEY)
        rows.append(KeyRow((CYCLE_KEY,), CYCLE_KEY, _(cycle.description)))
    base = next(shared_cls for shared_cls in reversed(shared) if issubclass(cls, shared_cls))
    typed = typed_rows(cls, (typed.key for typed in base.TYPED))
    return rows + practice_rows(spec, name_key) + typed


def current_demo_rows(kind: str, name_key: Callable[[str], str]) -> list[tuple[str, str]]:
    """The help's first part on a demo slide: every key of the demo on screen, under its
    title, its own keys first, then those it shares with other demos."""
    spec = DEMOS.get(kind)
    if spec is None:
        return []  # a kind no spec declares shows no demo (the lesson checker reports it)
    cls = widget_class(kind)
    shared = [
        row
        for heading, section in zip(SHARED, shared_rows(name_key), strict=True)
        if issubclass(cls, heading[0])
        for row in section[1]
    ]
    own = demo_rows(spec, name_key)
    taken = {key for row in own for key in row.keys}
    rows = [(_("This demo: {title}").format(title=_(spec.title)), "")]
    rows.extend((row.shown, row.description) for row in own)
    rows.extend((row.shown, row.description) for row in shared if not taken & set(row.keys))
    return rows


def demo_help_rows(name_key: Callable[[str], str]) -> list[tuple[str, str]]:
    """The help's demo part: the shared keys, then each demo's title and its own keys."""
    rows: list[tuple[str, str]] = []
    for heading, section in shared_rows(name_key):
        rows.append((heading, ""))
        rows.extend((row.shown, row.description) for row in section)
    for spec in DEMOS.values():
        own = demo_rows(spec, name_key)
        if own:
            rows.append((_(spec.title), ""))
            rows.extend((row.shown, row.description) for row in own)
    return rows
