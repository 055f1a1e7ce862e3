"""Scenes draw demos for the app and for `oppija demo` alike: they must never load Textual."""

from __future__ import annotations

from tests.layering import NEVER_LOADED, modules_loaded_by_each, package_modules

MODULES = package_modules("scenes")


def test_no_scene_module_loads_textual_or_the_lessons() -> None:
    """Each module imported in turn in one fresh interpreter: none loads a textual module, the
    app or the lesson reader."""
    assert modules_loaded_by_each(MODULES, NEVER_LOADED["scenes"]) == {}
