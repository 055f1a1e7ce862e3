"""The cookie that ties one browser to its learner folder: ``<folder>.<token>``.

The folder part only says where to look; the learner is the browser's only if the token kept in
that folder's ``learner.json`` is the same (compared in constant time). A cookie naming anything
but a plain slug under the class folder is ignored, never followed as a path.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from oppija.classroom import Learner, LearnerFileError, read_learner

COOKIE_NAME = "oppija-learner"
COOKIE_MAX_AGE = 400 * 24 * 3600
"""Long enough for a course (browsers keep a cookie at most 400 days anyway)."""
_FOLDER = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,100}")


def cookie_value(learner: Learner) -> str:
    """What the browser keeps: the folder's name and the learner's token."""
    return f"{learner.folder.name}.{learner.token}"


def learner_from_cookie(class_dir: Path, value: str | None) -> Learner | None:
    """The learner this cookie belongs to, or None (no cookie, a stale one, a forged one)."""
    if not value:
        return None
    folder, _dot, token = value.partition(".")
    if not _FOLDER.fullmatch(folder) or not _TOKEN.fullmatch(token):
        return None
    try:
        learner = read_learner(class_dir / folder)
    except LearnerFileError:
        return None
    if not secrets.compare_digest(learner.token.encode(), token.encode()):
        return None
    return learner
