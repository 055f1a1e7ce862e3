"""A room's limits and its end: a full class is told so, a closed tab's process ends, and Ctrl+C
on the server ends every learner's app (saved) and the server with one line."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is missing: pip install '.[test]'")

from playwright.sync_api import Browser

from tests.serve.browser import Room
from tests.serve.conftest import start_server, stop_server
from tests.serve.processes import ends_within, learner_processes

WAIT_SECONDS = 30.0


@pytest.mark.slow
def test_a_full_class_a_closed_tab_and_ctrl_c(browser: Browser, tmp_path: Path) -> None:
    served = start_server(tmp_path / "klass", "--max-learners", "1")
    try:
        room = Room(browser, served.origin)
        (jaan_context, jaan), (liis_context, liis) = room.new_learner(), room.new_learner()
        room.name_and_start(jaan, "Jaan")
        jaan.wait_for("Slaid 1/63")
        [jaan_pid] = learner_processes(served.class_dir / "jaan")

        liis.page.goto(f"http://{served.origin}/")
        liis.page.fill("#name", "Liis")
        liis.page.click("#start")
        liis.page.get_by_text("Klass on täis").wait_for()
        assert liis.page.get_by_text("Kõik 1 kohta on täis").is_visible()

        jaan_context.close()  # the tab closes: the app saves, its process ends
        assert ends_within(jaan_pid, WAIT_SECONDS)
        with liis.page.expect_websocket():  # the place is free again: the lecture's page
            liis.page.reload()

        served.process.send_signal(signal.SIGINT)  # Ctrl+C, even with an app still starting
        status = served.process.wait(WAIT_SECONDS)
        assert learner_processes(served.class_dir) == []
        liis_context.close()
        assert room.foreign == []
    finally:
        if served.process.poll() is None:
            stop_server(served.process)
    assert served.process.stdout is not None
    printed = served.process.stdout.read().decode("utf-8")
    assert status == 0
    assert printed.strip().splitlines() == ["Server on peatatud."], printed
    assert (served.class_dir / "jaan" / "progress.json").is_file()  # saved as it ended
