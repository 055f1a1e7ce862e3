"""The simulations stand alone: importing them must not pull in the UI or the layers above."""

from __future__ import annotations

from tests.layering import NEVER_LOADED, modules_loaded_by_each, package_modules

MODULES = package_modules("sims")


def test_the_module_list_is_complete() -> None:
    assert {"oppija.sims.base", "oppija.sims.gd1d", "oppija.sims.logreg"} <= set(MODULES)


def test_no_sims_module_loads_ui_or_a_layer_above() -> None:
    """Each module imported in turn in one fresh interpreter: none loads textual, rich, the
    lesson reader, the scenes, the renderers or the app."""
    assert modules_loaded_by_each(MODULES, NEVER_LOADED["sims"]) == {}
