"""The class folder: a progress folder per learner, written by ``serve``, read by ``report``.

Layout (``CLASS`` is ``--class-dir``, by default ``klass`` in the user data folder)::

    CLASS/<folder>/progress.json   the learner's progress, exactly as ``oppija --data-dir`` keeps it
    CLASS/<folder>/learner.json    {"name": "<the name as typed>", "token": "<the browser's key>"}

The folder name is made from the learner's name (``learner_folder_name``) and never contains
anything a shell or a file system could misread, so it can be passed on a command line. The token
is what the browser's cookie holds: only the browser that made a folder can open it again, so two
learners who type the same name never share one.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from oppija.progress import resolve_data_dir
from oppija.regular_files import read_regular_file

CLASS_FOLDER_NAME = "klass"
LEARNER_FILE = "learner.json"
MAX_NAME_LENGTH = 60
"""Characters kept of a typed name: enough for a first and a family name."""
MAX_FOLDER_LENGTH = 40
_MAX_LEARNER_FILE_BYTES = 4096
_UNSAFE = re.compile(r"[^a-z0-9]+")


class LearnerFileError(Exception):
    """A ``learner.json`` that cannot be read or understood."""


@dataclass(frozen=True)
class Learner:
    """One learner of the class: the name they typed and their progress folder."""

    name: str
    folder: Path
    token: str


def default_class_dir() -> Path:
    """``klass`` in the folder where oppija keeps progress (``--data-dir``'s default)."""
    return resolve_data_dir() / CLASS_FOLDER_NAME


def clean_name(typed: str) -> str:
    """The name as it is shown and kept: printable characters, single spaces, at most 60."""
    normal = unicodedata.normalize("NFC", typed)
    printable = "".join(ch if ch.isprintable() else " " for ch in normal)
    return " ".join(printable.split())[:MAX_NAME_LENGTH]


def learner_folder_name(name: str) -> str:
    """A folder name from a learner's name: ``Mari Õunapuu`` → ``mari-ounapuu``.

    Letters lose their accents (õ→o, ä→a), everything but a–z and 0–9 becomes one ``-``; a name
    with nothing left (``"??"``, ``"Жанна"`` has letters but no Latin ones) gives ``oppija``.
    """
    decomposed = unicodedata.normalize("NFKD", clean_name(name).lower())
    latin = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    slug = _UNSAFE.sub("-", latin).strip("-")[:MAX_FOLDER_LENGTH].strip("-")
    return slug or "oppija"


def new_token() -> str:
    """A browser's key to its learner folder: unguessable, safe in a cookie."""
    return secrets.token_urlsafe(18)


def read_learner(folder: Path) -> Learner:
    """The learner kept in ``folder``; raises ``LearnerFileError`` for a missing or bad file."""
    try:
        data = json.loads(read_regular_file(folder / LEARNER_FILE, _MAX_LEARNER_FILE_BYTES))
    except (OSError, ValueError) as error:  # ValueError: not UTF-8 or not JSON
        raise LearnerFileError(str(error) or type(error).__name__) from error
    if not isinstance(data, dict):
        raise LearnerFileError("not a JSON object")
    name, token = data.get("name"), data.get("token")
    if not isinstance(name, str) or not isinstance(token, str) or not token:
        raise LearnerFileError("“name” and “token” must be text")
    return Learner(clean_name(name), folder, token)


def claim_folder(class_dir: Path, name: str, token: str) -> Learner:
    """The folder for a new learner called ``name``: a fresh one, never somebody else's.

    ``mari``, then ``mari-2``, ``mari-3``… The folder is made with ``mkdir`` (which fails if it
    exists), so two browsers claiming the same name at once still get two folders.
    """
    class_dir.mkdir(parents=True, exist_ok=True)
    base = learner_folder_name(name)
    for number in range(1, 10_000):
        folder = class_dir / (base if number == 1 else f"{base}-{number}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        _write_learner(folder, clean_name(name), token)
        return Learner(clean_name(name), folder, token)
    raise FileExistsError(class_dir / base)


def _write_learner(folder: Path, name: str, token: str) -> None:
    path = folder / LEARNER_FILE
    temporary = folder / f".{LEARNER_FILE}.tmp"
    temporary.write_text(json.dumps({"name": name, "token": token}, ensure_ascii=False), "utf-8")
    os.replace(temporary, path)


def learners(class_dir: Path) -> Iterator[Learner | tuple[Path, LearnerFileError]]:
    """Every learner folder under ``class_dir`` in name order; a bad one as (folder, error).

    A folder whose name starts with a dot is skipped: ``learner_folder_name`` never makes one,
    so it belongs to something else (a file manager's bin, a server's own state).
    """
    try:
        folders = sorted(
            entry
            for entry in class_dir.iterdir()
            if entry.is_dir() and not entry.name.startswith(".")
        )
    except FileNotFoundError:
        return
    for folder in folders:
        try:
            yield read_learner(folder)
        except LearnerFileError as error:
            yield folder, error
