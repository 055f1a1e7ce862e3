"""A demo's picture draws in every theme the palette offers."""

from __future__ import annotations

from tests.tui.conftest import AppFactory, open_demo, screen_text, settle

THEMES = ["ansi-dark", "ansi-light", "textual-light"]


def braille_cells(text: str) -> int:
    return sum(1 for char in text if "\u2801" <= char <= "\u28ff")


async def test_a_demo_draws_in_every_theme(make_app: AppFactory) -> None:
    """The ANSI themes (one choice away in the palette's "Teema") name their colours the
    Textual way ("ansi_blue"), which Rich's style parser refused: the demo's picture crashed
    the app. It draws its curve in them like in any other theme (one app tries them in turn)."""
    app = make_app(slide="gd-1d")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_demo(pilot, "gd-1d")
        drawn = braille_cells(screen_text(app))
        assert drawn > 20
        for theme in THEMES:
            app.theme = theme
            await settle(pilot)
            assert app.is_running, theme
            assert braille_cells(screen_text(app)) == drawn, theme
