"""oppija uses Textual through its public API only: no private attribute read, set or overridden.

A private name (``_bindings``, ``_merge_bindings``, ``_select_or_command``, ``_driver`` …) can
change in any Textual release without notice; the version pin would then be all that stands
between a fresh install and a broken app. This test reads every oppija module that imports
Textual (the layering test keeps the others free of it) and fails on:

- ``something._name`` where ``_name`` is private in Textual and ``something`` is not oppija's own
  object (``self``/``cls`` of a class that defines the name itself);
- a method or attribute of an oppija class that has the name of a private member of one of its
  Textual base classes (overriding or clobbering Textual's internals by accident).
"""

from __future__ import annotations

import ast
import importlib
import re
from functools import cache
from pathlib import Path

import pytest
import textual

OPPIJA = Path(__file__).resolve().parents[2] / "oppija"


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def self_attributes(tree: ast.AST) -> set[str]:
    """The private ``self._x`` / ``cls._x`` names used in ``tree``."""
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in {"self", "cls"}
        and private(node.attr)
    }


# Textual's source is read as text, not parsed: parsing all of it took 1,5 s of a worker's CPU.
# A class is its ``class`` line and the lines indented deeper below it (nested ones too).
_CLASS = re.compile(r"^([ \t]*)class (\w+)\b.*$", re.MULTILINE)
_METHOD = re.compile(r"^[ \t]+(?:async[ \t]+)?def (_\w+)", re.MULTILINE)
_SELF_ATTRIBUTE = re.compile(r"\b(?:self|cls)\.(_\w+)")


_TRIPLE_QUOTES = re.compile(r'"""|\'\'\'')


def lines_in_strings(lines: list[str]) -> set[int]:
    """The lines that begin inside a triple-quoted string (a docstring, a ``DEFAULT_CSS``):
    their indentation says nothing about where a class ends."""
    inside: set[int] = set()
    quote = ""
    for number, line in enumerate(lines):
        if quote:
            inside.add(number)
        for match in _TRIPLE_QUOTES.finditer(line):
            if not quote:
                quote = match.group()
            elif match.group() == quote:
                quote = ""
    return inside


def class_bodies(source: str) -> dict[str, str]:
    """Each class of a module's ``source`` by name: its lines (nested classes' included), up to
    the first line of code indented no deeper than its ``class`` line after its header."""
    lines = source.splitlines(keepends=True)
    in_strings = lines_in_strings(lines)
    starts = {source.count("\n", 0, match.start()): match for match in _CLASS.finditer(source)}
    bodies: dict[str, str] = {}
    for first, match in starts.items():
        if first in in_strings:
            continue
        indent = len(match.group(1).expandtabs())
        end = first
        while not lines[end].split("#")[0].rstrip().endswith(":"):  # bases over several lines
            end += 1
        end += 1
        while end < len(lines):
            line = lines[end]
            if line.strip() and end not in in_strings and len(line) - len(line.lstrip()) <= indent:
                break
            end += 1
        bodies.setdefault(match.group(2), "".join(lines[first:end]))
    return bodies


@cache
def textual_classes() -> dict[tuple[str, str], str]:
    """Every class in Textual's source, by (module, class name): its text."""
    package = Path(textual.__file__).parent
    classes: dict[tuple[str, str], str] = {}
    for path in package.rglob("*.py"):
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        for name, body in class_bodies(path.read_text(encoding="utf-8")).items():
            classes.setdefault((module.removesuffix(".__init__"), name), body)
    return classes


def own_private_names(body: str) -> set[str]:
    """The private methods a class defines and the ``self._x`` attributes it uses."""
    return {name for name in _METHOD.findall(body) if private(name)} | {
        name for name in _SELF_ATTRIBUTE.findall(body) if private(name)
    }


@cache
def textual_private_names() -> frozenset[str]:
    """Every private method and attribute name that Textual's classes define or set."""
    return frozenset(
        name for body in textual_classes().values() for name in own_private_names(body)
    )


@cache
def privates_of_textual_bases(cls: type) -> frozenset[str]:
    """The private names of ``cls``'s Textual base classes (their own and ``self._x``)."""
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.split(".")[0] != "textual":
            continue
        names |= {name for name in vars(base) if private(name)}
        source = textual_classes().get((base.__module__, base.__name__))
        if source is not None:
            names |= own_private_names(source)
    return frozenset(names)


def module_name(path: Path) -> str:
    relative = path.relative_to(OPPIJA.parent).with_suffix("")
    return ".".join(relative.parts)


def offences_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = importlib.import_module(module_name(path))
    found: list[str] = []
    where = f"{path.relative_to(OPPIJA.parent)}"
    own_classes = {node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    for class_node in own_classes:
        cls = getattr(module, class_node.name, None)
        if not isinstance(cls, type):
            continue
        shadowed = privates_of_textual_bases(cls)
        for member in class_node.body:
            if (
                isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef)
                and member.name in shadowed
            ):
                found.append(f"{where}:{member.lineno}: overrides Textual's {member.name}")
        for name in sorted(self_attributes(class_node) & shadowed):
            found.append(f"{where}: {class_node.name} uses Textual's private {name}")
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and private(node.attr)):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}:
            continue  # checked above against the class's own Textual bases
        if node.attr in textual_private_names():
            found.append(f"{where}:{node.lineno}: uses Textual's private {node.attr}")
    return found


def test_no_textual_private_name_in_oppija() -> None:
    """First that the check sees the names it is about (it cannot pass by reading nothing),
    then oppija's modules. One test, so that Textual's source is read once, not again in the
    other xdist worker."""
    from textual.command import CommandPalette
    from textual.widget import Widget

    assert {"_bindings", "_merge_bindings", "_driver", "_compositor"} <= textual_private_names()
    assert "_select_or_command" in privates_of_textual_bases(CommandPalette)
    assert "_bindings" in privates_of_textual_bases(Widget)

    files = [
        path
        for path in sorted(OPPIJA.rglob("*.py"))
        if "from textual" in (text := path.read_text(encoding="utf-8")) or "import textual" in text
    ]
    assert len(files) > 20
    offences = [offence for path in files for offence in offences_in(path)]
    assert not offences, "\n".join(offences)


@pytest.mark.parametrize("benchmark", ["startup.py", "app_frames.py"])
def test_the_benchmarks_one_private_hook_still_exists(benchmark: str) -> None:
    """benchmarks/startup.py times the first frame, benchmarks/app_frames.py every demo frame,
    by wrapping ``Screen._compositor_refresh`` (the one private Textual name used outside
    oppija/): a Textual that renames or drops it fails here, not silently in a benchmark
    nobody runs."""
    from textual.screen import Screen

    source = (OPPIJA.parent / "benchmarks" / benchmark).read_text(encoding="utf-8")
    assert "Screen._compositor_refresh" in source
    assert callable(getattr(Screen, "_compositor_refresh", None))
