"""A slide's Markdown as Rich renderables, without rich.markdown, markdown-it or pygments.

Importing rich.markdown (markdown-it, and pygments through rich.syntax) costs about 55 ms before
the first slide can be painted. Lessons use a small, well-known part of Markdown, so this module
parses exactly that part and draws it the way rich.markdown does, with the same style names, so
terminal themes keep working. Whatever it does not understand is shown as text; it never raises.

Supported: paragraphs, ATX and setext headings, bullet and numbered lists (nested), block quotes,
fenced and indented code blocks, horizontal rules, GitHub tables; inline emphasis, strong,
strikethrough, code spans, links and autolinks (text only), images (alt text), backslash escapes,
entities and hard line breaks.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rich import box
from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    JustifyMethod,
    RenderableType,
    RenderResult,
)
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Span, Text

# Nesting deeper than this (quotes, lists, links) is shown as text: bounded recursion on any input.
MAX_DEPTH = 12
_LINK_TAIL_LIMIT = 2048
_DESTINATION_SPECIAL = re.compile(r"[\s()\\]")

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Control characters other than tab and newline would corrupt the terminal or shift Rich's spans.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_ATX_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ATX_CLOSING = re.compile(r"(?:^|[ \t]+)#+$")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_HORIZONTAL_RULE = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE_OPEN = re.compile(r"( {0,3})(`{3,}|~{3,})(.*)$")
_QUOTE = re.compile(r" {0,3}> ?(.*)$")
_LIST_MARKER = re.compile(r"( {0,3})([-+*]|\d{1,9}[.)])(?:([ \t]+)(.*))?$")
_TABLE_DELIMITER_CELL = re.compile(r":?-+:?$")
_TABLE_CELL_SPLIT = re.compile(r"(?<!\\)\|")

_INLINE_SPECIAL = re.compile(r"[\\`*_~\[\]!<&\n]")


@cache
def _rare_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Autolinks and entities: compiled on first use, as most slides have neither."""
    autolink = re.compile(
        r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*"
        r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
        r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*)>"
    )
    entity = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
    return autolink, entity


def render_slide_markdown(text: str) -> RenderableType:
    """``text`` (a slide body or teacher notes) as one Rich renderable.

    One renderable rather than one widget per block, so that moving between slides costs one
    layout. Blocks are separated by a blank line, as rich.markdown does.
    """
    blocks = parse_blocks(_clean_lines(text), 0)
    parts: list[RenderableType] = []
    blank_before = False  # nothing before the first block; a rule brings its own blank line
    for block in blocks:
        # rich.markdown puts a blank line before a list, quote or table even when it comes first.
        if blank_before or isinstance(block, MarkdownList | BlockQuote | Table):
            parts.append(BLANK_LINE)
        parts.append(block)
        blank_before = not isinstance(block, HorizontalRule)
    return SlideBody(*parts)


class SlideBody(Group):
    """The rendered slide: a Group that, like rich.markdown's Markdown, asks for no minimum
    width and takes all there is, so that layouts size it exactly as before."""

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(0, options.max_width)


