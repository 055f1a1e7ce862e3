"""Lines for the screen only (``::: screen``) and a demo's ``export-steps:``: what the app shows,
what a handout prints, and every mistake reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from oppija.content import parse_section

HEAD = "---\nid: intro\ntitle: Sissejuhatus\n---\n\n## Gradient {#gd}\n\n"


def parse(body: str) -> tuple[object, list[str]]:
    section, problems = parse_section(Path("01-intro.md"), HEAD + body)
    return section, [str(problem) for problem in problems]


def test_screen_lines_are_on_the_slide_but_not_on_paper() -> None:
    body = (
        "Kõver ja punkt.\n\n::: screen\nVajuta `n`, et teha samm.\n:::\n\nVaata kallakut.\n"
        "\n. . .\n\nTeine samm.\n"
    )
    section, problems = parse(body)
    assert problems == []
    assert section is not None
    slide = section.slides[0]  # type: ignore[attr-defined]
    assert slide.steps == (
        "Kõver ja punkt.\n\nVajuta `n`, et teha samm.\n\nVaata kallakut.",
        "Teine samm.",
    )
    assert slide.printed_markdown() == "Kõver ja punkt.\n\n\nVaata kallakut.\n\nTeine samm."
    assert "Vajuta" not in slide.printed_markdown()


def test_a_slide_without_screen_lines_prints_every_step() -> None:
    section, problems = parse("Esimene.\n\n. . .\n\nTeine.\n")
    assert problems == []
    slide = section.slides[0]  # type: ignore[attr-defined]
    assert slide.print_steps == ()
    assert slide.printed_markdown() == "Esimene.\n\nTeine."


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("::: screen now\nVajuta.\n:::\n", 8, "unexpected text after “::: screen”"),
        ("::: screen\nVajuta.\n. . .\nVeel.\n:::\n", 10, "reveal marker “. . .” inside"),
        ("::: screen\n# Pealkiri\n:::\n", 9, "a “#” or “##” heading inside a slide"),
        ("::: screen\nVajuta.\n", 8, "block “::: screen” is not closed"),
    ],
)
def test_a_misused_screen_block_is_reported_at_its_line(body: str, line: int, words: str) -> None:
    _section, problems = parse(body)
    assert any(problem.startswith(f"01-intro.md:{line}: {words}") for problem in problems), problems


def test_export_steps_is_kept_apart_from_the_demo_settings() -> None:
    section, problems = parse("::: demo gd1d\npreset: good\nexport-steps: 40\n:::\n")
    assert problems == []
    demo = section.slides[0].demo  # type: ignore[attr-defined]
    assert demo.export_steps == 40
    assert demo.as_dict() == {"preset": "good"}


@pytest.mark.parametrize("value", ["-1", "2,5", "many", "100001"])
def test_a_bad_export_steps_is_reported_at_its_line(value: str) -> None:
    _section, problems = parse(f"::: demo gd1d\npreset: good\nexport-steps: {value}\n:::\n")
    assert problems == [
        f"01-intro.md:10: “export-steps” must be a whole number from 0 to 100,000, not “{value}”"
    ]
