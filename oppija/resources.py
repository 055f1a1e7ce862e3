"""Where the lesson files and message catalogs are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(kind: str) -> Path:
    """The folder ``lessons`` or ``locales``.

    A wheel carries them inside the package (``oppija/_data/``); a source checkout or an
    editable install has them beside the package.
    """
    packaged = _PACKAGE / "_data" / kind
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / kind


def lessons_dir() -> Path:
    return data_dir("lessons")


def locales_dir() -> Path:
    return data_dir("locales")
