"""The handout as plain Markdown, for a wiki or a learning platform.

The slides' own Markdown as the lesson writes it (screen-only lines left out; its subscripts
``W~f~`` as ``<sub>f</sub>``, which Markdown renderers without the ``~`` syntax still show),
each demo as a fenced text picture (the app's braille drawing, no colours) with the command
that reproduces it, the quizzes as a worksheet (task-list boxes, a blank for numbers) and, for
a teacher, the answers, the explanations and the notes as quotes.
"""

from __future__ import annotations

from oppija.content.model import Quiz
from oppija.export.handout import Handout, HandoutSlide, audience_line
from oppija.export.html import answer_text
from oppija.i18n import _, current_language
from oppija.text.subscript_markup import html_subscripts

BLANK = "\\_" * 12


def _fence(lines: list[str]) -> list[str]:
    """Lines in a code fence longer than any run of backticks inside them."""
    longest = max((len(run) for line in lines for run in line.split("`") if not run), default=0)
    fence = "`" * max(3, longest + 3)
    return [f"{fence}text", *lines, fence]


def _quiz(quiz: Quiz, teacher: bool) -> list[str]:
    out = [f"**{_('Question')}:** {quiz.question}", ""]
    if quiz.kind == "choice":
        for choice in quiz.choices:
            box = "[x]" if teacher and choice.correct else "[ ]"
            right = f" **({_('right answer')})**" if teacher and choice.correct else ""
            out.append(f"- {box} {choice.text}{right}")
            if teacher and choice.explanation:
                out.append(f"  {choice.explanation}")
    elif quiz.kind == "number":
        out.append(f"{_('Answer:')} {answer_text(quiz) if teacher else BLANK}")
        if teacher and quiz.explanation:
            out += ["", f"{_('Why:')} {quiz.explanation}"]
    elif teacher:
        out.append(f"{_('Model answer:')} {quiz.model_answer}")
    else:
        out.append(f"{_('Answer:')} {BLANK}")
    return [*out, ""]


def demoted_headings(markdown: str) -> str:
    """A slide's own headings (``###`` and deeper) one level down, under the slide's title."""
    from oppija.content.markdown import slide_parser

    lines = markdown.split("\n")
    for token in slide_parser().parse(markdown):
        if token.type == "heading_open" and token.map is not None and token.markup.startswith("#"):
            first = token.map[0]
            if len(token.markup) < 6:
                lines[first] = "#" + lines[first].lstrip(" ")
    return "\n".join(lines)


def _slide(item: HandoutSlide, teacher: bool) -> list[str]:
    out = [f"### {item.number} {item.slide.title}", ""]
    if item.markdown:
        out += [html_subscripts(demoted_headings(item.markdown)), ""]
    if item.picture is not None:
        out += [*_fence(item.picture.text_lines()), ""]
        out += [f"{_('The same picture in oppija:')} `{item.picture.command}`", ""]
    for quiz in item.slide.quizzes:
        out += [html_subscripts(line) for line in _quiz(quiz, teacher)]
    if teacher and item.slide.notes:
        notes = [f"**{_('Teacher notes')}**", "", *html_subscripts(item.slide.notes).splitlines()]
        out += [f"> {line}".rstrip() for line in notes] + [""]
    return out


def render_markdown(handout: Handout) -> str:
    """The Markdown file's text."""
    lecture = handout.lecture
    out = [f"# {lecture.title}", ""]
    for detail in (lecture.subtitle, lecture.course, lecture.author, lecture.date):
        if detail:
            out += [detail, ""]
    out += [f"*{audience_line(handout)}*", "", f"## {_('Contents')}", ""]
    for part in handout.sections:
        out.append(f"{part.number}. {part.section.title}")
        out += [f"   - {item.number} {item.slide.title}" for item in part.slides]
    out.append("")
    for part in handout.sections:
        out += [f"## {part.number}. {part.section.title}", ""]
        for item in part.slides:
            out += _slide(item, handout.for_teacher)
    if handout.glossary:
        other = _("English") if current_language() == "et" else _("Estonian")
        out += [f"## {_('Glossary')}", "", f"| {_('Term')} | {other} | {_('Meaning')} |"]
        out.append("| --- | --- | --- |")
        for term in handout.glossary:
            cells = (term.term, term.other, term.definition)
            row = " | ".join(html_subscripts(cell).replace("|", "\\|") for cell in cells)
            out.append(f"| {row} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
