"""Write every Estonian glossary term's inflected forms into ``lessons/et/glossary-forms.json``.

oppija finds a glossary term in a slide („gradiendi“, „närvivõrkudest“, „tagasilevil“) and in the
search by these forms. Estonian inflection is not guessed with suffix rules: each form comes from
EstNLTK's Vabamorf synthesiser, which only this script needs (``pip install '.[authoring]'``);
the app reads the committed file and gains no dependency.

    python scripts/glossary_forms.py           # write the file
    python scripts/glossary_forms.py --check   # exit 1 if the file is not what it would write

A term of several words is inflected in its last word; the words before it are tried both
unchanged („universaalse lähendamise teoreemi“) and agreeing in case („lokaalsesse miinimumi“).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from oppija.content.glossary import parse_glossary  # noqa: E402
from oppija.content.term_forms import FORMS_FILE  # noqa: E402

GLOSSARY = ROOT / "lessons" / "et" / "glossary.md"
OUTPUT = ROOT / "lessons" / "et" / FORMS_FILE

CASES = ("n", "g", "p", "ill", "in", "el", "all", "ad", "abl", "tr", "ter", "es", "ab", "kom")
FORM_CODES = (*(f"{number} {case}" for number in ("sg", "pl") for case in CASES), "adt")
"""Vabamorf's codes: both numbers in all fourteen cases, and the short illative („peitkihti“)."""

Synthesize = Callable[[str, str], list[str]]


def word_forms(word: str, code: str, synthesize: Synthesize) -> list[str]:
    """The forms of one word for one code (none when Vabamorf has none)."""
    return [form for form in synthesize(word, code) if form]


def name_forms(name: str, synthesize: Synthesize) -> set[str]:
    """Every inflected form of a one- or many-word name, the name itself included."""
    words = name.split()
    forms = {name}
    for code in FORM_CODES:
        for last in word_forms(words[-1], code, synthesize):
            forms.add(" ".join([*words[:-1], last]))
            attribute = "sg ill" if code == "adt" else code  # „lokaalsesse miinimumi“
            agreeing = [(word_forms(w, attribute, synthesize) or [w])[0] for w in words[:-1]]
            forms.add(" ".join([*agreeing, last]))
    return forms


def all_forms(synthesize: Synthesize) -> dict[str, list[str]]:
    """Term id → its names' forms, sorted, without the names a learner already sees."""
    terms, problems = parse_glossary(GLOSSARY, GLOSSARY.read_bytes())
    if problems:
        raise SystemExit("\n".join(str(problem) for problem in problems))
    table: dict[str, list[str]] = {}
    for term in terms:
        names = (term.term, *term.synonyms)
        forms: set[str] = set()
        for name in names:
            forms |= name_forms(name, synthesize)
        table[term.id] = sorted(forms - set(names))
    return table


def render(table: dict[str, list[str]]) -> str:
    """The file's text: stable, one term a line, so that a change shows as a small diff."""
    lines = [
        f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in sorted(table.items())
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the file is current")
    args = parser.parse_args(argv)
    from estnltk.vabamorf.morf import synthesize  # the authoring extra; never the app's

    text = render(all_forms(lambda word, code: list(synthesize(word, code))))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(
                f"{OUTPUT.relative_to(ROOT)} is not current: run python scripts/glossary_forms.py"
            )
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is current")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
