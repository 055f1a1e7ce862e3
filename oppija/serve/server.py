"""The classroom server: textual-serve's ``Server`` with a learner per browser.

What differs from textual-serve's own server, and why:

- the page (``templates/page.html``) loads nothing from other hosts (textual-serve's links a web
  font on the internet: offline, the page waited ~25 s for it) and works out the websocket's
  address from the address the browser used (textual-serve bakes one into the page, its
  issue #42), so any host name a student types works;
- a browser without a learner cookie gets the name page first, and each websocket starts
  ``oppija --data-dir CLASS/<folder>`` for that browser's learner;
- the websocket's heartbeat tolerates a machine busy with 30 learners (textual-serve's 15 s
  dropped sessions), at most ``max_learners`` sessions run at once, and a session's process is
  made to end when its tab closes, or killed if it does not.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shlex
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from oppija import i18n
from oppija.classroom import Learner, claim_folder, clean_name, learner_folder_name, new_token
from oppija.i18n import _
from oppija.presenter_state import default_position_file
from oppija.serve.learner_cookie import (
    COOKIE_MAX_AGE,
    COOKIE_NAME,
    cookie_value,
    learner_from_cookie,
)

HERE = Path(__file__).parent
HEARTBEAT_SECONDS = 60.0
"""Ping each browser this often; it has half as long to answer. textual-serve's 15 s (7,5 s to
answer) dropped learners whenever 30 processes kept both cores busy."""
QUIT_GRACE_SECONDS = 15.0
"""How long a learner's process has to save and quit after its tab closed, before it is killed
(generous: 30 processes starting at once can keep a quitting one waiting for seconds)."""
SHUTDOWN_SECONDS = 2.0
TEACHER_FOLDER = ".teacher"


@dataclass(frozen=True)
class ServeSettings:
    """What ``oppija serve`` was asked for."""

    host: str
    port: int
    class_dir: Path
    max_learners: int
    language: str | None
    """The language given with ``--lang`` (then every learner starts in it), or None."""
    teacher_name: str | None = None
    """``--teacher-name``: the learner who claims this name first is followed by the others."""

    @property
    def teacher_folder(self) -> str | None:
        """The teacher's folder: the first claim of the name gets the plain slug (``mari``);
        a student typing the same name later gets ``mari-2`` and follows like the others."""
        return learner_folder_name(self.teacher_name) if self.teacher_name else None

    @property
    def position_file(self) -> Path:
        """Where the teacher's app writes its slide and step; a dot folder is no learner's."""
        return default_position_file(self.class_dir / TEACHER_FOLDER)


class LearnerAppService(AppService):
    """One learner's app process: textual-serve's service, and a way to be sure it ended."""

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment["PYTHONIOENCODING"] = "utf-8"  # the pipes carry UTF-8 whatever the locale
        return environment

    async def end(self) -> None:
        """Ask the app to quit and let it save; kill it if it has not gone in time.

        The app closes its output before it has finished (it saves as it unmounts), so its
        end is waited for, not only the end of its output.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + QUIT_GRACE_SECONDS
        with contextlib.suppress(TimeoutError, ConnectionError, RuntimeError):
            await asyncio.wait_for(self.stop(), QUIT_GRACE_SECONDS)
        process = self._process
        if process is None:
            return
        try:
            await asyncio.wait_for(process.wait(), max(0.1, deadline - loop.time()))
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()


