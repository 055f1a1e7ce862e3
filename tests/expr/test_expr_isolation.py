"""The formula language stands beside the engine: no UI, and parsing without NumPy.

The lesson checker and the app's first screen parse formulas long before one is evaluated, so
parsing must not pay for importing NumPy or the engine; evaluating may (it builds engine ops).
Each module is checked in a fresh interpreter.
"""

from __future__ import annotations

from tests.layering import modules_loaded_by, modules_loaded_by_each, package_modules

MODULES = package_modules("expr")


def test_every_module_is_checked() -> None:
    """The list comes from the package itself, so a new module is covered too."""
    assert {"oppija.expr.parsing", "oppija.expr.formula", "oppija.expr.errors"} <= set(MODULES)


def test_no_expr_module_loads_ui_nor_numpy() -> None:
    """Importing any part of the formula language loads neither textual, rich nor NumPy (each
    module imported in turn in one fresh interpreter)."""
    assert modules_loaded_by_each(MODULES, ("textual", "rich", "numpy", "oppija.engine")) == {}


def test_parsing_a_formula_loads_no_numpy() -> None:
    """Parsing (what the lesson checker does) stays free of NumPy; the probe itself can fail."""
    assert modules_loaded_by("oppija.expr", ("numpy",)) == []
    assert "numpy" in modules_loaded_by("oppija.engine.tensor", ("numpy",))
