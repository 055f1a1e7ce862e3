"""The glossary a learner searches: synonyms they will type, the entries the lecture needs, and
an exact name found before a longer one that merely contains it."""

from __future__ import annotations

from pathlib import Path

import pytest

from oppija.content.glossary import parse_glossary
from oppija.content.loader import load_lecture
from oppija.content.model import Lecture
from oppija.content.search import search
from oppija.content.term_search import find_terms

LESSONS = Path(__file__).resolve().parents[2] / "lessons"


@pytest.fixture(scope="module")
def et() -> Lecture:
    return load_lecture("et", LESSONS)


@pytest.fixture(scope="module")
def en() -> Lecture:
    return load_lecture("en", LESSONS)


def test_the_aka_line_gives_synonyms() -> None:
    text = "## nihe {#bias}\nother: bias\nslide: s\naka: vabaliige,  , vabaliige, θ₀\nParameeter.\n"
    terms, problems = parse_glossary(Path("glossary.md"), text)
    assert not problems
    assert terms[0].synonyms == ("vabaliige", "θ₀")
    assert terms[0].definition == "Parameeter."


@pytest.mark.parametrize(
    ("typed", "term_id"),
    [
        ("kaofunktsioon", "error-function"),
        ("aktivatsioonifunktsioon", "activation-function"),
        ("arvutusgraaf", "computation-graph"),
        ("vabaliige", "bias"),
        ("edasilevi", "forward-pass"),
    ],
)
def test_a_synonym_finds_its_term_first(et: Lecture, typed: str, term_id: str) -> None:
    assert find_terms(et, typed)[0].id == term_id
    assert (search(et, typed)[0].kind, search(et, typed)[0].id) == ("term", term_id)


@pytest.mark.parametrize(
    "term_id",
    [
        "hidden-state",
        "overfitting",
        "stochastic-gradient-descent",
        "momentum",
        "generator",
        "convex-function",
        "saddle-point",
    ],
)
def test_the_missing_entries_are_there_in_both_languages(
    et: Lecture, en: Lecture, term_id: str
) -> None:
    assert et.term(term_id).definition and en.term(term_id).definition


def test_cross_entropy_gives_its_softmax_form(et: Lecture, en: Lecture) -> None:
    assert "−ln pₖ" in et.term("cross-entropy").definition
    assert "−ln pₖ" in en.term("cross-entropy").definition


@pytest.mark.parametrize(
    ("typed", "first"),
    [("gradient", "gradient"), ("GRADIENT", "gradient"), ("neuron", "neuron"), ("kiht", "layer")],
)
def test_an_exact_name_comes_before_names_that_contain_it(
    et: Lecture, typed: str, first: str
) -> None:
    found = [term.id for term in find_terms(et, typed)]
    assert found[0] == first
    assert len(found) > 1  # longer names holding it follow


def test_an_empty_query_lists_every_term_in_glossary_order(et: Lecture) -> None:
    assert find_terms(et, "  ") == list(et.glossary)
