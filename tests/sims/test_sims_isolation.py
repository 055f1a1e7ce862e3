"""The simulations stand alone: importing them must not pull in textual or rich."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

from tests.layering import ui_modules_loaded_by

ROOT = Path(__file__).resolve().parents[2]
SIMS = ROOT / "oppija" / "sims"
MODULES = ["oppija.sims"] + [
    f"oppija.sims.{info.name}" for info in pkgutil.iter_modules([str(SIMS)])
]


def test_the_module_list_is_complete() -> None:
    assert {"oppija.sims.base", "oppija.sims.gd1d", "oppija.sims.logreg"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_sims_module_loads_no_ui(module: str) -> None:
    assert ui_modules_loaded_by(module) == []
