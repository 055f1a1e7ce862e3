"""The command's own output: any terminal encoding, a reader that leaves, text shown safely.

``oppija`` prints Estonian words and maths (θ, ∂, —) to whatever stdout is: a UTF-8 terminal, an
ASCII-only one (``PYTHONIOENCODING=ascii``), a Latin-9 one, or a pipe into ``head``. None of them
may end in a traceback: a character the encoding cannot hold is spelt out (σ -> sigma, õ -> o),
and a reader that closes the pipe early is simply let go.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import unicodedata
from typing import TextIO

from oppija.text import ascii_spelling

SPELL_ERRORS = "oppija-spell"
"""The name of the codec error handler that spells what an encoding cannot hold."""

# Control characters (an ANSI escape recolours or clears the terminal), the invisible marks that
# turn text around (bidirectional overrides and isolates) and the stand-ins Python uses for bytes
# of a command line that were not UTF-8 (U+DC80 to U+DCFF).
_UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte that was not UTF-8
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _plain(char: str) -> str:
    """One character as ASCII: its letter without marks (õ -> o), else ``?``."""
    if char.isascii():
        return char
    bare = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return bare or "?"


def _spell(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler: the unencodable run spelt in ASCII, the maths by its names."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    spelt = ascii_spelling(error.object[error.start : error.end])
    return "".join(_plain(char) for char in spelt), error.end


codecs.register_error(SPELL_ERRORS, _spell)


def fit_streams_to_encoding() -> None:
    """Let stdout and stderr spell what their encoding cannot hold instead of raising.

    A character the encoding holds is printed as it is (õ on a Latin-9 terminal); only the
    others are spelt, so a UTF-8 terminal sees no change at all.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream
                reconfigure(errors=SPELL_ERRORS)


def let_reader_go() -> None:
    """The reader of the output left (``oppija check | head``): no error, and no more output.

    stdout and stderr are pointed at the null device (either pipe may be the closed one), so
    that the interpreter's final flush of the text still buffered stays quiet instead of
    raising once more and turning the exit status into 120.
    """
    _to_null_device(sys.stdout, sys.stderr)


def drop_output_if_unwritable() -> None:
    """After a failed write (a full disk): if stdout still cannot be flushed, the rest of its
    text is dropped, so that Python does not fail once more at exit with a second message."""
    if sys.stdout is None:  # started with stdout closed: nothing is buffered
        return
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _to_null_device(sys.stdout)


def _to_null_device(*streams: TextIO) -> None:
    """Point the streams' file descriptors at the null device (what is still buffered goes too)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in streams:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.dup2(devnull, stream.fileno())
    finally:
        os.close(devnull)


def shown(text: str, limit: int = 200) -> str:
    """Text from the command line made safe to show in one line: control characters, direction
    overrides and bytes that were not UTF-8 as ``\\xNN`` / ``\\uNNNN``, a very long text
    shortened in the middle (``limit`` characters at most).
    """
    safe = _UNSAFE_RE.sub(_escape, text)
    if len(safe) <= limit:
        return safe
    keep = (limit - 1) // 2
    return safe[:keep] + "…" + safe[-keep:]
