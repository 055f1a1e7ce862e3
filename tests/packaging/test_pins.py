"""The dependencies that draw the snapshots are pinned to the major version the tests run with."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

# Each of these changes what a snapshot shows (or how it is stored) when its major version moves;
# markdown-it-py and its plugins split the lessons and the slides into blocks.
PINNED = {
    "textual",
    "rich",
    "pytest-textual-snapshot",
    "syrupy",
    "markdown-it-py",
    "mdit-py-plugins",
    "textual-serve",  # oppija/serve subclasses its server: its next major may move what it uses
}


def requirements() -> dict[str, Requirement]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    listed = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    return {req.name: req for req in map(Requirement, listed)}


def test_snapshot_dependencies_have_an_upper_bound_on_the_next_major() -> None:
    found = requirements()
    for name in PINNED:
        spec = found[name].specifier
        installed = version(name)
        major = int(installed.split(".")[0])
        assert spec.contains(installed), f"{name} {installed} is outside {spec}"
        assert not spec.contains(f"{major + 1}.0"), f"{name} {spec} lets the next major in"
