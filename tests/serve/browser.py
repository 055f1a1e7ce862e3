"""A learner's browser tab in the tests: Chromium through Playwright, the app's screen as text.

The terminal is drawn on a canvas, so what the app shows is read where it arrives: the websocket's
frames, escape sequences removed. Waiting is on frames arriving, never on pauses.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from playwright.sync_api import Error as PlaywrightError

if TYPE_CHECKING:  # imported for real only once Chromium and Playwright are known to be there
    from playwright.sync_api import Browser, BrowserContext, Page, Route, WebSocket

_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: the pointer's shape, the title
    rb"|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>]"
)
WAIT_SECONDS = 15.0
"""Generous: a learner's process starts in about 2 s, more while others start on 2 cores."""


def screen_text(frames: list[bytes]) -> str:
    """What the frames drew, as text: escape sequences removed, UTF-8 decoded."""
    return _ESCAPES.sub(b"", b"".join(frames)).decode("utf-8", "replace")


@dataclass
class Tab:
    """One browser tab on the classroom server and what its terminal has been sent."""

    page: Page
    frames: list[bytes] = field(default_factory=list)
    socket: WebSocket | None = None
    sockets: list[str] = field(default_factory=list)
    """The address of every websocket the page opened."""

    def __post_init__(self) -> None:
        self.page.on("websocket", self._attach)

    def _attach(self, socket: WebSocket) -> None:
        self.sockets.append(socket.url)
        self.socket = socket
        self.frames = []
        socket.on("framereceived", self._received)

    def _received(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            self.frames.append(payload)

    def mark(self) -> int:
        """A point in the stream: ``wait_for(..., since=mark)`` looks only at what came later."""
        return len(self.frames)

    def text(self, since: int = 0) -> str:
        return screen_text(self.frames[since:])

    def wait_for(self, *needles: str, since: int = 0) -> str:
        """Wait until every needle has been drawn (after ``since``); the text drawn so far."""
        return self.wait_until(lambda text: all(n in text for n in needles), needles, since)

    def wait_until(self, drawn: Callable[[str], bool], what: object, since: int = 0) -> str:
        """Wait until the text drawn after ``since`` satisfies ``drawn``; that text."""
        deadline = time.monotonic() + WAIT_SECONDS
        while not drawn(text := self.text(since)):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.socket is None:
                raise AssertionError(f"never drawn: {what}; last: {text[-400:]!r}")
            try:
                self.socket.wait_for_event("framereceived", timeout=remaining * 1000)
            except PlaywrightError:  # no frame in time, or the socket closed: said above
                self.socket = None
        return text

    def press(self, *keys: str) -> None:
        """Keys typed into the terminal, in order (the app reads them in the same order)."""
        self.page.focus(".xterm-helper-textarea")
        for key in keys:
            self.page.keyboard.press(key)

    def open_app(self) -> None:
        """The page of a learner who has a name: wait for the app's first paint."""
        self.page.wait_for_selector("body.-first-byte", timeout=WAIT_SECONDS * 1000)


class Room:
    """Browser contexts (one a learner) that may talk to the server's own address only."""

    def __init__(self, browser: Browser, origin: str) -> None:
        self.browser = browser
        self.origin = origin
        self.foreign: list[str] = []
        """Every request to any other address (each was aborted)."""
        self.served: list[str] = []

    def _route(self, route: Route) -> None:
        url = route.request.url
        host_part = url.split("://", 1)[-1].split("/", 1)[0]
        if host_part != self.origin:
            self.foreign.append(url)
            route.abort()
            return
        self.served.append(url)
        route.continue_()

    def new_learner(self) -> tuple[BrowserContext, Tab]:
        context = self.browser.new_context(viewport={"width": 1200, "height": 800})
        context.route("**/*", self._route)
        return context, Tab(context.new_page())

    def name_and_start(self, tab: Tab, name: str | None) -> None:
        """The name page: type ``name`` (None: the anonymous button), then the app opens."""
        tab.page.goto(f"http://{self.origin}/")
        if name is None:
            tab.page.click("#anonymous")
        else:
            tab.page.fill("#name", name)
            tab.page.click("#start")
        tab.open_app()
