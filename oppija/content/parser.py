"""Lesson files → typed objects, with every mistake reported as ``file:line: message``.

The parsers never raise: whatever bytes a file holds (invalid UTF-8, NUL bytes, binary junk,
CRLF line endings, a byte-order mark), they return what they could understand together with a
list of :class:`~oppija.content.model.Problem`. The format is described in ``lessons/README.md``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from oppija.content.model import (
    Choice,
    DemoBlock,
    GlossaryTerm,
    LectureMeta,
    Problem,
    Quiz,
    QuizKind,
    Section,
    Slide,
    display_path,
)
from oppija.i18n import _, parse_number
from oppija.sims.registry import DEMOS, known_kinds
from oppija.sims.settings import parse_param

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
_HEADING_RE = re.compile(r"^##(?!#)")
_ATTR_RE = re.compile(r"^(?P<title>.*?)\s*\{(?P<attr>[^{}]*)\}\s*$")
_FENCE_RE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_KEY_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*\*?)\s*:(?P<value>.*)$")
_BODY_HEADING_RE = re.compile(r"^ {0,3}#{1,2}(?!#)(\s|$)")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-{2,})\s*$")
_NOT_PARAGRAPH_RE = re.compile(r"^(\s|[-*+>|#]|\d+[.)]|:::|`{3}|~{3})")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MARKER = ". . ."
BLOCK_KINDS = ("notes", "demo", "quiz")
SECTION_KEYS = ("id", "title")
LECTURE_KEYS = ("title", "subtitle", "course", "author", "date")
QUIZ_KEYS = ("question", "choice", "choice*", "why", "answer", "tolerance", "model")
_QUIZ_KIND_OF: dict[str, QuizKind] = {
    "choice": "choice",
    "choice*": "choice",
    "answer": "number",
    "tolerance": "number",
    "model": "open",
}
ID_EXAMPLE = "{#some-id}"


# --------------------------------------------------------------------------- reading the text
def _where(path: Path, line: int) -> str:
    return f"{display_path(path)}:{line}"


def decode_text(path: Path, data: str | bytes) -> tuple[list[str] | None, list[Problem]]:
    """The lines of a lesson file, or None and one problem when it is not UTF-8 text.

    A byte-order mark is dropped and CRLF (or CR) line endings become LF, so line numbers
    are those an editor shows.
    """
    if isinstance(data, bytes):
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            message = _("the file is not UTF-8 text (the first bad byte is on this line)")
            return None, [Problem(path, line, message)]
    else:
        text = data
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL_RE.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        if bad.group() == "\x00":
            message = _("the file contains a NUL byte: is it a text file?")
        else:
            message = _("the file contains the control character U+{code:04X}").format(
                code=ord(bad.group())
            )
        return None, [Problem(path, line, message)]
    return text.split("\n"), []


def _unquote(value: str) -> str:
    """``"Süvaõpe"`` → ``Süvaõpe`` (front matter values may be quoted as in YAML)."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


