"""The one typed way from a widget, screen or command provider to the running ``OppijaApp``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

if TYPE_CHECKING:  # the app imports the screens, which import this: no import cycle at run time
    from oppija.tui.app import OppijaApp


def oppija_app(app: App[object]) -> OppijaApp:
    """``app`` (a node's ``self.app``) as the OppijaApp it is, with its lecture and progress.

    Raises:
        TypeError: when a widget runs inside another app: a mistake in a test or an embedding,
            better said at once than as an AttributeError deep inside a widget.
    """
    from oppija.tui.app import OppijaApp

    if not isinstance(app, OppijaApp):
        raise TypeError(f"oppija's widgets run inside OppijaApp, not {type(app).__name__}")
    return app
