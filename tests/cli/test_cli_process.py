"""The command as a process: Ctrl+C, a reader that leaves, any output encoding, a bad data folder,
no terminal. Each ends with a clear line and an exit status, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from oppija import cli
from oppija.cli import main

pytestmark = pytest.mark.usefixtures("estonian")  # the messages are checked in Estonian

ROOT = Path(__file__).resolve().parents[2]
BASE_ENV = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}


def run(
    *args: str, env: dict[str, str] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[bytes]:
    """`python -m oppija ARGS` in a fresh process; output as bytes, to check the encoding."""
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    if "stdout" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run(
        [sys.executable, "-m", "oppija", *args],
        env={**BASE_ENV, **(env or {})},
        timeout=30,
        check=False,
        **kwargs,
    )


# ------------------------------------------------------------------ Ctrl+C
def interrupt(*_args: object, **_kwargs: object) -> int:
    raise KeyboardInterrupt


def test_ctrl_c_during_check_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import oppija.content.commands

    monkeypatch.setattr(oppija.content.commands, "run_check", interrupt)
    assert main(["check"]) == 130
    err = capsys.readouterr().err
    assert err == "oppija: katkestatud\n"


def test_ctrl_c_during_a_long_demo_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import oppija.sims

    real = oppija.sims.create_simulation

    def slow(name: str, settings: dict[str, str]) -> object:
        simulation = real(name, settings)
        monkeypatch.setattr(simulation, "run", interrupt)  # Ctrl+C in the middle of the steps
        return simulation

    monkeypatch.setattr(oppija.sims, "create_simulation", slow)
    assert main(["demo", "gd1d", "--steps", "1000000"]) == 130
    assert capsys.readouterr().err == "oppija: katkestatud\n"


# ------------------------------------------------------------- closed pipe
def many_problems(folder: Path) -> Path:
    """A lesson folder whose check prints about 60 kB of problems: more than one buffer."""
    (folder / "et").mkdir(parents=True)
    slide = "# T\n\n## S{n} {{#s{n}}}\n\n"  # each `#` inside a slide is one problem
    text = "".join(slide.format(n=n) for n in range(300))
    (folder / "et" / "01-x.md").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", [["check", "{folder}"], ["list"], ["--help"]])
def test_a_reader_that_leaves_early_is_no_error(tmp_path: Path, command: list[str]) -> None:
    """`oppija check … | head`: every command ends quietly with status 0, like `list` did."""
    folder = many_problems(tmp_path / "lessons")
    assert len(run("check", str(folder)).stdout) > 16384  # more than the output buffer
    args = [part.format(folder=folder) for part in command]
    process = subprocess.Popen(
        [sys.executable, "-m", "oppija", *args],
        env=BASE_ENV,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # before the child writes: every write meets a closed pipe
    _out, err = process.communicate(timeout=30)
    assert err == b""
    assert process.returncode == 0


def test_closed_output_and_error_pipes_are_no_error() -> None:
    """Both readers gone before the error message: no complaint, no status 120 from Python."""
    process = subprocess.Popen(
        [sys.executable, "-m", "oppija", "demo", "nosuch"],
        env=BASE_ENV,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    process.stderr.close()
    assert process.wait(timeout=30) == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("command", [["check", str(ROOT / "lessons")], ["list"], ["demo", "gd1d"]])
def test_output_to_a_full_disk_is_one_line(command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = run(*command, stdout=full, stderr=subprocess.PIPE)
    assert result.stderr.decode() == "oppija: ketas on täis\n"
    assert result.returncode == 1


def close_fd(fd: int) -> Any:
    """A ``preexec_fn`` that starts the child with ``fd`` closed (Python's stream is then None)."""
    return lambda: os.close(fd)


def test_reset_with_stdin_closed_deletes_nothing_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "progress.json").write_text("{}")
    result = run("--data-dir", str(tmp_path), "--reset-progress", preexec_fn=close_fd(0))
    assert result.returncode == 0, result.stderr
    assert "Midagi ei kustutatud." in result.stdout.decode()
    assert (tmp_path / "progress.json").exists()


