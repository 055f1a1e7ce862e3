"""Quitting at once after a key that started work: the app closes cleanly, progress saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oppija.content.model import Lecture
from tests.tui.conftest import AppFactory, burst


@pytest.mark.parametrize("slide_id", ["gd-1d", "linreg", "attention-decoding"])
async def test_quit_right_after_reaching_a_demo(
    make_app: AppFactory, data_dir: Path, lecture_et: Lecture, slide_id: str
) -> None:
    """→ onto a demo's last step and `q` before the demo is mounted (or while its model
    trains): the demo's mount found its area already closing and crashed the exit."""
    index = lecture_et.slide_index(slide_id)
    before = lecture_et.slides[index - 1]
    app = make_app(slide=before.id)
    async with app.run_test(size=(100, 30)) as pilot:
        steps = before.step_count + lecture_et.slides[index].step_count - 1
        await burst(pilot, *["right"] * steps, "q")
    assert app.return_code == 0
    saved = json.loads((data_dir / "progress.json").read_text(encoding="utf-8"))
    assert saved["slide_id"] == slide_id


@pytest.mark.parametrize(
    "action", ["help", "glossary", "slide_terms", "results", "command_palette"]
)
async def test_a_screen_opened_as_the_app_exits_does_not_crash_the_exit(
    make_app: AppFactory, action: str
) -> None:
    """A key that opens a screen with the quit right behind it (the random-key storm found it:
    `g`, then the palette's "Quit"): the screen mounted after the app had removed its parts,
    and its mount failed with ``NoMatches``, so the exit crashed and progress went unsaved."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.run_action(action)
        app.exit()
    assert app.return_code == 0
