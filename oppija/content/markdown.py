"""The one Markdown parser of the app: markdown-it-py, set up once for lessons and for slides.

Both set-ups are CommonMark with GitHub tables and strikethrough, the dialect rich.markdown
draws, so that a lesson file is split into blocks exactly the way its slides are later drawn.
The lesson set-up adds the format's own lines (``lessons/README.md``): the front matter,
``:::`` blocks (mdit-py-plugins' container), the reveal marker ``. . .`` and a stray ``:::``.
It parses block structure only: the lesson readers look at block tokens and their line
numbers (``token.map``), never at inline markup, so a megabyte-long line costs nothing.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

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
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


@cache
def slide_parser() -> MarkdownIt:
    """The parser whose tokens the slide view draws (a slide's text or teacher notes)."""
    return _commonmark()


@cache
def lesson_parser() -> MarkdownIt:
    """The parser of lesson files: block tokens, each with its source lines in ``map``."""
    md = _commonmark().use(front_matter_plugin)
    md.use(container_plugin, name="block", validate=_names_a_block)
    md.block.ruler.before("lheading", REVEAL, _reveal_marker, _ENDS_TEXT)
    md.block.ruler.before("lheading", STRAY_CLOSE, _stray_close, _ENDS_TEXT)
    md.disable("inline")  # headings keep their raw text in ``content``; nothing else is needed
    return md


def _names_a_block(params: str, markup: str) -> bool:
    """``::: KIND ...`` opens a block; a bare ``:::`` is a closing line, never an opening one."""
    return bool(params.strip())


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].rstrip()


def _single_line_token(state: StateBlock, line: int, kind: str, markup: str) -> None:
    token = state.push(kind, "", 0)
    token.map = [line, line + 1]
    token.markup = markup
    state.line = line + 1


def _reveal_marker(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A line that is exactly ``. . .``: the end of one reveal step."""
    if state.sCount[start_line] - state.blkIndent >= 4 or _line(state, start_line) != REVEAL_MARKER:
        return False
    if not silent:
        _single_line_token(state, start_line, REVEAL, REVEAL_MARKER)
    return True


def _stray_close(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A line of colons alone where no block is open (an open block ends at its own)."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    text = _line(state, start_line)
    if len(text) < 3 or text.strip(":"):
        return False
    if not silent:
        _single_line_token(state, start_line, STRAY_CLOSE, text)
    return True
