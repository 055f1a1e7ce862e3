"""What a learner sees, pinned as SVG snapshots (update with --snapshot-update after a look)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from oppija.progress import Progress, ProgressStore
from oppija.tui.app import OppijaApp
from tests.tui.conftest import shipped_lecture


def fresh_app(tmp_path: Path, slide: str | None = None) -> OppijaApp:
    """A first visit: no saved progress, so no notices; progress goes to a temporary folder."""
    return OppijaApp(shipped_lecture("et"), Progress(), ProgressStore(tmp_path), start_slide=slide)


def test_first_slide_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(fresh_app(tmp_path), terminal_size=(80, 24))


def test_first_slide_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(fresh_app(tmp_path), terminal_size=(120, 40))


def test_revealed_slide_with_quiz_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(
        fresh_app(tmp_path, slide="linreg"),
        terminal_size=(120, 40),
        press=["right", "right", "right"],  # every reveal step of the slide: its quizzes show
    )


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(fresh_app(tmp_path), terminal_size=(100, 30), press=["question_mark"])


def test_glossary_screen(snap_compare, tmp_path: Path) -> None:
    async def search(pilot: Pilot[None]) -> None:
        await pilot.press("g")
        await pilot.press(*"gradient")

    assert snap_compare(fresh_app(tmp_path), terminal_size=(100, 30), run_before=search)


def test_too_small_message(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(fresh_app(tmp_path), terminal_size=(50, 12))
