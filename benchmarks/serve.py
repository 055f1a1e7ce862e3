"""A served classroom: N learners at once on this machine, their memory and their first paint.

Run with ``python benchmarks/serve.py`` (default: 10 and then 30 sessions). For each N it starts
``oppija serve`` on a free loopback port with a fresh class folder, and opens N sessions the way
the page does it, as plain websocket clients (a browser each would measure Chromium, not
oppija): each learner is named (POST /learner, which sets the cookie), opens the websocket with
a 120 × 40 terminal and answers the server's pings as a browser does. It prints

    serve: N sessions, M MiB per session, first paint P s

where M is the median resident memory (RSS, from psutil if installed, else /proc) of the
learners' processes after every learner has walked to slide 4 and its demo (a braille plot), and
P the median time from opening the websocket to the first slide painted (all N open at once, so
the machine is as busy as a room arriving at the start of a lecture). It then keeps every
session open for ``--hold`` seconds and reports any the server dropped: the heartbeat must
tolerate a machine this busy.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>]"
)
BRAILLE = re.compile("[\u2801-\u28ff]")
RIGHT = "\x1b[C"
TO_THE_DEMO = 15
"""Presses of → from the first slide to slide 4's last step (its linear-regression plot)."""


@dataclass
class Session:
    """One learner's websocket and what its terminal has been sent."""

    name: str
    frames: list[bytes] = field(default_factory=list)
    opened: float = 0.0
    first_paint: float | None = None
    at_demo: float | None = None
    closed: bool = False

    def text(self) -> str:
        return _ESCAPES.sub(b"", b"".join(self.frames)).decode("utf-8", "replace")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _rss_mib(pid: int) -> float:
    try:
        import psutil

        return float(psutil.Process(pid).memory_info().rss) / 2**20
    except ImportError:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _learner_pids(class_dir: Path) -> list[int]:
    wanted = str(class_dir).encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                words = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            mine = any(wanted in w for w in words) and b"oppija" in words
            if mine and b"serve" not in words and not words[0].endswith(b"sh"):
                pids.append(int(entry.name))
    return pids


async def _learner(base: str, session: Session, hold: float) -> None:
    """One browser: its own cookie jar (which keeps a cookie from an IP address, as browsers do)."""
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        await _learn(http, base, session, hold)


async def _learn(http: aiohttp.ClientSession, base: str, session: Session, hold: float) -> None:
    async with http.post(f"{base}/learner", data={"name": session.name}, allow_redirects=False):
        pass
    ws_url = base.replace("http:", "ws:") + "/ws?width=120&height=40"
    session.opened = time.monotonic()
    async with http.ws_connect(ws_url, heartbeat=None, autoping=True) as ws:
        await ws.send_str(json.dumps(["resize", {"width": 120, "height": 40}]))
        walking = False
        deadline = None
        async for message in ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                session.frames.append(message.data)
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
            now = time.monotonic()
            if session.first_paint is None and "Slaid 1/63" in session.text():
                session.first_paint = now - session.opened
                session.frames.clear()
                for _ in range(TO_THE_DEMO):
                    await ws.send_str(json.dumps(["stdin", RIGHT]))
                walking = True
            elif walking and session.at_demo is None:
                text = session.text()
                if "Slaid 4/63" in text and len(BRAILLE.findall(text)) > 50:
                    session.at_demo = now - session.opened
                    session.frames.clear()
                    deadline = now + hold
            if deadline is not None and now >= deadline:
                return
            if session.at_demo is not None:
                session.frames.clear()
    session.closed = True


async def _hold_open(sessions: list[Session], tasks: list[asyncio.Task[None]], hold: float) -> None:
    """Wait for all to reach their demo, then keep them open ``hold`` seconds more."""
    while not all(s.at_demo is not None or t.done() for s, t in zip(sessions, tasks, strict=True)):
        await asyncio.sleep(0.5)
    await asyncio.sleep(hold)


async def _room(
    base: str, count: int, hold: float, class_dir: Path
) -> tuple[list[Session], list[int], list[float]]:
    sessions = [Session(f"Õppija {n}") for n in range(1, count + 1)]
    tasks = [asyncio.create_task(_learner(base, s, hold + 600)) for s in sessions]
    await asyncio.wait_for(_hold_open(sessions, tasks, hold), timeout=900)
    pids = _learner_pids(class_dir)  # while every session is still open
    rss = [_rss_mib(pid) for pid in pids]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return sessions, pids, rss


def measure(count: int, hold: float) -> None:
    port = _free_port()
    with tempfile.TemporaryDirectory() as folder:
        class_dir = Path(folder) / "klass"
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPPIJA_")}
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "oppija",
                "serve",
                "--port",
                str(port),
                "--class-dir",
                str(class_dir),
                "--max-learners",
                str(count),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert server.stdout is not None
        server.stdout.readline()  # "the lecture is served…": it listens
        try:
            started = time.monotonic()
            base = f"http://127.0.0.1:{port}"
            sessions, pids, rss = asyncio.run(_room(base, count, hold, class_dir))
        finally:
            server.terminate()
            server.wait(timeout=120)
    painted = [s.first_paint for s in sessions if s.first_paint is not None]
    at_demo = [s.at_demo for s in sessions if s.at_demo is not None]
    dropped = [s.name for s in sessions if s.closed]
    print(
        f"serve: {count} sessions, {statistics.median(rss):.0f} MiB per session, "
        f"first paint {statistics.median(painted):.1f} s"
    )
    print(
        f"  first paint slowest {max(painted):.1f} s; all at slide 4's demo after "
        f"{max(at_demo):.1f} s (median {statistics.median(at_demo):.1f} s); "
        f"{len(pids)} learner processes, RSS {min(rss):.0f}–{max(rss):.0f} MiB; "
        f"held open {hold:.0f} s more; dropped: {len(dropped)}; "
        f"load {os.getloadavg()[0]:.1f}; {time.monotonic() - started:.0f} s in all"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[10, 30])
    parser.add_argument("--hold", type=float, default=60.0, help="seconds to stay open after")
    args = parser.parse_args()
    for count in args.counts:
        measure(count, args.hold)


if __name__ == "__main__":
    main()
