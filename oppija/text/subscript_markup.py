"""The lesson format's written subscript, ``W~f~``: a subscript Unicode has no letter for.

Unicode has subscript letters for a, e, h, i, j, k, l, m, n, o, p, r, s, t, u, v, x (Wᵢ, bₒ are
written with them), but none for f, g, c, Q, K, V, O: the lessons write those as ``W~f~``,
``σ~g~``, ``W~Q~`` (mdit-py-plugins' subscript syntax, the one Markdown way that has a meaning in
HTML too). The slides draw the index in :data:`SUBSCRIPT_STYLE`, the look the demos give their
own marked subscripts (the LSTM's equations), handouts as ``<sub>``; plain text spells it with
Unicode where it can. Never an underscore, which the lecture does not write.
"""

from __future__ import annotations

import re

from oppija.text.scripts import SUBSCRIPT_OF, subscript

# A Rich style definition (this layer imports no Rich): underlined, set apart from its letter
# without a colour (NO_COLOR keeps it) or a slant (an italic letter spills into the next cell
# on some terminals).
SUBSCRIPT_STYLE = "underline"
# As the Markdown plugin reads it: one "~" on each side, no blank inside, not strikethrough's "~~".
_MARKUP = re.compile(r"(?<!~)~([^~\s]+)~(?!~)")
# A letter, an underscore and a letter or digit outside code: σ_g, W_f, 𝓔_CE.
_BARE = re.compile(r"(?<![\w~])([^\W\d_]+)_([^\W_]+)")
# Code spans, link targets, autolinks and a heading's {#id}; each alternative stops at the next
# character that could start another, so a line of 100 000 "](" is read once, not 100 000 times.
_CODE = re.compile(r"(?<!`)(`++)[^`]*+\1(?!`)|\]\([^()\]]*+\)|<[a-z]++:[^<>\s]*+>|\{#[^{}]*+\}")


def subscript_parts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs, each with whether it is a written subscript."""
    parts: list[tuple[str, bool]] = []
    end = 0
    for match in _MARKUP.finditer(text):
        if match.start() > end:
            parts.append((text[end : match.start()], False))
        parts.append((match.group(1), True))
        end = match.end()
    if end < len(text) or not parts:
        parts.append((text[end:], False))
    return parts


def plain_subscripts(text: str) -> str:
    """``text`` for plain text (a terminal prompt, a search line): W~o~ as Wₒ; an index Unicode
    has no letters for stays marked, as W~f~, so that it is never read as a product Wf."""
    return _MARKUP.sub(
        lambda match: (
            subscript(match.group(1))
            if all(char in SUBSCRIPT_OF for char in match.group(1))
            else match.group(0)
        ),
        text,
    )


def html_subscripts(text: str) -> str:
    """``text`` (Markdown) with its written subscripts as ``<sub>``, which Markdown renderers
    that know no ``~`` syntax (GitHub's, most wikis') still show as a subscript."""
    return _MARKUP.sub(lambda match: f"<sub>{match.group(1)}</sub>", text)


def bare_subscript(line: str) -> str | None:
    """The first subscript ``line`` writes with an underscore (σ_g), outside code spans and
    link targets; None when there is none."""
    match = _BARE.search(_CODE.sub(" ", line))
    return match.group(0) if match else None
