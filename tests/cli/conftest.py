"""A real ``oppija`` process in a pseudo-terminal, for what only a real terminal shows.

The app is started as a learner starts it, in a 100 × 30 pseudo-terminal; a test waits on what
the app draws (never on a clock), sends keys or signals, and reads every byte written, so that
it can check that the terminal was given back (alternate screen left, cursor shown).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from oppija import i18n

ROOT = Path(__file__).resolve().parents[2]

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
SHOW_CURSOR = b"\x1b[?25h"
MOUSE_OFF = b"\x1b[?1000l"
FIRST_SCREEN = b"Abi"  # the footer's Help, drawn with the first screen


def _take_terminal() -> None:
    """In the child, after its new session began: the pseudo-terminal becomes its controlling
    terminal, so that closing the terminal sends it SIGHUP, as a closed window does."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class TerminalApp:
    """``python -m oppija ARGS`` with a pseudo-terminal as its stdin, stdout and stderr."""

    def __init__(self, *args: str) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "oppija", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
            preexec_fn=_take_terminal,
        )
        os.close(slave)
        self.output = b""

    def read_until(self, done: Callable[[bytes], bool], timeout: float = 15) -> bool:
        """Read what the app writes until ``done(output)`` or the app closes the terminal."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: every process holding the terminal has exited
                return done(self.output)
            if not chunk:
                return done(self.output)
            self.output += chunk
            if done(self.output):
                return True
        return False

    def wait_for(self, text: str) -> None:
        """Wait until ``text`` is drawn anywhere after what has been read so far."""
        start = len(self.output)
        wanted = text.encode()
        assert self.read_until(lambda out: wanted in out[start:]), (text, self.output[-500:])

    def press(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def finish(self, timeout: float = 15) -> int:
        """Read to the end; the exit status."""
        self.read_until(lambda out: False, timeout=timeout)
        return self.process.wait(timeout=5)

    def hang_up(self) -> None:
        """Close the terminal's side, as closing the window does."""
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)
        if self.master >= 0:
            os.close(self.master)


@pytest.fixture
def terminal_app() -> Iterator[Callable[..., TerminalApp]]:
    started: list[TerminalApp] = []

    def start(*args: str) -> TerminalApp:
        app = TerminalApp(*args)
        started.append(app)
        return app

    yield start
    for app in started:
        app.close()


@pytest.fixture
def estonian() -> Iterator[None]:
    """Estonian for the test, the language before it afterwards."""
    previous = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(previous)
