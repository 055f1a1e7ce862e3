"""`oppija --slide ID --set KEY=VALUE … --steps N`: a slide opened with its demo set up.

The settings are read and checked as `oppija demo --set` reads them; every mistake is one
translated line and exit status 2 before the app starts, so a teacher's typo never opens a
lecture on the wrong demo. What the command line sets replaces what the learner had saved on
that slide: the line describes the demo whole.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from oppija import cli, i18n
from oppija.progress import Progress, ProgressStore
from oppija.tui import app as app_module


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    previous = i18n.current_language()
    yield
    i18n.set_language(previous)


class Started(Exception):
    """Raised instead of running the app: the command got as far as starting it."""

    def __init__(self, app: app_module.OppijaApp) -> None:
        super().__init__("the app started")
        self.app = app


@pytest.fixture
def oppija(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Iterator[object]:
    """``oppija ARGS`` in this process, on a terminal, with its own data folder; returns
    (status, stderr, app) where ``app`` is the app it would have run (None if it stopped)."""
    for name in [name for name in os.environ if name.startswith(("OPPIJA_", "LC_"))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("OPPIJA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(cli, "_on_a_terminal", lambda: True)

    def run(self: app_module.OppijaApp, *args: object, **kwargs: object) -> None:
        raise Started(self)

    monkeypatch.setattr(app_module.OppijaApp, "run", run)

    def call(*args: str) -> tuple[int, str, app_module.OppijaApp | None]:
        capsys.readouterr()
        try:
            status = cli.main(list(args))
        except Started as started:
            return 0, capsys.readouterr().err, started.app
        return status, capsys.readouterr().err, None

    yield call


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(
    ("args", "estonian", "english"),
    [
        (["--set", "lr=0,5"], "vajavad --slide", "need --slide"),
        (["--steps", "3"], "vajavad --slide", "need --slide"),
        (["--slide", "title", "--set", "lr=0,5"], "pole demo", "has no demo"),
        (["--slide", "gd-1d", "--set", "speed=3"], "pole parameetrit", "unknown parameter"),
        (["--slide", "gd-1d", "--set", "lr=kiire"], "ei ole arv", "is not a number"),
        (["--slide", "gd-1d", "--set", "lr=50"], "peab olema vahemikus", "must be between"),
        (["--slide", "gd-1d", "--set", "lr"], "ei ole kujul VÕTI=VÄÄRTUS", "is not KEY=VALUE"),
        (["--slide", "gd-1d", "--steps", "-1"], "ei ole vahemikus", "is not between"),
        (["--set", "lr=0,5", "demo", "gd1d"], "pärast oma nime", "after its name"),
        (["--slide", "gd-1d", "--steps", "2", "--reset-progress"], "käivad loengu", "the lecture"),
    ],
)
def test_a_bad_demo_setup_is_one_translated_line_before_the_app(
    oppija: object, args: list[str], estonian: str, english: str
) -> None:
    run = oppija
    assert callable(run)
    status, err, app = run(*args)
    assert (status, app) == (2, None)
    assert estonian in one_line(err) and err.startswith("oppija")
    status, err, app = run("--lang", "en", *args)
    assert (status, app) == (2, None)
    assert english in one_line(err)


def test_the_settings_replace_what_was_saved_on_that_slide(oppija: object, tmp_path: Path) -> None:
    ProgressStore(tmp_path / "data").save(
        Progress(demo_settings={"gd-1d": {"lr": 0.05, "start": 1.5}, "gd-2d": {"preset": "saddle"}})
    )
    run = oppija
    assert callable(run)
    _status, err, app = run("--slide", "gd-1d", "--set", "lr=0,3", "--steps", "4")
    assert app is not None, err
    assert app.progress.demo_settings == {"gd-1d": {"lr": 0.3}, "gd-2d": {"preset": "saddle"}}
    assert app.take_start_steps("gd-2d") == 0
    assert app.take_start_steps("gd-1d") == 4
    assert app.take_start_steps("gd-1d") == 0  # once: the first time the demo shows


def test_steps_alone_bring_the_lessons_demo_back(oppija: object, tmp_path: Path) -> None:
    ProgressStore(tmp_path / "data").save(Progress(demo_settings={"gd-1d": {"lr": 0.05}}))
    run = oppija
    assert callable(run)
    _status, err, app = run("--slide", "gd-1d", "--steps", "2")
    assert app is not None, err
    assert app.progress.demo_settings == {}


def test_a_setting_equal_to_the_lessons_is_not_kept(oppija: object) -> None:
    run = oppija
    assert callable(run)
    _status, err, app = run("--slide", "gd-algorithm", "--set", "lr=0,1", "--set", "start=2")
    assert app is not None, err
    assert app.progress.demo_settings == {"gd-algorithm": {"start": 2.0}}


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("function=" + "(" * 100_000, "function"),
        ("\x1b[2J=1", "„\\x1b[2J“"),
        ("word=" + "x" * 5_000, "„word“"),
        ("start=1e999", "1e999"),
    ],
)
def test_a_hostile_setting_is_one_escaped_line(oppija: object, setting: str, expected: str) -> None:
    run = oppija
    assert callable(run)
    status, err, app = run("--slide", "gd-algorithm", "--set", setting)
    assert (status, app) == (2, None)
    assert expected in one_line(err) and "\x1b" not in err and len(err) < 1200
