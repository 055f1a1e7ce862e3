"""The layer rule, checked the only reliable way: import a module in a fresh interpreter."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_PACKAGES = ("textual", "rich")


def ui_modules_loaded_by(module: str) -> list[str]:
    """The textual / rich modules that importing ``module`` loads (it must be [] below the TUI)."""
    return modules_loaded_by(module, UI_PACKAGES)


def modules_loaded_by(module: str, packages: tuple[str, ...]) -> list[str]:
    """The modules in (or under) ``packages`` that importing ``module`` loads, in a fresh
    interpreter."""
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        f"wanted = {packages!r}; "
        "print(sorted(m for m in sys.modules "
        "if any(m == p or m.startswith(p + '.') for p in wanted)))"
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
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"importing {module} failed:\n{result.stderr}"
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])
