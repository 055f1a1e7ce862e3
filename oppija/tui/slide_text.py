"""A slide's Markdown drawn from markdown-it tokens as Rich renderables.

The tokens come from the app's one Markdown parser (:mod:`oppija.content.markdown`), the same
CommonMark-with-tables dialect as rich.markdown. The drawing is the app's own rather than
rich.markdown's: it looks the same, with rich.markdown's style names (so terminal themes keep
working), but it needs no pygments (code is shown without highlighting), draws the whole slide
as one renderable (one layout per slide change) and shows what it does not draw as text.

Drawn: paragraphs, headings, bullet and numbered lists, block quotes, code blocks, horizontal
rules, tables; emphasis, strong, strikethrough, subscripts (``W~f~``), code spans, links and
autolinks (their text), images (their alt text), entities, hard line breaks, and inline HTML
as the text it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token
from rich import box
from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    JustifyMethod,
    RenderableType,
    RenderResult,
)
from rich.segment import Segment
from rich.table import Table
from rich.text import Span, Text

from oppija.content.markdown import slide_parser
from oppija.text.subscript_markup import SUBSCRIPT_STYLE, subscript_parts
from oppija.tui.drawn_per_width import DrawnPerWidth

# Quotes and lists nested deeper than this are shown as the text they are written as; the
# parser itself stops at 20 levels (markdown-it's maxNesting), which is what bounds recursion.
MAX_DEPTH = 12
# Control characters other than tab and newline would corrupt the terminal or shift Rich's spans.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_INLINE_STYLES = {
    "em_open": "markdown.em",
    "strong_open": "markdown.strong",
    "s_open": "markdown.s",
    "link_open": "markdown.link",
    "sub_open": SUBSCRIPT_STYLE,  # W~f~: the look of the demos' own marked subscripts
}
_JUSTIFY: dict[str, JustifyMethod] = {
    "text-align:center": "center",
    "text-align:right": "right",
    "text-align:left": "left",
}


def render_slide_markdown(text: str) -> RenderableType:
    """``text`` (a slide body or teacher notes) as one Rich renderable.

    One renderable rather than one widget per block, so that moving between slides costs one
    layout. Blocks are separated by a blank line, as rich.markdown does.
    """
    source = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    tokens = slide_parser().parse(source)
    blocks = _Blocks(source.split("\n")).read(tokens, 0)
    parts: list[RenderableType] = []
    blank_before = False  # nothing before the first block; a rule brings its own blank line
    for block in blocks:
        # rich.markdown puts a blank line before a list, quote or table even when it comes first.
        if blank_before or isinstance(block, MarkdownList | BlockQuote | Table):
            parts.append(BLANK_LINE)
        parts.append(block)
        blank_before = not isinstance(block, HorizontalRule)
    return SlideBody(*parts)


class SlideBody(DrawnPerWidth):
    """The rendered slide, sized exactly as rich.markdown's Markdown would be and drawn once
    per width."""


# --- what is drawn ----------------------------------------------------------------------------


class BlankLine:
    """The line between two blocks: a bare newline, exactly what rich.markdown writes."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment.line()


BLANK_LINE = BlankLine()


class Paragraph:
    """A paragraph's Text; the theme's paragraph style (usually none) is applied when drawn,
    so that, as with rich.markdown, a null style adds no spans."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        style = console.get_style("markdown.paragraph", default="none")
        if not style:
            yield self.text
            return
        text = self.text.copy()
        text.stylize_before(style)
        yield text


class HorizontalRule:
    """A line of dashes across the width, then a blank line (as rich.markdown draws ``---``)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        style = console.get_style("markdown.hr", default="none")
        yield Segment("-" * options.max_width, style)
        yield Segment.line()
        yield Segment.line()


