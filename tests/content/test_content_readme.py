"""The examples in lessons/README.md (the teachers' guide) are valid lesson files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oppija.content import check_paths, parse_glossary, parse_section
from tests.content.content_samples import ET, write_language

README = Path(__file__).resolve().parents[2] / "lessons" / "README.md"

pytestmark = pytest.mark.skipif(not README.is_file(), reason="lessons/README.md is missing")


def blocks(start: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    found = re.findall(r"^```\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    return [block for block in found if block.startswith(start)]


def test_the_section_examples_parse_and_match() -> None:
    estonian, english = blocks("---\nid: intro\n")
    for text in (estonian, english):
        section, problems = parse_section(Path("01-sissejuhatus.md"), text)
        assert problems == []
        assert section is not None
        assert [slide.id for slide in section.slides] == ["gd-intro", "gd-why"]
        assert [quiz.kind for quiz in section.slides[0].quizzes] == ["choice", "number"]


def test_the_examples_have_parity(tmp_path: Path) -> None:
    estonian, english = blocks("---\nid: intro\n")
    for language, text in (("et", estonian), ("en", english)):
        write_language(
            tmp_path / language,
            {"lecture.md": ET["lecture.md"], "01-sissejuhatus.md": text},
        )
    assert check_paths([tmp_path]).problems == []


def test_the_glossary_examples_parse() -> None:
    examples = [block for block in blocks("## ") if "\nother: " in block]
    assert len(examples) == 2
    for text in examples:
        terms, problems = parse_glossary(Path("glossary.md"), text, {"gd-intro"})
        assert problems == []
        assert [term.id for term in terms] == ["gradient-descent"]
