"""The classroom's screens as a class and a teacher see them, pinned as SVG snapshots."""

from __future__ import annotations

from pathlib import Path

from oppija.content.loader import load_lecture
from oppija.presenter_state import PresenterState, default_position_file, write_state
from oppija.progress import Progress, ProgressStore
from oppija.tui.app import OppijaApp
from oppija.tui.notes_app import NotesApp
from tests.tui.test_snapshots import reveal_and_step

START = 1_800_000_000.0  # 15 January 2027, 08:00 UTC


def test_notes_screen_counting_down(snap_compare, tmp_path: Path, utc: None) -> None:
    path = default_position_file(tmp_path)
    write_state(path, PresenterState("gd-1d", 1, "et", START))
    now = START + 84 * 60 + 30  # five and a half minutes of 90 left: not yet the warning
    assert snap_compare(NotesApp(path, 90, now=lambda: now), terminal_size=(100, 30))


def test_presented_demo_slide(snap_compare, tmp_path: Path) -> None:
    app = OppijaApp(
        load_lecture("et"),
        Progress(),
        ProgressStore(tmp_path),
        start_slide="gd-1d",
        presenting=True,
        position_file=default_position_file(tmp_path),
    )
    assert snap_compare(app, terminal_size=(120, 40), run_before=reveal_and_step(3, 4))
