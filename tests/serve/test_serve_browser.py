"""`oppija serve` in a real browser: the name page, a learner's own app, nothing from outside.

One server for the module, a browser context per learner. Every request goes through a route that
lets only the server's own address through and records anything else.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from playwright.sync_api import Browser

from tests.serve.browser import Room, Tab
from tests.serve.conftest import Served

BRAILLE = re.compile("[\u2801-\u28ff]")
FIRST_PAGE_SECONDS = 3.0


def _answers(folder: Path) -> dict[str, dict[str, object]]:
    progress = json.loads((folder / "progress.json").read_text(encoding="utf-8"))
    answers: dict[str, dict[str, object]] = progress["answers"]
    return answers


def _own_address_only(room: Room, *tabs: Tab) -> None:
    assert room.foreign == []
    for tab in tabs:
        assert tab.sockets, "the page opened no websocket"
        assert all(url.startswith(f"ws://{room.origin}/") for url in tab.sockets), tab.sockets


def test_a_new_browser_names_its_learner_and_gets_the_lecture_offline(
    server: Served, browser: Browser
) -> None:
    room = Room(browser, server.origin)
    context, tab = room.new_learner()
    tab.page.goto(f"http://{server.origin}/")
    tab.page.fill("#name", "Mari Õunapuu")
    started = time.monotonic()
    tab.page.click("#start")
    tab.page.wait_for_selector(".opening", state="visible")
    # The page is there at once: nothing waits on a web font from elsewhere (it waited ~25 s).
    assert time.monotonic() - started < FIRST_PAGE_SECONDS
    tab.open_app()
    tab.wait_for("Süvaõpe", "Slaid 1/63")
    # The terminal's font is the shipped one, and it has the letters and the braille dots.
    assert f"http://{server.origin}/oppija/fonts/DejaVuSansMono.ttf" in room.served
    assert tab.page.evaluate("document.fonts.check('16px \"Roboto Mono\"', 'õäöüšž⣿─')")
    # A demo's plot, drawn in braille: slide 4's linear regression, at its last step.
    mark = tab.mark()
    tab.press(*["ArrowRight"] * 15)
    tab.wait_for("Slaid 4/63", "samm 4/4", since=mark)
    tab.wait_until(lambda text: len(BRAILLE.findall(text)) > 50, "a braille plot", since=mark)
    _own_address_only(room, tab)
    context.close()
    assert (server.class_dir / "mari-ounapuu" / "learner.json").is_file()


def _to_the_quiz_and_answer(tab: Tab, keys: list[str]) -> None:
    """Slide 2's quiz (at the slide's last step), answered with ``keys`` in its choices."""
    tab.press(*["ArrowRight"] * 7)
    tab.wait_for("Slaid 2/63", "samm 6/6")
    mark = tab.mark()
    tab.press("Tab", *keys, "Enter")
    tab.wait_for("Kontrolli ennast", since=mark)


def test_two_learners_keep_their_own_answers_through_moves_and_reloads(
    server: Served, browser: Browser
) -> None:
    room = Room(browser, server.origin)
    (kati_context, kati), (anon_context, anon) = room.new_learner(), room.new_learner()
    room.name_and_start(kati, "Kati")
    room.name_and_start(anon, None)
    kati.wait_for("Slaid 1/63")
    anon.wait_for("Slaid 1/63")
    _to_the_quiz_and_answer(kati, [])  # the first choice: wrong
    _to_the_quiz_and_answer(anon, ["ArrowDown"])  # the second: right
    kati.wait_for("Päris nii see pole.")
    anon.wait_for("Õige!")
    for tab in (kati, anon):  # on to the next slide, then the page is loaded again
        tab.press("Escape", "ArrowRight")
        tab.wait_for("Slaid 3/63")
        tab.page.reload()
    for tab in (kati, anon):
        tab.open_app()
        tab.wait_for("Slaid 3/63")  # each resumes on their own slide
        tab.press("ArrowLeft")
    assert "Päris nii see pole." in kati.wait_for("Slaid 2/63", "Kontrolli ennast")
    assert "Õige!" in anon.wait_for("Slaid 2/63", "Kontrolli ennast")
    _own_address_only(room, kati, anon)
    kati_context.close()
    anon_context.close()
    kati_answer = _answers(server.class_dir / "kati")["q-recap-split"]
    anon_answer = _answers(server.class_dir / "anonuumne")["q-recap-split"]
    assert (kati_answer["value"], kati_answer["correct"]) == (0, False)
    assert (anon_answer["value"], anon_answer["correct"]) == (1, True)
