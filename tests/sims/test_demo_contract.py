"""The one contract every simulation keeps: the version moves with every change, step, back and
to-end behave alike, and no simulation counts versions by hand."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from oppija.sims import DEMOS, from_demo_block
from oppija.sims.demo import Demo, ReplayedDemo, changes
from oppija.sims.plain import Json

pytestmark = pytest.mark.filterwarnings("error")

SIMS = Path(__file__).resolve().parents[2] / "oppija" / "sims"
KINDS = list(DEMOS)


def test_only_the_demo_base_counts_versions() -> None:
    """A forgotten ``version += 1`` left a picture stale: the base and @changes count instead."""
    counted = {
        path.name
        for path in SIMS.glob("*.py")
        if re.search(r"\bversion\s*(\+=|=)", path.read_text(encoding="utf-8"))
    }
    assert counted <= {"demo.py", "base.py"}  # base: a retuned descent goes on from the old one


@pytest.mark.parametrize("kind", KINDS)
def test_every_move_changes_the_version(kind: str) -> None:
    demo = from_demo_block(kind, {})
    assert isinstance(demo, Demo) and demo.step_count == 0
    seen = demo.version
    demo.step()
    assert demo.version > seen and (demo.step_count == 1 or demo.status != "running")
    seen = demo.version
    demo.reset()
    assert demo.version > seen and demo.step_count == 0 and demo.status == "running"
    payload = demo.to_json()
    assert set(payload) == {"demo", "params", "step", "status", "state"}
    json.dumps(payload, allow_nan=False)


@pytest.mark.parametrize("kind", KINDS)
def test_back_and_to_end_are_the_same_moves_everywhere(kind: str) -> None:
    demo = from_demo_block(kind, {})
    if not isinstance(demo, ReplayedDemo):
        assert demo.final_step is None or demo.final_step > 0
        assert not demo.can_step_back
        before = demo.version
        demo.back()  # nothing to undo: nothing changes
        assert demo.version == before
        return
    assert not demo.can_step_back  # at the start
    demo.run(2)
    count, version = demo.step_count, demo.version
    demo.back()
    assert demo.step_count == count - 1 and demo.version > version
    assert demo.status == "running"
    demo.to_end()
    assert demo.step_count == demo.final_step and demo.status != "running"
    demo.back()
    assert demo.status == "running" and demo.step_count == demo.final_step - 1


@dataclass(frozen=True)
class _NoParams:
    """A demo without settings."""


class _Counter(ReplayedDemo):
    """A tiny demo whose own move is marked @changes."""

    name = "conv"  # any kind: its (empty) settings are checked against that kind's schema

    @classmethod
    def build_params(cls, settings: Mapping[str, object]) -> _NoParams:
        return _NoParams()

    @property
    def final_step(self) -> int:
        return 3

    def begin(self) -> None:
        self.nudged = 0

    def advance(self) -> None:
        """Nothing to compute: the step count is the whole state."""

    def state(self) -> dict[str, Json]:
        return {"nudged": self.nudged}

    @changes
    def nudge(self) -> int:
        self.nudged += 1
        return self.nudged


def test_a_marked_move_counts_once_and_keeps_its_result() -> None:
    demo = _Counter()
    version = demo.version
    assert demo.nudge() == 1 and demo.version == version + 1
    assert demo.state() == {"nudged": 1}
