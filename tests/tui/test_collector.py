"""The collector in a terminal session: frozen after the first frame, young collections batched.

A test's app is headless and shares its process with the next test's app: it leaves the
collector alone, or every app the suite starts would be frozen and never freed.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from oppija.collector import YOUNG_OBJECTS
from oppija.tui import app as app_module
from tests.tui.conftest import AppFactory, settle

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import gc, json
from oppija.collector import prepare_for_session
import oppija.tui.app  # what a session holds: Textual, Rich, the app's modules
before = gc.get_threshold(), gc.get_freeze_count()
prepare_for_session()
print(json.dumps({"before": before, "after": [gc.get_threshold(), gc.get_freeze_count()]}))
"""


def test_preparing_freezes_what_the_process_holds_and_batches_young_collections() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report = json.loads(done.stdout)
    (_young, middle, oldest), frozen = report["before"]
    assert frozen == 0
    assert report["after"][0] == [YOUNG_OBJECTS, middle, oldest]
    assert report["after"][1] > 10_000  # the modules' objects, kept out of every collection


@pytest.mark.parametrize("headless", [True, False])
async def test_only_a_terminal_app_prepares_the_collector_once_running(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, headless: bool
) -> None:
    """An app in a terminal prepares the collector once, while it runs; a headless one (a
    test's, a benchmark's) never, and freezes nothing of the process."""
    prepared: list[bool] = []
    app = make_app()
    monkeypatch.setattr(app_module, "prepare_for_session", lambda: prepared.append(app.is_running))
    monkeypatch.setattr(app_module.OppijaApp, "is_headless", property(lambda _app: headless))
    monkeypatch.setattr(app_module.OppijaApp, "_catch_stop_signals", lambda _app: None)
    frozen = gc.get_freeze_count()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert prepared == ([] if headless else [True])
    assert gc.get_freeze_count() <= frozen  # frozen objects freed since, none added
