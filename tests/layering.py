"""The layer rule, checked the only reliable way: import a module in a fresh interpreter."""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_PACKAGES = ("textual", "rich")

# What each layer must never load (docs/architecture.md, "Who may import whom"): the UI stack,
# and the layers of oppija above it.
ABOVE_SIMS = ("oppija.content", "oppija.scenes", "oppija.plot", "oppija.tui", "oppija.cli")
NEVER_LOADED: dict[str, tuple[str, ...]] = {
    "engine": (*UI_PACKAGES, "oppija.sims", "oppija.expr", "oppija.i18n", *ABOVE_SIMS),
    "sims": (*UI_PACKAGES, "oppija.progress", *ABOVE_SIMS),
    "content": (*UI_PACKAGES, "oppija.scenes", "oppija.plot", "oppija.tui", "oppija.cli"),
    "scenes": ("textual", "oppija.tui", "oppija.cli", "oppija.content"),
    "report": ("textual", "oppija.tui", "oppija.serve"),
    "serve": ("textual", "oppija.tui", "numpy", "oppija.report"),
    "export": ("textual", "oppija.tui", "oppija.serve", "weasyprint", "jinja2"),
}


def package_modules(package: str) -> list[str]:
    """``oppija.PACKAGE`` and each module in its folder, read from the folder itself so that a
    new module is covered too."""
    folder = ROOT / "oppija" / package
    return [f"oppija.{package}"] + [
        f"oppija.{package}.{info.name}" for info in pkgutil.iter_modules([str(folder)])
    ]


def ui_modules_loaded_by(module: str) -> list[str]:
    """The textual / rich modules that importing ``module`` loads (it must be [] below the TUI)."""
    return modules_loaded_by(module, UI_PACKAGES)


def modules_loaded_by(module: str, packages: tuple[str, ...]) -> list[str]:
    """The modules in (or under) ``packages`` that importing ``module`` loads, in a fresh
    interpreter."""
    return modules_loaded_by_each([module], packages).get(module, [])


def modules_loaded_by_each(modules: list[str], packages: tuple[str, ...]) -> dict[str, list[str]]:
    """For each of ``modules``, imported one after another in one fresh interpreter, the modules
    in (or under) ``packages`` that its import loaded; only modules that loaded some are listed.

    One interpreter for a whole package instead of one per module: if no import loads a
    forbidden module, none of them would alone either; if one does, it is named (a later
    module importing the same would be hidden behind it, but the check fails all the same).
    """
    code = (
        "import sys, importlib\n"
        f"wanted = {packages!r}\n"
        "def found():\n"
        "    return {m for m in sys.modules\n"
        "            if any(m == p or m.startswith(p + '.') for p in wanted)}\n"
        "seen = found(); out = {}\n"
        f"for module in {modules!r}:\n"
        "    importlib.import_module(module)\n"
        "    now = found()\n"
        "    if now - seen: out[module] = sorted(now - seen)\n"
        "    seen = now\n"
        "print(repr(out))\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"importing {modules} failed:\n{result.stderr}"
    loaded: dict[str, list[str]] = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return loaded
