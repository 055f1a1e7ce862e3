"""Whether this process was started by ``oppija serve`` to draw into a browser.

textual-serve starts the app with pipes for input and output and names Textual's web driver in
the environment; the app then speaks the web driver's protocol instead of a terminal's.
"""

from __future__ import annotations

import os

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""What textual-serve puts in ``TEXTUAL_DRIVER`` for the processes it starts."""


def served_to_a_browser() -> bool:
    """True when Textual will draw through the web driver (the pipes are then the screen)."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER
