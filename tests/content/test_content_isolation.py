"""The content layer stands alone: importing it must not pull in textual or rich."""

from __future__ import annotations

import pkgutil
from pathlib import Path

from tests.layering import UI_PACKAGES, modules_loaded_by_each

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "oppija" / "content"
MODULES = ["oppija.content"] + [
    f"oppija.content.{info.name}" for info in pkgutil.iter_modules([str(CONTENT)])
]


def test_the_module_list_is_complete() -> None:
    assert {"oppija.content.sections", "oppija.content.loader", "oppija.content.search"} <= set(
        MODULES
    )


def test_no_content_module_loads_ui() -> None:
    """Each module imported in turn in one fresh interpreter: none loads textual or rich."""
    assert modules_loaded_by_each(MODULES, UI_PACKAGES) == {}
