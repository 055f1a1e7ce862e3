"""BLAS runs on one thread in oppija's processes (oppija/threads.py), unless the user chose."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The CLI runs a demo (its training uses the engine's matrix products), then the child reports
# every BLAS that threadpoolctl finds loaded and its number of threads.
CHILD = """
import contextlib, io, json, sys
if sys.argv[1] == "numpy-first":
    import numpy
from oppija.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(["demo", "playground", "--steps", "2", "--json"])
import threadpoolctl
blas = [
    (info["internal_api"], info["num_threads"])
    for info in threadpoolctl.threadpool_info()
    if info["user_api"] == "blas"
]
print(json.dumps({"status": status, "engine": "oppija.engine.tensor" in sys.modules, "blas": blas}))
"""


def blas_threads(tmp_path: Path, order: str, **env: str) -> list[int]:
    """The thread counts of every BLAS in a fresh process that ran `oppija demo playground`."""
    base = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "LANG": "C.UTF-8",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, order],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report = json.loads(done.stdout)
    assert report["status"] == 0 and report["engine"], done.stderr
    assert report["blas"], "no BLAS library was found loaded"
    return [threads for _api, threads in report["blas"]]


@pytest.mark.parametrize("order", ["cli-first", "numpy-first"])
def test_every_blas_runs_one_thread_after_the_engine_ran(tmp_path: Path, order: str) -> None:
    """From the environment before NumPy loads; by threadpoolctl when NumPy was there already."""
    assert set(blas_threads(tmp_path, order)) == {1}


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="BLAS starts at most one thread per core")
def test_a_thread_count_the_user_set_is_kept(tmp_path: Path) -> None:
    """OPENBLAS_NUM_THREADS=2 in the environment: oppija leaves the choice alone."""
    assert set(blas_threads(tmp_path, "cli-first", OPENBLAS_NUM_THREADS="2")) == {2}