@dataclass
class _Reporter:
    path: Path
    problems: list[Problem] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def where(self, line: int) -> str:
        return _where(self.path, line)

    def check_id(self, line: int, value: str) -> bool:
        if ID_RE.fullmatch(value):
            return True
        self.add(
            line,
            _(
                "invalid id “{id}”: use lowercase ASCII letters, digits and “-”, "
                "starting with a letter or a digit"
            ).format(id=value),
        )
        return False

    # ------------------------------------------------------------------ front matter
    def front_matter(
        self, lines: list[str], allowed: tuple[str, ...], required: tuple[str, ...]
    ) -> tuple[dict[str, tuple[str, int]] | None, int]:
        """The ``key: value`` pairs between the two ``---`` lines, and the index after them."""
        if not lines or lines[0].strip() != "---":
            self.add(
                1,
                _(
                    "the file must start with front matter: a line “---”, "
                    "then “key: value” lines, then “---”"
                ),
            )
            return None, 0
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            self.add(1, _("the front matter is not closed: add a line “---” after it"))
            return None, len(lines)
        fields: dict[str, tuple[str, int]] = {}
        for index in range(1, end):
            line, number = lines[index], index + 1
            if not line.strip():
                continue
            match = _KEY_RE.match(line)
            if match is None:
                self.add(number, _("expected “key: value” in the front matter"))
                continue
            key = match["key"]
            if key not in allowed:
                self.add(
                    number,
                    _("unknown front matter key “{key}”; known keys: {keys}").format(
                        key=key, keys=", ".join(allowed)
                    ),
                )
            elif key in fields:
                self.add(
                    number,
                    _("“{key}:” is given twice (first at line {line})").format(
                        key=key, line=fields[key][1]
                    ),
                )
            else:
                fields[key] = (_unquote(match["value"].strip()), number)
        for key in required:
            if key not in fields:
                self.add(1, _("the front matter has no “{key}:”").format(key=key))
            elif not fields[key][0]:
                self.add(fields[key][1], _("“{key}:” is empty").format(key=key))
        return fields, end + 1

    # ------------------------------------------------------------------ headings
    def heading(self, number: int, line: str, glossary: bool = False) -> tuple[str, str | None]:
        """The title (or term) and the id of a ``## Title {#id}`` line; None for a bad id."""
        rest = line[2:].strip()
        match = _ATTR_RE.match(rest)
        title, attr = (match["title"].strip(), match["attr"].strip()) if match else (rest, None)
        ident: str | None = None
        if attr is None or attr == "#":
            if glossary:
                message = _("glossary entry has no id: end the heading with {example}")
            else:
                message = _("slide has no id: end the heading with {example}")
            self.add(number, message.format(example=ID_EXAMPLE))
        elif not attr.startswith("#"):
            self.add(
                number,
                _("write the id as {example}, not “{{{attr}}}”").format(
                    example=ID_EXAMPLE, attr=attr
                ),
            )
        elif self.check_id(number, attr[1:].strip()):
            ident = attr[1:].strip()
        if not title:
            self.add(
                number, _("glossary entry has no term") if glossary else _("slide has no title")
            )
        return title, ident

    # ------------------------------------------------------------------ key: value blocks
    def fields(self, lines: list[tuple[int, str]]) -> list[tuple[str, str, int]]:
        """``key: value`` lines; a line starting with whitespace continues the previous value."""
        out: list[tuple[str, str, int]] = []
        for number, line in lines:
            if not line.strip():
                continue
            if line[0] in " \t" and out:
                key, value, first = out[-1]
                out[-1] = (key, f"{value} {line.strip()}".strip(), first)
                continue
            match = _KEY_RE.match(line.strip())
            if match is None:
                self.add(number, _("expected “key: value”"))
                continue
            out.append((match["key"], match["value"].strip(), number))
        return out


# --------------------------------------------------------------------------- section files
@dataclass
class _Block:
    kind: str
    args: list[str]
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    fence: tuple[str, int] | None = None  # a code fence inside notes


@dataclass
class _SlideDraft:
    title: str
    ident: str | None
    line: int
    steps: list[list[str]] = field(default_factory=lambda: [[]])
    markers: list[int] = field(default_factory=list)
    notes: tuple[str, int] | None = None
    demo: DemoBlock | None = None
    demo_line: int = 0
    quizzes: list[Quiz] = field(default_factory=list)
    previous: str = ""  # the previous body line, for underlined headings


# A slide line starting (after spaces) with none of these is plain body text: no fence, reveal
# marker, block, heading or heading underline can start otherwise.
_SPECIAL_STARTS = frozenset("`~.:#=-")


def _opens_fence(line: str) -> tuple[str, int] | None:
    match = _FENCE_RE.match(line)
    if match is None:
        return None
    fence = match["fence"]
    if fence[0] == "`" and "`" in line[match.end() :]:
        return None  # ```inline code``` is no fence
    return fence[0], len(fence)


def _closes_fence(fence: tuple[str, int], line: str) -> bool:
    stripped = line.strip()
    return (
        len(stripped) >= fence[1]
        and set(stripped) == {fence[0]}
        and len(line) - len(line.lstrip(" ")) <= 3
    )


def _is_marker(line: str) -> bool:
    return line.strip() == _MARKER


