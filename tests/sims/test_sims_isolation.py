"""The simulations stand alone: importing them must not pull in textual or rich."""

from __future__ import annotations

import pkgutil
from pathlib import Path

from tests.layering import UI_PACKAGES, modules_loaded_by_each

ROOT = Path(__file__).resolve().parents[2]
SIMS = ROOT / "oppija" / "sims"
MODULES = ["oppija.sims"] + [
    f"oppija.sims.{info.name}" for info in pkgutil.iter_modules([str(SIMS)])
]


def test_the_module_list_is_complete() -> None:
    assert {"oppija.sims.base", "oppija.sims.gd1d", "oppija.sims.logreg"} <= set(MODULES)


def test_no_sims_module_loads_ui() -> None:
    """Each module imported in turn in one fresh interpreter: none loads textual or rich."""
    assert modules_loaded_by_each(MODULES, UI_PACKAGES) == {}
