"""The content layer stands alone: importing it must not pull in the UI, scenes or renderers."""

from __future__ import annotations

from tests.layering import NEVER_LOADED, modules_loaded_by_each, package_modules

MODULES = package_modules("content")


def test_the_module_list_is_complete() -> None:
    assert {"oppija.content.sections", "oppija.content.loader", "oppija.content.search"} <= set(
        MODULES
    )


def test_no_content_module_loads_ui_or_the_pictures() -> None:
    """Each module imported in turn in one fresh interpreter: none loads textual, rich, the
    scenes, the renderers or the app."""
    assert modules_loaded_by_each(MODULES, NEVER_LOADED["content"]) == {}
