"""Where the presenter is, shared with other processes on one machine through a small JSON file.

The presenting app (``oppija --present``, or any app given ``--position-file``) writes the file on
every slide or reveal step it shows; the notes screen (``oppija notes``) and learners following
the teacher (``--follow``) read it when it changes. A file rather than a socket: it needs no
server, survives either side restarting, and a reader only stats it a few times a second.

Written atomically (a temporary file in the same folder, then ``os.replace``), so a reader sees
the old position or the new one, never half of one. A missing, unreadable or malformed file is
"no presenter yet" (``None``), never an error: the reader keeps waiting.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from oppija.i18n import LANGUAGES
from oppija.regular_files import read_regular_file

FILE_NAME = "presenter.json"
"""The position file's name in the data folder (``--data-dir`` applies to both sides)."""

FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024  # a position is about 150 bytes; anything far larger is not one
MAX_ID_LENGTH = 200


@dataclass(frozen=True)
class PresenterState:
    """The presenter's position: slide, reveal step (0-based), language and when it began.

    ``started_at`` is a Unix time (seconds): the notes screen's timer counts from it, so a notes
    screen started late, or restarted, shows the same elapsed time as one started first.
    """

    slide_id: str
    step: int
    language: str
    started_at: float

    def to_json(self) -> dict[str, object]:
        return {
            "version": FORMAT_VERSION,
            "slide": self.slide_id,
            "step": self.step,
            "language": self.language,
            "started_at": self.started_at,
        }

    @classmethod
    def from_json(cls, data: object) -> PresenterState | None:
        """The state in ``data``, or None if it is not a valid one (any version but ours)."""
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            return None
        slide, step = data.get("slide"), data.get("step")
        language: object = data.get("language")
        started = data.get("started_at")
        if not isinstance(slide, str) or not 0 < len(slide) <= MAX_ID_LENGTH:
            return None
        if not isinstance(step, int) or isinstance(step, bool) or not 0 <= step < 10_000:
            return None
        if language not in LANGUAGES:  # a lecture exists in these only
            return None
        if not isinstance(started, int | float) or isinstance(started, bool):
            return None
        if not math.isfinite(started) or started < 0:
            return None
        return cls(slide, step, language, float(started))


def default_position_file(data_dir: Path) -> Path:
    """The presenter's position file in the data folder ``data_dir``."""
    return data_dir / FILE_NAME


def write_state(path: Path, state: PresenterState) -> None:
    """Replace ``path`` with ``state`` at once: readers never see a half-written file.

    No fsync: the file is a live signal between processes, not data worth keeping after a crash.
    Raises OSError when the folder cannot be written.
    """
    payload = json.dumps(state.to_json(), ensure_ascii=False).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".presenter-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_state(path: Path) -> PresenterState | None:
    """The state in ``path``; None when there is none yet or it is not readable as one."""
    try:
        data = read_regular_file(path, MAX_BYTES)
    except OSError:
        return None
    try:
        return PresenterState.from_json(json.loads(data.decode("utf-8")))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError included
        return None


class FileWatch:
    """Tells cheaply whether a file has changed since the last look: one ``stat`` a look.

    Each write replaces the file (a new inode), so inode, size and modification time together
    change on every write even within one clock tick.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, int, int] | None = None

    def changed(self) -> bool:
        """True the first time a look finds the file different (appeared, replaced, removed)."""
        try:
            info = os.stat(self.path)
            signature: tuple[int, int, int] | None = (info.st_ino, info.st_size, info.st_mtime_ns)
        except OSError:
            signature = None
        if signature == self._seen:
            return False
        self._seen = signature
        return True
