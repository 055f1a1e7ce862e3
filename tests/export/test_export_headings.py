"""A slide's own headings sit under the slide's title in a handout, never beside it."""

from __future__ import annotations

from oppija.export.html import slide_html
from oppija.export.markdown_text import demoted_headings

SLIDE = "Tekst\n\n### Alapealkiri\n\n```\n### koodis\n```\n\n  #### Veel\n"


def test_the_page_puts_a_slides_headings_one_level_under_its_title() -> None:
    html = str(slide_html(SLIDE))
    assert "<h4>Alapealkiri</h4>" in html and "<h5>Veel</h5>" in html
    assert "<h3>" not in html and "### koodis" in html  # a code block is left as it is


def test_the_markdown_puts_a_slides_headings_one_level_under_its_title() -> None:
    expected = "Tekst\n\n#### Alapealkiri\n\n```\n### koodis\n```\n\n##### Veel\n"
    assert demoted_headings(SLIDE) == expected
