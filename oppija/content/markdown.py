"""The one Markdown parser of the app: markdown-it-py, set up once for lessons and for slides.

Both set-ups are CommonMark with GitHub tables and strikethrough, the dialect rich.markdown
draws, with the lesson format's subscript ``W~f~`` (mdit-py-plugins' sub), so that a lesson
file is split into blocks the way its slides are later drawn (raw HTML blocks aside: lessons
have none, and the lesson set-up leaves them to be read as text).
The lesson set-up adds the format's own lines (``lessons/README.md``): the front matter,
``:::`` blocks (mdit-py-plugins' container), the reveal marker ``. . .`` and a stray ``:::``.
It parses block structure only: the lesson readers look at block tokens and their line
numbers (``token.map``), never at inline markup, so a megabyte-long line costs nothing.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

if TYPE_CHECKING:
    from markdown_it.ruler import RuleOptionsType
    from markdown_it.rules_block import StateBlock

REVEAL_MARKER = ". . ."
BLOCK_OPEN = "container_block_open"
BLOCK_CLOSE = "container_block_close"
REVEAL = "reveal_marker"
STRAY_CLOSE = "stray_block_close"
# The format's own lines end a paragraph, a quote's lazy line or a list above them, as a
# ``:::`` block does: a reveal marker never hides in the text around it.
_ENDS_TEXT: RuleOptionsType = {"alt": ["paragraph", "reference", "blockquote", "list"]}


def _commonmark() -> MarkdownIt:
    from mdit_py_plugins.subscript import sub_plugin

    # W~f~: the lesson format's subscript where Unicode has no letter (text/subscript_markup.py).
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(sub_plugin)


@cache
def slide_parser() -> MarkdownIt:
    """The parser whose tokens the slide view draws (a slide's text or teacher notes)."""
    return _commonmark()


@cache
def lesson_parser() -> MarkdownIt:
    """The parser of lesson files: block tokens, each with its source lines in ``map``."""
    # The plugins load only here: a start whose lecture comes from the cache draws its first
    # slide with slide_parser() alone.
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = _commonmark().use(front_matter_plugin)
    md.use(container_plugin, name="block", validate=_names_a_block)
    md.block.ruler.before("lheading", "lesson_line", _format_line, _ENDS_TEXT)
    # Headings keep their raw text in ``content``, so inline parsing is not needed; nor are raw
    # HTML blocks (one rule fewer tried on every line of text).
    md.disable(["inline", "html_block"])
    return md


def _names_a_block(params: str, markup: str) -> bool:
    """``::: KIND ...`` opens a block; a bare ``:::`` is a closing line, never an opening one."""
    return bool(params.strip())


def _format_line(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A line that is exactly ``. . .`` (the end of a reveal step), or a line of colons alone
    where no block is open (an open block ends at its own closing line)."""
    begin = state.bMarks[start_line] + state.tShift[start_line]
    first = state.src[begin : begin + 1]
    if first not in (".", ":") or state.sCount[start_line] - state.blkIndent >= 4:
        return False
    text = state.src[begin : state.eMarks[start_line]].rstrip()
    if text == REVEAL_MARKER:
        kind = REVEAL
    elif first == ":" and len(text) >= 3 and not text.strip(":"):
        kind = STRAY_CLOSE
    else:
        return False
    if not silent:
        token = state.push(kind, "", 0)
        token.map = [start_line, start_line + 1]
        token.markup = text
        state.line = start_line + 1
    return True