class _SectionParser(_Reporter):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.section_id = ""
        self.slides: list[Slide] = []
        self.slide_lines: dict[str, int] = {}
        self.quiz_lines: dict[str, int] = {}
        self.slide: _SlideDraft | None = None
        self.block: _Block | None = None
        self.fence: tuple[str, int] | None = None
        self.fence_line = 0
        self.saw_heading = False

    # ------------------------------------------------------------------ the walk
    def parse(self, lines: list[str], start: int, report_preamble: bool) -> None:
        preamble_reported = not report_preamble
        for index in range(start, len(lines)):
            number, line = index + 1, lines[index]
            if self.block is not None and not self._in_block(number, line):
                continue
            if self.fence is not None:
                if _closes_fence(self.fence, line):
                    self.fence = None
                elif _is_marker(line):
                    self.add(number, _("reveal marker “. . .” inside a code block"))
                self._body(line)
                continue
            if _HEADING_RE.match(line):
                self._finish_slide()
                self.saw_heading = True
                title, ident = self.heading(number, line)
                self.slide = _SlideDraft(title, ident, number)
                continue
            if self.slide is None:
                if line.strip() and not preamble_reported:
                    self.add(
                        number,
                        _(
                            "text before the first slide (a slide starts with “## Title {example}”)"
                        ).format(example=ID_EXAMPLE),
                    )
                    preamble_reported = True
                continue
            self._slide_line(number, line)
        if self.block is not None:
            self._unclosed_block()
        if self.fence is not None:
            self.add(
                self.fence_line,
                _("code block “{fence}” is not closed").format(fence=self.fence[0] * self.fence[1]),
            )
        self._finish_slide()

    def _in_block(self, number: int, line: str) -> bool:
        """Handle a line inside an open block; True when the line ends the block abruptly
        (a new slide) and must be handled as an ordinary line."""
        block = self.block
        assert block is not None
        if block.fence is not None:
            if _closes_fence(block.fence, line):
                block.fence = None
            elif _is_marker(line):
                self.add(number, _("reveal marker “. . .” inside a code block"))
            block.lines.append((number, line))
            return False
        stripped = line.rstrip()
        if stripped == ":::":
            self.block = None
            self._finish_block(block)
            return False
        if _HEADING_RE.match(line):
            self._unclosed_block()
            return True
        if stripped.startswith(":::"):
            self.add(
                number,
                _(
                    "blocks cannot be nested: close “::: {kind}” (line {line}) with “:::” first"
                ).format(kind=block.kind, line=block.line),
            )
            return False
        if _is_marker(line):
            self.add(number, _("reveal marker “. . .” inside a “:::” block"))
            return False
        if block.kind == "notes":
            block.fence = _opens_fence(line)
        block.lines.append((number, line))
        return False

    def _unclosed_block(self) -> None:
        block = self.block
        assert block is not None
        self.block = None
        self.add(
            block.line, _("block “::: {kind}” is not closed with “:::”").format(kind=block.kind)
        )

    def _body(self, line: str) -> None:
        assert self.slide is not None
        self.slide.steps[-1].append(line)
        self.slide.previous = line

    def _slide_line(self, number: int, line: str) -> None:
        slide = self.slide
        assert slide is not None
        first = line.lstrip()[:1]
        if first and first not in _SPECIAL_STARTS:  # most lines: plain text, nothing to check
            self._body(line)
            return
        fence = _opens_fence(line)
        if fence is not None:
            self.fence, self.fence_line = fence, number
            self._body(line)
            return
        if _is_marker(line):
            slide.markers.append(number)
            slide.steps.append([])
            slide.previous = ""
            return
        stripped = line.rstrip()
        if stripped.startswith(":::"):
            words = stripped[3:].split()
            if not words:
                self.add(number, _("“:::” closes nothing: no block is open here"))
            else:
                self.block = _Block(words[0], words[1:], number)
                if words[0] not in BLOCK_KINDS:
                    self.add(
                        number,
                        _("unknown block kind “{kind}”; known kinds: {kinds}").format(
                            kind=words[0], kinds=", ".join(BLOCK_KINDS)
                        ),
                    )
            slide.previous = ""
            return
        if _BODY_HEADING_RE.match(line):
            self.add(
                number,
                _(
                    "a “#” or “##” heading inside a slide: use “###” or deeper "
                    "(a line starting with “##” begins a new slide)"
                ),
            )
            slide.previous = ""
            return
        previous = slide.previous
        if (
            _SETEXT_RE.match(line)
            and previous.strip()
            and not _NOT_PARAGRAPH_RE.match(previous)
            and not _SETEXT_RE.match(previous)
        ):
            self.add(
                number,
                _(
                    "this line underlines the line above into a heading: use “###” for a heading "
                    "or leave a blank line before it"
                ),
            )
            slide.previous = ""
            return
        self._body(line)

    # ------------------------------------------------------------------ blocks
    def _finish_block(self, block: _Block) -> None:
        slide = self.slide
        assert slide is not None
        if block.kind == "notes":
            if block.args:
                self.add(
                    block.line,
                    _("unexpected text after “::: notes”: “{text}”").format(
                        text=" ".join(block.args)
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
        elif block.kind == "demo":
            self._demo(slide, block)
        elif block.kind == "quiz":
            self._quiz(slide, block)

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
                    kind=kind, kinds=known_kinds()
                ),
            )
            return
        if len(block.args) > 1:
            self.add(
                block.line,
                _("unexpected text after the demo kind: “{text}”").format(
                    text=" ".join(block.args[1:])
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
            try:
                params[key] = parse_param(kind, key, value)
            except ValueError as error:
                self.add(number, str(error))
        slide.demo = DemoBlock(
            kind,
            tuple(params.items()),
            block.line,
            tuple((key, lines[key]) for key in params),
        )

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
                    text=" ".join(block.args[1:])
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
        quiz = _QuizReader(self, block).read(ident)
        if quiz is not None and len(self.problems) == before:
            slide.quizzes.append(quiz)

    # ------------------------------------------------------------------ slides
    def _finish_slide(self) -> None:
        slide, self.slide = self.slide, None
        if slide is None:
            return
        steps = ["\n".join(lines).strip("\n") for lines in slide.steps]
        for k, number in enumerate(slide.markers):
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
            )
        )


