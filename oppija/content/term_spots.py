"""Which glossary terms a piece of slide text uses, in any of their names or inflected forms.

„Tagasilevil arvutatakse gradiendi …“ uses tagasilevi and gradient. Words are compared without
case and diacritics, whole words only („kihid“ is kiht, „kihiline“ is not), and a term of
several words is found as those words in a row.
"""

from __future__ import annotations

import re
import weakref

from oppija.content.model import GlossaryTerm, Lecture
from oppija.content.search import fold

_WORD_RE = re.compile(r"\w+")
_INDEXES: dict[int, tuple[weakref.ref[Lecture], dict[tuple[str, ...], str], int]] = {}


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(fold(text))


def _index(lecture: Lecture) -> tuple[dict[tuple[str, ...], str], int]:
    """Folded name words → term id (the first term listing a name wins), and the most words."""
    found = _INDEXES.get(id(lecture))
    if found is not None and found[0]() is lecture:
        return found[1], found[2]
    names: dict[tuple[str, ...], str] = {}
    for term in lecture.glossary:
        for name in (term.term, *term.synonyms, *term.forms):
            words = tuple(_words(name))
            if words:
                names.setdefault(words, term.id)
    longest = max((len(words) for words in names), default=0)
    key = id(lecture)
    _INDEXES[key] = (weakref.ref(lecture, lambda _ref: _INDEXES.pop(key, None)), names, longest)
    return names, longest


def terms_in_text(lecture: Lecture, text: str) -> list[GlossaryTerm]:
    """The glossary terms ``text`` uses, in the order they first appear, each once.

    At each word the longest name wins: „lokaalne miinimum“ is that term, not miinimum.
    """
    names, longest = _index(lecture)
    words = _words(text)
    seen: dict[str, None] = {}
    at = 0
    while at < len(words):
        for size in range(min(longest, len(words) - at), 0, -1):
            term_id = names.get(tuple(words[at : at + size]))
            if term_id is not None:
                seen.setdefault(term_id, None)
                at += size
                break
        else:
            at += 1
    return [lecture.term(term_id) for term_id in seen]
