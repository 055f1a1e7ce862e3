"""Lesson folders → a :class:`~oppija.content.model.Lecture`, and the checks ``oppija check`` runs.

A language folder (``lessons/et``) holds ``lecture.md``, the section files ``NN-name.md`` in
name order, and optionally ``glossary.md``. Besides each file's own checks, the loader checks
what spans files (ids unique in the whole lecture, glossary slides that exist) and, when both
``et`` and ``en`` are checked, that the English folder mirrors the Estonian one.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from oppija.content.model import (
    GlossaryTerm,
    Lecture,
    LectureMeta,
    Problem,
    Quiz,
    Section,
    Slide,
    display_path,
)
from oppija.content.term_forms import FORMS_FILE, parse_forms, with_forms
from oppija.i18n import N_, _, format_decimal, format_integer, ngettext
from oppija.regular_files import (
    FileTooLarge,
    NotRegularFile,
    kind_of_file,
    os_error_reason,
    read_regular_file,
)
from oppija.resources import lessons_dir
from oppija.sims.settings import comparable, format_value

LANGUAGE_FOLDERS = ("et", "en")
SOURCE, TRANSLATION = "et", "en"
MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 8  # how deep check_paths looks into folders that are no lesson folders
MAX_ENTRIES = 50_000  # how many files and folders it looks at in all before it stops
MAX_DIFF_CELLS = 250_000  # sections longer than about 500 slides are compared without a diff
LECTURE_FILE = "lecture.md"
GLOSSARY_FILE = "glossary.md"
SECTION_FILE_RE = re.compile(r"^\d+-.+\.md$")

QUIZ_KIND_NAMES = {
    "choice": N_("choice question"),
    "number": N_("number question"),
    "open": N_("open question"),
}


class LessonError(Exception):
    """The lesson files have mistakes; ``problems`` lists them, ``str()`` one per line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class LanguageCounts:
    """What a check found in one language."""

    sections: int = 0
    slides: int = 0
    quizzes: int = 0
    glossary_terms: int = 0
    demos: int = 0

    def __add__(self, other: LanguageCounts) -> LanguageCounts:
        return LanguageCounts(
            self.sections + other.sections,
            self.slides + other.slides,
            self.quizzes + other.quizzes,
            self.glossary_terms + other.glossary_terms,
            self.demos + other.demos,
        )


@dataclass
class CheckReport:
    """The result of :func:`check_paths`: every problem, and counts per language."""

    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, LanguageCounts] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, language: str, counts: LanguageCounts) -> None:
        self.counts[language] = self.counts.get(language, LanguageCounts()) + counts


# --------------------------------------------------------------------------- reading files
def _reason(error: OSError) -> str:
    """An operating-system error in the active language."""
    return os_error_reason(error)


