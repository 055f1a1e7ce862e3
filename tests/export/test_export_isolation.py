"""Handouts are made where there is no terminal: never Textual, the app or the server; and
WeasyPrint and Jinja2 load only when a page is rendered, not when the command is parsed."""

from __future__ import annotations

from tests.layering import NEVER_LOADED, modules_loaded_by_each, package_modules

MODULES = package_modules("export")


def test_no_export_module_loads_textual_the_server_or_a_renderer_on_import() -> None:
    """Each module imported in turn in one fresh interpreter."""
    assert modules_loaded_by_each(MODULES, NEVER_LOADED["export"]) == {}
