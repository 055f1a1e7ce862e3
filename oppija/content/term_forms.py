"""``glossary-forms.json`` → the inflected forms of each glossary term, attached to the terms.

The file is generated (``scripts/glossary_forms.py``, with EstNLTK's Vabamorf) and committed
beside ``glossary.md``: the app reads it as plain JSON (an object of term id → list of forms)
and gains no dependency. It is optional; a file of another shape is reported, never executed.
"""

from __future__ import annotations

import json
from dataclasses import replace

from oppija.content.model import GlossaryTerm

FORMS_FILE = "glossary-forms.json"


def parse_forms(data: bytes) -> dict[str, tuple[str, ...]] | None:
    """The forms per term id, or None when ``data`` is not such a JSON object."""
    try:
        table = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(table, dict):
        return None
    forms: dict[str, tuple[str, ...]] = {}
    for key, value in table.items():
        if not isinstance(value, list) or not all(isinstance(f, str) for f in value):
            return None
        forms[key] = tuple(form for form in value if form.strip())
    return forms


def with_forms(
    terms: tuple[GlossaryTerm, ...], forms: dict[str, tuple[str, ...]]
) -> tuple[GlossaryTerm, ...]:
    """``terms`` with their forms from ``forms`` (a term the file does not name keeps none)."""
    return tuple(replace(term, forms=forms.get(term.id, ())) for term in terms)
