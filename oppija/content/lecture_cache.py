"""A parsed lecture kept as JSON beside the learner's progress, so that a start whose lesson
files have not changed imports no Markdown parser before the first slide is painted.

The cache is only a shortcut: it is plain data (JSON, never code or pickles), it is used only
when the fingerprint matches (the name, size and modification time of every lesson file and of
the content package's own sources, and oppija's version), and anything unexpected in it (a
broken file, another shape, a value a demo refuses) means the lessons are parsed as usual.
Only lectures without problems are stored; ``oppija check`` never uses it.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from oppija.content.model import (
    Choice,
    DemoBlock,
    GlossaryTerm,
    Lecture,
    Quiz,
    QuizKind,
    Section,
    Slide,
)
from oppija.regular_files import read_regular_file

CACHE_VERSION = 3
MAX_CACHE_BYTES = 64_000_000
"""A cache larger than this is not read (the lessons are parsed instead)."""
_QUIZ_KINDS: tuple[QuizKind, ...] = ("choice", "number", "open")

# JSON as it is read: nested lists, dicts and scalars, checked where they are used.
Json = dict[str, "Json"] | list["Json"] | str | int | float | bool | None


class _Mismatch(Exception):
    """The cache file does not hold what this version of oppija would write."""


def cache_file(directory: Path, language: str) -> Path:
    """Where the lecture in ``language`` is cached inside the data folder ``directory``."""
    return Path(directory) / f"lecture-{language}.cache.json"


def fingerprint(folder: Path) -> list[list[str | int]]:
    """What the parsed lecture depends on: every lesson file in ``folder``, oppija's version and
    the sources of the packages that parse and check them (name, size, modification time), so
    that a developer's change to a parser or a demo's settings is never hidden by the cache."""
    from oppija import __version__

    entries: list[list[str | int]] = [["oppija", __version__, CACHE_VERSION]]
    package = Path(__file__).parent.parent
    for place in (folder, package / "content", package / "sims", package / "expr"):
        _add_files(entries, place)
    return entries


def _add_files(entries: list[list[str | int]], place: Path) -> None:
    try:
        with os.scandir(place) as scan:
            found = sorted(scan, key=lambda item: item.name)
    except OSError:
        return  # a package that is not there (yet) has nothing to say
    for entry in found:
        if entry.name.endswith((".md", ".py")) and entry.is_file():
            info = entry.stat()
            entries.append([entry.path, info.st_size, info.st_mtime_ns])


def load_cached(path: Path, folder: Path) -> Lecture | None:
    """The cached lecture if ``path`` holds one for exactly these files, else None."""
    try:
        # A pipe, a device or a huge file in the cache's place is never waited on or read.
        data: Json = json.loads(read_regular_file(path, MAX_CACHE_BYTES))
        if not isinstance(data, dict) or data.get("fingerprint") != fingerprint(folder):
            return None
        return _lecture(data.get("lecture"))
    except (OSError, ValueError, KeyError, RecursionError, _Mismatch):
        return None


def store(path: Path, folder: Path, lecture: Lecture) -> None:
    """Write the cache for ``lecture`` (atomically; a folder that refuses is left alone)."""
    import tempfile

    data = {"fingerprint": fingerprint(folder), "lecture": _lecture_data(lecture)}
    partial: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A new file of a name nobody holds (never a pipe someone left under a fixed name).
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
            delete=False,
        ) as handle:  # fmt: skip
            partial = handle.name
            handle.write(json.dumps(data, ensure_ascii=False))
        os.replace(partial, path)
        partial = None
    except OSError:
        pass
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)


# --- lecture -> JSON ---------------------------------------------------------------------------


def _value_data(value: object) -> list[Json]:
    if isinstance(value, bool | int | float | str):
        return ["value", value]
    if isinstance(value, tuple):
        return ["numbers", [float(item) for item in value]]
    text = getattr(value, "text", None)  # a Formula: parsed again from its text
    if isinstance(text, str):
        return ["formula", text]
    raise _Mismatch(repr(value))


def _lecture_data(lecture: Lecture) -> Json:
    return {
        "language": lecture.language,
        "meta": [lecture.title, lecture.subtitle, lecture.course, lecture.author, lecture.date],
        "sections": [
            {
                "id": section.id,
                "title": section.title,
                "path": str(section.path),
                "line": section.line,
                "slides": [_slide_data(slide) for slide in section.slides],
            }
            for section in lecture.sections
        ],
        "glossary": [
            [
                term.id,
                term.term,
                term.other,
                term.slide_id,
                term.definition,
                term.line,
                [*term.synonyms],
                [*term.forms],
            ]
            for term in lecture.glossary
        ],
    }


def _slide_data(slide: Slide) -> Json:
    demo: Json = None
    if slide.demo is not None:
        demo = {
            "kind": slide.demo.kind,
            "line": slide.demo.line,
            "params": [[key, _value_data(value)] for key, value in slide.demo.params],
            "lines": [[key, line] for key, line in slide.demo.param_lines],
            "export_steps": slide.demo.export_steps,
            "practice": slide.demo.practice,
        }
    return {
        "id": slide.id,
        "title": slide.title,
        "steps": list(slide.steps),
        "print_steps": list(slide.print_steps),
        "notes": slide.notes,
        "line": slide.line,
        "demo": demo,
        "quizzes": [
            {
                "id": quiz.id,
                "kind": quiz.kind,
                "question": quiz.question,
                "choices": [
                    [choice.text, choice.correct, choice.explanation, choice.line]
                    for choice in quiz.choices
                ],
                "answer": quiz.answer,
                "tolerance": quiz.tolerance,
                "explanation": quiz.explanation,
                "model": quiz.model_answer,
                "line": quiz.line,
                "lines": [[key, line] for key, line in quiz.key_lines],
            }
            for quiz in slide.quizzes
        ],
    }


# --- JSON -> lecture ---------------------------------------------------------------------------


def _dict(data: Json) -> dict[str, Json]:
    if not isinstance(data, dict):
        raise _Mismatch
    return data


def _list(data: Json) -> list[Json]:
    if not isinstance(data, list):
        raise _Mismatch
    return data


def _str(data: Json) -> str:
    if not isinstance(data, str):
        raise _Mismatch
    return data


def _flag(data: Json) -> bool:
    if not isinstance(data, bool):
        raise _Mismatch
    return data


def _int(data: Json) -> int:
    if not isinstance(data, int) or isinstance(data, bool):
        raise _Mismatch
    return data


def _float(data: Json) -> float:
    if not isinstance(data, int | float) or isinstance(data, bool):
        raise _Mismatch
    return float(data)


def _pairs(data: Json) -> tuple[tuple[str, int], ...]:
    pairs = [_list(item) for item in _list(data)]
    if any(len(pair) != 2 for pair in pairs):
        raise _Mismatch
    return tuple((_str(key), _int(line)) for key, line in pairs)


def _lecture(data: Json) -> Lecture:
    lecture = _dict(data)
    meta = [_str(item) for item in _list(lecture["meta"])]
    if len(meta) != 5:
        raise _Mismatch
    title, subtitle, course, author, date = meta
    try:
        glossary = tuple(
            GlossaryTerm(
                _str(a),
                _str(b),
                _str(c),
                _str(d),
                _str(e),
                _int(f),
                tuple(map(_str, _list(g))),
                tuple(map(_str, _list(h))),
            )
            for a, b, c, d, e, f, g, h in (_list(term) for term in _list(lecture["glossary"]))
        )
    except ValueError as error:  # a term of another length
        raise _Mismatch from error
    return Lecture(
        language=_str(lecture["language"]),
        title=title,
        subtitle=subtitle,
        course=course,
        author=author,
        date=date,
        sections=tuple(_section(item) for item in _list(lecture["sections"])),
        glossary=glossary,
    )


def _section(data: Json) -> Section:
    section = _dict(data)
    ident, path = _str(section["id"]), Path(_str(section["path"]))
    slides = tuple(_slide(item, ident, path) for item in _list(section["slides"]))
    return Section(ident, _str(section["title"]), path, slides, line=_int(section["line"]))


def _slide(data: Json, section_id: str, path: Path) -> Slide:
    slide = _dict(data)
    steps = tuple(_str(step) for step in _list(slide["steps"]))
    if not steps:
        raise _Mismatch
    return Slide(
        id=_str(slide["id"]),
        title=_str(slide["title"]),
        section_id=section_id,
        steps=steps,
        notes=_str(slide["notes"]),
        demo=None if slide["demo"] is None else _demo(slide["demo"]),
        quizzes=tuple(_quiz(item) for item in _list(slide["quizzes"])),
        path=path,
        line=_int(slide["line"]),
        print_steps=tuple(_str(step) for step in _list(slide["print_steps"])),
    )


def _demo(data: Json) -> DemoBlock:
    from oppija.sims.settings import parse_param

    demo = _dict(data)
    kind = _str(demo["kind"])
    params: list[tuple[str, object]] = []
    for item in _list(demo["params"]):
        key, (how, value) = _pair(item)
        if how == "formula":
            try:
                params.append((key, parse_param(kind, key, _str(value))))
            except ValueError as error:
                raise _Mismatch from error
        elif how == "numbers":
            params.append((key, tuple(_float(number) for number in _list(value))))
        elif how == "value" and isinstance(value, str | int | float):
            params.append((key, value))
        else:
            raise _Mismatch
    return DemoBlock(
        kind,
        tuple(params),
        _int(demo["line"]),
        _pairs(demo["lines"]),
        export_steps=_int(demo["export_steps"]),
        practice=_flag(demo["practice"]),
    )


def _pair(data: Json) -> tuple[str, tuple[str, Json]]:
    """``[key, [how, value]]``: a demo parameter and how its value is written."""
    items = _list(data)
    if len(items) != 2:
        raise _Mismatch
    how = _list(items[1])
    if len(how) != 2:
        raise _Mismatch
    return _str(items[0]), (_str(how[0]), how[1])


def _quiz(data: Json) -> Quiz:
    quiz = _dict(data)
    kind = _str(quiz["kind"])
    if kind not in _QUIZ_KINDS:
        raise _Mismatch
    choices = []
    for item in _list(quiz["choices"]):
        fields = _list(item)
        if len(fields) != 4 or not isinstance(fields[1], bool):
            raise _Mismatch
        choices.append(Choice(_str(fields[0]), fields[1], _str(fields[2]), _int(fields[3])))
    return Quiz(
        id=_str(quiz["id"]),
        kind=_QUIZ_KINDS[_QUIZ_KINDS.index(kind)],
        question=_str(quiz["question"]),
        choices=tuple(choices),
        answer=None if quiz["answer"] is None else _float(quiz["answer"]),
        tolerance=_float(quiz["tolerance"]),
        explanation=_str(quiz["explanation"]),
        model_answer=_str(quiz["model"]),
        line=_int(quiz["line"]),
        key_lines=_pairs(quiz["lines"]),
    )
