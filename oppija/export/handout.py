"""The lecture gathered for a handout: which sections, each slide's printed text and picture.

What goes on paper is decided here once, for every format: the slides of the chosen sections
with every reveal step and without the screen-only lines, each demo's picture, the quizzes,
and — for a teacher only — the teacher notes and the answer key. The glossary keeps the terms
whose first slide is in the handout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from oppija.content.model import GlossaryTerm, Lecture, Section, Slide
from oppija.export.pictures import DemoPicture, demo_picture
from oppija.i18n import _

Audience = Literal["student", "teacher"]
AUDIENCES: tuple[Audience, ...] = ("student", "teacher")


@dataclass(frozen=True)
class HandoutSlide:
    """One slide on paper: its number (``3.2``), its printed Markdown and its demo's picture."""

    slide: Slide
    number: str
    markdown: str
    picture: DemoPicture | None

    @property
    def anchor(self) -> str:
        """The id the contents link to (slide ids are ASCII, unique in the lecture)."""
        return f"slide-{self.slide.id}"


@dataclass(frozen=True)
class HandoutSection:
    """One section on paper, numbered as in the lecture (not as in the handout)."""

    number: int
    section: Section
    slides: tuple[HandoutSlide, ...]

    @property
    def anchor(self) -> str:
        """The id the contents link to."""
        return f"section-{self.section.id}"


@dataclass(frozen=True)
class Handout:
    """Everything a format writes."""

    lecture: Lecture
    audience: Audience
    sections: tuple[HandoutSection, ...]
    glossary: tuple[GlossaryTerm, ...]

    @property
    def for_teacher(self) -> bool:
        """Whether the answer key and the teacher notes are printed."""
        return self.audience == "teacher"


def collect(lecture: Lecture, audience: Audience, section_numbers: Sequence[int] = ()) -> Handout:
    """The handout of ``lecture`` for ``audience``: the sections numbered ``section_numbers``
    (1-based, as ``oppija list`` numbers them) in lecture order, or all of them."""
    wanted = set(section_numbers)
    sections: list[HandoutSection] = []
    for number, section in enumerate(lecture.sections, start=1):
        if wanted and number not in wanted:
            continue
        slides = tuple(
            HandoutSlide(
                slide=slide,
                number=f"{number}.{position}",
                markdown=slide.printed_markdown(),
                picture=demo_picture(slide),
            )
            for position, slide in enumerate(section.slides, start=1)
        )
        sections.append(HandoutSection(number, section, slides))
    shown = {item.slide.id for section in sections for item in section.slides}
    glossary = tuple(
        sorted(
            (term for term in lecture.glossary if term.slide_id in shown),
            key=lambda term: term.term.casefold(),
        )
    )
    return Handout(lecture, audience, tuple(sections), glossary)


def audience_line(handout: Handout) -> str:
    """Which copy this is, as the title page says it."""
    if handout.for_teacher:
        return _("Teacher’s copy: with the answers and the notes")
    return _("Student’s copy")