@dataclass
class _Draft:
    text: str
    correct: bool
    line: int
    why: str | None = None
    why_line: int = 0


class _QuizReader:
    """The ``key: value`` lines of one ``::: quiz`` block → a :class:`Quiz` (or problems)."""

    def __init__(self, reporter: _Reporter, block: _Block) -> None:
        self.r = reporter
        self.block = block
        self.seen: dict[str, int] = {}
        self.kind: QuizKind | None = None
        self.kind_key = ""
        self.kind_line = 0
        self.choices: list[_Draft] = []
        self.values: dict[str, str] = {}
        self.answer: float | None = None
        self.tolerance = 0.0

    def _once(self, key: str, number: int) -> bool:
        if key in self.seen:
            self.r.add(
                number,
                _("“{key}:” is given twice (first at line {line})").format(
                    key=key, line=self.seen[key]
                ),
            )
            return False
        self.seen[key] = number
        return True

    def _not_empty(self, key: str, value: str, number: int) -> bool:
        if value:
            return True
        self.r.add(number, _("“{key}:” is empty").format(key=key))
        return False

    def read(self, ident: str) -> Quiz | None:
        r, line = self.r, self.block.line
        for key, value, number in r.fields(self.block.lines):
            if key not in QUIZ_KEYS:
                r.add(
                    number,
                    _("unknown quiz key “{key}”; known keys: {keys}").format(
                        key=key, keys=", ".join(QUIZ_KEYS)
                    ),
                )
                continue
            kind = _QUIZ_KIND_OF.get(key)
            if kind is not None:
                if self.kind is None:
                    self.kind, self.kind_key, self.kind_line = kind, key, number
                elif kind != self.kind:
                    r.add(
                        number,
                        _(
                            "“{key}:” cannot be mixed with “{other}:” (line {line}): a quiz is "
                            "either a choice, a number or an open question"
                        ).format(key=key, other=self.kind_key, line=self.kind_line),
                    )
                    continue
            self._field(key, value, number)
        return self._build(ident, line)

    def _field(self, key: str, value: str, number: int) -> None:
        r = self.r
        if key in ("choice", "choice*"):
            self._not_empty(key, value, number)
            self.choices.append(_Draft(value, key == "choice*", number))
        elif key == "why" and self.choices:
            last = self.choices[-1]
            if last.why is not None:
                r.add(
                    number,
                    _(
                        "this choice already has a “why:” (line {line}); "
                        "each choice has exactly one"
                    ).format(line=last.why_line),
                )
            elif self._not_empty(key, value, number):
                last.why, last.why_line = value, number
        elif key == "answer":
            if self._once(key, number):
                try:
                    self.answer = parse_number(value)
                except ValueError as error:
                    r.add(number, str(error))
        elif key == "tolerance":
            if self._once(key, number):
                try:
                    self.tolerance = parse_number(value)
                except ValueError as error:
                    r.add(number, str(error))
                    return
                if self.tolerance < 0:
                    r.add(number, _("“tolerance:” must be 0 or more"))
        elif self._once(key, number) and self._not_empty(key, value, number):
            self.values[key] = value  # question, model, or the why of a number question

    def _build(self, ident: str, line: int) -> Quiz | None:
        r = self.r
        if "question" not in self.seen:
            r.add(line, _("the quiz has no “question:”"))
        if self.kind is None:
            r.add(
                line, _("the quiz has no answer: add “choice:” lines, an “answer:” or a “model:”")
            )
            return None
        why_line = self.seen.get("why")
        key_lines = tuple(self.seen.items())
        if self.kind == "choice":
            if why_line is not None:
                r.add(why_line, _("“why:” must follow a “choice:” line"))
            if len(self.choices) < 2:
                r.add(line, _("a choice question needs at least two choices"))
            for draft in self.choices:
                if draft.why is None:
                    r.add(
                        draft.line,
                        _(
                            "this choice has no “why:” line after it "
                            "(the explanation shown after answering)"
                        ),
                    )
            right = [draft for draft in self.choices if draft.correct]
            if not right:
                r.add(line, _("no right answer: mark exactly one choice with “choice*:”"))
            elif len(right) > 1:
                r.add(
                    right[1].line,
                    _(
                        "a second right answer (the first is at line {line}): mark exactly one "
                        "choice with “choice*:”"
                    ).format(line=right[0].line),
                )
            choices = tuple(
                Choice(draft.text, draft.correct, draft.why or "", draft.line)
                for draft in self.choices
            )
            return Quiz(
                ident,
                "choice",
                self.values.get("question", ""),
                choices=choices,
                line=line,
                key_lines=key_lines,
            )
        if self.kind == "number":
            if "answer" not in self.seen:
                r.add(line, _("the number question has no “answer:”"))
            if why_line is None:
                r.add(
                    line,
                    _("the number question has no “why:” (the explanation shown after answering)"),
                )
            return Quiz(
                ident,
                "number",
                self.values.get("question", ""),
                answer=self.answer,
                tolerance=self.tolerance,
                explanation=self.values.get("why", ""),
                line=line,
                key_lines=key_lines,
            )
        if why_line is not None:
            r.add(
                why_line,
                _("an open question has no “why:”: write the model answer in “model:”"),
            )
        return Quiz(
            ident,
            "open",
            self.values.get("question", ""),
            model_answer=self.values.get("model", ""),
            line=line,
            key_lines=key_lines,
        )


