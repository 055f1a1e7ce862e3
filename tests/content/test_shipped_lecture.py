"""The lecture as shipped: complete, in both languages, and faithful to the seed's corrections."""

from __future__ import annotations

import re

import pytest

from oppija.content.loader import check_paths
from oppija.content.model import Lecture
from tests.content.shipped import LESSONS


def test_lessons_check_clean() -> None:
    report = check_paths([LESSONS])
    assert not report.problems, "\n".join(map(str, report.problems))
    assert set(report.counts) == {"et", "en"}


def test_every_section_has_a_self_check_question(et: Lecture) -> None:
    for section in et.sections:
        assert any(slide.quizzes for slide in section.slides), section.id


def test_enough_questions_and_terms(et: Lecture, en: Lecture) -> None:
    for lecture in (et, en):
        assert len(lecture.quizzes) >= 25
        assert len(lecture.glossary) >= 50
        for term in lecture.glossary:
            lecture.slide_index(term.slide_id)  # each term points at a real slide
            assert term.definition and term.other


def test_the_two_closing_questions_are_open_with_model_answers(et: Lecture) -> None:
    last_open = [q for q in et.quizzes if q.kind == "open"][-2:]
    assert len(last_open) == 2
    assert "lokaalse miinimum" in last_open[0].question
    assert "AGI" in last_open[1].question
    assert all(len(q.model_answer) > 100 for q in last_open)


def test_english_has_the_same_structure(et: Lecture, en: Lecture) -> None:
    assert [s.id for s in et.slides] == [s.id for s in en.slides]
    assert [s.step_count for s in et.slides] == [s.step_count for s in en.slides]
    assert [q.id for q in et.quizzes] == [q.id for q in en.quizzes]
    assert [t.id for t in et.glossary] == [t.id for t in en.glossary]


def test_glossary_columns_are_language_first(et: Lecture, en: Lecture) -> None:
    et_terms = {t.id: t for t in et.glossary}
    for term in en.glossary:
        # the other column may add an abbreviation or a variant: "süvaõpe (sügavõpe)"
        assert term.other.startswith(et_terms[term.id].term)
        assert et_terms[term.id].other.startswith(term.term)


def _estonian_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((LESSONS / "et").glob("*.md")))


@pytest.mark.parametrize(
    "typo", ["jätkka", "peenähäälestamine", "tehismärvivõrgud", "konvolutisooni"]
)
def test_the_seed_typos_are_not_copied(typo: str) -> None:
    assert typo not in _estonian_text()


def test_logistic_regression_update_has_the_right_sign(et: Lecture) -> None:
    """θ ← θ − α·(1/m)·Σ x·(σ(θᵀx) − y): the bracket is (σ − y) when the step is −α."""
    text = "\n".join(
        s.markdown(s.step_count - 1) for s in et.slides if s.id.startswith("gd-logreg")
    )
    assert re.search(r"σ\(θ[^)]*\)\s*−\s*y", text), "the corrected (σ − y) form is shown"
    assert "ristentroopia" in text.lower()


def test_worked_examples_are_there(et: Lecture) -> None:
    text = _estonian_text()
    assert "2,4" in text  # one descent step on θ² from 3 with α = 0,1
    assert "0,659" in text  # one softmax
    assert "0,622" in text  # one neuron's output
    assert "1,8" in text and "−0,4" in text  # the seed's 1-D picture


def test_estonian_numbers_use_decimal_commas(et: Lecture) -> None:
    """Outside code blocks, a digit-point-digit number in Estonian text is a slip."""
    prose = re.sub(r"```.*?```", "", _estonian_text(), flags=re.S)
    prose = re.sub(r"https?://\S+|\b[\w.-]+\.(ee|com|org)\b\S*|\d+\.\d+\.\d+", "", prose)
    slips = re.findall(r"(?<![\w.])\d+\.\d+(?![\w.])", prose)
    assert not slips, slips[:10]


@pytest.mark.parametrize("language", ["et", "en"])
def test_contents_titles_are_short_and_distinct(language: str, et: Lecture, en: Lecture) -> None:
    """No section's rows in the contents repeat the section's name ("Mida oskavad närvivõrgud:
    masintõlge", six times over): there they read "Masintõlge"; within a section none repeat."""
    lecture = et if language == "et" else en
    for section in lecture.sections:
        shown = [section.contents_title(slide) for slide in section.slides]
        assert len(set(shown)) == len(shown)
        assert not [title for title in shown if title.startswith(section.title + ":")]
    applications = lecture.section_of("apps-translation")
    translation = lecture.slide("apps-translation")
    expected = {"et": "Masintõlge", "en": "Machine translation"}[language]
    assert applications.contents_title(translation) == expected
