"""The lecture's text: lesson files parsed into typed slides, checked, searched.

Lesson files are data, never code. This package reads them (``load_lecture``), reports each
mistake as ``file:line: message`` (``check_paths``, ``run_check``) and finds slides and glossary
terms (``oppija.content.search``). It imports neither textual nor rich. Names load on first
use, so that the app's start imports only the modules its first screen needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oppija.content.commands import run_check, run_list
    from oppija.content.demos import DEMO_KINDS, ParamSpec, parse_param
    from oppija.content.formula_messages import FORMULA_MESSAGES, describe_formula_error
    from oppija.content.front_matter import parse_lecture_meta
    from oppija.content.glossary import parse_glossary
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
    from oppija.content.search import SearchHit
    from oppija.content.sections import parse_section

_HOMES = {
    "run_check": "commands",
    "run_list": "commands",
    "DEMO_KINDS": "demos",
    "ParamSpec": "demos",
    "parse_param": "demos",
    "FORMULA_MESSAGES": "formula_messages",
    "describe_formula_error": "formula_messages",
    "CheckReport": "loader",
    "LanguageCounts": "loader",
    "LessonError": "loader",
    "check_paths": "loader",
    "load_lecture": "loader",
    "Choice": "model",
    "DemoBlock": "model",
    "GlossaryTerm": "model",
    "Lecture": "model",
    "LectureMeta": "model",
    "Problem": "model",
    "Quiz": "model",
    "Section": "model",
    "Slide": "model",
    "parse_glossary": "glossary",
    "parse_lecture_meta": "front_matter",
    "parse_section": "sections",
    "SearchHit": "search",
}

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
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"oppija.content.{home}"), name)
