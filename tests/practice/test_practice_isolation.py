"""Practice questions stand below the TUI: importing them loads no Textual and no app."""

from __future__ import annotations

from tests.layering import NEVER_LOADED, modules_loaded_by_each, package_modules

MODULES = package_modules("practice")


def test_no_practice_module_loads_the_app() -> None:
    assert "oppija.practice.question" in MODULES
    assert modules_loaded_by_each(MODULES, NEVER_LOADED["practice"]) == {}