def _clean_lines(text: str) -> list[str]:
    """Lines without carriage returns or control characters; leading tabs become spaces."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "\t" in line:
            content = line.lstrip(" \t")
            lines[index] = line[: len(line) - len(content)].expandtabs(4) + content
    return lines


# --- blocks -----------------------------------------------------------------------------------


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


def parse_blocks(lines: list[str], depth: int) -> list[RenderableType]:
    """The block structure of ``lines`` (one container's content) as renderables."""
    blocks: list[RenderableType] = []
    nested = depth < MAX_DEPTH
    index = 0
    count = len(lines)
    while index < count:
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if _indent(line) >= 4:
            index = _indented_code(lines, index, blocks)
            continue
        fence = _FENCE_OPEN.match(line)
        if fence and not (fence.group(2)[0] == "`" and "`" in fence.group(3)):
            index = _fenced_code(lines, index, fence, blocks)
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            content = _ATX_CLOSING.sub("", (heading.group(2) or "").strip()).strip()
            blocks.append(_heading(content, len(heading.group(1)), depth))
            index += 1
            continue
        if _HORIZONTAL_RULE.match(line):
            blocks.append(HorizontalRule())
            index += 1
            continue
        if nested and _QUOTE.match(line):
            index = _block_quote(lines, index, depth, blocks)
            continue
        if nested and _list_marker(line) is not None:
            index = _list(lines, index, depth, blocks)
            continue
        if _table_starts(lines, index):
            index = _table(lines, index, depth, blocks)
            continue
        index = _paragraph(lines, index, depth, blocks)
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _starts_block(line: str, depth: int, in_paragraph: bool) -> bool:
    """Whether ``line`` begins a new block, ending a paragraph (or a lazy continuation)."""
    if _indent(line) >= 4:
        return False
    if _HORIZONTAL_RULE.match(line) or _ATX_HEADING.match(line):
        return True
    fence = _FENCE_OPEN.match(line)
    if fence and not (fence.group(2)[0] == "`" and "`" in fence.group(3)):
        return True
    if depth >= MAX_DEPTH:
        return False
    if _QUOTE.match(line):
        return True
    marker = _list_marker(line)
    if marker is None:
        return False
    if not in_paragraph:
        return True
    # Only a non-empty bullet or a list starting at 1 may interrupt a paragraph (CommonMark),
    # so that a wrapped sentence beginning "2023. aastal" stays a sentence.
    symbol, _, first = marker
    return bool(first.strip()) and (not symbol[0].isdigit() or int(symbol[:-1]) == 1)


def _indented_code(lines: list[str], index: int, blocks: list[RenderableType]) -> int:
    code: list[str] = []
    while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) >= 4):
        code.append(lines[index][4:] if lines[index].strip() else "")
        index += 1
    while code and not code[-1]:
        code.pop()
    blocks.append(CodeBlock("\n".join(code)))
    return index


def _fenced_code(
    lines: list[str], index: int, fence: re.Match[str], blocks: list[RenderableType]
) -> int:
    indent = len(fence.group(1))
    marker = fence.group(2)
    closing = re.compile(rf" {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$")
    code: list[str] = []
    index += 1
    while index < len(lines) and not closing.match(lines[index]):
        line = lines[index]
        code.append(line[min(indent, _indent(line)) :])
        index += 1
    blocks.append(CodeBlock("\n".join(code).rstrip()))
    return index + 1


def _heading(content: str, level: int, depth: int) -> Text:
    text = inline_text(content, depth)
    text.spans.insert(0, Span(0, len(text), f"markdown.h{level}"))
    text.justify = "center" if level == 1 else "left"
    return text


def _block_quote(lines: list[str], index: int, depth: int, blocks: list[RenderableType]) -> int:
    inner: list[str] = []
    while index < len(lines):
        line = lines[index]
        quoted = _QUOTE.match(line)
        if quoted:
            inner.append(quoted.group(1))
        elif line.strip() and inner and inner[-1].strip() and not _starts_block(line, depth, True):
            inner.append(line)  # a lazy continuation of the quoted paragraph
        else:
            break
        index += 1
    blocks.append(BlockQuote(parse_blocks(inner, depth + 1)))
    return index


def _list_marker(line: str) -> tuple[str, int, str] | None:
    """A list item's marker, the column its content starts at, and its first line's content."""
    if _HORIZONTAL_RULE.match(line):
        return None
    found = _LIST_MARKER.match(line)
    if found is None:
        return None
    indent, symbol, spaces, rest = found.groups()
    start = len(indent) + len(symbol)
    if not spaces or not rest:
        return symbol, start + 1, ""
    width = len(spaces.expandtabs(4))
    if width > 4:  # the content is indented code: it starts one space after the marker
        return symbol, start + 1, " " * (width - 1) + rest
    return symbol, start + width, rest


