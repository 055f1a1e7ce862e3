"""The class report runs where there is no terminal (a server, a cron job): never Textual."""

from __future__ import annotations

from tests.layering import NEVER_LOADED, modules_loaded_by_each, package_modules

MODULES = package_modules("report")


def test_no_report_module_loads_textual_or_the_server() -> None:
    """Each module imported in turn in one fresh interpreter: none loads Textual, the app or
    the classroom server."""
    assert modules_loaded_by_each(MODULES, NEVER_LOADED["report"]) == {}
