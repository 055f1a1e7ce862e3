"""The lecture's text: lesson files parsed into typed slides, checked, searched.

Lesson files are data, never code. This package reads them (``load_lecture``), reports each
mistake as ``file:line: message`` (``check_paths``, ``run_check``) and finds slides and glossary
terms (``search``). It imports neither textual nor rich.
"""

from __future__ import annotations

from oppija.content.commands import run_check, run_list
from oppija.content.demos import DEMO_KINDS, ParamSpec, parse_param
from oppija.content.formula_messages import FORMULA_MESSAGES, describe_formula_error
from oppija.content.loader import (
    CheckReport,
    LanguageCounts,
    LessonError,
    check_paths,
    load_lecture,
)
from oppija.content.model import (
    Choice,
    DemoBlock,
    GlossaryTerm,
    Lecture,
    LectureMeta,
    Problem,
    Quiz,
    Section,
    Slide,
)
from oppija.content.parser import parse_glossary, parse_lecture_meta, parse_section
from oppija.content.search import SearchHit, search

__all__ = [
    "DEMO_KINDS",
    "FORMULA_MESSAGES",
    "CheckReport",
    "Choice",
    "DemoBlock",
    "GlossaryTerm",
    "LanguageCounts",
    "Lecture",
    "LectureMeta",
    "LessonError",
    "ParamSpec",
    "Problem",
    "Quiz",
    "SearchHit",
    "Section",
    "Slide",
    "check_paths",
    "describe_formula_error",
    "load_lecture",
    "parse_glossary",
    "parse_lecture_meta",
    "parse_param",
    "parse_section",
    "run_check",
    "run_list",
    "search",
]
