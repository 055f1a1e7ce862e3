"""`oppija korda` stands without the app: importing it loads no Textual."""

from __future__ import annotations

from tests.layering import NEVER_LOADED, modules_loaded_by_each, package_modules


def test_no_review_module_loads_the_app() -> None:
    modules = package_modules("review")
    assert "oppija.review.command" in modules
    assert modules_loaded_by_each(modules, NEVER_LOADED["review"]) == {}
