"""The glossary a learner searches: synonyms they will type, the entries the lecture needs, and
an exact name found before a longer one that merely contains it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from oppija.content.glossary import parse_glossary
from oppija.content.loader import check_paths
from oppija.content.model import Lecture
from oppija.content.search import search
from oppija.content.term_forms import FORMS_FILE
from oppija.content.term_search import find_terms
from oppija.content.term_spots import terms_in_text
from tests.content.shipped import LESSONS


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


def test_a_term_is_found_in_slide_text_in_any_form(et: Lecture) -> None:
    text = "Tagasilevil leitakse gradiendi; närvivõrkudest ja lokaalsesse miinimumi. Gradientne?"
    found = [term.id for term in terms_in_text(et, text)]
    assert found == ["backpropagation", "gradient", "neural-network", "local-minimum"]
    assert "minimum" not in found  # the longer name „lokaalne miinimum“ took those words


def test_the_search_finds_a_term_by_an_inflected_form(et: Lecture) -> None:
    assert find_terms(et, "närvivõrgu")[0].id == "neural-network"
    assert (search(et, "närvivõrgu")[0].kind, search(et, "närvivõrgu")[0].id) == (
        "term",
        "neural-network",
    )
    assert find_terms(et, "tagasilevil")[0].id == "backpropagation"


def test_the_forms_come_from_the_committed_file(et: Lecture, en: Lecture) -> None:
    assert "gradiendi" in et.term("gradient").forms
    assert "lokaalsesse miinimumi" in et.term("local-minimum").forms
    assert en.term("gradient").forms == ()  # English has no forms file


def test_a_forms_file_of_another_shape_is_reported(lessons: Path) -> None:
    (lessons / "et" / FORMS_FILE).write_text('{"gradient": "gradiendi"}', encoding="utf-8")
    report = check_paths([lessons / "et"])
    assert [p.message for p in report.problems] == [
        "not a JSON object of glossary ids and lists of word forms"
    ]
    (lessons / "et" / FORMS_FILE).write_text('{"x": ["y"]}', encoding="utf-8")
    assert not check_paths([lessons / "et"]).problems


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "glossary_forms", LESSONS.parent / "scripts" / "glossary_forms.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_inflects_the_last_word_and_lets_attributes_agree() -> None:
    table = {
        ("lokaalne", "sg ill"): ["lokaalsesse"],
        ("miinimum", "sg ill"): ["miinimumisse"],
        ("miinimum", "adt"): ["miinimumi"],
        ("miinimum", "sg g"): ["miinimumi"],
        ("lokaalne", "sg g"): ["lokaalse"],
    }
    forms = _script().name_forms("lokaalne miinimum", lambda w, c: table.get((w, c), []))
    assert {"lokaalsesse miinimumi", "lokaalsesse miinimumisse", "lokaalse miinimumi"} <= forms
    assert "lokaalne miinimum" in forms  # the name itself
