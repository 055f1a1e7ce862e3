"""Hostile command lines: each gets one clear line in Estonian and an exit status, never a
traceback, and what the learner typed is echoed without its control characters.

Most run in-process (fast); the ones that need the operating system's own argument handling
(bytes that are not UTF-8, an argument of 100 000 characters) run as real processes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from oppija import cli
from oppija.cli import main

pytestmark = pytest.mark.usefixtures("estonian")  # the messages are checked in Estonian

ROOT = Path(__file__).resolve().parents[2]
RED = "\x1b[31m"
CLEAR = "\x1b[2J"

# (arguments, exit status, what the message says); "{tmp}" is a fresh temporary folder.
CASES: list[tuple[list[str], int, str]] = [
    (["--bogus"], 2, "tundmatud argumendid: --bogus"),
    ([""], 2, "lubamatu valik: ''"),
    (["--lang", ""], 2, "lubamatu valik: ''"),
    ([f"--lang={RED}red"], 2, "lubamatu valik: '\\x1b[31mred'"),
    (["--slide", CLEAR], 2, "Slaidi „\\x1b[2J“ pole olemas"),
    (["--slide", "x" * 100_000], 2, "pole olemas"),
    (["--slide", "\u202eevil"], 2, "„\\u202eevil“"),
    (["--slide"], 2, "argument --slide: oodati üht väärtust"),
    (["list", "extra"], 2, "tundmatud argumendid: extra"),
    (["--steps", "5"], 2, "--set ja --steps vajavad --slide"),
    (["--width=9", "list"], 2, "tundmatud argumendid: --width=9"),
    (["demo"], 2, "puuduvad kohustuslikud argumendid: NIMI"),
    (["demo", f"{RED}red\x1b[0m"], 2, "tundmatu demo „\\x1b[31mred\\x1b[0m“"),
    (["demo", "nosuch\x07\x08"], 2, "tundmatu demo „nosuch\\x07\\x08“"),
    (["demo", "gd1d\nfake line"], 2, "tundmatu demo „gd1d\\x0afake line“"),
    (["demo", "x" * 100_000], 2, "tundmatu demo"),
    (["demo", "gd1d", "--steps", "-1"], 2, "-1 ei ole vahemikus 0 kuni 1\u00a0000\u00a0000"),
    (["demo", "gd1d", "--steps", "10**9"], 2, "„10**9“ ei ole täisarv"),
    (["demo", "gd1d", "--steps", "1" + "0" * 5000], 2, "ei ole täisarv"),
    (["demo", "gd1d", "--steps", "1000001"], 2, "ei ole vahemikus"),
    (["demo", "gd1d", "--steps", "abc"], 2, "„abc“ ei ole täisarv"),
    (["demo", "gd1d", "--steps", ""], 2, "„“ ei ole täisarv"),
    (["demo", "gd1d", "--steps", f"1{CLEAR}"], 2, "„1\\x1b[2J“ ei ole täisarv"),
    (["demo", "gd1d", "--width", "0"], 2, "0 ei ole vahemikus 20 kuni 1\u00a0000"),
    (["demo", "gd1d", "--width", "-1"], 2, "-1 ei ole vahemikus"),
    (["demo", "gd1d", "--width", str(10**9)], 2, "1000000000 ei ole vahemikus"),
    (["demo", "gd1d", "--height", "NaN"], 2, "„NaN“ ei ole täisarv"),
    (["demo", "gd1d", "--height", "4"], 2, "4 ei ole vahemikus 5 kuni 500"),
    (["demo", "gd1d", "--set", "=5"], 2, "„=5“ ei ole kujul VÕTI=VÄÄRTUS"),
    (["demo", "gd1d", "--set", "lr"], 2, "„lr“ ei ole kujul VÕTI=VÄÄRTUS"),
    (["demo", "gd1d", "--set", "lr="], 2, "„lr“ on ilma väärtuseta"),
    (["demo", "gd1d", "--set", "lr=nan"], 2, "„nan“ ei ole arv"),
    (["demo", "gd1d", "--set", "lr=inf"], 2, "„inf“ ei ole arv"),
    (["demo", "gd1d", "--set", "lr=1e999"], 2, "„1e999“ on liiga suur"),
    (["demo", "gd1d", "--set", f"lr={RED}"], 2, "„\\x1b[31m“ ei ole arv"),
    (["demo", "gd1d", "--set", "lr=0,1", "--set", "lr=" + "1" * 5000], 2, "on liiga suur"),
    (["demo", "gd1d", "--set", f"{CLEAR}=1"], 2, "pole parameetrit „\\x1b[2J“"),
    (["demo", "gd1d", "--set", "function=" + "x*" * 100_000 + "x"], 2, "Valem on liiga pikk"),
    (["demo", "graph", "--set", "function=" + "(" * 10_000 + "x" + ")" * 10_000], 2, "liiga pikk"),
    (["demo", "gd2d", "--set", "start=1e308 1e308"], 2, "„start“ peab olema vahemikus"),
    (["--data-dir", "x" * 5000, "--reset-progress"], 1, "nimi on liiga pikk"),
    (["--data-dir", "{tmp}/a-file", "--reset-progress"], 1, "see on fail, mitte kaust"),
    (["--data-dir", "{tmp}/a-file/sub"], 1, "osa teest ei ole kaust"),
    (["--data-dir", f"{{tmp}}/{CLEAR}/" + "y" * 300], 1, "\\x1b[2J"),
    (["--data-dir", "{tmp}/fine"], 2, "loeng vajab terminali"),
]


def assert_one_clear_line(text: str, expected: str) -> None:
    """One line that says ``expected``: nothing raw for the terminal, nothing endless."""
    lines = text.splitlines()
    assert len(lines) == 1, text[:2000]
    assert expected in lines[0]
    assert not any(char in lines[0] for char in "\x1b\x07\x08\u202e")
    assert len(lines[0]) < 1500


@pytest.mark.parametrize(("args", "status", "expected"), CASES)
def test_a_hostile_command_line(
    args: list[str],
    status: int,
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setattr(cli, "_on_a_terminal", lambda: False)  # never start the app here
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    assert main(args) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_one_clear_line(captured.err, expected)


@pytest.mark.parametrize(
    ("args", "status", "expected"),
    [
        ([b"demo", b"gd1d\xff\xfe"], 2, "tundmatu demo „gd1d\\xff\\xfe“"),
        ([b"--slide", b"\xc3("], 2, "Slaidi „\\xc3(“ pole olemas"),
        ([b"demo", b"gd1d", b"--set", b"lr=\xff"], 2, "„\\xff“ ei ole arv"),
        ([b"demo", b"gd1d", b"--set", b"function=" + b"x" * 100_000], 2, "liiga pikk"),
        ([b"--lang", b"\xff"], 2, "lubamatu valik: '\\udcff'"),
    ],
)
def test_a_hostile_command_line_as_a_real_process(
    args: list[bytes], status: int, expected: str
) -> None:
    """Bytes that are not UTF-8 reach Python as stand-ins; they are shown as the bytes they were."""
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"oppija", *args],
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == status
    assert result.stdout == b""
    assert_one_clear_line(result.stderr.decode("utf-8"), expected)


def test_a_problem_in_a_checked_path_is_echoed_safely(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", f"{CLEAR}missing"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("\\x1b[2Jmissing:") and "\x1b" not in out
