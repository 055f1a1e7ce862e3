"""Find glossary terms by what a learner types: a name, a synonym or an inflected form.

The glossary screen filters with it as the learner types, so it ranks by how well a term's names
match, never by where the term stands: a term whose name (in either language), synonym or
inflected form *is* the query comes first, then names that start with it, then names holding
it, then definitions holding it. Case and diacritics do not matter (see :func:`fold`).
"""

from __future__ import annotations

from oppija.content.model import GlossaryTerm, Lecture
from oppija.content.search import fold

EXACT, PREFIX, INSIDE, DEFINITION = range(4)
"""The ranks of a match, best first."""


def match_rank(term: GlossaryTerm, needle: str) -> int | None:
    """How well ``needle`` (already folded) matches ``term``; None when it does not match."""
    names = [fold(name) for name in term.names()]
    if needle in names:
        return EXACT
    if any(name.startswith(needle) for name in names):
        return PREFIX
    if any(needle in name for name in names):
        return INSIDE
    if needle in fold(term.definition):
        return DEFINITION
    return None


def find_terms(lecture: Lecture, query: str) -> list[GlossaryTerm]:
    """The terms matching ``query``, best first (glossary order within a rank); all for ''."""
    needle = " ".join(fold(query).split())
    if not needle:
        return list(lecture.glossary)
    ranked: list[tuple[int, int, GlossaryTerm]] = []
    for order, term in enumerate(lecture.glossary):
        rank = match_rank(term, needle)
        if rank is not None:
            ranked.append((rank, order, term))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [term for _rank, _order, term in ranked]
