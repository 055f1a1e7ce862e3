"""A section file (``NN-name.md``) → a :class:`~oppija.content.model.Section` of slides.

markdown-it (:func:`~oppija.content.markdown.lesson_parser`) finds the blocks: slide headings,
``:::`` blocks, reveal markers, code fences. This module walks those tokens, reads the lines
each one covers (``token.map``) and cuts the slide text into reveal steps, so that a slide's
Markdown is exactly the text the author wrote, and every mistake is reported at its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.token import Token

from oppija.content.front_matter import SECTION_KEYS, read_front_matter
from oppija.content.markdown import BLOCK_CLOSE, BLOCK_OPEN, REVEAL, STRAY_CLOSE, lesson_parser
from oppija.content.model import DemoBlock, Problem, Quiz, Section, Slide
from oppija.content.quiz_reader import QuizReader
from oppija.content.reading import ID_EXAMPLE, Reporter, decode_text
from oppija.i18n import _, format_integer
from oppija.sims.registry import DEMOS, known_kinds
from oppija.sims.settings import parse_param
from oppija.text.excerpt import excerpt

BLOCK_KINDS = ("notes", "demo", "quiz", "screen")
EXPORT_STEPS = "export-steps"
PRACTICE = "practice"  # ``practice: on``: the demo opens asking (practice mode)
PRACTICE_SWITCH = {"on": True, "off": False}
"""The demo block's own key (not a setting of the demo): the step a handout's picture shows."""
MAX_EXPORT_STEPS = 100_000


@dataclass
class _Block:
    """One ``::: KIND ARGS`` block: its opening line (1-based) and the lines inside it."""

    kind: str
    args: list[str]
    line: int
    lines: list[tuple[int, str]]


@dataclass
class _SlideDraft:
    title: str
    ident: str | None
    line: int  # the heading's line, 1-based
    start: int  # the first body line, 0-based
    markers: list[int] = field(default_factory=list)  # 0-based lines of ". . ."
    skipped: set[int] = field(default_factory=set)  # 0-based lines that are not slide text
    screen_only: set[int] = field(default_factory=set)  # 0-based lines left out on paper
    notes: tuple[str, int] | None = None
    demo: DemoBlock | None = None
    demo_line: int = 0
    quizzes: list[Quiz] = field(default_factory=list)


def _closes(line: str, markup: str) -> bool:
    """Whether ``line`` is a closing line for an opening ``markup`` (a fence or ``:::``)."""
    text = line.lstrip(" \t>").rstrip()  # a fence in a quote keeps the quote's ">"
    return len(text) >= len(markup) and set(text) == {markup[0]}


def _matching_close(tokens: Sequence[Token], index: int) -> int:
    """The index of the token that closes the block opened at ``index``."""
    depth = 0
    for position in range(index, len(tokens)):
        kind = tokens[position].type
        if kind == BLOCK_OPEN:
            depth += 1
        elif kind == BLOCK_CLOSE:
            depth -= 1
            if depth == 0:
                return position
    return len(tokens) - 1


def _is_glued_heading(line: str) -> bool:
    """``##Title``: meant as a slide (Pandoc reads it so), but CommonMark reads it as text, so
    it is reported rather than silently joined to the slide above."""
    text = line.lstrip(" ")
    return text.startswith("##") and text[2:3] not in ("", "#", " ", "\t")


def _is_slide_heading(token: Token) -> bool:
    return token.type == "heading_open" and token.level == 0 and token.markup == "##"


class _SectionReader(Reporter):
    def __init__(self, path: Path, lines: list[str]) -> None:
        super().__init__(path)
        self.lines = lines
        self.section_id = ""
        self.slides: list[Slide] = []
        self.slide_lines: dict[str, int] = {}
        self.quiz_lines: dict[str, int] = {}
        self.slide: _SlideDraft | None = None
        self.saw_heading = False

    # ------------------------------------------------------------------ the walk
    def read(self, tokens: Sequence[Token], start: int, report_preamble: bool) -> None:
        preamble_reported = not report_preamble
        index = start
        while index < len(tokens):
            token = tokens[index]
            if token.map is None or token.type == "front_matter":
                index += 1
                continue
            if _is_slide_heading(token):
                self._finish_slide(token.map[0])
                self.saw_heading = True
                content = tokens[index + 1].content if index + 1 < len(tokens) else ""
                title, ident = self.heading(token.map[0] + 1, content)
                self.slide = _SlideDraft(title, ident, token.map[0] + 1, token.map[1])
                index += 3  # heading_open, inline, heading_close
                continue
            after = _matching_close(tokens, index) + 1 if token.type == BLOCK_OPEN else index + 1
            if token.type == "paragraph_open" and _is_glued_heading(self.lines[token.map[0]]):
                self.add(
                    token.map[0] + 1,
                    _("a slide heading needs a space after “##”: “## Title {example}”").format(
                        example=ID_EXAMPLE
                    ),
                )
                preamble_reported = True
                if self.slide is not None:
                    self.slide.skipped.add(token.map[0])
            elif self.slide is None:
                if not preamble_reported:
                    self.add(
                        token.map[0] + 1,
                        _(
                            "text before the first slide (a slide starts with “## Title {example}”)"
                        ).format(example=ID_EXAMPLE),
                    )
                    preamble_reported = True
            elif token.type == BLOCK_OPEN:
                self._block(self.slide, token, tokens[index + 1 : after - 1])
            else:
                self._body_token(self.slide, token)
            index = after
        self._finish_slide(len(self.lines))

    def _body_token(self, slide: _SlideDraft, token: Token) -> None:
        assert token.map is not None
        first, end = token.map
        if token.type == REVEAL:
            slide.markers.append(first)
        elif token.type == STRAY_CLOSE:
            self.add(first + 1, _("“:::” closes nothing: no block is open here"))
            slide.skipped.add(first)
        elif token.type == "heading_open" and token.markup in ("#", "##"):
            self.add(
                first + 1,
                _(
                    "a “#” or “##” heading inside a slide: use “###” or deeper "
                    "(a line starting with “##” begins a new slide)"
                ),
            )
            slide.skipped.add(first)
        elif token.type == "heading_open" and token.markup in ("=", "-"):
            self.add(
                end,
                _(
                    "this line underlines the line above into a heading: use “###” for a heading "
                    "or leave a blank line before it"
                ),
            )
            slide.skipped.add(end - 1)
        elif token.type == "fence":
            self._fence(token)

    def _fence(self, token: Token) -> None:
        """A code fence: no reveal marker inside, and closed before the text around it ends."""
        assert token.map is not None
        first, end = token.map
        for offset, line in enumerate(token.content.split("\n")):
            if line.strip() == ". . .":
                self.add(first + 2 + offset, _("reveal marker “. . .” inside a code block"))
        if end - first < 2 or not _closes(self.lines[end - 1], token.markup):
            self.add(
                first + 1,
                _("code block “{fence}” is not closed").format(fence=token.markup),
            )

    # ------------------------------------------------------------------ blocks
    def _block(self, slide: _SlideDraft, opening: Token, inner: Sequence[Token]) -> None:
        assert opening.map is not None
        first, end = opening.map
        closed = end < len(self.lines) and _closes(self.lines[end], opening.markup)
        words = opening.info.split()
        block = _Block(words[0], words[1:], first + 1, [])
        if block.kind == "screen" and closed:
            # The text stays on the slide; only the two ":::" lines go, and paper leaves it out.
            slide.skipped.update((first, end))
            slide.screen_only.update(range(first + 1, end))
        else:
            slide.skipped.update(range(first, min(end + 1, len(self.lines))))
        if block.kind not in BLOCK_KINDS:
            self.add(
                block.line,
                _("unknown block kind “{kind}”; known kinds: {kinds}").format(
                    kind=excerpt(block.kind), kinds=", ".join(BLOCK_KINDS)
                ),
            )
        if not closed:
            self.add(
                block.line,
                _("block “::: {kind}” is not closed with “:::”").format(kind=block.kind),
            )
            return
        left_out: set[int] = set()
        for token in inner:
            if token.map is None:
                continue
            if token.type == BLOCK_OPEN:
                self.add(
                    token.map[0] + 1,
                    _(
                        "blocks cannot be nested: close “::: {kind}” (line {line}) with “:::” first"
                    ).format(kind=block.kind, line=block.line),
                )
                left_out.add(token.map[0])
            elif token.type == REVEAL:
                self.add(token.map[0] + 1, _("reveal marker “. . .” inside a “:::” block"))
                left_out.add(token.map[0])
            elif block.kind == "screen":
                self._body_token(slide, token)
            elif token.type == "fence":
                self._fence(token)
        if block.kind == "screen" and block.args:
            self.add(
                block.line,
                _("unexpected text after “::: screen”: “{text}”").format(
                    text=excerpt(" ".join(block.args))
                ),
            )
        inside = range(first + 1, end)
        block.lines = [(index + 1, self.lines[index]) for index in inside if index not in left_out]
        if block.kind == "notes":
            self._notes(slide, block)
        elif block.kind == "demo":
            self._demo(slide, block)
        elif block.kind == "quiz":
            self._quiz(slide, block)

    def _notes(self, slide: _SlideDraft, block: _Block) -> None:
        if block.args:
            self.add(
                block.line,
                _("unexpected text after “::: notes”: “{text}”").format(
                    text=excerpt(" ".join(block.args))
                ),
            )
        elif slide.notes is not None:
            self.add(
                block.line,
                _("a slide can have only one notes block (the first is at line {line})").format(
                    line=slide.notes[1]
                ),
            )
        else:
            text = "\n".join(line for _number, line in block.lines).strip("\n")
            slide.notes = (text.strip(), block.line)

    def _demo(self, slide: _SlideDraft, block: _Block) -> None:
        if not block.args:
            self.add(
                block.line,
                _("the demo block needs a kind, like “::: demo {example}”").format(example="gd1d"),
            )
            return
        kind = block.args[0]
        if kind not in DEMOS:
            self.add(
                block.line,
                _("unknown demo kind “{kind}”; known kinds: {kinds}").format(
                    kind=excerpt(kind), kinds=known_kinds()
                ),
            )
            return
        if len(block.args) > 1:
            self.add(
                block.line,
                _("unexpected text after the demo kind: “{text}”").format(
                    text=excerpt(" ".join(block.args[1:]))
                ),
            )
            return
        if slide.demo is not None or slide.demo_line:
            self.add(
                block.line,
                _("a slide can have only one demo (the first is at line {line})").format(
                    line=slide.demo_line
                ),
            )
            return
        slide.demo_line = block.line
        params: dict[str, object] = {}
        lines: dict[str, int] = {}
        export_steps, practice = 0, False
        for key, value, number in self.fields(block.lines):
            if key in lines:
                self.add(
                    number,
                    _("“{key}:” is given twice (first at line {line})").format(
                        key=key, line=lines[key]
                    ),
                )
                continue
            lines[key] = number
            if key == EXPORT_STEPS:
                export_steps = self._export_steps(number, value)
                continue
            if key == PRACTICE:
                practice = self._practice(kind, number, value)
                continue
            try:
                params[key] = parse_param(kind, key, value)
            except ValueError as error:
                self.add(number, str(error))
        slide.demo = DemoBlock(
            kind,
            tuple(params.items()),
            block.line,
            tuple((key, lines[key]) for key in params),
            export_steps=export_steps,
            practice=practice,
        )

    def _export_steps(self, number: int, value: str) -> int:
        """``export-steps: N``: a whole number 0 … 100 000 (a mistake is reported, 0 kept)."""
        text = value.strip().replace(" ", "").replace("\u00a0", "")
        if text.isascii() and text.isdigit() and int(text) <= MAX_EXPORT_STEPS:
            return int(text)
        self.add(
            number,
            _("“{key}” must be a whole number from 0 to {most}, not “{value}”").format(
                key=EXPORT_STEPS,
                most=format_integer(MAX_EXPORT_STEPS),
                value=excerpt(value.strip()),
            ),
        )
        return 0

    def _practice(self, kind: str, number: int, value: str) -> bool:
        """``practice: on`` or ``off``, ``on`` only for a demo with practice questions (a
        mistake is reported, off kept)."""
        text = value.strip()
        if text not in PRACTICE_SWITCH:
            self.add(
                number,
                _("“practice” is on or off, not “{value}”").format(value=excerpt(text)),
            )
            return False
        if PRACTICE_SWITCH[text] and not DEMOS[kind].practice:
            self.add(
                number,
                _("the demo “{kind}” has no practice questions; these have: {kinds}").format(
                    kind=kind, kinds=", ".join(k for k, spec in DEMOS.items() if spec.practice)
                ),
            )
            return False
        return PRACTICE_SWITCH[text]

    def _quiz(self, slide: _SlideDraft, block: _Block) -> None:
        before = len(self.problems)
        ident = ""
        if not block.args:
            self.add(
                block.line,
                _("the quiz needs an id, like “::: quiz {example}”").format(example="q-intro-1"),
            )
        elif len(block.args) > 1:
            self.add(
                block.line,
                _("unexpected text after the quiz id: “{text}”").format(
                    text=excerpt(" ".join(block.args[1:]))
                ),
            )
        elif self.check_id(block.line, block.args[0]):
            ident = block.args[0]
            if ident in self.quiz_lines:
                self.add(
                    block.line,
                    _("duplicate quiz id “{id}” (first at {where})").format(
                        id=ident, where=self.where(self.quiz_lines[ident])
                    ),
                )
            else:
                self.quiz_lines[ident] = block.line
        quiz = QuizReader(self, block.line, block.lines).read(ident)
        if quiz is not None and len(self.problems) == before:
            slide.quizzes.append(quiz)

    # ------------------------------------------------------------------ slides
    def _finish_slide(self, end: int) -> None:
        """Close the slide being read; its text runs up to line ``end`` (0-based, exclusive)."""
        slide, self.slide = self.slide, None
        if slide is None:
            return
        markers = set(slide.markers)
        parts: list[list[str]] = [[]]
        printed: list[list[str]] = [[]]
        for index in range(slide.start, end):
            if index in markers:
                parts.append([])
                printed.append([])
            elif index not in slide.skipped:
                parts[-1].append(self.lines[index])
                if index not in slide.screen_only:
                    printed[-1].append(self.lines[index])
        steps = ["\n".join(lines).strip("\n") for lines in parts]
        print_steps = tuple(
            "\n".join(lines).strip("\n")
            for lines, step in zip(printed, steps, strict=True)
            if step.strip()
        )
        for k, index in enumerate(slide.markers):
            number = index + 1
            if not steps[k].strip():
                if k == 0:
                    self.add(number, _("reveal marker “. . .” with nothing before it"))
                else:
                    self.add(
                        number,
                        _("reveal marker “. . .” right after another one (an empty step)"),
                    )
            elif k == len(slide.markers) - 1 and not steps[k + 1].strip():
                self.add(number, _("reveal marker “. . .” with nothing after it"))
        kept = tuple(step for step in steps if step.strip()) or ("",)
        if slide.ident is None or not slide.title:
            return
        if slide.ident in self.slide_lines:
            self.add(
                slide.line,
                _("duplicate slide id “{id}” (first at {where})").format(
                    id=slide.ident, where=self.where(self.slide_lines[slide.ident])
                ),
            )
            return
        self.slide_lines[slide.ident] = slide.line
        self.slides.append(
            Slide(
                id=slide.ident,
                title=slide.title,
                section_id=self.section_id,
                steps=kept,
                notes=slide.notes[0] if slide.notes else "",
                demo=slide.demo,
                quizzes=tuple(slide.quizzes),
                path=self.path,
                line=slide.line,
                print_steps=print_steps if slide.screen_only else (),
            )
        )


def parse_section(path: Path, text: str | bytes) -> tuple[Section | None, list[Problem]]:
    """Parse one section file (``NN-name.md``).

    Returns the section (None when its front matter is unusable) and the problems found; the
    section holds the slides that could be read even when there are problems.
    """
    lines, problems = decode_text(path, text)
    if lines is None:
        return None, problems
    reader = _SectionReader(path, lines)
    tokens = lesson_parser().parse("\n".join(lines))
    fields, start = read_front_matter(reader, lines, tokens, SECTION_KEYS, SECTION_KEYS)
    section_id = ""
    if fields is not None and fields.get("id", ("", 0))[0]:
        value, line = fields["id"]
        section_id = value if reader.check_id(line, value) else ""
    reader.section_id = section_id
    reader.read(tokens, start, report_preamble=fields is not None)
    _check_subscripts(reader, tokens)
    if fields is not None and not reader.saw_heading:
        reader.add(
            1,
            _("the section has no slides: a slide starts with a line “## Title {example}”").format(
                example=ID_EXAMPLE
            ),
        )
    title = fields.get("title", ("", 0))[0] if fields else ""
    if fields is None or not section_id or not title:
        return None, reader.problems
    section = Section(section_id, title, path, tuple(reader.slides), line=fields["id"][1])
    _check_contents_titles(reader, section)
    return section, reader.problems


def _check_subscripts(reader: _SectionReader, tokens: Sequence[Token]) -> None:
    """Text (slides, notes, quizzes; a demo's settings aside) writes no subscript as ``σ_g``."""
    in_demo = False
    for token in tokens:
        if token.type == BLOCK_OPEN:
            in_demo = token.info.split()[:1] == ["demo"]
        elif token.type == BLOCK_CLOSE:
            in_demo = False
        elif token.type in ("paragraph_open", "heading_open") and token.map and not in_demo:
            for index in range(*token.map):
                reader.check_subscripts(index + 1, reader.lines[index])


def _check_contents_titles(reader: _SectionReader, section: Section) -> None:
    """Two slides of a section must not look the same in the contents list, where a title that
    starts with the section's title and a colon is shown without them."""
    first: dict[str, int] = {}
    for slide in section.slides:
        shown = section.contents_title(slide)
        if shown in first:
            reader.add(
                slide.line,
                _(
                    "two slides of this section are “{title}” in the contents (first at "
                    "{where}): give them titles that differ"
                ).format(title=shown, where=reader.where(first[shown])),
            )
        else:
            first[shown] = slide.line
