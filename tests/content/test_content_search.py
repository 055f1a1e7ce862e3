"""Finding slides and glossary terms: case and diacritics do not matter, titles weigh more."""

from __future__ import annotations

from pathlib import Path

import pytest

from oppija.content import Lecture, load_lecture
from oppija.content.search import fold, search


@pytest.fixture
def lecture(lessons: Path) -> Lecture:
    return load_lecture("et", lessons)


def test_fold_drops_case_and_diacritics() -> None:
    assert fold("Õppimiskiirus ŠÕÄÖÜŽ") == "oppimiskiirus soaouz"


def test_a_word_from_the_body(lecture: Lecture) -> None:
    hits = search(lecture, "mitmekihilised")
    assert [(hit.kind, hit.id) for hit in hits] == [("slide", "title")]
    assert "mitmekihilised" in hits[0].snippet


def test_a_title(lecture: Lecture) -> None:
    hits = search(lecture, "NEURON")
    assert hits[0].kind == "slide"
    assert hits[0].id == "neuron"
    assert hits[0].title == "Neuron"


def test_without_diacritics(lecture: Lecture) -> None:
    hits = search(lecture, "oppimiskiirus")
    assert ("term", "learning-rate") in [(hit.kind, hit.id) for hit in hits]
    assert ("slide", "gd-intro") in [(hit.kind, hit.id) for hit in hits]  # in its quiz


def test_a_glossary_term_by_its_english_name(lecture: Lecture) -> None:
    hits = search(lecture, "gradient descent")
    assert hits[0].kind == "term"
    assert hits[0].id == "gradient-descent"
    assert hits[0].title == "gradientlaskumine (gradient descent)"
    assert hits[0].snippet.startswith("Iteratiivne meetod")


def test_titles_score_above_body_text(lecture: Lecture) -> None:
    hits = [hit for hit in search(lecture, "gradientlaskumine") if hit.kind == "slide"]
    assert hits[0].id == "gd-intro"


def test_every_word_must_match_and_limits(lecture: Lecture) -> None:
    assert search(lecture, "neuron kartul") == []
    assert search(lecture, "   ") == []
    assert len(search(lecture, "a", limit=2)) == 2
    assert search(lecture, "a", limit=0) == []


def test_snippet_is_cut_around_the_match(lessons: Path) -> None:
    root = lessons
    target = root / "et" / "01-intro.md"
    text = target.read_text(encoding="utf-8")
    long_text = " ".join(["sõna"] * 40) + " haruldane " + " ".join(["täide"] * 40)
    target.write_text(text.replace("Närvivõrgud õpivad andmetest.", long_text), encoding="utf-8")
    (hit,) = search(load_lecture("et", root), "HARULDANE")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "haruldane" in hit.snippet
    assert len(hit.snippet) < 120


def test_the_lecture_is_prepared_once_for_all_the_keys_typed(
    lecture: Lecture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The palette searches at every key: the slides' text is folded on the first search only,
    and each later query gives what a fresh search would."""
    import oppija.content.search as searching

    first = search(lecture, "gradient")
    prepared: list[str] = []
    original = searching.plain_text
    monkeypatch.setattr(
        searching, "plain_text", lambda text: prepared.append(text) or original(text)
    )
    again = search(lecture, "gradient")
    for query in ("g", "gr", "gra", "õppimiskiirus"):
        search(lecture, query)
    assert prepared == [] and again == first
