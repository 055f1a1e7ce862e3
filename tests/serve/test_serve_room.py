"""A room's limits: a full class is told so, and a closed tab's process ends."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is missing: pip install '.[test]'")

from playwright.sync_api import Browser

from tests.serve.browser import Room
from tests.serve.conftest import start_server, stop_server
from tests.serve.processes import ends_within, learner_processes


@pytest.mark.slow
def test_a_full_class_is_told_so_and_a_closed_tab_ends_its_process(
    browser: Browser, tmp_path: Path
) -> None:
    served = start_server(tmp_path / "klass", "--max-learners", "1")
    try:
        room = Room(browser, served.origin)
        (jaan_context, jaan), (liis_context, liis) = room.new_learner(), room.new_learner()
        room.name_and_start(jaan, "Jaan")
        jaan.wait_for("Slaid 1/63")
        [pid] = learner_processes(served.class_dir / "jaan")

        liis.page.goto(f"http://{served.origin}/")
        liis.page.fill("#name", "Liis")
        liis.page.click("#start")
        liis.page.get_by_text("Klass on täis").wait_for()
        assert liis.page.get_by_text("Kõik 1 kohta on täis").is_visible()

        jaan_context.close()  # the tab closes: the app saves, its process ends
        assert ends_within(pid, 30)
        liis.page.reload()  # the place is free again
        liis.open_app()
        liis.wait_for("Slaid 1/63")
        liis_context.close()
        assert room.foreign == []
    finally:
        stop_server(served.process)
