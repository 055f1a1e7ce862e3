"""One classroom server for the browser tests, Chromium, and the learners' rooms.

The browser tests skip (saying why) only where Chromium or Playwright is missing; `.ci/run`
installs both, so CI runs them.
"""

from __future__ import annotations

import os
import selectors
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 20.0


@dataclass
class Served:
    """A running `oppija serve`: where it listens, its class folder, what it printed."""

    origin: str
    class_dir: Path
    process: subprocess.Popen[bytes]
    printed: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(class_dir: Path, *extra: str) -> Served:
    """`oppija serve` on a free loopback port; returns once it has said where to open it."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPPIJA_")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "oppija",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--class-dir",
            str(class_dir),
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    printed = ""
    deadline = time.monotonic() + START_SECONDS
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        # The announcement ends with the line about Ctrl+C (in either language).
        while f"127.0.0.1:{port}" not in printed or not printed.rstrip(" ").endswith(
            ("Ctrl+C peatab serveri.\n", "Ctrl+C stops the server.\n")
        ):
            if not selector.select(max(0.0, deadline - time.monotonic())):
                stop_server(process)
                raise AssertionError(f"the server did not start: {printed!r}")
            chunk = os.read(process.stdout.fileno(), 4096)  # unbuffered: select saw it all
            if not chunk:
                raise AssertionError(f"the server ended: {printed!r}")
            printed += chunk.decode("utf-8", "replace")
    return Served(f"127.0.0.1:{port}", class_dir, process, printed)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    # Mari Õunapuu, the first to give her name in the browser tests, is the teacher.
    served = start_server(
        tmp_path_factory.mktemp("class") / "klass", "--teacher-name", "Mari Õunapuu"
    )
    yield served
    stop_server(served.process)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Chromium driven by Playwright's sync API, for one test module at a time.

    The sync API keeps an asyncio loop marked as running in this thread while it is started;
    every Pilot test that ran after it in the same xdist worker failed with "Runner.run() cannot
    be called from a running event loop". Module scope stops it before another module's tests.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `bash .ci/run` installs Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is missing: pip install '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()