class ClassroomServer(Server):
    """textual-serve's server, one learner folder and one oppija process a browser."""

    def __init__(self, settings: ServeSettings) -> None:
        super().__init__(
            command=f"{sys.executable} -m oppija",
            host=settings.host,
            port=settings.port,
            title="oppija",
            templates_path=HERE / "templates",
        )
        self.settings = settings
        self.sessions: set[LearnerAppService] = set()
        self._ending: dict[Path, set[asyncio.Future[None]]] = {}
        """Per learner folder, the sessions whose tab has closed and whose process is saving."""
        self._handlers: set[asyncio.Future[None]] = set()
        """One per websocket being handled, done once its process has ended."""
        self._closing = False
        """Set by Ctrl+C: no process starts any more, and one still starting is ended."""
        self.on_listening: Callable[[], None] = lambda: None
        """Called once the server listens (a port in use has then been ruled out)."""

    def learner_command(self, learner: Learner) -> str:
        """The shell command of one learner's process; the folder is a slug, quoted anyway."""
        words = [sys.executable, "-m", "oppija", "--data-dir", str(learner.folder)]
        if self.settings.language:
            words += ["--lang", self.settings.language]
        teacher = self.settings.teacher_folder
        if teacher is not None:
            position = str(self.settings.position_file)
            is_teacher = learner.folder.name == teacher
            words += ["--position-file" if is_teacher else "--follow", position]
        return "exec " + shlex.join(words)

    # ------------------------------------------------------------------ the web application
    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_post("/learner", self.handle_name, name="learner")
        app.router.add_static("/oppija", HERE / "static", name="oppija-static")
        return app

    def initialize_logging(self) -> None:
        """Warnings only: a line per request would bury the addresses the teacher reads."""
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Nothing to print yet: the addresses are printed once the port is really ours."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: every learner's process saves and ends (or is killed), also one whose app
        was still starting (its websocket handler ends it as soon as it has started)."""
        self._closing = True
        await asyncio.gather(*(session.end() for session in list(self.sessions)))
        if self._handlers:  # a handler still starting an app ends it first
            await asyncio.wait(set(self._handlers), timeout=2 * QUIT_GRACE_SECONDS + 1)
        endings = {ending for folder in self._ending.values() for ending in folder}
        if endings:  # tabs closed just before, or handlers cancelled while their app saved
            await asyncio.wait(endings, timeout=2 * QUIT_GRACE_SECONDS + 1)

    def serve(self, debug: bool = False) -> None:
        """Listen until Ctrl+C or SIGTERM; raises OSError when the address cannot be had."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signal_number, self.request_exit)
        try:
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                shutdown_timeout=SHUTDOWN_SECONDS,
                access_log=None,
                print=lambda _text: self.on_listening(),
            )
        finally:
            loop.close()

    def request_exit(self) -> None:
        raise GracefulExit()

    # ------------------------------------------------------------------ pages
    def _learner(self, request: web.Request) -> Learner | None:
        return learner_from_cookie(self.settings.class_dir, request.cookies.get(COOKIE_NAME))

    def _full(self) -> bool:
        return len(self.sessions) >= self.settings.max_learners

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The app for a known learner, the name page for a new browser, or "the class is full"."""
        learner = self._learner(request)
        if learner is None:
            return self._name_page(request)
        if self._full():
            return aiohttp_jinja2.render_template("full.html", request, self._words(), status=503)
        context = self._words()
        context["font_size"] = to_int(request.query.get("fontsize", "16"), 16)
        return aiohttp_jinja2.render_template("page.html", request, context)

    def _name_page(self, request: web.Request, problem: str = "") -> web.Response:
        context = self._words()
        context["problem"] = problem
        return aiohttp_jinja2.render_template(
            "name.html", request, context, status=400 if problem else 200
        )

    async def handle_name(self, request: web.Request) -> web.StreamResponse:
        """The name form: claim a folder for the name (or for "anonymous"), set the cookie."""
        form = await request.post()
        typed = form.get("name")
        anonymous = "anonymous" in form
        name = _("anonymous") if anonymous else clean_name(typed if isinstance(typed, str) else "")
        if not name:
            return self._name_page(request, _("Write your name, or choose “anonymous”."))
        try:
            learner = await asyncio.to_thread(
                claim_folder, self.settings.class_dir, name, new_token()
            )
        except OSError:
            return self._name_page(request, _("The class folder cannot be written to."))
        response = web.HTTPSeeOther("/")
        response.set_cookie(
            COOKIE_NAME,
            cookie_value(learner),
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            path="/",
        )
        return response

    def _words(self) -> dict[str, object]:
        """Every sentence the pages show, in the server's language."""
        return {
            "lang": i18n.current_language(),
            "title": _("oppija — the deep learning lecture"),
            "ask_name": _("What is your name?"),
            "name_help": _(
                "Your progress and answers are kept under this name on this computer; this "
                "browser finds them again tomorrow."
            ),
            "start": _("Start"),
            "anonymous_button": _("Without a name (anonymous)"),
            "full_title": _("The class is full"),
            "full_text": _(
                "All {count} places are taken. Ask the teacher, or try again when someone has "
                "closed their tab."
            ).format(count=i18n.format_integer(self.settings.max_learners)),
            "try_again": _("Try again"),
            "ended": _("The connection to the lecture ended."),
            "reload": _("Open again"),
            "loading": _("The lecture is opening…"),
        }

    # ------------------------------------------------------------------ the app's websocket
    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab's session: this learner's own oppija process, ended when the tab closes."""
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS)
        learner = self._learner(request)
        if learner is None or self._full() or self._closing:
            await websocket.prepare(request)
            code = 4403 if learner is None else 1001 if self._closing else 4503
            await websocket.close(code=code)
            return websocket

        async def close() -> None:
            await websocket.close()

        session = LearnerAppService(
            self.learner_command(learner),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
        )
        self.sessions.add(session)  # counted before any await: two tabs cannot both be the 31st
        handled: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._handlers.add(handled)
        try:
            await websocket.prepare(request)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            await self._previous_sessions_saved(learner.folder)
            if not self._closing:
                await session.start(width, height)
            if not self._closing:  # Ctrl+C while the process started: it is ended below
                await self._process_messages(websocket, session)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self.sessions.discard(session)  # the tab is gone: its place is free for another
            try:
                await self._end(session, learner.folder)
            finally:
                handled.set_result(None)
                self._handlers.discard(handled)
        return websocket

    async def _previous_sessions_saved(self, folder: Path) -> None:
        """A reloaded page's new process must read what the old one saves as it quits."""
        ending = self._ending.get(folder)
        if ending:
            await asyncio.wait(set(ending), timeout=2 * QUIT_GRACE_SECONDS + 1)

    async def _end(self, session: LearnerAppService, folder: Path) -> None:
        """The tab closed: the process saves and ends; meanwhile a new tab of the learner waits.

        The ending is a task of its own, so that a handler cancelled while it waits (aiohttp
        cancels them as the server stops) neither stops it nor lets anyone think it is done.
        """
        ending = asyncio.ensure_future(session.end())
        endings = self._ending.setdefault(folder, set())
        endings.add(ending)

        def forget(_ending: asyncio.Future[None]) -> None:
            endings.discard(ending)
            if not endings and self._ending.get(folder) is endings:
                del self._ending[folder]

        ending.add_done_callback(forget)
        await asyncio.shield(ending)
