"""The web-page handout: every slide, nothing from the network, valid HTML, and the answer key
and the teacher notes only in the teacher's copy (issue 17, item 5)."""

from __future__ import annotations

import io
import re
from functools import cache
from xml.etree.ElementTree import Element

import html5lib
import pytest

from oppija import i18n
from oppija.content.commands import run_list
from oppija.content.loader import load_lecture
from oppija.export.html import render_html
from tests.export.conftest import Handouts

SVG = "{http://www.w3.org/2000/svg}"

# The first test of a language runs every demo of the lecture; the handouts' group keeps this
# file and test_export_markdown in one xdist worker, so that each language is built once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("handouts")]


@cache
def page(handouts: Handouts, language: str, audience: str) -> str:
    return render_html(handouts.get(language, "teacher" if audience == "teacher" else "student"))


def parsed(text: str) -> Element:
    """The page as html5lib reads it; strict: a parse error fails the test."""
    tree: Element = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
    return tree


def visible_text(tree: Element) -> str:
    body = tree.find("body")
    assert body is not None
    return re.sub(r"\s+", " ", "".join(body.itertext()))


def listed_titles(language: str) -> list[str]:
    """The slide titles `oppija list` prints (lines "   ID  TITLE")."""
    i18n.set_language(language)
    out = io.StringIO()
    assert run_list(language, out) == 0
    rows = [line for line in out.getvalue().splitlines() if line.startswith("   ")]
    return [re.split(r"\s{2,}", row.strip(), maxsplit=1)[1] for row in rows]


@pytest.mark.parametrize("language", ["et", "en"])
def test_the_page_parses_and_holds_every_slide_title_of_oppija_list(
    handouts: Handouts, language: str
) -> None:
    tree = parsed(page(handouts, language, "student"))
    text = visible_text(tree)
    titles = listed_titles(language)
    assert len(titles) == len(load_lecture(language).slides)
    assert [title for title in titles if re.sub(r"\s+", " ", title) not in text] == []
    assert tree.get("lang") == language


def test_no_resource_comes_from_the_network(handouts: Handouts) -> None:
    text = page(handouts, "et", "teacher")
    tree = parsed(text)
    for element in tree.iter():
        for attribute in ("src", "srcset", "data", "poster"):
            value = element.get(attribute, "")
            assert not re.match(r"\s*(https?:)?//", value), (element.tag, value)
        if element.tag == "link":
            assert not re.match(r"\s*(https?:)?//", element.get("href", ""))
    for style in tree.iter("style"):
        urls = re.findall(r"url\(\s*['\"]?([^'\")]*)", style.text or "")
        assert urls, "the pictures' font is inside the page"
        assert all(url.startswith("data:") for url in urls)
    assert not re.search(r"@import", text)
    # Links in the lesson text to papers stay links (an <a>, not a resource).
    links = [a.get("href", "") for a in tree.iter("a")]
    assert any(link.startswith("https://") for link in links)


def test_the_students_copy_has_no_answer_key_and_no_notes(handouts: Handouts) -> None:
    i18n.set_language("et")
    lecture = load_lecture("et")
    student = visible_text(parsed(page(handouts, "et", "student")))
    teacher = visible_text(parsed(page(handouts, "et", "teacher")))
    slide = lecture.slide("error-mse")
    note = re.sub(r"\s+", " ", slide.notes.splitlines()[0])
    why = re.sub(r"\s+", " ", slide.quizzes[0].explanation)
    assert note not in student and note in teacher
    assert why not in student and why in teacher
    assert "0,085" in teacher and "0,085" not in student
    choice = next(quiz for quiz in lecture.quizzes if quiz.kind == "choice")
    explanation = choice.choices[0].explanation
    assert explanation not in student and explanation in teacher
    assert "✓" not in student and "✓" in teacher
    assert "Õpetaja märkmed" in teacher and "Õpetaja märkmed" not in student


def test_screen_only_lines_are_left_out_and_the_text_around_them_kept(
    handouts: Handouts,
) -> None:
    text = visible_text(parsed(page(handouts, "et", "student")))
    assert "Vajuta n, et teha üks samm" not in text
    assert "Kuna tuletis on θ₀ juures positiivne" in text


def test_every_demo_is_a_vector_picture_with_the_command_that_reproduces_it(
    handouts: Handouts,
) -> None:
    tree = parsed(page(handouts, "et", "student"))
    pictures = [svg for svg in tree.iter(f"{SVG}svg") if "demo-picture" in svg.get("class", "")]
    demos = [slide for slide in load_lecture("et").slides if slide.demo is not None]
    assert len(pictures) == len(demos)
    assert all(len(list(svg.iter(f"{SVG}text"))) > 20 for svg in pictures)
    captions = ["".join(figure.itertext()) for figure in tree.iter("figcaption")]
    assert any("oppija --slide gd-1d --steps 10" in caption for caption in captions)
    assert any(caption.endswith("oppija --slide logreg") for caption in captions)


def test_the_contents_link_to_every_slide(handouts: Handouts) -> None:
    tree = parsed(page(handouts, "en", "student"))
    ids = {element.get("id") for element in tree.iter() if element.get("id")}
    nav = tree.find(".//nav")
    assert nav is not None
    targets = [a.get("href", "") for a in nav.iter("a")]
    assert len(targets) >= len(load_lecture("en").slides)
    assert all(target.startswith("#") and target[1:] in ids for target in targets)


def test_written_subscripts_are_sub_elements_in_text_quizzes_and_the_glossary(
    handouts: Handouts,
) -> None:
    """The LSTM's σ~g~, a quiz's W~O~ and the glossary's W~Q~ are printed as subscripts."""
    tree = parsed(page(handouts, "en", "teacher"))
    subs = [element.text for element in tree.iter("sub")]
    assert {"g", "f", "c", "O", "Q", "K", "V", "CE"} <= set(subs)
    assert not re.search(r"(?<!~)~[^~\s]+~(?!~)", visible_text(tree))
    glossary = next(t for t in tree.iter("table") if t.get("class") == "glossary")
    assert "Q" in [element.text for element in glossary.iter("sub")]
