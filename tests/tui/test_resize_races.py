"""The window shrinks and grows while screens open and close: the too-small notice never sticks."""

from __future__ import annotations

import pytest

from oppija.tui.app import OppijaApp
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.screens.too_small import TooSmallScreen
from tests.tui.conftest import AppFactory, press, settle


def names(app: OppijaApp) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


@pytest.mark.parametrize("opening", ["term", "help", "glossary", "results", "themes"])
async def test_a_screen_opened_while_the_window_is_too_small(
    make_app: AppFactory, opening: str
) -> None:
    """A palette command runs after the palette closed; the window may be too small by then.
    The screen it opens waits under a notice, and once the window grows and the screen is
    closed, the lecture shows: no notice left behind saying "too small (now 100×30)"."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.resize_terminal(40, 10)
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        {
            "term": lambda: app.open_term(app.lecture.glossary[0].id),
            "help": app.action_help,
            "glossary": app.action_glossary,
            "results": app.action_results,
            "themes": app.action_change_theme,
        }[opening]()  # as the palette runs its command: directly, not through a key
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)  # no broken layout in the tiny window
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert not isinstance(app.screen, TooSmallScreen)
        await press(pilot, "escape")
        assert names(app) == ["LectureScreen"]
        assert isinstance(app.screen, LectureScreen)
