"""Ctrl+C while a learner's app is still starting: its process must end with the server.

The race, made certain here: the websocket's process is only started once the server is already
shutting down (CI once left such a process running after the server had ended).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from aiohttp import ClientWebSocketResponse, web
from aiohttp.test_utils import TestClient, TestServer

from oppija.classroom import claim_folder, new_token
from oppija.serve.learner_cookie import COOKIE_NAME, cookie_value
from oppija.serve.server import ClassroomServer, LearnerAppService, ServeSettings

BUSY_SHUTDOWN_SECONDS = 0.05
"""The server's own grace for open requests (2 s), as it is on a machine so busy that an app
just started takes longer than that to quit: the app's end must not depend on it."""


async def read_until_closed(websocket: ClientWebSocketResponse) -> None:
    """Like a browser's tab: take what the server sends, answer its closing at once."""
    async for _message in websocket:
        pass


@pytest.mark.slow
async def test_a_process_started_during_ctrl_c_ends_with_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class_dir = tmp_path / "klass"
    class_dir.mkdir()
    learner = claim_folder(class_dir, "Jaan", new_token())
    server = ClassroomServer(ServeSettings("127.0.0.1", 0, class_dir, 30, None))
    started: list[LearnerAppService] = []
    starting, stopping = asyncio.Event(), asyncio.Event()
    original_start, original_shutdown = LearnerAppService.start, server.on_shutdown

    async def start_late(session: LearnerAppService, width: int, height: int) -> None:
        starting.set()
        await stopping.wait()  # the Ctrl+C arrives while the app is starting ...
        await asyncio.sleep(0.3)  # ... and the server has ended the processes it knew of
        await original_start(session, width, height)
        started.append(session)

    async def shutdown_seen(app: web.Application) -> None:
        stopping.set()
        await original_shutdown(app)

    monkeypatch.setattr(LearnerAppService, "start", start_late)
    monkeypatch.setattr(server, "on_shutdown", shutdown_seen)
    served = TestServer(await server._make_app())
    await served.start_server(shutdown_timeout=BUSY_SHUTDOWN_SECONDS)
    client = TestClient(served)
    websocket = await client.ws_connect(
        "/ws", headers={"Cookie": f"{COOKIE_NAME}={cookie_value(learner)}"}
    )
    reading = asyncio.create_task(read_until_closed(websocket))  # a browser tab reads on
    try:
        await asyncio.wait_for(starting.wait(), 10)
        await served.close()  # the server's shutdown, as after Ctrl+C, the tab still open
        [session] = started  # by the time the server has stopped, so has the learner's app
        ended = session._process is not None and session._process.returncode is not None
        await reading
    finally:
        await client.close()
        for session in started:  # a process the server left running is not left to the test run
            if session._process is not None and session._process.returncode is None:
                session._process.kill()
                await session._process.wait()
    assert ended
