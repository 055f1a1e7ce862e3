"""A demo block's ``practice: on``: the demo opens asking for its next number; a bad value, or
a demo without practice questions, is reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from oppija.content import parse_section
from oppija.content.model import DemoBlock

HEAD = "---\nid: intro\ntitle: Sissejuhatus\n---\n\n## Gradient {#gd}\n\n"


def parse(body: str) -> tuple[DemoBlock | None, list[str]]:
    section, problems = parse_section(Path("01-intro.md"), HEAD + body)
    return section.slides[0].demo, [str(problem) for problem in problems]


@pytest.mark.parametrize(("value", "on"), [("on", True), ("off", False)])
def test_practice_is_kept_apart_from_the_demo_settings(value: str, on: bool) -> None:
    demo, problems = parse(f"::: demo gd1d\npreset: good\npractice: {value}\n:::\n")
    assert problems == []
    assert demo is not None and demo.practice is on
    assert demo.as_dict() == {"preset": "good"}


def test_a_bad_practice_value_is_reported_at_its_line() -> None:
    _demo, problems = parse("::: demo gd1d\npreset: good\npractice: yes\n:::\n")
    assert problems == ["01-intro.md:10: “practice” is on or off, not “yes”"]


def test_practice_on_a_demo_without_practice_questions_is_reported_at_its_line() -> None:
    demo, problems = parse("::: demo playground\npractice: on\n:::\n")
    (problem,) = problems
    assert problem.startswith("01-intro.md:9: the demo “playground” has no practice questions")
    assert "backprop" in problem and demo is not None and not demo.practice
    assert parse("::: demo playground\npractice: off\n:::\n")[1] == []
