"""The front matter of a lesson file (``---``, ``key: value`` lines, ``---``) and ``lecture.md``,
which holds nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from markdown_it.token import Token

from oppija.content.markdown import lesson_parser
from oppija.content.model import LectureMeta, Problem
from oppija.content.reading import KEY_RE, Reporter, decode_text
from oppija.i18n import _
from oppija.text.excerpt import excerpt

SECTION_KEYS = ("id", "title")
LECTURE_KEYS = ("title", "subtitle", "course", "author", "date")

Fields = dict[str, tuple[str, int]]


def _unquote(value: str) -> str:
    """``"Süvaõpe"`` → ``Süvaõpe`` (front matter values may be quoted as in YAML)."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def read_front_matter(
    reporter: Reporter,
    lines: list[str],
    tokens: Sequence[Token],
    allowed: tuple[str, ...],
    required: tuple[str, ...],
) -> tuple[Fields | None, int]:
    """The ``key: value`` pairs (with their lines) and the index of the first token after them.

    None when the file has no front matter; then the index is 0, or past the last token when
    the front matter is not closed (nothing after an unclosed one can be read).
    """
    if not lines or lines[0].strip() != "---":
        reporter.add(
            1,
            _(
                "the file must start with front matter: a line “---”, "
                "then “key: value” lines, then “---”"
            ),
        )
        return None, 0
    first = tokens[0] if tokens else None
    if first is None or first.type != "front_matter" or first.map is None:
        reporter.add(1, _("the front matter is not closed: add a line “---” after it"))
        return None, len(tokens)
    fields: Fields = {}
    for index in range(1, first.map[1] - 1):
        line, number = lines[index], index + 1
        if not line.strip():
            continue
        match = KEY_RE.match(line)
        if match is None:
            reporter.add(number, _("expected “key: value” in the front matter"))
            continue
        key = match["key"]
        if key not in allowed:
            reporter.add(
                number,
                _("unknown front matter key “{key}”; known keys: {keys}").format(
                    key=excerpt(key), keys=", ".join(allowed)
                ),
            )
        elif key in fields:
            reporter.add(
                number,
                _("“{key}:” is given twice (first at line {line})").format(
                    key=key, line=fields[key][1]
                ),
            )
        else:
            fields[key] = (_unquote(match["value"].strip()), number)
    for key in required:
        if key not in fields:
            reporter.add(1, _("the front matter has no “{key}:”").format(key=key))
        elif not fields[key][0]:
            reporter.add(fields[key][1], _("“{key}:” is empty").format(key=key))
    return fields, 1


def parse_lecture_meta(path: Path, text: str | bytes) -> tuple[LectureMeta | None, list[Problem]]:
    """Parse ``lecture.md``: only a front matter with ``title`` and optional details."""
    lines, problems = decode_text(path, text)
    if lines is None:
        return None, problems
    reporter = Reporter(path)
    tokens = lesson_parser().parse("\n".join(lines))
    fields, start = read_front_matter(reporter, lines, tokens, LECTURE_KEYS, ("title",))
    if fields is None:
        return None, reporter.problems
    after = next((token.map for token in tokens[start:] if token.map is not None), None)
    if after is not None:
        reporter.add(
            after[0] + 1,
            _("lecture.md holds only the front matter: move this text into a section file"),
        )
    values = {key: value for key, (value, _line) in fields.items()}
    if not values.get("title"):
        return None, reporter.problems
    meta = LectureMeta(
        title=values["title"],
        subtitle=values.get("subtitle", ""),
        course=values.get("course", ""),
        author=values.get("author", ""),
        date=values.get("date", ""),
    )
    return meta, reporter.problems
