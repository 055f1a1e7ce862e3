"""Find slides and glossary terms by what a learner types.

Matching ignores case and diacritics ("oppimiskiirus" finds "õppimiskiirus", "fisel" finds
"Fišel"); every word of the query must occur. A match in a title weighs more than one in the
body text, and a whole-phrase match more than scattered words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from oppija.content.model import Lecture

SNIPPET_CONTEXT = 40  # characters of text on each side of the match
MAX_QUERY = 200  # characters of a query that count (a longer one is cut)

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


def search(lecture: Lecture, query: str, limit: int = 20) -> list[SearchHit]:
    """Slides and glossary terms matching every word of ``query``, best first."""
    phrase = _SPACE_RE.sub(" ", fold(query[:MAX_QUERY])).strip()
    words = list(dict.fromkeys(phrase.split()))
    if not words or limit <= 0:
        return []
    hits: list[tuple[float, int, SearchHit]] = []
    order = 0
    for slide in lecture.slides:
        body = plain_text("\n\n".join(slide.steps))
        questions = plain_text(" ".join(quiz.question for quiz in slide.quizzes))
        fields = [(fold(slide.title), 10.0), (fold(body), 3.0), (fold(questions), 2.0)]
        order += 1
        score = _score(fields, words, phrase)
        if score is None:
            continue
        source = body if any(word in fold(body) for word in words) else slide.title
        snippet = _snippet(source, words, phrase) if source is body else plain_text(body)[:80]
        hits.append((score, order, SearchHit("slide", slide.id, slide.title, snippet, score)))
    for term in lecture.glossary:
        fields = [(fold(term.term), 12.0), (fold(term.other), 9.0), (fold(term.definition), 3.0)]
        order += 1
        score = _score(fields, words, phrase)
        if score is None:
            continue
        title = f"{term.term} ({term.other})"
        hits.append((score, order, SearchHit("term", term.id, title, term.definition, score)))
    hits.sort(key=lambda item: (-item[0], item[1]))
    return [hit for _score, _order, hit in hits[:limit]]
