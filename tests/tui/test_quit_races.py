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