@pytest.mark.parametrize("command", [["list"], ["check", str(ROOT / "lessons")], ["demo", "gd1d"]])
def test_a_command_started_with_stdout_closed_is_no_traceback(command: list[str]) -> None:
    result = run(*command, preexec_fn=close_fd(1))
    assert result.stderr == b""
    assert result.returncode == 0


# ---------------------------------------------------------------- encodings
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], "kasutamine: oppija"),
        (["list"], "Suvaope - ehk sugavope"),
        (["demo", "gd1d"], "grad E(theta)"),
        (["check", str(ROOT / "lessons")], "8 sektsiooni"),
        (["demo", "nosuch"], "tundmatu demo"),
    ],
)
def test_an_ascii_terminal_gets_ascii_text(args: list[str], expected: str) -> None:
    result = run(*args, env={"PYTHONIOENCODING": "ascii"})
    out, err = result.stdout.decode("ascii"), result.stderr.decode("ascii")  # nothing else
    assert b"Traceback" not in result.stderr and "viga" not in out
    assert expected in out + err
    assert result.returncode == (2 if "nosuch" in args else 0)


def test_json_on_an_ascii_terminal_is_the_same_data() -> None:
    """JSON spelt out (θ as "theta") would change the data: it uses its own \\u escapes."""
    utf8 = run("demo", "attention", "--json")
    ascii_only = run("demo", "attention", "--json", env={"PYTHONIOENCODING": "ascii"})
    assert ascii_only.returncode == 0 and ascii_only.stdout.isascii()
    assert json.loads(ascii_only.stdout) == json.loads(utf8.stdout)
    assert not utf8.stdout.isascii()  # there was something to escape


def test_a_latin9_terminal_keeps_the_estonian_letters() -> None:
    result = run("list", env={"PYTHONIOENCODING": "iso8859-15"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("iso8859-15").startswith("Süvaõpe - ehk sügavõpe")


# ------------------------------------------------------------- data folder
LONG = "x" * 5000


@pytest.mark.parametrize("extra", [["--reset-progress"], []])
@pytest.mark.parametrize(
    ("folder", "reason"),
    [
        (LONG, "nimi on liiga pikk"),
        ("{file}", "see on fail, mitte kaust"),
        ("{file}/sub", "osa teest ei ole kaust"),
    ],
)
def test_a_data_folder_that_cannot_be_used_is_one_line(
    tmp_path: Path, folder: str, reason: str, extra: list[str]
) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    result = run("--data-dir", folder.format(file=a_file), *extra)
    err = result.stderr.decode()
    assert result.returncode == 1
    assert len(err.splitlines()) == 1 and len(err) < 400  # the long name shortened
    assert reason in err and "Traceback" not in err


# --------------------------------------------------------------- no terminal
def test_the_app_without_a_terminal_refuses_in_one_line(tmp_path: Path) -> None:
    """`oppija </dev/null >out.txt` would run blind, writing escape codes into the file."""
    out = tmp_path / "out.txt"
    with out.open("wb") as handle:
        result = run("--data-dir", str(tmp_path / "data"), stdout=handle, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("oppija: loeng vajab terminali")
    assert len(result.stderr.decode().splitlines()) == 1
    assert out.read_bytes() == b""


def test_each_stream_must_be_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stream:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    for closed in range(3):
        streams = [Stream(tty=index != closed) for index in range(3)]
        monkeypatch.setattr(sys, "stdin", streams[0])
        monkeypatch.setattr(sys, "stdout", streams[1])
        monkeypatch.setattr(sys, "stderr", streams[2])
        assert not cli._on_a_terminal()
    monkeypatch.setattr(sys, "stdin", Stream(True))
    monkeypatch.setattr(sys, "stdout", Stream(True))
    monkeypatch.setattr(sys, "stderr", Stream(True))
    assert cli._on_a_terminal()
