"""The formula language stands beside the engine: no UI, and parsing without NumPy.

The lesson checker and the app's first screen parse formulas long before one is evaluated, so
parsing must not pay for importing NumPy or the engine; evaluating may (it builds engine ops).
Each module is checked in a fresh interpreter.
"""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

from tests.layering import modules_loaded_by, ui_modules_loaded_by

ROOT = Path(__file__).resolve().parents[2]
EXPR = ROOT / "oppija" / "expr"
MODULES = ["oppija.expr"] + [
    f"oppija.expr.{info.name}" for info in pkgutil.iter_modules([str(EXPR)])
]


def test_every_module_is_checked() -> None:
    """The list comes from the package itself, so a new module is covered too."""
    assert {"oppija.expr.parsing", "oppija.expr.formula", "oppija.expr.errors"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_expr_module_loads_no_ui_nor_numpy(module: str) -> None:
    """Importing any part of the formula language loads neither textual, rich nor NumPy."""
    assert ui_modules_loaded_by(module) == []
    assert modules_loaded_by(module, ("numpy", "oppija.engine")) == []


def test_parsing_a_formula_loads_no_numpy() -> None:
    """Parsing (what the lesson checker does) stays free of NumPy; the probe itself can fail."""
    assert modules_loaded_by("oppija.expr", ("numpy",)) == []
    assert "numpy" in modules_loaded_by("oppija.engine.tensor", ("numpy",))
