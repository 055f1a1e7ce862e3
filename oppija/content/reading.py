"""What every lesson reader shares: bytes to lines, problems at ``file:line``, ids, headings
and ``key: value`` lines.

The readers never raise: whatever bytes a file holds (invalid UTF-8, NUL bytes, binary junk,
CRLF line endings, a byte-order mark), they return what they could understand together with a
list of :class:`~oppija.content.model.Problem`. The format is described in ``lessons/README.md``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from oppija.content.model import Problem, display_path
from oppija.i18n import _
from oppija.text.excerpt import excerpt
from oppija.text.scripts import SUBSCRIPT_OF, subscript
from oppija.text.subscript_markup import bare_subscript

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
KEY_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*\*?)\s*:(?P<value>.*)$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
ID_EXAMPLE = "{#some-id}"


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


def split_heading(content: str) -> tuple[str, str | None]:
    """``Title {#id}`` → the title and the text between the braces (None without braces).

    Done with string searches, not a backtracking pattern, so that a heading of a hundred
    thousand spaces costs one pass.
    """
    text = content.rstrip()
    if text.endswith("}"):
        opening = text.rfind("{")
        if opening >= 0 and "}" not in text[opening + 1 : -1]:
            return text[:opening].strip(), text[opening + 1 : -1].strip()
    return text.strip(), None


@dataclass
class Reporter:
    """The problems found in one file, and the checks that more than one reader makes."""

    path: Path
    problems: list[Problem] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        """Note a problem at 1-based ``line``."""
        self.problems.append(Problem(self.path, line, message))

    def where(self, line: int) -> str:
        """``file:line`` of this file, for messages that point at an earlier place."""
        return f"{display_path(self.path)}:{line}"

    def check_subscripts(self, line: int, text: str) -> None:
        """A problem at ``line`` when ``text`` writes a subscript with an underscore (σ_g): the
        lecture writes σ~g~ (or a Unicode subscript, Wᵢ), and an underscore is shown as it is."""
        found = bare_subscript(text)
        if found is not None:
            base, index = found.split("_", 1)
            if all(char in SUBSCRIPT_OF for char in index):
                written = base + subscript(index)  # Unicode has these letters: Wᵢ, σₕ
            else:
                written = f"{base}~{index}~"
            self.add(
                line,
                _("“{found}”: write the subscript as “{written}”, not with “_”").format(
                    found=excerpt(found), written=excerpt(written)
                ),
            )

    def check_id(self, line: int, value: str) -> bool:
        """Whether ``value`` is a valid id; a problem at ``line`` when it is not."""
        if ID_RE.fullmatch(value):
            return True
        self.add(
            line,
            _(
                "invalid id “{id}”: use lowercase ASCII letters, digits and “-”, "
                "starting with a letter or a digit"
            ).format(id=excerpt(value)),
        )
        return False

    def heading(self, number: int, content: str, glossary: bool = False) -> tuple[str, str | None]:
        """The title (or term) and the id of a ``## Title {#id}`` heading; None for a bad id."""
        title, attr = split_heading(content)
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
                    example=ID_EXAMPLE, attr=excerpt(attr)
                ),
            )
        elif self.check_id(number, attr[1:].strip()):
            ident = attr[1:].strip()
        if not title:
            self.add(
                number, _("glossary entry has no term") if glossary else _("slide has no title")
            )
        return title, ident

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
            match = KEY_RE.match(line.strip())
            if match is None:
                self.add(number, _("expected “key: value”"))
                continue
            out.append((match["key"], match["value"].strip(), number))
        return out
