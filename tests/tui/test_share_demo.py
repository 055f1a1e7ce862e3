"""A demo shared as a command line, and a demo's settings kept per slide in the progress.

The teacher's `K` shows `oppija --slide ID --set … --steps N`; the test runs that line back
through the command line into a new app and finds the same demo (settings, step, state): the
round trip is what a handout relies on. A learner's changed settings come back on the slide
after a restart; `--set` on the command line wins over them.
"""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

from oppija import cli, i18n
from oppija.content import loader
from oppija.content.model import Lecture
from oppija.demo_setup import share_words
from oppija.progress import Progress, ProgressStore
from oppija.sims.demo import Demo
from oppija.tui import app as app_module
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.screens.share import ShareScreen
from oppija.tui.widgets.demo_panel import DemoPanel
from tests.tui.conftest import AppFactory, open_demo, press, settle, shipped_lecture, show_demo

SIZE = (80, 24)  # the classroom terminal; what is shared does not depend on the size


class Started(Exception):
    def __init__(self, app: app_module.OppijaApp) -> None:
        super().__init__("the app started")
        self.app = app


def app_from_command_line(
    words: list[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> app_module.OppijaApp:
    """The app ``oppija WORDS`` would run (the real command line: parser, checks, set-up),
    given the lecture this process has parsed already (the command line's own reading of the
    lessons and its cache are tested in tests/cli and tests/content)."""
    monkeypatch.setattr(cli, "_on_a_terminal", lambda: True)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    def run(self: app_module.OppijaApp, *args: object, **kwargs: object) -> None:
        raise Started(self)

    def parsed_lecture(language: str, root: Path | None = None, **_cache: object) -> Lecture:
        assert root is None  # the lessons that come with oppija
        return shipped_lecture(language)

    with monkeypatch.context() as patched:
        patched.setattr(app_module.OppijaApp, "run", run)
        patched.setattr(loader, "load_lecture", parsed_lecture)
        try:
            status = cli.main([*words, "--data-dir", str(data_dir)])
        except Started as started:
            return started.app
    raise AssertionError(f"the command ended with {status} instead of starting the app")


def shown_demo(app: app_module.OppijaApp) -> DemoPanel[Demo]:
    screen = app.screen
    assert isinstance(screen, LectureScreen)
    demo = screen.query_one("#demo")
    assert isinstance(demo, DemoPanel)
    return demo


async def share_line_of(app: app_module.OppijaApp, pilot: object) -> str:
    await press(pilot, "K")  # type: ignore[arg-type]
    assert isinstance(app.screen, ShareScreen)
    await settle(pilot)  # type: ignore[arg-type]  # the check, in a thread
    line = str(app.screen.query_one("#share-line", Static).render())
    assert app.clipboard == line  # copied for the teacher's handout too
    return line


@pytest.mark.parametrize(
    ("slide", "keys"),
    [
        ("gd-algorithm", ["plus", "plus", "minus", "n", "n", "n"]),  # α 0,1 → 0,2 → 0,5 → 0,2
        ("gd-1d", ["c", "n", "n"]),  # the next preset, two steps
        ("gd-algorithm", ["c", "n"]),  # a preset where the lesson set f, α and the start
        ("softmax-temperature", ["plus", "plus", "n"]),  # T twice up, one step
    ],
)
async def test_the_share_line_reproduces_the_demo(
    make_app: AppFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    slide: str,
    keys: list[str],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        demo = await open_demo(pilot, slide)
        await press(pilot, *keys)
        wanted = demo.simulation.to_json()
        assert wanted["step"] == keys.count("n")
        line = await share_line_of(app, pilot)
        assert isinstance(app.screen, ShareScreen) and app.screen.reproduces
        assert not app.screen.query_one("#share-note").display
    assert line.startswith(f"oppija --slide {slide} --set ")
    if keys.count("n"):
        assert line.endswith(f" --steps {keys.count('n')}")

    again = app_from_command_line(list(share_words(line)), tmp_path / "elsewhere", monkeypatch)
    async with again.run_test(size=SIZE) as pilot:
        await again.workers.wait_for_complete()
        await settle(pilot)
        assert shown_demo(again).simulation.to_json() == wanted


async def test_an_unchanged_demo_shares_a_bare_line(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_demo(pilot, "gd-2d")
        assert await share_line_of(app, pilot) == "oppija --slide gd-2d"
        await press(pilot, "escape")
        assert isinstance(app.screen, LectureScreen)


async def test_changed_settings_come_back_after_a_restart(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        demo = await open_demo(pilot, "gd-algorithm")
        await press(pilot, "plus")
        changed, lr = demo.simulation.params, demo.simulation.settings["lr"]
        assert changed != (await open_demo(pilot, "gd-1d")).simulation.params
        back = await open_demo(pilot, "gd-algorithm")  # returning to the slide
        assert back is not demo and back.simulation.params == changed
        await press(pilot, "q")
    assert ProgressStore(data_dir).load().progress.demo_settings == {
        "gd-algorithm": {"lr": pytest.approx(lr)}
    }
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        restored = await open_demo(pilot, "gd-algorithm")
        assert restored.simulation.params == changed
        await press(pilot, "r")  # a reset starts the same demo over, the settings stay
        assert restored.simulation.params == changed


async def test_a_saved_setting_the_lesson_no_longer_allows_is_dropped(
    make_app: AppFactory, data_dir: Path
) -> None:
    ProgressStore(data_dir).save(
        Progress(
            demo_settings={
                "gd-algorithm": {"lr": 0.3, "start": 1e9, "gone": 1, "function": "x^^"},
                "gd-2d": {"preset": [1, 2]},
            }
        )
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        demo = await open_demo(pilot, "gd-algorithm")
        assert demo.simulation.settings["lr"] == 0.3  # the valid one stays
        assert demo.simulation.settings["start"] == 3.0  # the lesson's
        assert demo.simulation.params_data()["function"] == "x^2"
        other = await open_demo(pilot, "gd-2d")
        assert other.simulation.settings == {"preset": "bowl"}


async def test_the_command_line_wins_over_saved_settings(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ProgressStore(data_dir).save(Progress(demo_settings={"gd-algorithm": {"lr": 0.3}}))
    words = ["--slide", "gd-algorithm", "--set", "start=-1,5", "--steps", "2"]
    app = app_from_command_line(words, data_dir, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        simulation = shown_demo(app).simulation
        assert simulation.settings["lr"] == 0.1 and simulation.settings["start"] == -1.5
        assert simulation.step_count == 2


async def test_a_change_made_while_the_demo_ran_is_told(make_app: AppFactory) -> None:
    """α raised after three steps: the descent kept its path, which no command line holds;
    the dialog says the line starts over, rather than promise the same picture."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        demo = await open_demo(pilot, "gd-algorithm")
        await press(pilot, "n", "n", "n", "plus", "n")
        line = await share_line_of(app, pilot)
        assert line.endswith("--steps 4")
        screen = app.screen
        assert isinstance(screen, ShareScreen) and screen.reproduces is False
        assert screen.query_one("#share-note").display
        assert "alustab demot" in str(screen.query_one("#share-note", Static).render())
        i18n.set_language("en")  # switched from the palette (Ctrl+P) over the dialog
        await settle(pilot)
        assert "starts the demo over" in str(screen.query_one("#share-note", Static).render())
        assert "Share this demo" in str(screen.query_one("#share-title", Static).render())
        await press(pilot, "escape")
        assert not demo.playing


async def test_sharing_pauses_a_running_demo(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        demo = await open_demo(pilot, "gd-2d")
        await press(pilot, "enter")
        assert demo.playing
        await press(pilot, "K")
        assert not demo.playing
        steps = demo.simulation.step_count
        assert isinstance(app.screen, ShareScreen)
        assert app.screen.line.endswith(f"--steps {steps}") or steps == 0


async def test_the_palette_offers_the_share_line_where_a_demo_shows(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert "Jaga demot" not in [c.title for c in app.get_system_commands(app.screen)]
        await open_demo(pilot, "gd-2d")
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Jaga demot"].callback()
        await settle(pilot)
        assert isinstance(app.screen, ShareScreen)
        assert app.screen.line == "oppija --slide gd-2d"


async def test_the_lessons_demo_comes_back_from_the_palette(
    make_app: AppFactory, data_dir: Path
) -> None:
    """Changed settings are kept for ever; the palette gives the lesson's demo back."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        demo = await open_demo(pilot, "gd-algorithm")
        lesson = demo.simulation.params
        assert "Loengu demo" not in [c.title for c in app.get_system_commands(app.screen)]
        await press(pilot, "plus")
        assert demo.simulation.params != lesson
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        screen = app.screen
        assert isinstance(screen, LectureScreen)
        restored = await show_demo(pilot, commands["Loengu demo"].callback)
        assert restored is not demo and restored.simulation.params == lesson
        assert app.progress.demo_settings == {}
        await press(pilot, "plus")  # changing it again is kept again
        assert app.progress.demo_settings == {"gd-algorithm": {"lr": 0.2}}  # 0,1 → 0,2


def first_slide_of_each_demo() -> list[str]:
    firsts: dict[str, str] = {}
    for slide in shipped_lecture("et").slides:
        if slide.demo is not None:
            firsts.setdefault(slide.demo.kind, slide.id)
    return list(firsts.values())


EVERY_DEMO_CHUNKS = 4  # the demos in stretches that xdist runs side by side


@pytest.mark.parametrize("chunk", range(EVERY_DEMO_CHUNKS))
async def test_every_demo_shares_a_line_that_is_what_the_dialog_says(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Each demo's next example and two steps: the line rebuilds the same demo exactly when
    the dialog does not warn (a demo whose keys change what no setting holds is warned).

    One app visits its stretch of the demos, each on its own slide (a slide's changes are
    kept for that slide only, so each demo starts as in a new app); each line then starts its
    own app through the command line, in a data folder of its own.
    """
    shared: list[tuple[str, dict[str, object], bool]] = []
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for slide in first_slide_of_each_demo()[chunk::EVERY_DEMO_CHUNKS]:
            assert slide not in app.progress.demo_settings  # the lesson's demo, as in a new app
            demo = await open_demo(pilot, slide)
            await press(pilot, "c", "n", "n")
            wanted = demo.simulation.to_json()
            line = await share_line_of(app, pilot)
            screen = app.screen
            assert isinstance(screen, ShareScreen) and screen.reproduces is not None
            shared.append((line, wanted, screen.reproduces))
            await press(pilot, "escape")
            assert isinstance(app.screen, LectureScreen)
    for number, (line, wanted, promised) in enumerate(shared):
        again = app_from_command_line(
            list(share_words(line)), tmp_path / f"elsewhere-{number}", monkeypatch
        )
        async with again.run_test(size=SIZE) as pilot:
            await again.workers.wait_for_complete()
            await settle(pilot)
            assert (shown_demo(again).simulation.to_json() == wanted) == promised, line


async def test_many_steps_stop_when_the_learner_moves_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--steps 100000` of the playground is a minute of training in the building thread;
    moving on to the next slide stops it within one batch, instead of a minute of a core."""
    words = ["--slide", "networks-general", "--set", "steps=100000", "--steps", "100000"]
    app = app_from_command_line(words, tmp_path / "data", monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        assert any(worker.is_running for worker in app.workers)
        screen = app.screen
        assert isinstance(screen, LectureScreen)
        start = screen.position.slide
        await press(pilot, "right")  # the slide's keys answer while the demo learns
        assert screen.position.slide == start + 1
        await asyncio.wait_for(app.workers.wait_for_complete(), timeout=10)
        assert not screen.query("#demo")


async def test_resumed_on_a_learning_demo_the_keys_move_on_at_once(
    make_app: AppFactory, lecture_et: Lecture, data_dir: Path
) -> None:
    """Quit on the attention demo fully revealed: the next start builds its model first.
    The → typed meanwhile went to the contents list (it had the focus) and was lost."""
    slide = lecture_et.slide("attention-decoding")
    ProgressStore(data_dir).save(Progress(slide_id="attention-decoding", step=slide.step_count - 1))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LectureScreen)
        start = screen.position.slide
        await press(pilot, "right")
        assert screen.position.slide == start + 1
