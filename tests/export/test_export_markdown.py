"""The Markdown handout: the plain lecture for a wiki, demos as fenced text pictures, the
worksheet boxes, and the answers only in the teacher's copy (issue 17, item 4)."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from oppija.content.loader import load_lecture
from oppija.export.markdown_text import render_markdown
from tests.export.conftest import Handouts

# Shares the session's handouts with test_export_html: in the same xdist worker (its group).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("handouts")]


def test_every_slide_and_every_demo_picture_is_there(handouts: Handouts) -> None:
    text = render_markdown(handouts.get("et", "student"))
    lecture = load_lecture("et")
    assert [s.title for s in lecture.slides if f" {s.title}\n" not in text] == []
    tokens = MarkdownIt("commonmark").parse(text)
    pictures = [token for token in tokens if token.type == "fence" and token.info == "text"]
    assert len(pictures) == sum(1 for slide in lecture.slides if slide.demo is not None)
    assert all(re.search("[\u2801-\u28ff]", token.content) for token in pictures[:1])
    assert "`oppija --slide gd-1d --steps 10`" in text
    assert "Vajuta `n`, et teha üks samm" not in text


def test_the_worksheet_and_the_answer_key(handouts: Handouts) -> None:
    student = render_markdown(handouts.get("et", "student"))
    teacher = render_markdown(handouts.get("et", "teacher"))
    assert "- [ ] " in student and "- [x] " not in student
    assert "- [x] " in teacher
    assert "Vastus: \\_\\_" in student and "Vastus: 0,085" in teacher
    note = load_lecture("et").slide("error-mse").notes.splitlines()[0]
    assert f"> {note}" in teacher and note not in student


def test_written_subscripts_become_sub_elements_in_text_quizzes_notes_and_glossary(
    handouts: Handouts,
) -> None:
    """W~O~ is no Markdown a wiki knows: the handout writes W<sub>O</sub>, never a tilde."""
    teacher = render_markdown(handouts.get("et", "teacher"))
    assert "σ<sub>g</sub>(W<sub>f</sub> xₜ" in teacher  # the LSTM slide's text
    assert "kaalumaatriks W<sub>O</sub>?" in teacher  # a quiz's question
    assert "W<sub>Q</sub>, W<sub>K</sub> ja W<sub>V</sub>, mis" in teacher  # the glossary
    assert not re.search(r"(?<!~)~[^~\s]+~(?!~)", teacher)
