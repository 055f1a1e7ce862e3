"""The handout as one self-contained HTML page: for a browser, and for WeasyPrint to print.

The slides' Markdown is rendered with markdown-it-py (CommonMark with tables, strikethrough and
the subscript ``W~f~``, the dialect the app draws; raw HTML in a lesson stays text), the page
with Jinja2 from ``handout.html.j2`` with autoescaping on. Everything is inside the one file:
the style, every demo as inline SVG, and the monospace font the pictures are drawn with
(DejaVu Sans Mono, the classroom server's own copy, as a data URL), so it opens offline from a
USB stick.
"""

from __future__ import annotations

import base64
from functools import cache
from importlib import resources
from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup

from oppija.content.model import Quiz
from oppija.export.handout import Handout, audience_line
from oppija.export.svg import rows_to_svg
from oppija.html_templates import page_environment
from oppija.i18n import _, current_language, format_decimal

TEMPLATE_DIR = Path(__file__).resolve().parent
TEMPLATE = "handout.html.j2"
FONTS = (("DejaVuSansMono.ttf", "normal"), ("DejaVuSansMono-Bold.ttf", "bold"))


@cache
def _markdown() -> MarkdownIt:
    from mdit_py_plugins.subscript import sub_plugin

    # W~f~, the lesson format's subscript, becomes <sub>f</sub>.
    return (
        MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"]).use(sub_plugin)
    )


def slide_html(text: str) -> Markup:
    """Lesson Markdown as HTML (markdown-it escapes the text itself). A slide's own headings
    (``###`` and deeper) go one level down, under the slide's title (an ``h3``)."""
    md = _markdown()
    tokens = md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1:]) + 1, 6)}"
    return Markup(md.renderer.render(tokens, md.options, {}))


def _inline(text: str) -> Markup:
    """One line of lesson Markdown (a question, a choice) as inline HTML."""
    return Markup(_markdown().renderInline(text))


def font_faces() -> str:
    """The ``@font-face`` rules of the pictures' font, its files inside the page."""
    fonts = resources.files("oppija.serve").joinpath("static", "fonts")
    rules = []
    for name, weight in FONTS:
        data = base64.b64encode(fonts.joinpath(name).read_bytes()).decode("ascii")
        rules.append(
            f"@font-face {{ font-family: 'DejaVu Sans Mono'; font-weight: {weight}; "
            f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}"
        )
    return "\n".join(rules)


def answer_text(quiz: Quiz) -> str:
    """A number question's answer as the lecture writes it (decimal comma in Estonian)."""
    if quiz.answer is None:
        return ""
    answer = format_decimal(quiz.answer, digits=10)
    if quiz.tolerance:
        return _("{answer} (± {tolerance})").format(
            answer=answer, tolerance=format_decimal(quiz.tolerance, digits=10)
        )
    return answer


def render_html(handout: Handout, for_print: bool = False) -> str:
    """The page's text; ``for_print`` adds the paper's page rules (A4, footer, page numbers)."""
    environment = page_environment(TEMPLATE_DIR)
    environment.filters["markdown"] = slide_html
    environment.filters["inline"] = _inline
    lecture = handout.lecture
    # Markup: the SVG is built with escape() around every text it holds.
    pictures = {
        item.slide.id: Markup(rows_to_svg(item.picture.rows, item.picture.width, item.slide.title))
        for section in handout.sections
        for item in section.slides
        if item.picture is not None
    }
    return environment.get_template(TEMPLATE).render(
        language=lecture.language,
        lecture=lecture,
        handout=handout,
        pictures=pictures,
        answer=answer_text,
        font_faces=Markup(font_faces()),
        for_print=for_print,
        labels={
            "audience": audience_line(handout),
            "contents": _("Contents"),
            "glossary": _("Glossary"),
            "notes": _("Teacher notes"),
            "question": _("Question"),
            "answer": _("Answer:"),
            "right": _("right answer"),
            "model": _("Model answer:"),
            "why": _("Why:"),
            "reproduce": _("The same picture in oppija:"),
            "term": _("Term"),
            "other": _("English") if current_language() == "et" else _("Estonian"),
            "definition": _("Meaning"),
        },
    )
