"""Where the shipped lecture lives, for the tests that read it rather than a sample."""

from __future__ import annotations

from pathlib import Path

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