def _list(lines: list[str], index: int, depth: int, blocks: list[RenderableType]) -> int:
    first = _list_marker(lines[index])
    assert first is not None
    ordered = first[0][0].isdigit()
    kind = first[0][-1]  # the bullet character, or the number's "." / ")"
    items: list[list[RenderableType]] = []
    while index < len(lines):
        marker = _list_marker(lines[index])
        if marker is None or marker[0][-1] != kind or marker[0][0].isdigit() != ordered:
            break
        _, offset, content = marker
        item = [content]
        index += 1
        while index < len(lines):
            line = lines[index]
            if not line.strip():
                item.append("")
            elif _indent(line) >= offset:
                item.append(line[offset:])
            elif item[-1].strip() and not _starts_block(line, depth, False):
                item.append(line)  # a lazy continuation of the item's paragraph
            else:
                break
            index += 1
        items.append(parse_blocks(item, depth + 1))
    start = int(first[0][:-1]) if ordered else None
    blocks.append(MarkdownList(items, start))
    return index


def _paragraph(lines: list[str], index: int, depth: int, blocks: list[RenderableType]) -> int:
    paragraph = [lines[index]]
    index += 1
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            break
        underline = _SETEXT_UNDERLINE.match(line)
        if underline:
            level = 1 if underline.group(1)[0] == "=" else 2
            content = "\n".join(part.strip(" ") for part in paragraph).strip()
            blocks.append(_heading(content, level, depth))
            return index + 1
        if _starts_block(line, depth, True) or _table_starts(lines, index):
            break
        paragraph.append(line)
        index += 1
    content = "\n".join(part.lstrip(" ") for part in paragraph).rstrip()
    text = inline_text(content, depth)
    text.justify = "left"
    blocks.append(Paragraph(text))
    return index


# --- tables -----------------------------------------------------------------------------------


def _table_cells(line: str) -> list[str]:
    """A table row's cells: split on unescaped ``|``, outer pipes dropped, ``\\|`` kept as ``|``."""
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _TABLE_CELL_SPLIT.split(row)]


def _table_starts(lines: list[str], index: int) -> bool:
    """A header row followed by a delimiter row (``| --- | :-: |``) with as many cells."""
    if index + 1 >= len(lines) or "|" not in lines[index] or "|" not in lines[index + 1]:
        return False
    if _indent(lines[index]) >= 4 or _indent(lines[index + 1]) >= 4:
        return False
    delimiters = _table_cells(lines[index + 1])
    if not all(_TABLE_DELIMITER_CELL.match(cell) for cell in delimiters):
        return False
    return len(delimiters) == len(_table_cells(lines[index]))


def _table(lines: list[str], index: int, depth: int, blocks: list[RenderableType]) -> int:
    header = _table_cells(lines[index])
    justify: list[JustifyMethod] = []
    for cell in _table_cells(lines[index + 1]):
        if cell.startswith(":") and cell.endswith(":"):
            justify.append("center")
        elif cell.endswith(":"):
            justify.append("right")
        elif cell.startswith(":"):
            justify.append("left")
        else:
            justify.append("default")
    # rich.markdown's table: the same box, edges and padding; the header also bold, as asked.
    table = Table(
        box=box.SIMPLE,
        pad_edge=False,
        style="markdown.table.border",
        show_edge=True,
        collapse_padding=True,
    )
    for cell, how in zip(header, justify, strict=True):
        heading = inline_text(cell, depth)
        heading.justify = how
        heading.stylize("markdown.table.header")
        heading.stylize("table.header")
        table.add_column(heading)
    index += 2
    while index < len(lines):
        line = lines[index]
        if not line.strip() or _starts_block(line, depth, False):
            break
        cells = (_table_cells(line) + [""] * len(header))[: len(header)]
        row = []
        for cell, how in zip(cells, justify, strict=True):
            text = inline_text(cell, depth)
            text.justify = how
            row.append(text)
        table.add_row(*row)
        index += 1
    blocks.append(table)
    return index


# --- inline -----------------------------------------------------------------------------------


