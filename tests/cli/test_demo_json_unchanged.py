"""`oppija demo NAME --json` prints what it printed before the simulations were made faster: the
files in stored_json/ were written by the code of commit 0cd9d12 (before the descents moved to
``math`` and the playground scored its epochs when read).

On the machine that wrote them the output is the same byte for byte (benchmarks/sims.py checks
that before it times anything). Here every key, string, integer and list length must be the
same, and every float equal to 12 significant digits: another CPU's BLAS kernels may round the
last bit of a matrix product differently, for the old code as much as for the new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oppija.cli import main

STORED = Path(__file__).resolve().parent / "stored_json"

COMMANDS = {
    "gd1d-slow": ["gd1d", "--set", "lr=0,0001", "--steps", "300"],
    "gd1d-two-minima": ["gd1d", "--set", "preset=two-minima", "--steps", "1000"],
    "gd1d-diverge": ["gd1d", "--set", "preset=diverge", "--steps", "100"],
    "playground-xor": ["playground", "--set", "steps=100", "--steps", "100"],
    "playground-spiral-relu": [
        "playground",
        *("--set", "dataset=spiral", "--set", "activation=relu"),
        *("--set", "layers=3", "--set", "units=8", "--steps", "60"),
    ],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_json_is_the_stored_one(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", *COMMANDS[name], "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    stored = json.loads((STORED / f"{name}.json").read_text(encoding="utf-8"))
    assert same_values(printed, stored), name


def same_values(printed: object, stored: object) -> bool:
    """Equal structure and values, floats to 12 significant digits (see the module docstring)."""
    if isinstance(stored, float) and isinstance(printed, float):
        return printed == pytest.approx(stored, rel=1e-12, abs=1e-300, nan_ok=True)
    if isinstance(stored, dict) and isinstance(printed, dict):
        return printed.keys() == stored.keys() and all(
            same_values(printed[key], stored[key]) for key in stored
        )
    if isinstance(stored, list) and isinstance(printed, list):
        return len(printed) == len(stored) and all(
            same_values(a, b) for a, b in zip(printed, stored, strict=True)
        )
    return type(printed) is type(stored) and printed == stored


def test_a_changed_last_digits_pass_and_a_changed_number_fails() -> None:
    stored = {"losses": [0.6931471805599453, 1.0], "status": "done", "step": 3}
    assert same_values({"losses": [0.6931471805599454, 1.0], "status": "done", "step": 3}, stored)
    assert not same_values({"losses": [0.6931471806, 1.0], "status": "done", "step": 3}, stored)
    assert not same_values({"losses": [0.6931471805599453], "status": "done", "step": 3}, stored)
    assert not same_values(
        {"losses": [0.6931471805599453, 1.0], "status": "done", "step": 3.0}, stored
    )


def test_every_stored_file_has_its_command() -> None:
    assert {path.stem for path in STORED.glob("*.json")} == set(COMMANDS)
