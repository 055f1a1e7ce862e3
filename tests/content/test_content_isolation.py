"""The content layer stands alone: importing it must not pull in textual or rich."""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "oppija" / "content"
MODULES = ["oppija.content"] + [
    f"oppija.content.{info.name}" for info in pkgutil.iter_modules([str(CONTENT)])
]


def ui_modules_loaded_by(module: str) -> list[str]:
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
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
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def test_the_module_list_is_complete() -> None:
    assert {"oppija.content.parser", "oppija.content.loader", "oppija.content.search"} <= set(
        MODULES
    )


@pytest.mark.parametrize("module", MODULES)
def test_content_module_loads_no_ui(module: str) -> None:
    assert ui_modules_loaded_by(module) == []
