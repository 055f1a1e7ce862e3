"""The registry's ``practice`` flag names exactly the demos with practice questions: the lesson
checker (which must not load the questions) and the app read the flag."""

from __future__ import annotations

from oppija.practice.exercises import practice_kinds
from oppija.sims.registry import DEMOS


def test_the_registry_flags_exactly_the_practice_kinds() -> None:
    flagged = {kind for kind, spec in DEMOS.items() if spec.practice}
    assert flagged == set(practice_kinds()), (
        "set practice=True in oppija/sims/registry.py for each kind with practice questions"
    )
