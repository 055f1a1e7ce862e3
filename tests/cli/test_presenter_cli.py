"""The classroom's presenter options on the command line: --present, notes, the hidden ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from oppija import cli, i18n
from oppija.tui import app as app_module
from oppija.tui import notes_app

pytestmark = pytest.mark.usefixtures("estonian")


@pytest.fixture
def estonian() -> Any:
    previous = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(previous)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The apps the command would have run (not run: no terminal here), as a list."""
    apps: list[Any] = []

    def record(self: Any, *args: Any, **kwargs: Any) -> None:
        apps.append(self)

    monkeypatch.setattr(app_module.OppijaApp, "run", record)
    monkeypatch.setattr(notes_app.NotesApp, "run", record)
    monkeypatch.setattr(cli, "_on_a_terminal", lambda: True)
    return apps


def test_present_writes_its_position_to_the_data_folder(started: list[Any], tmp_path: Path) -> None:
    assert cli.main(["--present", "--data-dir", str(tmp_path)]) == 0
    (app,) = started
    assert app.presenting
    assert app._publisher.path == tmp_path / "presenter.json"
    assert app.follower is None


def test_hidden_classroom_options_reach_the_app(started: list[Any], tmp_path: Path) -> None:
    mine, teacher = tmp_path / "mine.json", tmp_path / "teacher.json"
    args = ["--data-dir", str(tmp_path), "--position-file", str(mine), "--follow", str(teacher)]
    assert cli.main(args) == 0
    (app,) = started
    assert not app.presenting
    assert app._publisher.path == mine
    assert app.follower is not None and app.follower.path == teacher


def test_a_plain_app_shares_nothing(started: list[Any], tmp_path: Path) -> None:
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    (app,) = started
    assert not app.presenting and app._publisher is None and app.follower is None


@pytest.mark.parametrize("where", ["after", "before"])
def test_notes_follow_the_data_folder_given_before_or_after(
    started: list[Any], tmp_path: Path, where: str
) -> None:
    folder = ["--data-dir", str(tmp_path)]
    after = ["notes", "--minutes", "45", *folder]
    args = after if where == "after" else [*folder, "--ascii", "notes"]
    assert cli.main(args) == 0
    (notes,) = started
    assert notes.position_file == tmp_path / "presenter.json"
    assert notes.minutes == (45 if where == "after" else None)
    assert notes.ascii_mode == (where == "before")  # --ascii given before `notes` only


@pytest.mark.parametrize("minutes", ["0", "kaks", "100000"])
def test_a_bad_length_is_refused_in_one_line(
    started: list[Any], capsys: pytest.CaptureFixture[str], minutes: str
) -> None:
    assert cli.main(["notes", "--minutes", minutes]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "viga" in err
    assert not started


def test_notes_without_a_terminal_refuse_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(cli, "_on_a_terminal", lambda: False)
    assert cli.main(["notes", "--data-dir", str(tmp_path)]) == 2
    assert capsys.readouterr().err == "oppija notes: märkmete ekraan vajab terminali.\n"


def test_help_shows_present_and_notes_but_not_the_servers_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "--present" in out and "notes" in out
    assert "--follow" not in out and "--position-file" not in out
