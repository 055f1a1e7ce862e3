"""The lecture as typed, immutable data: sections of slides with reveal steps, demos, quizzes.

Everything here is built by :mod:`oppija.content.sections` (and its neighbours) from the
lesson files and never changed afterwards. Line numbers are 1-based and point into the lesson
file the object came from.
"""

from __future__ import annotations

import math
import numbers
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

QuizKind = Literal["choice", "number", "open"]


def display_path(path: Path) -> str:
    """``path`` as given, or relative to the working folder if it is absolute and inside it."""
    if path.is_absolute():
        try:
            return os.fspath(path.relative_to(Path.cwd()))
        except (ValueError, OSError):
            pass
    return os.fspath(path)


@dataclass(frozen=True)
class Problem:
    """One mistake in a lesson file: where it is and what is wrong (already translated)."""

    path: Path
    line: int
    message: str

    def where(self) -> str:
        """``path:line``, the way editors and compilers write it."""
        return f"{display_path(self.path)}:{self.line}"

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


@dataclass(frozen=True)
class Choice:
    """One answer of a choice question, with the explanation shown after it is picked."""

    text: str
    correct: bool
    explanation: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Quiz:
    """A self-check question: ``choice`` (pick one), ``number`` (type a number) or ``open``.

    ``explanation`` is the ``why:`` of a number question; a choice question keeps one
    explanation per choice, an open question its ``model_answer``. ``key_lines`` maps each key
    to the line it was written on (for messages that point at the exact line).
    """

    id: str
    kind: QuizKind
    question: str
    choices: tuple[Choice, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    explanation: str = ""
    model_answer: str = ""
    line: int = 0
    key_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    @property
    def correct_index(self) -> int | None:
        """The index of the right choice (None unless this is a choice question)."""
        for index, choice in enumerate(self.choices):
            if choice.correct:
                return index
        return None

    def line_of(self, key: str) -> int:
        """The line where ``key`` was written, or the quiz's opening line."""
        return dict(self.key_lines).get(key, self.line)

    def check(self, value: object) -> bool | None:
        """Whether ``value`` answers the question: a choice index, or a number within tolerance.

        A number may be given as text with a decimal comma or point; text that is no number
        raises ``ValueError`` with a translated message. Open questions have no right answer
        to check: None.
        """
        if self.kind == "choice":
            if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                return False
            return int(value) == self.correct_index
        if self.kind == "number":
            if self.answer is None or isinstance(value, bool):
                return False
            if isinstance(value, str):
                from oppija.i18n import parse_number

                number = parse_number(value)
            elif isinstance(value, numbers.Real):
                number = float(value)
            else:
                return False
            if not math.isfinite(number):
                return False
            slack = 1e-9 * max(1.0, abs(self.answer))  # 0,1 + 0,2 is 0,3
            return abs(number - self.answer) <= self.tolerance + slack
        return None


@dataclass(frozen=True)
class DemoBlock:
    """A live demo on a slide: its kind and its parameters, parsed and typed, in file order.

    Values are ``float`` (number), ``int`` (integer), ``str`` (choice, text),
    ``tuple[float, ...]`` (numbers) or :class:`oppija.expr.Formula` (formula).
    """

    kind: str
    params: tuple[tuple[str, object], ...]
    line: int
    param_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)
    export_steps: int = 0
    """``export-steps:``: how many steps a handout's picture of the demo is run (0: as it opens)."""
    practice: bool = False
    """``practice: on``: the demo opens in practice mode, asking for its next number."""

    def as_dict(self) -> dict[str, object]:
        """The parameters as a dict (only those the lesson sets; the demo has defaults)."""
        return dict(self.params)

    def line_of(self, key: str) -> int:
        """The line where parameter ``key`` was written, or the block's opening line."""
        return dict(self.param_lines).get(key, self.line)


