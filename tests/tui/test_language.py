"""The language switch: live, with the same slide and step open, every text anew."""

from __future__ import annotations

from oppija import i18n
from oppija.content.model import Lecture
from oppija.tui.screens.glossary import GlossaryScreen
from oppija.tui.widgets.contents import ContentsList
from oppija.tui.widgets.key_bar import KeyBar
from oppija.tui.widgets.lecture_header import LectureHeader
from tests.tui.conftest import AppFactory, press
from tests.tui.test_navigation import where


async def test_switch_keeps_slide_and_step(
    make_app: AppFactory, lecture_et: Lecture, lecture_en: Lecture
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(4):
            await press(pilot, "right")
        before = where(app)
        await press(pilot, "l")
        assert i18n.current_language() == "en"
        assert where(app) == before
        header = str(app.screen.query_one(LectureHeader).render())
        slide = lecture_en.slides[lecture_en.slide_index(before[0])]
        assert header.startswith(lecture_en.section_of(slide.id).title)
        assert slide.title in header
        assert "Slide " in header
        tree = app.screen.query_one(ContentsList)
        assert tree.rows[0].title == lecture_en.sections[0].title
        assert lecture_en.sections[0].title in tree.render_line(0).text
        await press(pilot, "l")
        assert i18n.current_language() == "et"
        assert where(app) == before
        assert "Slaid " in str(app.screen.query_one(LectureHeader).render())


async def test_footer_keys_change_language(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        bar = app.screen.query_one(KeyBar)
        assert "Edasi" in {what for _, _, what, _ in bar.entries()}
        assert "Edasi" in str(bar.render())
        await press(pilot, "l")
        descriptions = {what for _, _, what, _ in bar.entries()}
        assert "Next" in descriptions
        assert "Edasi" not in descriptions
        assert "Next" in str(bar.render())


async def test_glossary_columns_swap_with_the_language(
    make_app: AppFactory, lecture_et: Lecture, lecture_en: Lecture
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        first = screen.query_one("#glossary-list").get_option_at_index(0)
        assert str(first.prompt).startswith(lecture_et.glossary[0].term)
        await press(pilot, "escape")
        await press(pilot, "l")
        await press(pilot, "g")
        first = app.screen.query_one("#glossary-list").get_option_at_index(0)
        assert str(first.prompt).startswith(lecture_en.glossary[0].term)


async def test_language_is_remembered(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "l")
        await press(pilot, "q")
    i18n.set_language("et")
    again = make_app()
    async with again.run_test(size=(100, 30)):
        assert i18n.current_language() == "en"
        assert again.lecture.language == "en"


async def test_a_switch_from_outside_the_app_redraws_it_and_ends_with_it(
    make_app: AppFactory, lecture_en: Lecture
) -> None:
    """The app follows ``i18n.set_language`` (``on_language_change``), and stops when it ends."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        i18n.set_language("en")
        await pilot.pause()
        header = str(app.screen.query_one(LectureHeader).render())
        assert header.startswith(lecture_en.sections[0].title)  # the first slide's section
        assert "Next" in str(app.screen.query_one(KeyBar).render())
        assert app.progress.language == "en"
    i18n.set_language("et")  # the ended app is not asked to redraw
    assert app.progress.language == "en"
