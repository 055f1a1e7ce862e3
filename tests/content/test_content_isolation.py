"""The content layer stands alone: importing it must not pull in textual or rich."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

from tests.layering import ui_modules_loaded_by

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "oppija" / "content"
MODULES = ["oppija.content"] + [
    f"oppija.content.{info.name}" for info in pkgutil.iter_modules([str(CONTENT)])
]


def test_the_module_list_is_complete() -> None:
    assert {"oppija.content.sections", "oppija.content.loader", "oppija.content.search"} <= set(
        MODULES
    )


@pytest.mark.parametrize("module", MODULES)
def test_content_module_loads_no_ui(module: str) -> None:
    assert ui_modules_loaded_by(module) == []