def parse_section(path: Path, text: str | bytes) -> tuple[Section | None, list[Problem]]:
    """Parse one section file (``NN-name.md``).

    Returns the section (None when its front matter is unusable) and the problems found; the
    section holds the slides that could be read even when there are problems.
    """
    lines, problems = decode_text(path, text)
    if lines is None:
        return None, problems
    parser = _SectionParser(path)
    fields, start = parser.front_matter(lines, SECTION_KEYS, SECTION_KEYS)
    section_id = ""
    if fields is not None and fields.get("id", ("", 0))[0]:
        value, line = fields["id"]
        section_id = value if parser.check_id(line, value) else ""
    parser.section_id = section_id
    parser.parse(lines, start, report_preamble=fields is not None)
    if fields is not None and not parser.saw_heading:
        parser.add(
            1,
            _("the section has no slides: a slide starts with a line “## Title {example}”").format(
                example=ID_EXAMPLE
            ),
        )
    title = fields.get("title", ("", 0))[0] if fields else ""
    if fields is None or not section_id or not title:
        return None, parser.problems
    section = Section(section_id, title, path, tuple(parser.slides), line=fields["id"][1])
    return section, parser.problems


# --------------------------------------------------------------------------- lecture.md
def parse_lecture_meta(path: Path, text: str | bytes) -> tuple[LectureMeta | None, list[Problem]]:
    """Parse ``lecture.md``: only a front matter with ``title`` and optional details."""
    lines, problems = decode_text(path, text)
    if lines is None:
        return None, problems
    reporter = _Reporter(path)
    fields, start = reporter.front_matter(lines, LECTURE_KEYS, ("title",))
    if fields is None:
        return None, reporter.problems
    for index in range(start, len(lines)):
        if lines[index].strip():
            reporter.add(
                index + 1,
                _("lecture.md holds only the front matter: move this text into a section file"),
            )
            break
    values = {key: value for key, (value, _line) in fields.items()}
    if not values.get("title"):
        return None, reporter.problems
    meta = LectureMeta(
        title=values["title"],
        subtitle=values.get("subtitle", ""),
        course=values.get("course", ""),
        author=values.get("author", ""),
        date=values.get("date", ""),
    )
    return meta, reporter.problems


