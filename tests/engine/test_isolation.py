"""The engine stands alone: importing it must not pull in the terminal UI (textual, rich).

Learners and the benchmarks use ``oppija.engine`` as a plain NumPy library, so it must import
fast and work without the UI stack; each module is checked in a fresh interpreter.
"""

from __future__ import annotations

from tests.layering import (
    NEVER_LOADED,
    modules_loaded_by_each,
    package_modules,
    ui_modules_loaded_by,
)

MODULES = package_modules("engine")


def test_every_engine_module_is_checked() -> None:
    """The list of modules comes from the package itself, so a new module is covered too."""
    assert {"oppija.engine.tensor", "oppija.engine.nn", "oppija.engine.trace"} <= set(MODULES)


def test_no_engine_module_loads_ui_or_the_rest_of_oppija() -> None:
    """Each module imported in turn in one fresh interpreter: none loads textual, rich or any
    layer of oppija above the engine."""
    assert modules_loaded_by_each(MODULES, NEVER_LOADED["engine"]) == {}


def test_the_check_can_fail() -> None:
    """Sanity check of the probe itself: importing rich is noticed."""
    assert "rich" in ui_modules_loaded_by("rich")


def test_the_one_interpreter_check_names_the_module_that_loads_ui() -> None:
    """Sanity check of the batched probe: a clean module is not listed, the culprit is."""
    loaded = modules_loaded_by_each(["oppija.engine", "rich.segment"], ("textual", "rich"))
    assert list(loaded) == ["rich.segment"]
    assert "rich.segment" in loaded["rich.segment"]
