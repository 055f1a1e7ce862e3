"""``glossary.md`` → glossary terms: ``## term {#id}``, then ``other:``, ``slide:`` and the
optional ``aka:`` (synonyms, separated by commas) lines, then a one-sentence definition.
markdown-it finds the headings; the lines between them are read as they are written."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from oppija.content.markdown import lesson_parser
from oppija.content.model import GlossaryTerm, Problem
from oppija.content.reading import ID_EXAMPLE, KEY_RE, Reporter, decode_text
from oppija.i18n import _


def _term_headings(lines: list[str]) -> dict[int, str]:
    """The ``## term {#id}`` headings: 0-based line → the heading's text."""
    tokens = lesson_parser().parse("\n".join(lines))
    headings: dict[int, str] = {}
    for index, token in enumerate(tokens[:-1]):
        if (
            token.type == "heading_open"
            and token.level == 0
            and token.markup == "##"
            and token.map is not None
        ):
            headings[token.map[0]] = tokens[index + 1].content
    return headings


def _synonyms(value: str) -> tuple[str, ...]:
    """The ``aka:`` line's names, split at commas, blanks and repeats dropped."""
    return tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))


@dataclass
class _TermDraft:
    term: str
    ident: str | None
    line: int
    values: dict[str, tuple[str, int]] = field(default_factory=dict)
    definition: list[str] = field(default_factory=list)


def parse_glossary(
    path: Path, text: str | bytes, slide_ids: Collection[str] | None = None
) -> tuple[tuple[GlossaryTerm, ...], list[Problem]]:
    """Parse ``glossary.md``; with ``slide_ids``, also check that each ``slide:`` exists."""
    lines, problems = decode_text(path, text)
    if lines is None:
        return (), problems
    reporter = Reporter(path)
    drafts: list[_TermDraft] = []
    preamble_reported = False
    headings = _term_headings(lines)
    for index, line in enumerate(lines):
        number = index + 1
        if index in headings:
            term, ident = reporter.heading(number, headings[index], glossary=True)
            drafts.append(_TermDraft(term, ident, number))
            continue
        if not drafts:
            if line.strip() and not preamble_reported:
                reporter.add(
                    number,
                    _(
                        "text before the first glossary entry (an entry starts with "
                        "“## term {example}”)"
                    ).format(example=ID_EXAMPLE),
                )
                preamble_reported = True
            continue
        draft = drafts[-1]
        if not line.strip():
            continue
        match = KEY_RE.match(line)
        key = match["key"] if match else ""
        if key in ("other", "slide", "aka"):
            if draft.definition:
                reporter.add(number, _("“{key}:” must come before the definition").format(key=key))
            elif key in draft.values:
                reporter.add(
                    number,
                    _("“{key}:” is given twice (first at line {line})").format(
                        key=key, line=draft.values[key][1]
                    ),
                )
            else:
                assert match is not None
                draft.values[key] = (match["value"].strip(), number)
            continue
        reporter.check_subscripts(number, line)
        draft.definition.append(line.strip())

    terms: list[GlossaryTerm] = []
    seen: dict[str, int] = {}
    for draft in drafts:
        before = len(reporter.problems)
        for key, message in (
            ("other", _("glossary entry has no “other:” line (the term in the other language)")),
            ("slide", _("glossary entry has no “slide:” line (the slide where the term appears)")),
        ):
            if key not in draft.values:
                reporter.add(draft.line, message)
            elif not draft.values[key][0]:
                reporter.add(draft.values[key][1], _("“{key}:” is empty").format(key=key))
        if not draft.definition:
            reporter.add(draft.line, _("glossary entry has no definition"))
        slide = draft.values.get("slide", ("", 0))
        if slide[0] and slide_ids is not None and slide[0] not in slide_ids:
            reporter.add(slide[1], _("unknown slide “{id}”").format(id=slide[0]))
        if draft.ident is not None and draft.ident in seen:
            reporter.add(
                draft.line,
                _("duplicate glossary id “{id}” (first at {where})").format(
                    id=draft.ident, where=reporter.where(seen[draft.ident])
                ),
            )
            continue
        if draft.ident is not None:
            seen[draft.ident] = draft.line
        if draft.ident is None or not draft.term or len(reporter.problems) != before:
            continue
        terms.append(
            GlossaryTerm(
                id=draft.ident,
                term=draft.term,
                other=draft.values["other"][0],
                slide_id=slide[0],
                definition=" ".join(draft.definition),
                line=draft.line,
                synonyms=_synonyms(draft.values.get("aka", ("", 0))[0]),
            )
        )
    return tuple(terms), reporter.problems
