"""The lecture's text: lesson files parsed into typed slides, checked, searched.

Lesson files are data, never code. This package reads them (``load_lecture``), reports each
mistake as ``file:line: message`` (``check_paths``, ``run_check``) and finds slides and glossary
terms (``oppija.content.search``). It imports neither textual nor rich. Names load on first
use, so that the app's start imports only the modules its first screen needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from oppija.lazy_names import lazy_names

if TYPE_CHECKING:  # the names as their modules define them (the type checker reads these)
    from oppija.content.commands import run_check as run_check
    from oppija.content.commands import run_list as run_list
    from oppija.content.front_matter import parse_lecture_meta as parse_lecture_meta
    from oppija.content.glossary import parse_glossary as parse_glossary
    from oppija.content.loader import CheckReport as CheckReport
    from oppija.content.loader import LanguageCounts as LanguageCounts
    from oppija.content.loader import LessonError as LessonError
    from oppija.content.loader import check_paths as check_paths
    from oppija.content.loader import load_lecture as load_lecture
    from oppija.content.model import Choice as Choice
    from oppija.content.model import DemoBlock as DemoBlock
    from oppija.content.model import GlossaryTerm as GlossaryTerm
    from oppija.content.model import Lecture as Lecture
    from oppija.content.model import LectureMeta as LectureMeta
    from oppija.content.model import Problem as Problem
    from oppija.content.model import Quiz as Quiz
    from oppija.content.model import Section as Section
    from oppija.content.model import Slide as Slide
    from oppija.content.search import SearchHit as SearchHit
    from oppija.content.sections import parse_section as parse_section

__all__, __getattr__ = lazy_names(
    __name__,
    {
        "commands": ("run_check", "run_list"),
        "front_matter": ("parse_lecture_meta",),
        "glossary": ("parse_glossary",),
        "loader": ("CheckReport", "LanguageCounts", "LessonError", "check_paths", "load_lecture"),
        "model": (
            "Choice",
            "DemoBlock",
            "GlossaryTerm",
            "Lecture",
            "LectureMeta",
            "Problem",
            "Quiz",
            "Section",
            "Slide",
        ),
        "search": ("SearchHit",),
        "sections": ("parse_section",),
    },
)
