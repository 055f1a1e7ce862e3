"""`oppija serve` on the command line: bad arguments, a taken port, and the app under the web
driver. Each refusal is one translated line and an exit status, never a traceback."""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from oppija.serve.addresses import addresses_to_open, lan_address
from oppija.serve.command import listen_reason
from oppija.serve.web_driver import WEB_DRIVER
from tests.serve.conftest import ROOT

START_SECONDS = 30.0


def _oppija(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPPIJA_", "TEXTUAL_"))}
    return subprocess.run(
        [sys.executable, "-m", "oppija", *args],
        cwd=ROOT,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--port", "0"], "0 ei ole vahemikus"),
        (["--port", "kaheksa"], "“kaheksa”"),
        (["--max-learners", "0"], "--max-learners"),
    ],
)
def test_bad_arguments_are_one_line_and_status_2(args: list[str], words: str) -> None:
    result = _oppija("serve", *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("oppija serve: "), result.stderr
    assert "--port" in lines[0] or "--max-learners" in lines[0]


def test_a_taken_port_is_one_line_and_status_1(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _oppija("serve", "--port", str(port), "--class-dir", str(tmp_path / "klass"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"oppija serve ei saa kuulata aadressil 127.0.0.1:{port}: port on juba kasutusel "
        "(kas mõni teine server töötab? vali teine --port abil)"
    )


def test_an_unknown_host_name_is_said_in_the_active_language() -> None:
    """getaddrinfo's own words are English; looked up here without asking any name server."""
    error = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    assert listen_reason(error) == (
        "sellist hostinime pole (anna aadress, nt 127.0.0.1 või 0.0.0.0)"
    )


def test_a_class_folder_that_is_a_file_is_one_line_and_status_1(tmp_path: Path) -> None:
    (tmp_path / "klass").write_text("")
    result = _oppija("serve", "--class-dir", str(tmp_path / "klass"), "--lang", "en")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "it is a file, not a folder" in result.stderr


def test_the_addresses_to_open() -> None:
    assert addresses_to_open("127.0.0.1", 8000) == ["http://127.0.0.1:8000"]
    assert addresses_to_open("::1", 8000) == ["http://[::1]:8000"]
    room = addresses_to_open("0.0.0.0", 8000)
    assert room[0] == "http://127.0.0.1:8000"
    lan = lan_address()
    assert room[1:] == ([] if lan is None else [f"http://{lan}:8000"])
    assert lan is None or not lan.startswith("127.")


def test_started_by_the_server_the_app_speaks_to_the_web_driver(tmp_path: Path) -> None:
    """With pipes for a terminal the app refuses to start, unless the web driver draws."""
    refused = _oppija("--data-dir", str(tmp_path / "a"))
    assert (refused.returncode == 2 and "terminal" in refused.stderr.lower()) or "terminal" in (
        refused.stderr
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPPIJA_", "TEXTUAL_"))}
    app = subprocess.Popen(
        [sys.executable, "-m", "oppija", "--data-dir", str(tmp_path / "b")],
        cwd=ROOT,
        env={**clean, "TEXTUAL_DRIVER": WEB_DRIVER, "COLUMNS": "100", "ROWS": "30"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert app.stdin is not None and app.stdout is not None
    try:
        ready, _, _ = select.select([app.stdout], [], [], START_SECONDS)
        assert ready and app.stdout.readline() == b"__GANGLION__\n"
        quit_packet = json.dumps({"type": "quit"}).encode()
        app.stdin.write(b"M" + len(quit_packet).to_bytes(4, "big") + quit_packet)
        app.stdin.flush()
        app.stdout.read()  # until the app closes it
        # Told to quit as it starts (a tab closed at once), it ends cleanly: it crashed on its
        # half-mounted lecture screen, and the server printed the traceback to the teacher.
        assert app.wait(timeout=START_SECONDS) == 0
        assert app.stderr is not None and app.stderr.read() == b""
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
