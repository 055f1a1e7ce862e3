"""The plot layer stands below the TUI: importing it must never load Textual.

Widgets and ``oppija demo`` both render through ``oppija.plot``; the text demo must run without
the Textual stack. Rich is allowed here (Segments are Rich's), Textual is not.
"""

from __future__ import annotations

import pkgutil
from pathlib import Path

from tests.layering import modules_loaded_by_each, ui_modules_loaded_by

ROOT = Path(__file__).resolve().parents[2]
PLOT = ROOT / "oppija" / "plot"
MODULES = ["oppija.plot"] + [
    f"oppija.plot.{info.name}" for info in pkgutil.iter_modules([str(PLOT)])
]


def test_every_plot_module_is_checked() -> None:
    """The list comes from the package itself, so a new module is covered too."""
    assert {"oppija.plot.canvas", "oppija.plot.chart", "oppija.plot.bars"} <= set(MODULES)


def test_no_plot_module_loads_textual() -> None:
    """Each module imported in turn in one fresh interpreter: none loads a textual module."""
    assert modules_loaded_by_each(MODULES, ("textual",)) == {}


def test_the_probe_sees_rich() -> None:
    """Sanity check of the probe: the plot package really loads Rich, and it is noticed."""
    assert "rich.segment" in ui_modules_loaded_by("oppija.plot")
