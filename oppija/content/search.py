"""Find slides and glossary terms by what a learner types.

Matching ignores case and diacritics ("oppimiskiirus" finds "õppimiskiirus", "fisel" finds
"Fišel"); every word of the query must occur. A match in a title weighs more than one in the
body text, and a whole-phrase match more than scattered words.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from oppija.content.model import Lecture

SNIPPET_CONTEXT = 40  # characters of text on each side of the match
MAX_QUERY = 200  # characters of a query that count (a longer one is cut)
EXACT_NAME_BONUS = 100.0  # the query is a whole title or term name: above any partial match

_EMPHASIS_RE = re.compile(r"[*`]+")
# Linear on any text: a link target stops at the next parenthesis or space (a run of "](" or
# of blank lines made the former "[^)]*" and "^\s*" patterns take quadratic time).
_MARKUP_RE = re.compile(r"[>#|]+|\[|\]\([^()\s]*\)|^[ \t]*[-+][ \t]+", re.MULTILINE)
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchHit:
    """One result: a slide (``id`` is the slide id) or a glossary term (``id`` the term id)."""

    kind: Literal["slide", "term"]
    id: str
    title: str
    snippet: str
    score: float


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Text without case and diacritics: 'Õppimiskiirus' → 'oppimiskiirus'."""
    return "".join(_fold_char(char) for char in text)


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index in ``text`` it came from."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        out.append(folded)
        origin.extend([index] * len(folded))
    return "".join(out), origin


def plain_text(markdown: str) -> str:
    """Markdown with its markup symbols dropped and whitespace collapsed, for snippets."""
    text = _MARKUP_RE.sub(" ", _EMPHASIS_RE.sub("", markdown))
    return _SPACE_RE.sub(" ", text).strip()


def _snippet(text: str, words: list[str], phrase: str) -> str:
    folded, origin = _folded_with_positions(text)
    at = folded.find(phrase)
    length = len(phrase)
    if at < 0:
        found = [(folded.find(word), len(word)) for word in words if word in folded]
        at, length = min(found) if found else (0, 0)
    if not origin:
        return ""
    start_char = origin[min(at, len(origin) - 1)]
    end_char = origin[min(at + max(length, 1), len(origin)) - 1] + 1
    start = max(0, start_char - SNIPPET_CONTEXT)
    end = min(len(text), end_char + SNIPPET_CONTEXT)
    if start > 0:
        space = text.find(" ", start, start_char)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", end_char, end)
        end = space if space >= 0 else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _field_score(folded: str, words: list[str], phrase: str, weight: float) -> tuple[float, int]:
    """The score of one field and how many query words it holds."""
    score = 0.0
    held = 0
    for word in words:
        if word not in folded:
            continue
        held += 1
        score += weight
        if re.search(r"(?<!\w)" + re.escape(word), folded):
            score += weight / 2  # the start of a word
    if len(words) > 1 and phrase in folded:
        score += weight * 2
    return score, held


def _score(fields: list[tuple[str, float]], words: list[str], phrase: str) -> float | None:
    """The weighted score of one item, or None unless every word occurs in some field."""
    if not all(any(word in text for text, _weight in fields) for word in words):
        return None
    return sum(_field_score(text, words, phrase, weight)[0] for text, weight in fields)


Fields = list[tuple[str, float]]  # folded text and its weight


@dataclass(frozen=True)
class _Entry:
    """One slide or term, prepared once: its folded fields and what its hit shows."""

    hit: SearchHit  # score 0; a slide's snippet is cut around each query's match
    fields: Fields
    folded_text: str  # the folded plain body of a slide, its definition for a term
    names: frozenset[str] = frozenset()  # folded whole names: a slide's title, a term's names


# The prepared lecture, kept while the lecture lives: the palette searches at every key typed,
# and folding every slide again each time costs more than the search itself.
_PREPARED: dict[int, tuple[weakref.ref[Lecture], list[_Entry]]] = {}


def _prepared(lecture: Lecture) -> list[_Entry]:
    found = _PREPARED.get(id(lecture))
    if found is not None and found[0]() is lecture:
        return found[1]
    entries: list[_Entry] = []
    for slide in lecture.slides:
        body = plain_text("\n\n".join(slide.steps))
        questions = plain_text(" ".join(quiz.question for quiz in slide.quizzes))
        folded_body = fold(body)
        fields = [(fold(slide.title), 10.0), (folded_body, 3.0), (fold(questions), 2.0)]
        hit = SearchHit("slide", slide.id, slide.title, body, 0.0)
        entries.append(_Entry(hit, fields, folded_body, frozenset({fields[0][0]})))
    for term in lecture.glossary:
        fields = [
            (fold(term.term), 12.0),
            (fold(term.other), 9.0),
            (fold(term.definition), 3.0),
            (fold(" / ".join((*term.synonyms, *term.forms))), 11.0),
        ]
        hit = SearchHit("term", term.id, f"{term.term} ({term.other})", term.definition, 0.0)
        names = frozenset(fold(name) for name in term.names())
        entries.append(_Entry(hit, fields, fields[2][0], names))
    key = id(lecture)
    _PREPARED[key] = (weakref.ref(lecture, lambda _ref: _PREPARED.pop(key, None)), entries)
    return entries


def search(lecture: Lecture, query: str, limit: int = 20) -> list[SearchHit]:
    """Slides and glossary terms matching every word of ``query``, best first."""
    phrase = _SPACE_RE.sub(" ", fold(query[:MAX_QUERY])).strip()
    words = list(dict.fromkeys(phrase.split()))
    if not words or limit <= 0:
        return []
    hits: list[tuple[float, int, _Entry]] = []
    for order, entry in enumerate(_prepared(lecture)):
        score = _score(entry.fields, words, phrase)
        if score is not None and phrase in entry.names:
            score += EXACT_NAME_BONUS
        if score is not None:
            hits.append((score, order, entry))
    hits.sort(key=lambda item: (-item[0], item[1]))
    return [_hit(entry, words, phrase, score) for score, _order, entry in hits[:limit]]


def _hit(entry: _Entry, words: list[str], phrase: str, score: float) -> SearchHit:
    """The result for ``entry``; a slide's snippet is cut around the match (only for the hits
    shown, so a query matching every slide does not cut a snippet of each)."""
    hit = entry.hit
    if hit.kind == "slide":
        found = any(word in entry.folded_text for word in words)
        snippet = _snippet(hit.snippet, words, phrase) if found else hit.snippet[:80]
        return replace(hit, snippet=snippet, score=score)
    return replace(hit, score=score)
