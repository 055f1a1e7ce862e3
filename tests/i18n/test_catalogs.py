"""Every UI string in the code has a finished Estonian translation, and the .mo matches the .po."""

from __future__ import annotations

import gettext
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


@cache
def code_messages() -> dict[str, tuple[str, int]]:
    """msgid → (file, line) for every marked string under oppija/ (extracted once a process:
    three tests read it, none changes it)."""
    found: dict[str, tuple[str, int]] = {}
    method_map = [("**.py", "python")]
    for filename, lineno, message, _comments, _context in extract_from_dir(
        ROOT / "oppija", method_map=method_map, keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.setdefault(msgid, (filename, lineno))
    return found


@cache
def catalog(language: str):  # read once a process: the tests only look things up in it
    with open(ROOT / "locales" / language / "LC_MESSAGES" / "oppija.po", "rb") as handle:
        return read_po(handle, locale=language)


def test_code_has_translatable_strings() -> None:
    assert len(code_messages()) > 20


def test_every_code_string_is_translated_in_estonian() -> None:
    et = catalog("et")
    problems = []
    for msgid, (filename, line) in sorted(code_messages().items()):
        message = et.get(msgid)
        if message is None:
            problems.append(f"oppija/{filename}:{line}: missing from et catalog: {msgid!r}")
        elif message.fuzzy:
            problems.append(f"oppija/{filename}:{line}: fuzzy in et catalog: {msgid!r}")
        elif not message.string or (isinstance(message.string, tuple) and not all(message.string)):
            problems.append(f"oppija/{filename}:{line}: untranslated in et catalog: {msgid!r}")
    assert not problems, "\n".join(problems)


def test_strings_marked_inside_f_strings_are_extracted_too() -> None:
    """Babel's extractor does not look inside f-strings: f"{_('engine'):>13}" showed English in
    the Estonian check panel (issue 13). Every literal given to _, N_ or ngettext anywhere in the
    code, read from the syntax tree, is in the catalogs' messages."""
    import ast

    known = set(code_messages())
    missing = []
    for path in sorted((ROOT / "oppija").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in KEYWORDS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value not in known
            ):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[0].value!r}")
    assert not missing, "\n".join(missing)


def test_estonian_catalog_header_is_not_fuzzy() -> None:
    assert not catalog("et").fuzzy


@pytest.mark.parametrize("language", ["et", "en"])
def test_compiled_catalog_matches_its_source(language: str) -> None:
    """A forgotten `pybabel compile` would ship stale translations."""
    source = catalog(language)
    mo_path = ROOT / "locales" / language / "LC_MESSAGES" / "oppija.mo"
    with open(mo_path, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in source:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            singular = message.string[0] if message.string and message.string[0] else message.id[0]
            assert compiled.ngettext(message.id[0], message.id[1], 1) == singular
        else:
            expected = message.string or message.id
            assert compiled.gettext(message.id) == expected, message.id


@pytest.mark.parametrize("language", ["et", "en"])
def test_placeholders_survive_translation(language: str) -> None:
    """A translation must use exactly the {names} and %(names)s its message id uses."""
    pattern = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sdr]|%[sdr]")
    for message in catalog(language):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(set(pattern.findall(ids[-1])))
        for text in strings:
            if text:
                assert sorted(set(pattern.findall(text))) == wanted, (message.id, text)
