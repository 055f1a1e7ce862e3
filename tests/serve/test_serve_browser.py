"""`oppija serve` in a real browser: the name page, each learner's own app, nothing from outside.

One server for the module, a browser context per learner. Every request goes through a route that
lets only the server's own address through and records anything else; the websockets' addresses
are recorded too.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is missing: pip install '.[test]'")

from playwright.sync_api import Browser

from tests.serve.browser import Room, Tab
from tests.serve.conftest import ROOT, Served
from tests.serve.processes import ends_within, learner_processes

# The session's classroom server, shared with test_serve_http in one xdist worker (their group).
pytestmark = pytest.mark.xdist_group("classroom-server")

BRAILLE = re.compile("[\u2801-\u28ff]")
FIRST_PAGE_SECONDS = 3.0


def _answer(folder: Path, quiz: str) -> tuple[object, object]:
    progress = json.loads((folder / "progress.json").read_text(encoding="utf-8"))
    answer = progress["answers"][quiz]
    return answer["value"], answer["correct"]


def _own_address_only(room: Room, *tabs: Tab) -> None:
    assert room.foreign == []
    for tab in tabs:
        assert tab.sockets, "the page opened no websocket"
        assert all(url.startswith(f"ws://{room.origin}/") for url in tab.sockets), tab.sockets


@pytest.mark.slow
def test_two_learners_in_two_browsers_each_keep_their_own_lecture(
    server: Served, browser: Browser
) -> None:
    room = Room(browser, server.origin)
    (mari_context, mari), (anon_context, anon) = room.new_learner(), room.new_learner()
    for tab in (mari, anon):
        tab.page.goto(f"http://{server.origin}/")  # a new browser: the name page
    mari.page.fill("#name", "Mari Õunapuu")
    started = time.monotonic()
    mari.page.click("#start")
    mari.page.wait_for_selector(".opening", state="visible")
    # The page is there at once: nothing waits on a web font from elsewhere (it waited ~25 s).
    assert time.monotonic() - started < FIRST_PAGE_SECONDS
    anon.page.click("#anonymous")
    for tab in (mari, anon):
        tab.open_app()
        tab.wait_for("Süvaõpe", "Slaid 1/63")
        # The learner's first key reaches the lecture without a click into the terminal.
        assert tab.page.evaluate(
            "document.activeElement.classList.contains('xterm-helper-textarea')"
        )
    # The terminal draws with the shipped font, which has the Estonian letters and braille.
    assert f"http://{server.origin}/oppija/fonts/DejaVuSansMono.ttf" in room.served
    assert mari.page.evaluate("document.fonts.check('16px \"Roboto Mono\"', 'õäöüšž⣿─')")

    # Slide 2's quiz, at the slide's last step: nothing is chosen until a learner moves; Mari
    # picks the second choice (wrong), the anonymous learner the first (right).
    for tab in (mari, anon):
        tab.press(*["ArrowRight"] * 7)
    for tab, choice in ((mari, ["ArrowDown", "ArrowDown"]), (anon, ["ArrowDown"])):
        tab.wait_for("Slaid 2/63", "samm 6/6", "Kontrolli ennast")
        tab.press("Tab")
        tab.wait_for("Tagasi slaidile")  # the quiz has the keys (its Esc hint in the key bar)
        tab.press(*choice, "Enter")
    mari.wait_for("Slaid 2/63", "Päris nii see pole.")
    anon.wait_for("Slaid 2/63", "Õige!")
    for tab in (mari, anon):  # on to the next slide, then the page is loaded again
        tab.press("Escape", "ArrowRight")
        tab.wait_for("Slaid 3/63")
        tab.page.reload()
    for tab in (mari, anon):
        tab.open_app()
        tab.wait_for("Slaid 3/63")  # each resumes on their own slide
        tab.press("ArrowLeft")
    assert "Päris nii see pole." in mari.wait_for("Slaid 2/63", "Kontrolli ennast")
    assert "Õige!" in anon.wait_for("Slaid 2/63", "Kontrolli ennast")

    # A demo's plot in braille: slide 4's linear regression, at the slide's last step.
    mark = mari.mark()
    mari.press("Escape", *["ArrowRight"] * 8)
    mari.wait_for("Slaid 4/63", "samm 4/4", since=mark)
    mari.wait_until(lambda text: len(BRAILLE.findall(text)) > 50, "a braille plot", since=mark)
    # Mari is the teacher (--teacher-name): the other learner follows her there with j.
    mark = anon.mark()
    anon.press("j")  # (not after Escape: a terminal reads Escape, j as Alt+J)
    anon.wait_for("Slaid 4/63", since=mark)

    _own_address_only(room, mari, anon)
    pids = learner_processes(server.class_dir / "mari-ounapuu")
    pids += learner_processes(server.class_dir / "anonuumne")
    assert len(pids) == 2  # one process a tab
    mari_context.close()
    anon_context.close()
    assert all(ends_within(pid, 30) for pid in pids)  # closed tabs: the apps saved and ended
    assert _answer(server.class_dir / "mari-ounapuu", "q-recap-split") == (1, False)
    assert _answer(server.class_dir / "anonuumne", "q-recap-split") == (0, True)
    assert (server.class_dir / ".teacher" / "presenter.json").is_file()
    # The class report counts both answers.
    command = ["report", "--class-dir", str(server.class_dir), "--format", "csv"]
    report = subprocess.run(
        [sys.executable, "-m", "oppija", *command],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("OPPIJA_")},
        capture_output=True,
        text=True,
        check=True,
    )
    rows = list(csv.DictReader(io.StringIO(report.stdout)))
    quiz = next(row for row in rows if row["quiz_id"] == "q-recap-split")
    assert (quiz["answered"], quiz["right"]) == ("2", "1")
    assert quiz["most_common_wrong"].startswith("Treeningandmetel")
