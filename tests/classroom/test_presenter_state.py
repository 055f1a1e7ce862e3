"""The presenter's position file: written whole, read back, anything broken is "no presenter"."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from oppija.presenter_state import (
    FileWatch,
    PresenterState,
    default_position_file,
    read_state,
    write_state,
)
from oppija.tui.position_sharing import RESUME_SECONDS, presentation_start

STATE = PresenterState("gd-1d", 2, "et", 1_800_000_000.5)


def test_written_state_reads_back_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = default_position_file(tmp_path / "new folder")
    write_state(path, STATE)
    assert read_state(path) == STATE
    assert sorted(p.name for p in path.parent.iterdir()) == ["presenter.json"]


def test_missing_file_is_no_presenter(tmp_path: Path) -> None:
    assert read_state(tmp_path / "presenter.json") is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"\xff\xfe not utf-8",
        b"[1, 2]",
        b"[" * 100_000,  # nesting deep enough to hit the recursion limit
        json.dumps({**STATE.to_json(), "version": 2}).encode(),
        json.dumps({**STATE.to_json(), "step": -1}).encode(),
        json.dumps({**STATE.to_json(), "step": True}).encode(),
        json.dumps({**STATE.to_json(), "step": "2"}).encode(),
        json.dumps({**STATE.to_json(), "slide": ""}).encode(),
        json.dumps({**STATE.to_json(), "slide": 7}).encode(),
        json.dumps({**STATE.to_json(), "language": None}).encode(),
        json.dumps({**STATE.to_json(), "language": "../../etc"}).encode(),  # no such lecture
        json.dumps({**STATE.to_json(), "started_at": "yesterday"}).encode(),
        b'{"version": 1, "slide": "a", "step": 0, "language": "et", "started_at": NaN}',
        b" " * 100_000,  # larger than any position
    ],
)
def test_broken_file_is_no_presenter(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "presenter.json"
    path.write_bytes(content)
    assert read_state(path) is None


def test_folder_or_pipe_in_place_of_the_file_is_no_presenter(tmp_path: Path) -> None:
    (tmp_path / "presenter.json").mkdir()
    assert read_state(tmp_path / "presenter.json") is None
    os.mkfifo(tmp_path / "pipe")
    assert read_state(tmp_path / "pipe") is None  # and it did not wait for a writer


def test_watch_sees_each_write_once_and_the_removal(tmp_path: Path) -> None:
    path = tmp_path / "presenter.json"
    watch = FileWatch(path)
    assert not watch.changed()  # no file, as before
    write_state(path, STATE)
    assert watch.changed()
    assert not watch.changed()
    write_state(path, STATE)  # the same bytes, written again at once: still a change
    assert watch.changed()
    path.unlink()
    assert watch.changed()
    assert not watch.changed()


def test_a_restarted_presenter_keeps_the_start_of_a_recent_presentation(tmp_path: Path) -> None:
    path = tmp_path / "presenter.json"
    now = time.time()
    assert presentation_start(path, now) == now  # the first start
    write_state(path, PresenterState("title", 0, "et", now - 600))
    assert presentation_start(path, now) == now - 600
    old = now - RESUME_SECONDS - 60  # yesterday's lecture: a new presentation starts now
    os.utime(path, (old, old))
    assert presentation_start(path, now) == now
