"""Small windows, resizing, ASCII mode: never a broken layout, never a crash."""

from __future__ import annotations

from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.screens.too_small import TooSmallScreen
from tests.tui.conftest import AppFactory, press, screen_text


async def test_too_small_window_asks_for_more_room_and_recovers(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = str(app.screen.query_one("#too-small-message").render())
        assert "liiga väike" in text and "60×16" in text
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, LectureScreen)


async def test_resizing_back_and_forth_never_crashes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for width, height in [(80, 24), (40, 10), (200, 60), (60, 16), (59, 30), (120, 40)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await press(pilot, "right")
        assert isinstance(app.screen, LectureScreen)


async def test_ascii_mode_draws_no_box_or_braille_glyphs(make_app: AppFactory) -> None:
    app = make_app(ascii_mode=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "right")
        await pilot.pause()
        text = screen_text(app)
        box_and_braille = [chr(c) for c in range(0x2500, 0x2580)] + [
            chr(c) for c in range(0x2800, 0x2900)
        ]
        assert not [ch for ch in box_and_braille if ch in text]


async def test_chosen_theme_is_remembered(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "textual-light"
        await press(pilot, "q")
    again = make_app()
    async with again.run_test(size=(100, 30)):
        assert again.theme == "textual-light"


async def test_no_color_is_respected(make_app: AppFactory, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(100, 30)):
        assert app.no_color
