"""The command line: translated help and errors, exit codes, and progress reset that asks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from oppija import __version__, i18n
from oppija.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """`python -m oppija ARGS` in a fresh process, as a learner would run it."""
    base = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "oppija", *args],
        env={**base, **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    previous = i18n.current_language()
    yield
    i18n.set_language(previous)


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """``oppija ARGS`` as :func:`run` starts it, run by ``main()`` in this process: the same
    arguments, environment (only PATH and LANG of the runner's), standard input (not a
    terminal) and exit status, without starting Python again. :func:`run` stays for what only
    a real process shows (the version from the entry point, a closed pipe)."""

    def run_in_process(
        *args: str, env: dict[str, str] | None = None, stdin: str = ""
    ) -> subprocess.CompletedProcess[str]:
        for name in [name for name in os.environ if name.startswith(("OPPIJA_", "LC_"))]:
            monkeypatch.delenv(name)
        for name, value in {"LANG": "C.UTF-8", **(env or {})}.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()  # what came before is not this command's
        try:
            status = main(list(args))
        except SystemExit as stop:  # argparse's own exits (--help), as the process would end
            status = stop.code if isinstance(stop.code, int) else 1
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["oppija", *args], status, out, err)

    return run_in_process


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"oppija {__version__}"


def test_help_is_estonian_by_default_whatever_the_locale(run_main: Run) -> None:
    result = run_main("--help", env={"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"})
    assert result.returncode == 0
    assert result.stdout.startswith("kasutamine: oppija")
    assert "näita seda abiteksti ja välju" in result.stdout


def test_help_in_english_on_request(run_main: Run) -> None:
    assert run_main("--lang", "en", "--help").stdout.startswith("usage: oppija")
    assert run_main("--help", env={"OPPIJA_LANG": "en"}).stdout.startswith("usage: oppija")


@pytest.mark.parametrize(
    "args",
    [["--bogus"], ["--lang", "fr"], ["--slide"], ["check", "--nonsense"], ["frobnicate"]],
)
def test_bad_arguments_exit_2_with_one_estonian_line(run_main: Run, args: list[str]) -> None:
    result = run_main(*args)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[-1].startswith("oppija") and "viga:" in lines[-1]
    assert "Traceback" not in result.stderr


def test_unknown_slide_is_refused_before_the_app_starts(run_main: Run, tmp_path: Path) -> None:
    result = run_main("--slide", "no-such-slide", env={"OPPIJA_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert "Slaidi „no-such-slide“ pole olemas" in result.stderr


def test_check_the_shipped_lessons_counts_them(run_main: Run) -> None:
    result = run_main("check", str(ROOT / "lessons"))
    assert result.returncode == 0, result.stdout
    summary = result.stdout.strip()
    assert len(summary.splitlines()) == 1
    assert summary.startswith("et: ") and "; en: " in summary
    assert "slaidi" in summary and "küsimust" in summary and "mõistet" in summary


def test_check_reports_every_problem_as_file_line_message(run_main: Run) -> None:
    broken = ROOT / "tests" / "content" / "broken"
    result = run_main("check", str(broken))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) >= 20
    for line in lines:
        path, lineno, message = line.split(":", 2)
        assert Path(path).name and lineno.isdigit() and message.strip()
    assert "Traceback" not in result.stderr


def test_check_a_missing_path(run_main: Run) -> None:
    result = run_main("check", "/no/such/place")
    assert result.returncode == 1
    assert result.stdout.startswith("/no/such/place:1:")


def test_list_prints_the_table_of_contents(run_main: Run) -> None:
    result = run_main("list")
    assert result.returncode == 0
    assert "1. Sissejuhatus" in result.stdout
    assert "linreg" in result.stdout and "Lineaarregressioon" in result.stdout
    english = run_main("--lang", "en", "list")
    assert "Linear regression" in english.stdout


def _write_progress(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "progress.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "language": "et",
                "slide_id": "linreg",
                "step": 0,
                "seen": ["linreg"],
                "answers": {},
                "settings": {},
            }
        )
    )
    return path


def test_reset_progress_asks_and_keeps_the_file_on_no(run_main: Run, tmp_path: Path) -> None:
    path = _write_progress(tmp_path)
    result = run_main("--reset-progress", env={"OPPIJA_DATA_DIR": str(tmp_path)}, stdin="e\n")
    assert result.returncode == 0
    assert "Kas kustutada salvestatud edenemine" in result.stdout
    assert "Midagi ei kustutatud." in result.stdout
    assert path.exists()


def test_reset_progress_without_a_terminal_deletes_nothing(run_main: Run, tmp_path: Path) -> None:
    path = _write_progress(tmp_path)
    result = run_main("--reset-progress", "--data-dir", str(tmp_path), stdin="")
    assert result.returncode == 0
    assert path.exists()


def test_reset_progress_deletes_on_yes(run_main: Run, tmp_path: Path) -> None:
    path = _write_progress(tmp_path)
    result = run_main("--reset-progress", "--data-dir", str(tmp_path), stdin="jah\n")
    assert result.returncode == 0
    assert "kustutatud" in result.stdout
    assert not path.exists()


def test_main_in_process_returns_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "lessons")]) == 0
    assert main(["--bogus"]) == 2
    err = capsys.readouterr().err
    assert "tundmatud argumendid: --bogus" in err


def test_no_traceback_for_a_lesson_folder_of_junk(tmp_path: Path) -> None:
    (tmp_path / "et").mkdir()
    (tmp_path / "et" / "01-x.md").write_bytes(bytes(range(256)) * 4)
    out = io.StringIO()
    from oppija.content.commands import run_check

    assert run_check([str(tmp_path)], out, io.StringIO()) == 1
    assert out.getvalue().count(":") >= 2


def test_list_into_a_closed_pipe_is_no_traceback() -> None:
    """`oppija list | head -1`: the reader stops early and oppija must not complain."""
    process = subprocess.Popen(
        [sys.executable, "-m", "oppija", "list"],
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # before the child has started writing: every write hits EPIPE
    _out, err = process.communicate(timeout=60)
    assert b"Traceback" not in err
    assert process.returncode == 0
