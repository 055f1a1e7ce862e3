"""The command palette under keys typed faster than it searches, opens and closes."""

from __future__ import annotations

import asyncio
import random

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from oppija.tui.app import OppijaApp
from oppija.tui.palette import LecturePalette
from oppija.tui.screens.lecture import LectureScreen
from tests.tui.conftest import AppFactory, burst, post_keys, press, settle

QUERY_KEYS = [*"abdegiklmnoprstuvõäö ", "backspace"]
MOVES = ["escape", "enter", "pagedown", "pageup", "down", "up", "ctrl+end", "backspace", "a"]
ROUNDS = 8  # a round: Ctrl+P, a query and a few moves, in random bursts
SCREENS = {"LectureScreen", "GlossaryScreen", "ResultsScreen", "HelpScreen", "LecturePalette"}


async def in_random_bursts(pilot: Pilot[None], rng: random.Random, keys: list[str]) -> None:
    """``keys`` in bursts of random length; between bursts the app either settles or gets
    just one turn of the event loop (a search, a timer or a closing screen half done)."""
    while keys and pilot.app.is_running:
        size = rng.randint(1, len(keys))
        post_keys(pilot, *keys[:size])
        keys = keys[size:]
        if rng.random() < 0.4:
            await settle(pilot)
        else:
            await asyncio.sleep(0)
    await settle(pilot)


def assert_sane(app: OppijaApp) -> None:
    """The lecture at the bottom, only oppija's screens above it; a palette on top has its list."""
    assert isinstance(app.screen_stack[0], LectureScreen)
    names = {type(screen).__name__ for screen in app.screen_stack}
    assert names <= SCREENS, names
    if isinstance(app.screen, CommandPalette):
        app.screen.query_one(CommandList)


@pytest.mark.parametrize("seed", [2, 9, 13, 15])  # seeds that crashed the unhardened palette
async def test_random_queries_and_moves_in_the_palette(make_app: AppFactory, seed: int) -> None:
    """Ctrl+P, a random query, then Esc / Enter / PgDn / ↓ in random order and random bursts,
    round after round: the app keeps running and shows a sane screen. Choosing "Quit" (random
    typing can reach it) ends the app on purpose: the rounds go on in a new one."""
    rng = random.Random(f"palette-{seed}")
    rounds = 0
    apps = 0
    while rounds < ROUNDS:
        apps += 1
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            while rounds < ROUNDS and app.is_running:
                rounds += 1
                query = [rng.choice(QUERY_KEYS) for _ in range(rng.randint(0, 6))]
                moves = [rng.choice(MOVES) for _ in range(rng.randint(1, 5))]
                await in_random_bursts(pilot, rng, ["ctrl+p", *query, *moves])
                if app.is_running:
                    assert_sane(app)
            if app.is_running:
                await press(pilot, "escape", "escape", "escape", "escape")
                assert isinstance(app.screen, LectureScreen)
    assert apps < 4  # mostly one session, not a crash loop


async def test_keys_right_after_ctrl_p(make_app: AppFactory) -> None:
    """↓, PgDn, End typed before the palette has built its list move nothing and crash nothing."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for keys in (["down"], ["pagedown"], ["ctrl+end"], ["up", "pageup"]):
            await burst(pilot, "ctrl+p", *keys)
            assert_sane(app)
            assert isinstance(app.screen, CommandPalette)
            await press(pilot, "escape")


@pytest.mark.parametrize("last", ["enter", "escape"])
async def test_typing_behind_escape(make_app: AppFactory, last: str) -> None:
    """Letters queued behind the Esc that closed the palette search nothing (its list is
    gone); an Enter queued behind Enter runs nothing a second time."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "ctrl+p")
        await burst(pilot, "g", "r", "a", "d", "down", "enter", last, "a", "b", "enter")
        assert app.is_running
        assert_sane(app)


async def test_the_theme_palette_is_hardened_too(make_app: AppFactory) -> None:
    """The palette's "Teema" opens the themes in oppija's palette: a choice and an Enter queued
    behind it change the theme once and close nothing more (Textual's own palette crashed on
    the second Enter)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_change_theme()  # what the palette's "Teema" runs
        await settle(pilot)
        assert isinstance(app.screen, LecturePalette)
        theme = app.theme
        await burst(pilot, "down", "down", "enter", "enter")
        assert app.is_running
        assert app.theme != theme
        assert isinstance(app.screen, LectureScreen)
