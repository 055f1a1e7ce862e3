"""Ctrl+C on the classroom server: every learner's app saves and ends, and the server says so."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import aiohttp

from tests.serve.conftest import start_server, stop_server
from tests.serve.processes import ends_within, learner_processes

WAIT_SECONDS = 30.0


async def _open_session(
    origin: str,
) -> tuple[aiohttp.ClientSession, aiohttp.ClientWebSocketResponse]:
    """A learner as the page is one: named (the cookie kept), the websocket open, first bytes in."""
    http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    async with http.post(f"http://{origin}/learner", data={"name": "Ülle"}, allow_redirects=False):
        pass
    socket = await http.ws_connect(f"ws://{origin}/ws?width=100&height=30")
    while True:  # the app's first screen: more than the few bytes of its set-up
        message = await asyncio.wait_for(socket.receive(), WAIT_SECONDS)
        assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
        if message.type == aiohttp.WSMsgType.BINARY and len(message.data) > 1000:
            return http, socket


async def test_ctrl_c_ends_every_learners_app_and_the_server(tmp_path: Path) -> None:
    served = start_server(tmp_path / "klass")
    try:
        http, socket = await _open_session(served.origin)
        [pid] = learner_processes(served.class_dir / "ulle")
        served.process.send_signal(signal.SIGINT)
        assert await asyncio.to_thread(ends_within, pid, WAIT_SECONDS)
        status = await asyncio.to_thread(served.process.wait, WAIT_SECONDS)
        await socket.close()
        await http.close()
    finally:
        if served.process.poll() is None:
            stop_server(served.process)
    assert served.process.stdout is not None
    printed = served.process.stdout.read().decode("utf-8")
    assert status == 0
    assert printed.strip().splitlines() == ["Server on peatatud."], printed
    assert (served.class_dir / "ulle" / "progress.json").is_file()  # saved as it ended