class _Delimiter:
    """A run of ``*``, ``_`` or ``~~`` that may open or close emphasis (CommonMark's rules)."""

    __slots__ = ("can_close", "can_open", "char", "closes", "count", "length", "opens")

    def __init__(self, char: str, length: int, can_open: bool, can_close: bool) -> None:
        self.char = char
        self.length = length
        self.count = length
        self.can_open = can_open
        self.can_close = can_close
        self.opens: list[tuple[int, str]] = []  # (match id, style), outermost first
        self.closes: list[int] = []  # match ids, innermost first


class _Code:
    __slots__ = ("content",)

    def __init__(self, content: str) -> None:
        self.content = content


class _Link:
    """Link text (parsed on its own, so emphasis never crosses it) and how it is shown."""

    __slots__ = ("destination", "image", "label")

    def __init__(self, label: str, destination: str, image: bool) -> None:
        self.label = label
        self.destination = destination
        self.image = image


class _Styled:
    __slots__ = ("style", "text")

    def __init__(self, text: str, style: str) -> None:
        self.text = text
        self.style = style


_Token = str | _Delimiter | _Code | _Link | _Styled


def inline_text(source: str, depth: int = 0) -> Text:
    """``source`` (one paragraph, heading or cell) as Text with rich.markdown's inline styles."""
    parts: list[str] = []
    spans: list[Span] = []
    _emit(source, depth, parts, spans, 0)
    return Text("".join(parts), spans=spans)


def _emit(source: str, depth: int, parts: list[str], spans: list[Span], position: int) -> int:
    """Append ``source`` rendered to ``parts``/``spans``, starting at ``position``; the new end."""
    tokens = _tokenize(source, depth)
    _match_emphasis([token for token in tokens if isinstance(token, _Delimiter)])
    opened: dict[int, tuple[int, str, int]] = {}  # match id -> (start, style, slot in spans)
    for token in tokens:
        if isinstance(token, str):
            parts.append(token)
            position += len(token)
        elif isinstance(token, _Delimiter):
            for match in token.closes:
                start, style, slot = opened.pop(match)
                spans[slot] = Span(start, position, style)
            if token.count:
                parts.append(token.char * token.count)
                position += token.count
            for match, style in token.opens:
                opened[match] = (position, style, len(spans))
                spans.append(Span(position, position, style))  # the end is set when it closes
        elif isinstance(token, _Code):
            spans.append(Span(position, position + len(token.content), "markdown.code"))
            parts.append(token.content)
            position += len(token.content)
        elif isinstance(token, _Styled):
            spans.append(Span(position, position + len(token.text), token.style))
            parts.append(token.text)
            position += len(token.text)
        elif token.image:  # rich.markdown shows an image as "🌆 alt " (or its file name)
            parts.append("🌆 ")
            label = token.label or token.destination.strip("/").rsplit("/", 1)[-1]
            position = _emit(label, depth + 1, parts, spans, position + 2)
            parts.append(" ")
            position += 1
        else:
            slot = len(spans)
            spans.append(Span(position, position, "markdown.link"))
            start = position
            position = _emit(token.label, depth + 1, parts, spans, position)
            spans[slot] = Span(start, position, "markdown.link")
    return position


