"""`oppija demo NAME --json` prints, byte for byte, what it printed before the simulations were
made faster: the files in stored_json/ were written by the code of commit 0cd9d12 (before the
descents moved to ``math`` and the playground scored its epochs when read)."""

from __future__ import annotations

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
def test_the_json_is_the_stored_one_byte_for_byte(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", *COMMANDS[name], "--json"]) == 0
    assert capsys.readouterr().out == (STORED / f"{name}.json").read_text(encoding="utf-8")


def test_every_stored_file_has_its_command() -> None:
    assert {path.stem for path in STORED.glob("*.json")} == set(COMMANDS)
