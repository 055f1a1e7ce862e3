"""Waiting until a Textual app has handled a key and drawn the screen, for the benchmarks.

Textual only (no oppija, no NumPy): the memory benchmark's bare app imports it in a process that
must hold nothing of oppija's.
"""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.message_pump import MessagePump
from textual.pilot import Pilot

WAIT_LIMIT = 30.0  # seconds; only reached if an app hangs


async def handled(app: App[None], nodes: list[MessagePump]) -> None:
    """Until each of ``nodes`` has handled every message queued to it before this call."""
    loop = asyncio.get_running_loop()
    pending: set[asyncio.Future[None]] = set()
    for node in nodes:
        reached: asyncio.Future[None] = loop.create_future()
        if node.call_later(reached.set_result, None):
            pending.add(reached)
    deadline = loop.time() + WAIT_LIMIT
    while pending and app.is_running:
        _done, pending = await asyncio.wait(pending, timeout=0.1)
        if loop.time() > deadline:
            raise TimeoutError("the app did not finish its messages in time")


async def until_painted(pilot: Pilot[None]) -> None:
    """Until the app has handled everything the last key caused and the screen is drawn."""
    app = pilot.app
    for _round in range(100):
        await app.workers.wait_for_complete()
        screen = app.screen
        nodes: list[MessagePump] = [app, *screen.walk_children(with_self=True)]
        busy = [n for n in nodes if n.message_queue_size or n in (app, screen, screen.focused)]
        await handled(app, busy)
        if any(node.message_queue_size for node in nodes):
            continue
        await pilot.wait_for_animation()  # draws the screen now
        if not any(node.message_queue_size for node in nodes):
            return