class CodeBlock:
    """Code kept verbatim on a padded background, without syntax highlighting (no pygments)."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        style = console.get_style("markdown.code_block", default="none")
        width = options.max_width
        text = Text(self.code, justify="left", overflow="fold", tab_size=4)
        inner = options.update(width=max(1, width - 2), height=None)
        blank = Segment(" " * width, style)
        edge = Segment(" ", style)
        new_line = Segment.line()
        yield blank
        yield new_line
        for line in console.render_lines(text, inner, style=style):
            yield edge
            yield from line
            yield edge
            yield new_line
        yield blank
        yield new_line


class BlockQuote:
    """Quoted blocks behind a ``▌`` bar, in the block-quote style."""

    def __init__(self, blocks: list[RenderableType]) -> None:
        self.blocks = blocks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        style = console.get_style("markdown.block_quote", default="none")
        inner = options.update(width=max(1, options.max_width - 4), height=None)
        bar = Segment("▌ ", style)
        new_line = Segment.line()
        for line in console.render_lines(Group(*self.blocks), inner, style=style):
            yield bar
            yield from line
            yield new_line


class MarkdownList:
    """A bullet list (``start`` is None) or a numbered one, each item's blocks indented."""

    def __init__(self, items: list[list[RenderableType]], start: int | None) -> None:
        self.items = items
        self.start = start

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        item_style = console.get_style("markdown.item", default="none")
        if self.start is None:
            style = console.get_style("markdown.item.bullet", default="none")
            width = 3
            markers = [" • "] * len(self.items)
        else:
            style = console.get_style("markdown.item.number", default="none")
            # rich.markdown sizes the column for start + count (one more than the last number).
            width = len(str(self.start + len(self.items))) + 2
            markers = [
                f"{self.start + index}".rjust(width - 1) + " " for index in range(len(self.items))
            ]
        inner = options.update(width=max(1, options.max_width - width), height=None)
        padding = Segment(" " * width, style)
        new_line = Segment.line()
        for marker, blocks in zip(markers, self.items, strict=True):
            lines = console.render_lines(Group(*blocks), inner, style=item_style)
            for index, line in enumerate(lines):
                yield Segment(marker, style) if index == 0 else padding
                yield from line
                yield new_line


# --- from tokens ------------------------------------------------------------------------------


def _closing(tokens: Sequence[Token], index: int) -> int:
    """The index of the token that closes the one opened at ``index`` (same level)."""
    level = tokens[index].level
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.nesting == -1 and token.level == level:
            return position
    return len(tokens)


