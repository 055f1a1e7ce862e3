"""The learner processes a classroom server started, seen from outside it (Linux /proc)."""

from __future__ import annotations

import os
import select
from pathlib import Path


def learner_processes(folder: Path) -> list[int]:
    """The oppija processes (not the shell that started one) working in ``folder`` or in a
    learner folder under it."""
    wanted = str(folder).encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # it ended meanwhile
            continue
        in_folder = any(word == wanted or word.startswith(wanted + b"/") for word in words)
        serving = b"serve" in words
        if in_folder and not serving and b"oppija" in words and not words[0].endswith(b"sh"):
            found.append(int(entry.name))
    return found


def ends_within(pid: int, seconds: float) -> bool:
    """Whether process ``pid`` ends (or has ended) within ``seconds``: waited on, not polled."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        poller = select.poll()
        poller.register(handle, select.POLLIN)
        return bool(poller.poll(seconds * 1000))
    finally:
        os.close(handle)