# --------------------------------------------------------------------------- glossary.md
@dataclass
class _TermDraft:
    term: str
    ident: str | None
    line: int
    values: dict[str, tuple[str, int]] = field(default_factory=dict)
    definition: list[str] = field(default_factory=list)


def parse_glossary(
    path: Path, text: str | bytes, slide_ids: Collection[str] | None = None
) -> tuple[tuple[GlossaryTerm, ...], list[Problem]]:
    """Parse ``glossary.md``; with ``slide_ids``, also check that each ``slide:`` exists."""
    lines, problems = decode_text(path, text)
    if lines is None:
        return (), problems
    reporter = _Reporter(path)
    drafts: list[_TermDraft] = []
    preamble_reported = False
    for index, line in enumerate(lines):
        number = index + 1
        if _HEADING_RE.match(line):
            term, ident = reporter.heading(number, line, glossary=True)
            drafts.append(_TermDraft(term, ident, number))
            continue
        if not drafts:
            if line.strip() and not preamble_reported:
                reporter.add(
                    number,
                    _(
                        "text before the first glossary entry (an entry starts with "
                        "“## term {example}”)"
                    ).format(example=ID_EXAMPLE),
                )
                preamble_reported = True
            continue
        draft = drafts[-1]
        if not line.strip():
            continue
        match = _KEY_RE.match(line)
        key = match["key"] if match else ""
        if key in ("other", "slide"):
            if draft.definition:
                reporter.add(number, _("“{key}:” must come before the definition").format(key=key))
            elif key in draft.values:
                reporter.add(
                    number,
                    _("“{key}:” is given twice (first at line {line})").format(
                        key=key, line=draft.values[key][1]
                    ),
                )
            else:
                assert match is not None
                draft.values[key] = (match["value"].strip(), number)
            continue
        draft.definition.append(line.strip())

    terms: list[GlossaryTerm] = []
    seen: dict[str, int] = {}
    for draft in drafts:
        before = len(reporter.problems)
        for key, message in (
            ("other", _("glossary entry has no “other:” line (the term in the other language)")),
            ("slide", _("glossary entry has no “slide:” line (the slide where the term appears)")),
        ):
            if key not in draft.values:
                reporter.add(draft.line, message)
            elif not draft.values[key][0]:
                reporter.add(draft.values[key][1], _("“{key}:” is empty").format(key=key))
        if not draft.definition:
            reporter.add(draft.line, _("glossary entry has no definition"))
        slide = draft.values.get("slide", ("", 0))
        if slide[0] and slide_ids is not None and slide[0] not in slide_ids:
            reporter.add(slide[1], _("unknown slide “{id}”").format(id=slide[0]))
        if draft.ident is not None and draft.ident in seen:
            reporter.add(
                draft.line,
                _("duplicate glossary id “{id}” (first at {where})").format(
                    id=draft.ident, where=reporter.where(seen[draft.ident])
                ),
            )
            continue
        if draft.ident is not None:
            seen[draft.ident] = draft.line
        if draft.ident is None or not draft.term or len(reporter.problems) != before:
            continue
        terms.append(
            GlossaryTerm(
                id=draft.ident,
                term=draft.term,
                other=draft.values["other"][0],
                slide_id=slide[0],
                definition=" ".join(draft.definition),
                line=draft.line,
            )
        )
    return tuple(terms), reporter.problems
