"""Scenes draw demos for the app and for `oppija demo` alike: they must never load Textual."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

from tests.layering import ui_modules_loaded_by

SCENES = Path(__file__).resolve().parents[2] / "oppija" / "scenes"
MODULES = ["oppija.scenes"] + [
    f"oppija.scenes.{info.name}" for info in pkgutil.iter_modules([str(SCENES)])
]


@pytest.mark.parametrize("module", MODULES)
def test_scene_module_loads_no_textual(module: str) -> None:
    loaded = ui_modules_loaded_by(module)
    assert [m for m in loaded if m.split(".")[0] == "textual"] == []
