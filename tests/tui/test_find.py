"""Anything found fast: the command palette and the glossary lead to the right slide."""

from __future__ import annotations

import re

from textual.widgets import OptionList

from oppija.content.model import Lecture
from oppija.tui.screens.glossary import GlossaryScreen
from oppija.tui.screens.help import HelpScreen
from oppija.tui.screens.lecture import LectureScreen
from tests.tui.conftest import AppFactory, press, screen_text
from tests.tui.test_navigation import where


async def test_palette_finds_a_slide_by_title(make_app: AppFactory, lecture_et: Lecture) -> None:
    target = lecture_et.slides[-1]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "ctrl+p")
        await press(pilot, *target.title)
        await pilot.pause(0.5)
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, LectureScreen)
        assert where(app)[0] == target.id


async def test_palette_finds_a_slide_by_a_word_of_its_text(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "ctrl+p")
        await press(pilot, *"korteri hinda")  # the flat-price example of linear regression
        await pilot.pause(0.5)
        await press(pilot, "enter")
        await pilot.pause()
        assert where(app)[0] == "linreg"


async def test_glossary_search_and_open(make_app: AppFactory, lecture_et: Lecture) -> None:
    term = next(t for t in lecture_et.glossary if t.slide_id != lecture_et.slides[0].id)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "g")
        assert isinstance(app.screen, GlossaryScreen)
        await press(pilot, *term.other)  # found by its English name too
        await pilot.pause()
        count = str(app.screen.query_one("#glossary-count").render())
        assert count.startswith("1 ") or count.split()[0].isdigit()
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, LectureScreen)
        assert where(app)[0] == term.slide_id


async def test_glossary_escape_returns_to_the_same_slide(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "right", "right", "right")
        before = where(app)
        await press(pilot, "g", "escape")
        assert where(app) == before


async def test_help_lists_every_key(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.pause()
        text = screen_text(app)
        for needle in ("→", "←", "PgDn", "PgUp", "Home", "End", "Tühik", "Ctrl+P"):
            assert needle in text
        for key, what in [("t", "Sisukord"), ("g", "Sõnastik"), ("l", "Keel"), ("q", "Välju")]:
            assert re.search(rf"\s{re.escape(key)}\s+{what}", text), key
        await press(pilot, "escape")
        assert isinstance(app.screen, LectureScreen)


async def test_palette_no_longer_on_top_ignores_late_keys(make_app: AppFactory) -> None:
    """A key queued behind the one that closed the palette acts on nothing (and fails nothing)."""
    from textual.command import CommandList

    from oppija.tui.palette import LecturePalette

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, LecturePalette)
        palette.action_move_in_list("page_down")  # before the list is laid out: no KeyError
        await pilot.press(*"gradient")
        await pilot.pause(0.5)
        assert palette.query_one(CommandList).option_count > 0
        assert palette.check_action("escape", ())
        await pilot.press("pagedown", "pageup", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LectureScreen)
        stack = list(app.screen_stack)
        assert not palette.check_action("escape", ())
        assert not await app.run_action("escape", palette)  # a late Esc: nothing closes
        assert app.screen_stack == stack


async def test_a_slides_terms_and_an_inflected_search(make_app: AppFactory) -> None:
    """G lists the glossary terms the slide uses in any form; the glossary finds „närvivõrgu“."""
    app = make_app(slide="backprop")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "G")
        assert isinstance(app.screen, GlossaryScreen)
        options = app.screen.query_one("#glossary-list", OptionList)
        shown = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert {"backpropagation", "gradient-descent", "least-squares"} <= set(shown)
        assert shown[0] == "backpropagation"  # in the order the slide uses them: its title first
        assert "lstm" not in shown and "attention" not in shown
        assert "sellel slaidil" in str(app.screen.query_one("#glossary-title").render())
        await press(pilot, "escape", "g", *"närvivõrgu")
        await pilot.pause()
        options = app.screen.query_one("#glossary-list", OptionList)
        assert options.get_option_at_index(0).id == "neural-network"
