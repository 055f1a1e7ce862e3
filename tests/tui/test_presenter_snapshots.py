"""The classroom's screens as a class and a teacher see them, pinned as SVG snapshots."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from oppija.presenter_state import PresenterState, default_position_file, write_state
from oppija.progress import Progress, ProgressStore
from oppija.tui.app import OppijaApp
from oppija.tui.notes_app import NotesApp
from tests.tui.conftest import burst, open_demo, settle, shipped_lecture

START = 1_800_000_000.0  # 15 January 2027, 08:00 UTC


def test_notes_screen_counting_down(snap_compare, tmp_path: Path, utc: None) -> None:
    path = default_position_file(tmp_path)
    write_state(path, PresenterState("gd-1d", 1, "et", START))
    now = START + 84 * 60 + 30  # five and a half minutes of 90 left: not yet the warning
    assert snap_compare(NotesApp(path, 90, now=lambda: now), terminal_size=(100, 30))


async def four_steps_of_gd_1d(pilot: Pilot[None]) -> None:
    """The demo slide fully revealed, the demo with the keys, then four steps (seeded)."""
    await settle(pilot)  # the lecture screen composed: the auto-pilot starts before it is
    await open_demo(pilot, "gd-1d")
    await burst(pilot, *["n"] * 4)


def test_presented_demo_slide(snap_compare, tmp_path: Path) -> None:
    app = OppijaApp(
        shipped_lecture("et"),
        Progress(),
        ProgressStore(tmp_path),
        start_slide="gd-1d",
        presenting=True,
        position_file=default_position_file(tmp_path),
    )
    assert snap_compare(app, terminal_size=(120, 40), run_before=four_steps_of_gd_1d)
