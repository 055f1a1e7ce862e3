"""A long value cut short for a message: a message quotes what was written, not a megabyte of it."""

from __future__ import annotations

EXCERPT_LENGTH = 60


def excerpt(text: str, limit: int = EXCERPT_LENGTH) -> str:
    """``text`` if it has at most ``limit`` characters, else its start and "…" (and the count)."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text)})"
