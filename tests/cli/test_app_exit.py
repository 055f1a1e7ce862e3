"""How `oppija` ends: the app's own exit status, and a save that fails at exit said aloud.

The app runs headless here (``_run_app`` as the command calls it, with the terminal check
passed): a crash must give a non-zero status, and progress that cannot be written at exit must
be told on stderr, kept in a spare folder and give a non-zero status, never a silent 0.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.binding import Binding
from textual.pilot import Pilot

from oppija import cli
from oppija.tui import app as app_module

pytestmark = pytest.mark.usefixtures("estonian")  # the messages are checked in Estonian

Script = Callable[[Pilot[None]], Awaitable[None]]


class BrokenAction(RuntimeError):
    """What the test's `x` key raises: an unhandled error inside the app."""


def headless(monkeypatch: pytest.MonkeyPatch, script: Script) -> None:
    """Let ``_run_app`` start the real app headless, driven by ``script``, with an `x` key that
    crashes it."""

    class ScriptedApp(app_module.OppijaApp):
        BINDINGS: ClassVar[list[Binding]] = [Binding("x", "break", "")]

        def action_break(self) -> None:
            raise BrokenAction("a bug")

        def run(self, *args: Any, **kwargs: Any) -> None:
            return super().run(headless=True, size=(100, 30), auto_pilot=script)

    monkeypatch.setattr(app_module, "OppijaApp", ScriptedApp)
    monkeypatch.setattr(cli, "_on_a_terminal", lambda: True)


def saved_place(data_dir: Path) -> tuple[str, int]:
    saved = json.loads((data_dir / "progress.json").read_text(encoding="utf-8"))
    return saved["slide_id"], saved["step"]


def test_a_crashed_app_exits_non_zero_after_saving_its_last_move(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    async def move_then_crash(pilot: Pilot[None]) -> None:
        await pilot.press("right")
        await pilot.press("x")

    headless(monkeypatch, move_then_crash)
    status = cli._run_app(str(tmp_path), None, ascii_flag=False, language_chosen=True)
    assert status == 1
    assert saved_place(tmp_path) == ("title", 1)


def test_quitting_normally_exits_0(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    async def move_then_quit(pilot: Pilot[None]) -> None:
        await pilot.press("right", "q")

    headless(monkeypatch, move_then_quit)
    assert cli._run_app(str(tmp_path), None, ascii_flag=False, language_chosen=True) == 0
    assert saved_place(tmp_path) == ("title", 1)


@pytest.mark.parametrize("name", ["data", "da\x1b[2Jta"])
def test_a_save_that_fails_at_exit_is_told_and_the_progress_kept_aside(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    data_dir = tmp_path / name

    async def lose_the_folder_then_quit(pilot: Pilot[None]) -> None:
        await pilot.press("right")
        shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.write_text("a file where the folder was")  # every save fails from now on
        await pilot.press("q")

    headless(monkeypatch, lose_the_folder_then_quit)
    status = cli._run_app(str(data_dir), None, ascii_flag=False, language_chosen=True)

    assert status == 1
    err = capsys.readouterr().err
    assert "Edenemist ei õnnestunud salvestada" in err
    assert "\x1b" not in err  # the folder's name is shown, not obeyed by the terminal
    spare = Path(err.split("hoitakse alles failis ", 1)[1].split(";", 1)[0])
    assert saved_place(spare.parent) == ("title", 1)
    shutil.rmtree(spare.parent)
