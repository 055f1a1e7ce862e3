"""Scenes draw demos for the app and for `oppija demo` alike: they must never load Textual."""

from __future__ import annotations

import pkgutil
from pathlib import Path

from tests.layering import modules_loaded_by_each

SCENES = Path(__file__).resolve().parents[2] / "oppija" / "scenes"
MODULES = ["oppija.scenes"] + [
    f"oppija.scenes.{info.name}" for info in pkgutil.iter_modules([str(SCENES)])
]


def test_no_scene_module_loads_textual() -> None:
    """Each module imported in turn in one fresh interpreter: none loads a textual module."""
    assert modules_loaded_by_each(MODULES, ("textual",)) == {}