class _Blocks:
    """Block tokens → renderables; ``lines`` (the source) for what is shown as written."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def read(self, tokens: Sequence[Token], depth: int) -> list[RenderableType]:
        blocks: list[RenderableType] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            end = _closing(tokens, index) if token.nesting == 1 else index
            inner = tokens[index + 1 : end]
            kind = token.type
            if kind == "paragraph_open":
                blocks.append(Paragraph(_inline_of(inner, "left")))
            elif kind == "heading_open":
                blocks.append(_heading(inner, int(token.tag[1:])))
            elif kind == "hr":
                blocks.append(HorizontalRule())
            elif kind in ("fence", "code_block"):
                blocks.append(CodeBlock(token.content.rstrip()))
            elif kind == "html_block":
                blocks.append(Paragraph(Text(token.content.rstrip(), justify="left")))
            elif kind in ("blockquote_open", "bullet_list_open", "ordered_list_open"):
                blocks.append(self._nested(token, inner, depth))
            elif kind == "table_open":
                blocks.append(_table(inner))
            index = end + 1
        return blocks

    def _nested(self, token: Token, inner: Sequence[Token], depth: int) -> RenderableType:
        if depth >= MAX_DEPTH:
            return self._as_written(token, depth)
        if token.type == "blockquote_open":
            return BlockQuote(self.read(inner, depth + 1))
        items: list[list[RenderableType]] = []
        index = 0
        while index < len(inner):
            end = _closing(inner, index)
            items.append(self.read(inner[index + 1 : end], depth + 1))
            index = end + 1
        start = int(token.attrs.get("start", 1)) if token.type == "ordered_list_open" else None
        return MarkdownList(items, start)

    def _as_written(self, token: Token, depth: int) -> RenderableType:
        """A container nested too deep, as its source text (outer quote markers dropped)."""
        first, end = token.map or (0, 0)
        shown = []
        for line in self.lines[first:end]:
            for _level in range(depth):
                line = line.lstrip(" ")
                line = line[1:] if line.startswith(">") else line
            shown.append(line.strip())
        return Paragraph(Text(" ".join(part for part in shown if part), justify="left"))


def _inline_of(tokens: Sequence[Token], justify: JustifyMethod) -> Text:
    children = tokens[0].children if tokens and tokens[0].type == "inline" else None
    text = _inline(children or [])
    text.justify = justify
    return text


def _heading(inner: Sequence[Token], level: int) -> Text:
    text = _inline_of(inner, "center" if level == 1 else "left")
    text.spans.insert(0, Span(0, len(text), f"markdown.h{level}"))
    return text


def inline_text(source: str) -> Text:
    """``source`` (one paragraph's Markdown) as Text with rich.markdown's inline styles."""
    tokens = slide_parser().parseInline(_CONTROL.sub("", source))
    return _inline(tokens[0].children or []) if tokens else Text()


def subscripted(text: str) -> Text:
    """A line the lesson writes as plain text (a quiz's question, choice or explanation, a
    glossary definition) with its written subscripts (``W~f~``) drawn as the slides draw them."""
    out = Text()
    for part, small in subscript_parts(_CONTROL.sub("", text)):
        out.append(part, SUBSCRIPT_STYLE if small else None)
    return out


def _inline(tokens: Sequence[Token]) -> Text:
    """Inline tokens → one Text: its characters, and a span per style."""
    parts: list[str] = []
    spans: list[Span] = []
    opened: list[int] = []  # the slots in ``spans`` of styles not yet closed
    position = 0

    def add(text: str, style: str | None = None) -> None:
        nonlocal position
        if style is not None:
            spans.append(Span(position, position + len(text), style))
        parts.append(text)
        position += len(text)

    for token in tokens:
        kind = token.type
        if kind in ("text", "html_inline"):
            add(token.content)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "code_inline":
            add(token.content, "markdown.code")
        elif kind in _INLINE_STYLES:
            # The slot is taken when the style opens, so an outer style comes before an inner
            # one, and the inner one wins where they differ (as in rich.markdown).
            opened.append(len(spans))
            spans.append(Span(position, position, _INLINE_STYLES[kind]))
        elif kind.endswith("_close") and opened:
            slot = opened.pop()
            spans[slot] = Span(spans[slot].start, position, spans[slot].style)
        elif kind == "image":  # rich.markdown shows an image as "🌆 alt " (or its file name)
            alt = _inline(token.children or [])
            if not alt.plain:
                alt = Text(str(token.attrs.get("src", "")).strip("/").rsplit("/", 1)[-1])
            add("🌆 ")
            spans.extend(span.move(position) for span in alt.spans)
            add(alt.plain + " ")
    return Text("".join(parts), spans=spans)


def _table(tokens: Sequence[Token]) -> Table:
    """A GitHub table as rich.markdown draws it: the same box, edges, padding and header."""
    table = Table(
        box=box.SIMPLE,
        pad_edge=False,
        style="markdown.table.border",
        show_edge=True,
        collapse_padding=True,
    )
    row: list[Text] = []
    for index, token in enumerate(tokens):
        if token.type in ("th_open", "td_open"):
            justify = _JUSTIFY.get(str(token.attrs.get("style", "")), "default")
            cell = _inline_of(tokens[index + 1 : index + 2], justify)
            if token.type == "th_open":
                cell.stylize("markdown.table.header")
                cell.stylize("table.header")
                table.add_column(cell)
            else:
                row.append(cell)
        elif token.type == "tr_close" and row:
            table.add_row(*row)
            row = []
    return table
