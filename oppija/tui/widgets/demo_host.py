"""Which widget shows which demo kind (its spec in the registry says); a widget's module is
imported only when a slide with that demo is shown."""

from __future__ import annotations

from oppija.sims.demo import Demo
from oppija.sims.registry import DEMOS, resolve
from oppija.tui.widgets.demo_panel import DemoPanel


def widget_class(kind: str) -> type[DemoPanel[Demo]]:
    """The widget class of demo ``kind``, imported now (a KeyError if there is no such kind)."""
    found = resolve(DEMOS[kind].widget)
    if not (isinstance(found, type) and issubclass(found, DemoPanel)):
        raise TypeError(f"{DEMOS[kind].widget} (demo {kind}) is not a DemoPanel")
    return found


def demo_widget(
    kind: str, params: dict[str, object], *, id: str | None = None
) -> DemoPanel[Demo] | None:
    """A new widget running demo ``kind`` with the lesson's ``params``; None for a kind that
    no spec declares (the lesson checker reports those)."""
    if kind not in DEMOS:
        return None
    return widget_class(kind)(kind, params, id=id)