def _tokenize(source: str, depth: int) -> list[_Token]:
    """Split one inline run into text, code spans, links and emphasis delimiters."""
    tokens: list[_Token] = []
    brackets: dict[int, int] | None = None  # found on the first "[": most text has none
    index = 0
    end = len(source)
    while index < end:
        found = _INLINE_SPECIAL.search(source, index)
        if found is None:
            tokens.append(source[index:])
            break
        at = found.start()
        if at > index:
            tokens.append(source[index:at])
        char = source[at]
        if char == "\\":
            following = source[at + 1 : at + 2]
            if following == "\n":
                _strip_trailing_spaces(tokens)
                tokens.append("\n")
                index = _skip_spaces(source, at + 2)
            elif following and following in _ASCII_PUNCTUATION:
                tokens.append(following)
                index = at + 2
            else:
                tokens.append("\\")
                index = at + 1
        elif char == "`":
            index = _code_span(source, at, tokens)
        elif char in "*_~":
            index = _delimiter_run(source, at, tokens)
        elif char == "\n":
            hard = _strip_trailing_spaces(tokens) >= 2
            tokens.append("\n" if hard else " ")
            index = _skip_spaces(source, at + 1)
        elif char == "[" or (char == "!" and source[at + 1 : at + 2] == "["):
            image = char == "!"
            if brackets is None:
                brackets = _bracket_pairs(source)
            link = _link(source, at + 1 if image else at, brackets) if depth < MAX_DEPTH else None
            if link is None:
                tokens.append(char)
                index = at + 1
            else:
                label, destination, index = link
                tokens.append(_Link(label, destination, image))
        elif char == "<":
            autolink = _rare_patterns()[0].match(source, at)
            if autolink is None:
                tokens.append("<")
                index = at + 1
            else:
                tokens.append(_Styled(autolink.group(1), "markdown.link"))
                index = autolink.end()
        elif char == "&":
            entity = _rare_patterns()[1].match(source, at)
            if entity is None:
                tokens.append("&")
                index = at + 1
            else:
                tokens.append(_decode_entity(entity.group()))
                index = entity.end()
        else:  # "]" or "!" that starts nothing
            tokens.append(char)
            index = at + 1
    return tokens


def _strip_trailing_spaces(tokens: list[_Token]) -> int:
    """Drop the spaces before a line break; how many there were (two or more make it hard)."""
    if not tokens or not isinstance(tokens[-1], str):
        return 0
    last = tokens[-1]
    kept = last.rstrip(" ")
    tokens[-1] = kept
    return len(last) - len(kept)


def _skip_spaces(source: str, index: int) -> int:
    while index < len(source) and source[index] in " \t":
        index += 1
    return index


def _run_end(source: str, index: int) -> int:
    char = source[index]
    while index < len(source) and source[index] == char:
        index += 1
    return index


def _code_span(source: str, at: int, tokens: list[_Token]) -> int:
    """A code span closes at the next backtick run of the same length; else the run is text."""
    after = _run_end(source, at)
    length = after - at
    search = after
    while True:
        close = source.find("`" * length, search)
        if close < 0:
            tokens.append(source[at:after])
            return after
        close_end = _run_end(source, close)
        if close_end - close == length:
            break
        search = close_end
    content = source[after:close].replace("\n", " ")
    if len(content) > 1 and content[0] == " " and content[-1] == " " and content.strip(" "):
        content = content[1:-1]
    tokens.append(_Code(content))
    return close_end


def _character_kind(char: str) -> int:
    """0 for whitespace (or the text's edge), 1 for punctuation, 2 for anything else."""
    if not char or char.isspace():
        return 0
    if char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] in "PS":
        return 1
    return 2


def _delimiter_run(source: str, at: int, tokens: list[_Token]) -> int:
    after = _run_end(source, at)
    char = source[at]
    length = after - at
    if char == "~" and length != 2:
        tokens.append(source[at:after])
        return after
    before = _character_kind(source[at - 1] if at else "")
    following = _character_kind(source[after : after + 1])
    left = following != 0 and (following == 2 or before != 2)
    right = before != 0 and (before == 2 or following != 2)
    if char == "_":
        can_open = left and (not right or before == 1)
        can_close = right and (not left or following == 1)
    else:
        can_open, can_close = left, right
    tokens.append(_Delimiter(char, length, can_open, can_close))
    return after


def _match_emphasis(delimiters: list[_Delimiter]) -> None:
    """Pair openers with closers (CommonMark's "process emphasis"), innermost pairs first."""
    stack: list[_Delimiter] = []  # unmatched potential openers, oldest first
    # Per kind of closer, how far down the stack a search has already failed (keeps it linear).
    floors: dict[tuple[str, bool, int], int] = {}
    match_id = 0
    for closer in delimiters:
        if closer.can_close:
            kind = (closer.char, closer.can_open, closer.length % 3)
            while closer.count:
                opener_at = _find_opener(stack, closer, floors.get(kind, 0))
                if opener_at < 0:
                    floors[kind] = len(stack)
                    break
                opener = stack[opener_at]
                use = 2 if opener.count >= 2 and closer.count >= 2 else 1
                if closer.char == "~":
                    style = "markdown.s"
                else:
                    style = "markdown.strong" if use == 2 else "markdown.em"
                opener.count -= use
                closer.count -= use
                opener.opens.insert(0, (match_id, style))
                closer.closes.append(match_id)
                match_id += 1
                # Delimiters between the pair stay text; a used-up opener leaves the stack.
                del stack[opener_at + (1 if opener.count else 0) :]
                for key, floor in floors.items():
                    floors[key] = min(floor, len(stack))
        if closer.can_open and closer.count:
            stack.append(closer)