def read_lesson_file(path: Path) -> tuple[bytes | None, Problem | None]:
    """The bytes of a lesson file, or a problem saying why it cannot be read.

    Only a regular file of at most ``MAX_FILE_BYTES`` is read: a named pipe or a device in
    the lesson folder is reported, never waited on or read without end.
    """
    try:
        return read_regular_file(path, MAX_FILE_BYTES), None
    except NotRegularFile as error:
        if stat.S_ISDIR(error.mode):
            return None, Problem(path, 1, _("this is a folder, not a file"))
        if stat.S_ISLNK(error.mode):
            return None, Problem(
                path,
                1,
                _("cannot read the file: {reason}").format(reason=_("too many symbolic links")),
            )
        return None, Problem(
            path,
            1,
            _("this is not a regular file but {kind}").format(kind=kind_of_file(error.mode)),
        )
    except FileTooLarge:
        limit = format_integer(MAX_FILE_BYTES // 1_000_000)
        return None, Problem(
            path, 1, _("the file is too large (more than {limit} MB)").format(limit=limit)
        )
    except OSError as error:
        return None, Problem(
            path, 1, _("cannot read the file: {reason}").format(reason=_reason(error))
        )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _where(path: Path, line: int) -> str:
    return f"{display_path(path)}:{line}"


# --------------------------------------------------------------------------- one language
@dataclass
class _FolderLoad:
    """Everything read from one language folder, with its problems."""

    folder: Path
    language: str
    meta: LectureMeta | None = None
    sections: list[tuple[Path, Section | None]] = field(default_factory=list)
    glossary: tuple[GlossaryTerm, ...] = ()
    glossary_path: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    def troubled(self) -> set[Path]:
        """The files that have problems (parity skips them to avoid repeating a mistake)."""
        return {_resolved(problem.path) for problem in self.problems}

    def counts(self, only: Path | None = None) -> LanguageCounts:
        """Counts of the whole folder, or of the one file ``only``."""
        total = LanguageCounts()
        for path, section in self.sections:
            if section is None or (only is not None and _resolved(path) != only):
                continue
            slides = section.slides
            total += LanguageCounts(
                sections=1,
                slides=len(slides),
                quizzes=sum(len(slide.quizzes) for slide in slides),
                demos=sum(1 for slide in slides if slide.demo is not None),
            )
        if self.glossary_path is not None and (
            only is None or _resolved(self.glossary_path) == only
        ):
            total += LanguageCounts(glossary_terms=len(self.glossary))
        return total

    def lecture(self) -> Lecture:
        assert self.meta is not None
        return Lecture(
            language=self.language,
            title=self.meta.title,
            subtitle=self.meta.subtitle,
            course=self.meta.course,
            author=self.meta.author,
            date=self.meta.date,
            sections=tuple(section for _path, section in self.sections if section is not None),
            glossary=self.glossary,
        )


def is_section_file(name: str) -> bool:
    """Whether a file name is that of a section file: ``NN-name.md``."""
    return bool(SECTION_FILE_RE.match(name))


def _load_folder(folder: Path, language: str) -> _FolderLoad:
    # The parsers (and markdown-it with them) load when lesson files are read, not with this
    # module: a start that finds its lecture in the cache needs neither.
    from oppija.content.front_matter import parse_lecture_meta
    from oppija.content.glossary import parse_glossary
    from oppija.content.sections import parse_section

    load = _FolderLoad(folder, language)
    problems = load.problems
    lecture_path = folder / LECTURE_FILE
    if os.path.lexists(lecture_path):
        data, problem = read_lesson_file(lecture_path)
        if problem is not None:
            problems.append(problem)
        else:
            assert data is not None
            load.meta, found = parse_lecture_meta(lecture_path, data)
            problems.extend(found)
    else:
        problems.append(
            Problem(lecture_path, 1, _("lecture.md is missing (it holds the lecture’s title)"))
        )

    try:
        names: list[str] | None = sorted(entry.name for entry in os.scandir(folder))
    except OSError as error:
        problems.append(
            Problem(folder, 1, _("cannot read the folder: {reason}").format(reason=_reason(error)))
        )
        names = None
    section_names = [
        name for name in names or () if is_section_file(name) and not name.startswith(".")
    ]
    if not section_names and names is not None:
        problems.append(Problem(folder, 1, _("no section files (NN-name.md) in this folder")))
    all_parsed = True
    for name in section_names:
        path = folder / name
        if not name.isascii():
            problems.append(
                Problem(
                    path,
                    1,
                    _(
                        "file names must be ASCII (the same name in both languages): "
                        "rename “{name}”"
                    ).format(name=name),
                )
            )
        data, problem = read_lesson_file(path)
        if problem is not None:
            problems.append(problem)
            load.sections.append((path, None))
            all_parsed = False
            continue
        assert data is not None
        section, found = parse_section(path, data)
        problems.extend(found)
        load.sections.append((path, section))
        all_parsed = all_parsed and section is not None

    slide_ids = _check_unique(load)

    glossary_path = folder / GLOSSARY_FILE
    if os.path.lexists(glossary_path):
        load.glossary_path = glossary_path
        data, problem = read_lesson_file(glossary_path)
        if problem is not None:
            problems.append(problem)
        else:
            assert data is not None
            # If a section could not be read, its slides are unknown: do not call them missing.
            load.glossary, found = parse_glossary(
                glossary_path, data, slide_ids if all_parsed else None
            )
            problems.extend(found)
            load.glossary = _with_forms_file(folder, load.glossary, problems)
    return load


def _with_forms_file(
    folder: Path, terms: tuple[GlossaryTerm, ...], problems: list[Problem]
) -> tuple[GlossaryTerm, ...]:
    """``terms`` with the inflected forms of ``glossary-forms.json`` beside the glossary, if any."""
    path = folder / FORMS_FILE
    if not os.path.lexists(path):
        return terms
    data, problem = read_lesson_file(path)
    forms = parse_forms(data) if data is not None else None
    if problem is not None:
        problems.append(problem)
    elif forms is None:
        problems.append(
            Problem(path, 1, _("not a JSON object of glossary ids and lists of word forms"))
        )
    return with_forms(terms, forms or {})


def _check_unique(load: _FolderLoad) -> set[str]:
    """Section, slide and quiz ids must be unique across the files of a language.

    Duplicates inside one file are reported by the parser (and dropped there).
    """
    sections: dict[str, tuple[Path, int]] = {}
    slides: dict[str, tuple[Path, int]] = {}
    quizzes: dict[str, tuple[Path, int]] = {}

    def claim(
        seen: dict[str, tuple[Path, int]], ident: str, path: Path, line: int, template: str
    ) -> None:
        """Remember where ``ident`` first appeared, or report it at its second place."""
        if ident in seen:
            where = _where(*seen[ident])
            load.problems.append(Problem(path, line, template.format(id=ident, where=where)))
        else:
            seen[ident] = (path, line)

    for _path, section in load.sections:
        if section is None:
            continue
        claim(
            sections, section.id, section.path, section.line,
            _("duplicate section id “{id}” (first at {where})"),
        )  # fmt: skip
        for slide in section.slides:
            claim(
                slides, slide.id, slide.path, slide.line,
                _("duplicate slide id “{id}” (first at {where})"),
            )  # fmt: skip
            for quiz in slide.quizzes:
                claim(
                    quizzes, quiz.id, slide.path, quiz.line,
                    _("duplicate quiz id “{id}” (first at {where})"),
                )  # fmt: skip
    return set(slides)


def load_lecture(language: str, root: Path | None = None, cache_dir: Path | None = None) -> Lecture:
    """The lecture in ``language`` from ``root`` (default: the lessons that come with oppija).

    With ``cache_dir`` (the learner's data folder), a lecture parsed before from the same files
    is read from its JSON cache there, and a newly parsed one is saved to it
    (:mod:`oppija.content.lecture_cache`): the app's start then needs no Markdown parser.

    Raises:
        LessonError: listing every problem, if anything in the folder is wrong.
    """
    folder = (lessons_dir() if root is None else Path(root)) / language
    if not _is_dir(folder):
        raise LessonError(
            [
                Problem(
                    folder,
                    1,
                    _("there is no lesson folder for the language “{language}”").format(
                        language=language
                    ),
                )
            ]
        )
    cache = None
    if cache_dir is not None:
        from oppija.content import lecture_cache

        cache = lecture_cache.cache_file(cache_dir, language)
        cached = lecture_cache.load_cached(cache, folder)
        if cached is not None:
            return cached
    load = _load_folder(folder, language)
    if load.problems or load.meta is None:
        raise LessonError(_sorted(load.problems))
    lecture = load.lecture()
    if cache is not None:
        lecture_cache.store(cache, folder, lecture)
    return lecture


# --------------------------------------------------------------------------- parity
def _parity(source: _FolderLoad, translation: _FolderLoad) -> list[Problem]:
    """Where the English folder does not mirror the Estonian one (reported in English files)."""
    problems: list[Problem] = []
    troubled = source.troubled() | translation.troubled()

    def clean(path: Path) -> bool:
        return _resolved(path) not in troubled

    ours = {path.name: (path, section) for path, section in source.sections}
    theirs = {path.name: (path, section) for path, section in translation.sections}
    for name, (path, _section) in ours.items():
        if name not in theirs:
            problems.append(
                Problem(
                    translation.folder / name,
                    1,
                    _("section file missing: the Estonian folder has {path}").format(
                        path=display_path(path)
                    ),
                )
            )
    for name, (path, section) in theirs.items():
        if name not in ours:
            problems.append(
                Problem(
                    path,
                    1,
                    _("there is no such section file in the Estonian folder ({folder})").format(
                        folder=display_path(source.folder)
                    ),
                )
            )
            continue
        source_path, source_section = ours[name]
        if (
            section is not None
            and source_section is not None
            and clean(path)
            and clean(source_path)
        ):
            problems.extend(_section_parity(source_section, section))

    if source.glossary_path is not None and translation.glossary_path is None:
        problems.append(
            Problem(
                translation.folder / GLOSSARY_FILE,
                1,
                _("glossary missing: the Estonian folder has {path}").format(
                    path=display_path(source.glossary_path)
                ),
            )
        )
    elif source.glossary_path is None and translation.glossary_path is not None:
        problems.append(
            Problem(
                translation.glossary_path,
                1,
                _("the Estonian folder has no glossary ({path})").format(
                    path=display_path(source.folder / GLOSSARY_FILE)
                ),
            )
        )
    elif (
        source.glossary_path is not None
        and translation.glossary_path is not None
        and clean(source.glossary_path)
        and clean(translation.glossary_path)
    ):
        problems.extend(
            _glossary_parity(
                source.glossary,
                translation.glossary,
                source.glossary_path,
                translation.glossary_path,
            )
        )
    return problems


def _section_parity(source: Section, translation: Section) -> list[Problem]:
    problems: list[Problem] = []
    if source.id != translation.id:
        problems.append(
            Problem(
                translation.path,
                translation.line,
                _("section id “{id}” where the Estonian section has “{other}” ({where})").format(
                    id=translation.id, other=source.id, where=_where(source.path, source.line)
                ),
            )
        )
    ours, theirs = source.slides, translation.slides
    if len(ours) * len(theirs) > MAX_DIFF_CELLS:
        return problems + _large_section_parity(source, translation)
    from difflib import SequenceMatcher  # only when a difference is reported

    matcher = SequenceMatcher(
        None, [slide.id for slide in ours], [slide.id for slide in theirs], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                problems.extend(_slide_parity(ours[i1 + k], theirs[j1 + k]))
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + k, j1 + k
            if i < i2 and j < j2:
                problems.append(
                    Problem(
                        theirs[j].path,
                        theirs[j].line,
                        _(
                            "slide id “{id}” where the Estonian section has “{other}” ({where})"
                        ).format(id=theirs[j].id, other=ours[i].id, where=_slide_where(ours[i])),
                    )
                )
            elif j < j2:
                problems.append(
                    Problem(
                        theirs[j].path,
                        theirs[j].line,
                        _("slide “{id}” is not in the Estonian section ({path})").format(
                            id=theirs[j].id, path=display_path(source.path)
                        ),
                    )
                )
            else:
                problems.append(_missing_slide(ours[i], translation, j2))
    return problems


def _large_section_parity(source: Section, translation: Section) -> list[Problem]:
    """Parity of sections too long for a diff (whose time grows with the product of their
    lengths): slides are paired by id, and only the first one out of order is reported."""
    problems: list[Problem] = []
    ours = {slide.id: slide for slide in source.slides}
    theirs = {slide.id: slide for slide in translation.slides}
    for slide in translation.slides:
        if slide.id in ours:
            problems.extend(_slide_parity(ours[slide.id], slide))
        else:
            problems.append(
                Problem(
                    slide.path,
                    slide.line,
                    _("slide “{id}” is not in the Estonian section ({path})").format(
                        id=slide.id, path=display_path(source.path)
                    ),
                )
            )
    for position, slide in enumerate(source.slides):
        if slide.id not in theirs:
            problems.append(
                _missing_slide(slide, translation, min(position, len(translation.slides)))
            )
    in_order = [slide for slide in source.slides if slide.id in theirs]
    translated = [slide for slide in translation.slides if slide.id in ours]
    for mine, other in zip(in_order, translated, strict=True):
        if mine.id != other.id:
            problems.append(
                Problem(
                    other.path,
                    other.line,
                    _(
                        "slide “{id}” is not where the Estonian section has it: there “{other}” "
                        "comes here ({where})"
                    ).format(id=other.id, other=mine.id, where=_slide_where(mine)),
                )
            )
            break
    return problems


def _slide_where(slide: Slide) -> str:
    return _where(slide.path, slide.line)


def _missing_slide(slide: Slide, translation: Section, position: int) -> Problem:
    """A slide of the Estonian section that the English one lacks, reported where it belongs."""
    values = {"id": slide.id, "where": _slide_where(slide)}
    if position < len(translation.slides):
        anchor = translation.slides[position]
        message = _("the Estonian slide “{id}” ({where}) is missing before this slide")
        return Problem(anchor.path, anchor.line, message.format(**values))
    if translation.slides:
        anchor = translation.slides[-1]
        message = _("the Estonian slide “{id}” ({where}) is missing after this slide")
        return Problem(anchor.path, anchor.line, message.format(**values))
    message = _("the Estonian slide “{id}” ({where}) is missing from this section")
    return Problem(translation.path, translation.line, message.format(**values))


def _slide_parity(source: Slide, translation: Slide) -> list[Problem]:
    problems: list[Problem] = []
    where = _slide_where(source)
    path = translation.path
    if source.step_count != translation.step_count:
        problems.append(
            Problem(
                path,
                translation.line,
                ngettext(
                    "this slide has {count} reveal step but the Estonian one has {other} ({where})",
                    "this slide has {count} reveal steps but the Estonian one has {other} "
                    "({where})",
                    translation.step_count,
                ).format(
                    count=format_integer(translation.step_count),
                    other=format_integer(source.step_count),
                    where=where,
                ),
            )
        )
    ours, theirs = source.demo, translation.demo
    if ours is not None and theirs is None:
        problems.append(
            Problem(
                path,
                translation.line,
                _("the Estonian slide has a demo “{kind}” ({where}); this slide has none").format(
                    kind=ours.kind, where=_where(source.path, ours.line)
                ),
            )
        )
    elif ours is None and theirs is not None:
        problems.append(
            Problem(
                path,
                theirs.line,
                _("the Estonian slide has no demo ({where})").format(where=where),
            )
        )
    elif ours is not None and theirs is not None:
        if ours.kind != theirs.kind:
            problems.append(
                Problem(
                    path,
                    theirs.line,
                    _("demo “{kind}” where the Estonian slide has “{other}” ({where})").format(
                        kind=theirs.kind, other=ours.kind, where=_where(source.path, ours.line)
                    ),
                )
            )
        else:
            ours_params, theirs_params = ours.as_dict(), theirs.as_dict()
            for key, value in theirs_params.items():
                if key not in ours_params:
                    problems.append(
                        Problem(
                            path,
                            theirs.line_of(key),
                            _(
                                "demo parameter “{key}” is not in the Estonian demo ({where})"
                            ).format(key=key, where=_where(source.path, ours.line)),
                        )
                    )
                elif comparable(value) != comparable(ours_params[key]):
                    problems.append(
                        Problem(
                            path,
                            theirs.line_of(key),
                            _(
                                "demo parameter “{key}” is “{value}” here but “{other}” in the "
                                "Estonian demo ({where})"
                            ).format(
                                key=key,
                                value=format_value(value),
                                other=format_value(ours_params[key]),
                                where=_where(source.path, ours.line_of(key)),
                            ),
                        )
                    )
            for key, value in ours_params.items():
                if key not in theirs_params:
                    problems.append(
                        Problem(
                            path,
                            theirs.line,
                            _(
                                "demo parameter “{key}” is missing; the Estonian demo has "
                                "“{other}” ({where})"
                            ).format(
                                key=key,
                                other=format_value(value),
                                where=_where(source.path, ours.line_of(key)),
                            ),
                        )
                    )
            # the handouts show the same picture; the same demo opens the same way
            for key, value, other in (
                ("export-steps", theirs.export_steps, ours.export_steps),
                ("practice", theirs.practice, ours.practice),
            ):
                if value != other:
                    problems.append(
                        Problem(
                            path,
                            theirs.line,
                            _(
                                "demo parameter “{key}” is “{value}” here but “{other}” in the "
                                "Estonian demo ({where})"
                            ).format(
                                key=key,
                                value=_option_text(value),
                                other=_option_text(other),
                                where=_where(source.path, ours.line),
                            ),
                        )
                    )
    source_quizzes = {quiz.id: quiz for quiz in source.quizzes}
    translated = {quiz.id for quiz in translation.quizzes}
    for quiz in translation.quizzes:
        if quiz.id in source_quizzes:
            problems.extend(_quiz_parity(source_quizzes[quiz.id], quiz, source.path, path))
        else:
            problems.append(
                Problem(
                    path,
                    quiz.line,
                    _("quiz “{id}” is not in the Estonian slide ({where})").format(
                        id=quiz.id, where=where
                    ),
                )
            )
    for quiz in source.quizzes:
        if quiz.id not in translated:
            problems.append(
                Problem(
                    path,
                    translation.line,
                    _("the Estonian quiz “{id}” ({where}) is missing from this slide").format(
                        id=quiz.id, where=_where(source.path, quiz.line)
                    ),
                )
            )
    return problems


def _quiz_parity(source: Quiz, translation: Quiz, source_path: Path, path: Path) -> list[Problem]:
    where = _where(source_path, source.line)
    if source.kind != translation.kind:
        message = _(
            "quiz “{id}” is a different kind of question than in Estonian ({where}): "
            "{kind} here, {other} there"
        ).format(
            id=translation.id,
            where=where,
            kind=_(QUIZ_KIND_NAMES[translation.kind]),
            other=_(QUIZ_KIND_NAMES[source.kind]),
        )
        return [Problem(path, translation.line, message)]
    problems: list[Problem] = []
    if source.kind == "choice":
        if len(source.choices) != len(translation.choices):
            problems.append(
                Problem(
                    path,
                    translation.line,
                    _(
                        "quiz “{id}” has {count} choices here but {other} in Estonian ({where})"
                    ).format(
                        id=translation.id,
                        count=format_integer(len(translation.choices)),
                        other=format_integer(len(source.choices)),
                        where=where,
                    ),
                )
            )
        elif source.correct_index != translation.correct_index:
            index = translation.correct_index
            line = translation.choices[index].line if index is not None else translation.line
            problems.append(
                Problem(
                    path,
                    line or translation.line,
                    _(
                        "the right answer is choice {count} here but choice {other} in Estonian "
                        "({where})"
                    ).format(
                        count=format_integer((index or 0) + 1),
                        other=format_integer((source.correct_index or 0) + 1),
                        where=where,
                    ),
                )
            )
    elif source.kind == "number":
        for key, ours, theirs in (
            ("answer", source.answer, translation.answer),
            ("tolerance", source.tolerance, translation.tolerance),
        ):
            if ours != theirs:
                problems.append(
                    Problem(
                        path,
                        translation.line_of(key),
                        _("“{key}:” is {value} here but {other} in Estonian ({where})").format(
                            key=key,
                            value=_number(theirs),
                            other=_number(ours),
                            where=_where(source_path, source.line_of(key)),
                        ),
                    )
                )
    return problems


def _number(value: float | None) -> str:
    return "—" if value is None else format_decimal(value, digits=6)


def _glossary_parity(
    source: Iterable[GlossaryTerm],
    translation: Iterable[GlossaryTerm],
    source_path: Path,
    path: Path,
) -> list[Problem]:
    problems: list[Problem] = []
    ours = {term.id: term for term in source}
    theirs = {term.id: term for term in translation}
    for ident, term in theirs.items():
        if ident not in ours:
            problems.append(
                Problem(
                    path,
                    term.line,
                    _("glossary term “{id}” is not in the Estonian glossary ({path})").format(
                        id=ident, path=display_path(source_path)
                    ),
                )
            )
    for ident, term in ours.items():
        if ident not in theirs:
            problems.append(
                Problem(
                    path,
                    1,
                    _("the Estonian glossary term “{id}” ({where}) is missing here").format(
                        id=ident, where=_where(source_path, term.line)
                    ),
                )
            )
    return problems


# --------------------------------------------------------------------------- check_paths
@dataclass
class _Plan:
    """What check_paths was asked to check, sorted into folders and single files.

    A folder that is no lesson folder is searched for lesson folders and section files,
    breadth first, at most ``MAX_DEPTH`` deep and ``MAX_ENTRIES`` entries in all, without
    following links to folders (a link to ``.`` would make the walk endless) and without
    taking one folder or file twice under different names. Only what the format names
    (``lecture.md`` in a folder, ``NN-name.md``) is a lesson file: ``oppija check /`` does not
    read every README on the disk.
    """

    folders: dict[Path, tuple[Path, str]] = field(default_factory=dict)
    files: list[tuple[Path, str, Path | None]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    entries: int = 0
    _file_keys: set[Path] = field(default_factory=set)

    def folder(self, path: Path, language: str) -> None:
        self.folders.setdefault(_resolved(path), (path, language))

    def add(self, path: Path) -> None:
        """Sort in ``path``, named on the command line (a link named there is followed)."""
        try:
            info = path.stat()
        except OSError as error:
            message = (
                _("no such file or folder")
                if isinstance(error, FileNotFoundError)
                else _("cannot read: {reason}").format(reason=_reason(error))
            )
            self.problems.append(Problem(path, 1, message))
            return
        if not stat.S_ISDIR(info.st_mode):
            self._file(path)
            return
        name = _resolved(path).name
        if name in LANGUAGE_FOLDERS:
            self.folder(path, name)
            return
        languages = [lang for lang in LANGUAGE_FOLDERS if _is_dir(path / lang)]
        if languages:
            for lang in languages:
                self.folder(path / lang, lang)
            return
        if _is_file(path / LECTURE_FILE):
            self.folder(path, name or "?")
            return
        before = (len(self.folders), len(self.files), len(self.problems))
        self._walk(path, info)
        if (len(self.folders), len(self.files), len(self.problems)) == before:
            self.problems.append(Problem(path, 1, _("no lesson files here")))

    def _walk(self, top: Path, info: os.stat_result) -> None:
        visited = {(info.st_dev, info.st_ino)}
        level = [top]
        for _depth in range(MAX_DEPTH):
            deeper: list[Path] = []
            for folder in level:
                try:
                    with os.scandir(folder) as scan:
                        entries = sorted(scan, key=lambda entry: entry.name)
                except OSError as error:
                    # Below the named folder, one that is gone since it was listed (as in
                    # /proc) or closed to us holds no lessons of the author's: passed over.
                    if folder == top:
                        reason = _reason(error)
                        message = _("cannot read the folder: {reason}").format(reason=reason)
                        self.problems.append(Problem(folder, 1, message))
                    continue
                self.entries += len(entries)
                if self.entries > MAX_ENTRIES:
                    self.problems.append(Problem(top, 1, _too_many_entries()))
                    return
                if folder != top and any(entry.name == LECTURE_FILE for entry in entries):
                    self.folder(folder, folder.name)  # a lesson folder: taken whole
                    continue
                deeper.extend(self._sort_in(folder, entries, visited))
            if not deeper:
                return
            level = deeper

    def _sort_in(
        self, folder: Path, entries: list[os.DirEntry[str]], visited: set[tuple[int, int]]
    ) -> list[Path]:
        """Take the section files of a folder; the sub-folders to look into."""
        sub_folders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    key = entry.stat(follow_symlinks=False)
                    if (key.st_dev, key.st_ino) not in visited:  # else a bind mount seen already
                        visited.add((key.st_dev, key.st_ino))
                        sub_folders.append(folder / entry.name)
                    continue
            except OSError:
                continue
            if is_section_file(entry.name):
                self._file(folder / entry.name)  # a pipe or a link to a folder: reported when read
        return sub_folders

    def _file(self, path: Path) -> None:
        key = _resolved(path)
        if key in self._file_keys:
            return  # the same file under another name
        self._file_keys.add(key)
        parent = key.parent
        language = parent.name
        if language in LANGUAGE_FOLDERS or _is_file(parent / LECTURE_FILE):
            self.files.append((path, language or "?", path.parent))
        else:
            self.files.append((path, language or "?", None))


def _too_many_entries() -> str:
    return _(
        "stopped looking after {count} files and folders: name the lesson folder itself "
        "to check what lies deeper"
    ).format(count=format_integer(MAX_ENTRIES))


def _check_alone(path: Path) -> tuple[list[Problem], LanguageCounts]:
    """One file on its own: no sibling files to compare with."""
    from oppija.content.front_matter import parse_lecture_meta
    from oppija.content.glossary import parse_glossary
    from oppija.content.sections import parse_section

    data, problem = read_lesson_file(path)
    if problem is not None:
        return [problem], LanguageCounts()
    assert data is not None
    if path.name == LECTURE_FILE:
        _meta, problems = parse_lecture_meta(path, data)
        return problems, LanguageCounts()
    if path.name == GLOSSARY_FILE:
        terms, problems = parse_glossary(path, data)
        return problems, LanguageCounts(glossary_terms=len(terms))
    section, problems = parse_section(path, data)
    if section is None:
        return problems, LanguageCounts()
    slides = section.slides
    return problems, LanguageCounts(
        sections=1,
        slides=len(slides),
        quizzes=sum(len(slide.quizzes) for slide in slides),
        demos=sum(1 for slide in slides if slide.demo is not None),
    )


def _sorted(problems: Iterable[Problem]) -> list[Problem]:
    """Problems grouped by file (in the order the files came up), by line, without repeats."""
    order: dict[str, int] = {}
    unique: dict[tuple[str, int, str], Problem] = {}
    for problem in problems:
        key = os.fspath(problem.path)
        order.setdefault(key, len(order))
        unique.setdefault((key, problem.line, problem.message), problem)
    return sorted(unique.values(), key=lambda p: (order[os.fspath(p.path)], p.line))


def check_paths(paths: Sequence[Path]) -> CheckReport:
    """Check lesson files: each path a lessons root (with ``et/`` and ``en/``), a language
    folder, another folder of lesson files, or one file.

    Parity between ``et`` and ``en`` is checked when both folders are among what is checked.
    """
    plan = _Plan()
    for path in paths:
        plan.add(Path(path))
    report = CheckReport()
    problems = list(plan.problems)
    loads: dict[Path, _FolderLoad] = {}
    for resolved, (path, language) in plan.folders.items():
        load = _load_folder(path, language)
        loads[resolved] = load
        problems.extend(load.problems)
        report.count(language, load.counts())

    # Parity: et and en side by side in one folder; else a single et and a single en given.
    by_parent: dict[Path, dict[str, _FolderLoad]] = {}
    for resolved, load in loads.items():
        if load.language in LANGUAGE_FOLDERS:
            by_parent.setdefault(resolved.parent, {})[load.language] = load
    pairs = [pair for pair in by_parent.values() if len(pair) == 2]
    if not pairs:
        lone = [load for load in loads.values() if load.language in LANGUAGE_FOLDERS]
        if sorted(load.language for load in lone) == sorted(LANGUAGE_FOLDERS):
            pairs = [{load.language: load for load in lone}]
    for pair in pairs:
        problems.extend(_parity(pair[SOURCE], pair[TRANSLATION]))

    context: dict[Path, _FolderLoad] = {}
    for path, language, folder in plan.files:
        resolved_file = _resolved(path)
        if folder is not None and _resolved(folder) in loads:
            continue  # its folder is checked as a whole
        name = path.name
        in_folder = folder is not None and (
            name in (LECTURE_FILE, GLOSSARY_FILE) or is_section_file(name)
        )
        if folder is None or not in_folder:
            found, counts = _check_alone(path)
            problems.extend(found)
            report.count(language, counts)
            continue
        key = _resolved(folder)
        if key not in context:
            context[key] = _load_folder(folder, language)
        load = context[key]
        problems.extend(
            problem for problem in load.problems if _resolved(problem.path) == resolved_file
        )
        report.count(language, load.counts(only=resolved_file))
    report.problems = _sorted(problems)
    return report


def _option_text(value: bool | int) -> str:
    """A demo block's option as the lesson writes it: practice's on/off, a number of steps."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return format_integer(value)