@dataclass(frozen=True)
class Slide:
    """One slide: its Markdown split into reveal steps, teacher notes, a demo, quizzes.

    ``print_steps`` are the same steps without the lines only a screen needs (``::: screen``
    blocks, "press n"); empty when the slide has none, so that handouts read :attr:`steps`.
    """

    id: str
    title: str
    section_id: str
    steps: tuple[str, ...]
    notes: str
    demo: DemoBlock | None
    quizzes: tuple[Quiz, ...]
    path: Path
    line: int
    print_steps: tuple[str, ...] = ()

    @property
    def step_count(self) -> int:
        """How many reveal steps the slide has (at least one)."""
        return len(self.steps)

    def markdown(self, step: int) -> str:
        """The Markdown shown at reveal step ``step`` (0-based, clamped): steps 0..step."""
        last = min(max(step, 0), len(self.steps) - 1)
        return "\n\n".join(part for part in self.steps[: last + 1] if part)

    def printed_markdown(self) -> str:
        """The whole slide (every step) as paper shows it: without the screen-only lines."""
        return "\n\n".join(part for part in (self.print_steps or self.steps) if part.strip())


@dataclass(frozen=True)
class Section:
    """One section file (``NN-name.md``): an id, a title and its slides in order."""

    id: str
    title: str
    path: Path
    slides: tuple[Slide, ...]
    line: int = field(default=1, compare=False)

    def contents_title(self, slide: Slide) -> str:
        """The slide's title as the contents list shows it: without the section's title when
        the slide's title starts with it and a colon ("Mida oskavad närvivõrgud: masintõlge" in
        the section "Mida oskavad närvivõrgud" is "Masintõlge"), so that the rows of a section
        do not all begin alike and are cut off before the words that tell them apart."""
        head, colon, rest = slide.title.partition(":")
        rest = rest.strip()
        if not colon or not rest or head.strip().casefold() != self.title.strip().casefold():
            return slide.title
        return rest[0].upper() + rest[1:]


@dataclass(frozen=True)
class GlossaryTerm:
    """A glossary entry: the term, its name in the other language, where it first appears."""

    id: str
    term: str
    other: str
    slide_id: str
    definition: str
    line: int
    synonyms: tuple[str, ...] = ()
    """Other names a learner may search for in this language (the ``aka:`` line)."""
    forms: tuple[str, ...] = ()
    """The inflected forms of the term and its synonyms (``glossary-forms.txt``), for finding it in
    slide text and search: „gradiendi“ finds gradient."""

    def names(self) -> tuple[str, ...]:
        """Every name the term is known by: itself, the other language's, synonyms, forms."""
        return (self.term, self.other, *self.synonyms, *self.forms)


@dataclass(frozen=True)
class LectureMeta:
    """The front matter of ``lecture.md``."""

    title: str
    subtitle: str = ""
    course: str = ""
    author: str = ""
    date: str = ""


@dataclass(frozen=True)
class Lecture:
    """The whole lecture in one language."""

    language: str
    title: str
    subtitle: str
    course: str
    author: str
    date: str
    sections: tuple[Section, ...]
    glossary: tuple[GlossaryTerm, ...] = ()

    @cached_property
    def slides(self) -> tuple[Slide, ...]:
        """Every slide of every section, in order."""
        return tuple(slide for section in self.sections for slide in section.slides)

    @cached_property
    def _slide_positions(self) -> dict[str, int]:
        return {slide.id: index for index, slide in enumerate(self.slides)}

    @cached_property
    def _sections_by_id(self) -> dict[str, Section]:
        return {section.id: section for section in self.sections}

    @cached_property
    def _terms_by_id(self) -> dict[str, GlossaryTerm]:
        return {term.id: term for term in self.glossary}

    @cached_property
    def quizzes(self) -> tuple[Quiz, ...]:
        """Every quiz of the lecture, in order."""
        return tuple(quiz for slide in self.slides for quiz in slide.quizzes)

    def slide_index(self, slide_id: str) -> int:
        """The position of a slide in :attr:`slides`; KeyError if there is no such slide."""
        return self._slide_positions[slide_id]

    def slide(self, slide_id: str) -> Slide:
        """The slide with this id; KeyError if there is none."""
        return self.slides[self.slide_index(slide_id)]

    def section_of(self, slide_id: str) -> Section:
        """The section a slide belongs to; KeyError if there is no such slide."""
        return self._sections_by_id[self.slide(slide_id).section_id]

    def term(self, term_id: str) -> GlossaryTerm:
        """The glossary term with this id; KeyError if there is none."""
        return self._terms_by_id[term_id]
