"""`oppija demo NAME`: settings on the command line, JSON or a readout, one-line refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from oppija import i18n
from oppija.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m oppija ARGS` in a fresh process, as a learner would run it."""
    base = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-W", "error", "-m", "oppija", *args],
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    previous = i18n.current_language()
    yield
    i18n.set_language(previous)


def demo_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["demo", *args, "--json"]) == 0
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 1
    return json.loads(out)


def test_far_too_large_alpha_reports_diverged_and_exits_0() -> None:
    result = run(
        "demo", "gd1d", "--set", "lr=1.1", "--set", "function=x^2", "--steps", "100", "--json"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["demo"] == "gd1d" and data["status"] == "diverged" and data["step"] == 70
    assert data["params"]["lr"] == 1.1 and data["params"]["function"] == "x^2"
    assert len(data["state"]["path"]) == 71


def test_a_hostile_formula_exits_2_with_one_line_and_runs_nothing() -> None:
    result = run("demo", "gd1d", "--set", "function=__import__('os')", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("oppija demo: viga: vigane valem „function“")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "et_fragment", "en_fragment"),
    [
        (["demo", "nope"], "nope", "unknown demo “nope”; available demos: gd1d"),
        (["demo", "gd1d", "--set", "bogus=1"], "pole parameetrit „bogus“", "unknown parameter"),
        (["demo", "gd1d", "--set", "lr=20"], "peab olema vahemikus", "must be between"),
        (["demo", "gd1d", "--set", "lr=kiire"], "„kiire“ ei ole arv", "is not a number"),
        (["demo", "gd1d", "--set", "preset=steep"], "steep", "unknown value “steep”"),
        (["demo", "gd1d", "--set", "function=x^"], "vigane valem", "bad formula"),
        (["demo", "gd2d", "--set", "start=1"], "vajab täpselt 2 arvu", "needs exactly 2 numbers"),
        (["demo", "gd1d", "--set", "lr"], "lr", "“lr” is not KEY=VALUE"),
        (["demo", "gd1d", "--steps", "many"], "many", "“many” is not a whole number"),
        (["demo", "gd1d", "--steps", "-3"], "-3", "is not between 0 and"),
        (["demo"], "oppija demo", "the following arguments are required"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], et_fragment: str, en_fragment: str
) -> None:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("oppija demo: viga:")
    assert et_fragment in lines[0]
    assert main(["--lang", "en", *args]) == 2
    english = capsys.readouterr().err.strip().splitlines()
    assert len(english) == 1 and english[0].startswith("oppija demo: error:")
    assert en_fragment in english[0]


def test_settings_with_decimal_comma_and_lists(capsys: pytest.CaptureFixture[str]) -> None:
    data = demo_json(
        capsys, "gd2d", "--set", "start=1,5; -2", "--set", "momentum=0,5", "--set", "lr=0.05"
    )
    assert data["params"]["start"] == [1.5, -2.0]
    assert data["params"]["momentum"] == 0.5 and data["params"]["lr"] == 0.05
    assert data["step"] == 0 and data["status"] == "running"  # --steps defaults to 0: the start
    assert data["state"]["theta"] == [1.5, -2.0]
    spaced = demo_json(capsys, "gd2d", "--set", "start=1 2")
    assert spaced["params"]["start"] == [1.0, 2.0]


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("gd1d", {"theta", "loss", "grad", "path"}),
        ("gd2d", {"theta", "loss", "grad", "path"}),
        ("linreg", {"theta", "loss", "losses"}),
        ("logreg", {"theta", "loss", "losses"}),
    ],
)
def test_json_for_each_demo(capsys: pytest.CaptureFixture[str], name: str, keys: set[str]) -> None:
    data = demo_json(capsys, name, "--steps", "5")
    assert set(data) == {"demo", "params", "step", "status", "state"}
    assert data["demo"] == name and data["step"] == 5
    assert keys <= set(data["state"])


def test_the_last_repeated_setting_wins(capsys: pytest.CaptureFixture[str]) -> None:
    data = demo_json(capsys, "gd1d", "--set", "lr=0,5", "--set", "lr=0,2")
    assert data["params"]["lr"] == 0.2


def test_the_text_frame_is_the_picture_then_the_readout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "en", "demo", "gd1d", "--steps", "2", "--width", "60"]) == 0
    lines = capsys.readouterr().out.rstrip("\n").splitlines()
    assert lines[0].strip() == "a bowl: 𝓔(θ) = θ²"  # the title as the slide writes it, its preset
    assert any("⠀" < char <= "⣿" for line in lines for char in line)  # drawn in braille
    assert all(len(line) <= 60 for line in lines)
    assert lines[-6:] == [
        "gd1d  k = 2",
        "θ = 1.920",  # 4 significant digits, as every readout writes them
        "𝓔(θ) = 3.686",
        "∇𝓔(θ) = 3.840",
        "|Δθ| = 0.4800",
        "The descent is running.",
    ]


def test_the_ascii_frame_holds_only_ascii(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("gd1d", "gd2d", "linreg", "logreg"):
        assert main(["--lang", "en", "demo", name, "--steps", "3", "--ascii"]) == 0
        assert capsys.readouterr().out.isascii(), name


def test_the_frame_fills_the_size_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["demo", "gd2d", "--steps", "3", "--width", "100", "--height", "30", "--ascii"]
    assert main(args) == 0
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    assert len(lines) == 30
    assert max(len(line) for line in lines) <= 100
    assert any(len(line) > 90 for line in lines)  # the picture uses the width