def _find_opener(stack: list[_Delimiter], closer: _Delimiter, floor: int) -> int:
    """The nearest opener above ``floor`` in ``stack`` that ``closer`` may pair with, or -1."""
    for index in range(len(stack) - 1, floor - 1, -1):
        opener = stack[index]
        if opener.char != closer.char:
            continue
        # The "rule of three": a run that can both open and close pairs only in lengths that
        # do not add up to a multiple of three, unless both are multiples of three.
        if (
            (opener.can_close or closer.can_open)
            and (opener.length + closer.length) % 3 == 0
            and not (opener.length % 3 == 0 and closer.length % 3 == 0)
        ):
            continue
        return index
    return -1


def _link(source: str, at: int, brackets: dict[int, int]) -> tuple[str, str, int] | None:
    """``[label](destination "title")`` at ``at``: label, destination and the index after it."""
    close = brackets.get(at, -1)
    if close < 0 or source[close + 1 : close + 2] != "(":
        return None
    # Destinations and titles are short; a bound keeps broken input ("[a](" many times) linear.
    limit = min(len(source), close + 2 + _LINK_TAIL_LIMIT)
    index = _skip_whitespace(source, close + 2, limit)
    start = index
    if source[index : index + 1] == "<":
        end = source.find(">", index, limit)
        if end < 0 or "\n" in source[index:end]:
            return None
        index = end + 1
        destination = source[start + 1 : end]
    else:
        depth = 0
        while index < limit:
            special = _DESTINATION_SPECIAL.search(source, index, limit)
            if special is None:
                index = limit
                break
            index = special.start()
            char = source[index]
            if char.isspace():
                break
            if char == "\\":
                index += 1
            elif char == "(":
                depth += 1
                if depth > 32:  # markdown-it's limit too
                    return None
            elif depth == 0:
                break
            else:
                depth -= 1
            index += 1
        destination = source[start:index]
    index = _skip_whitespace(source, index, limit)
    if index < limit and source[index] in "\"'(":
        closer = ")" if source[index] == "(" else source[index]
        end = source.find(closer, index + 1, limit)
        while end > 0 and _escaped(source, end):
            end = source.find(closer, end + 1, limit)
        if end < 0:
            return None
        index = _skip_whitespace(source, end + 1, limit)
    if index >= limit or source[index] != ")":
        return None
    return source[at + 1 : close], destination, index + 1


def _escaped(source: str, index: int) -> bool:
    """Whether an odd number of backslashes stands just before ``index``."""
    start = index
    while start > 0 and source[start - 1] == "\\":
        start -= 1
    return (index - start) % 2 == 1


def _bracket_pairs(source: str) -> dict[int, int]:
    """Each ``[`` that is closed, with its ``]`` (escapes and code spans skipped); one pass."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            after = _run_end(source, index)
            close = source.find(source[index:after], after)
            index = after if close < 0 else close + (after - index)
            continue
        if char == "[":
            opened.append(index)
        elif char == "]" and opened:
            pairs[opened.pop()] = index
        index += 1
    return pairs


def _skip_whitespace(source: str, index: int, limit: int) -> int:
    while index < limit and source[index].isspace():
        index += 1
    return index


def _decode_entity(entity: str) -> str:
    """``&amp;``, ``&#233;``, ``&#x3B8;`` as their characters; an unknown name stays text."""
    import html  # only when a slide has an entity: its name table is not needed at start-up

    decoded = _CONTROL.sub("", html.unescape(entity))
    return decoded or "\ufffd"
