"""The classroom server's pages over plain HTTP: the name page, the cookie, the app's page."""

from __future__ import annotations

import http.client
import re
import urllib.parse
from pathlib import Path

import pytest

from tests.serve.conftest import Served, start_server, stop_server

# The session's classroom server, shared with test_serve_browser in one xdist worker (their group),
# is started once.
pytestmark = pytest.mark.xdist_group("classroom-server")

NOT_HERE = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)


def _request(
    served: Served, method: str, path: str, body: str = "", cookie: str = ""
) -> tuple[int, dict[str, str], str]:
    host, port = served.origin.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    if cookie:
        headers["Cookie"] = cookie
    connection.request(method, path, body=body.encode(), headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    connection.close()
    return response.status, dict(response.getheaders()), text


def _named(served: Served, name: str) -> str:
    """A new learner's cookie (``oppija-learner=<folder>.<token>``)."""
    body = urllib.parse.urlencode({"name": name})
    status, headers, _text = _request(served, "POST", "/learner", body)
    assert status == 303 and headers["Location"] == "/"
    return headers["Set-Cookie"].split(";")[0]


def test_a_new_browser_is_asked_its_name_in_estonian(server: Served) -> None:
    status, _headers, page = _request(server, "GET", "/")
    assert status == 200
    assert "Mis on sinu nimi?" in page and "anonüümne" in page
    assert NOT_HERE.search(page) is None


def test_an_empty_name_is_asked_again(server: Served) -> None:
    status, headers, page = _request(server, "POST", "/learner", "name=+++")
    assert status == 400 and "Set-Cookie" not in headers
    assert "Kirjuta oma nimi või vali „anonüümne“." in page


def test_a_named_learner_gets_the_app_page_that_loads_nothing_from_elsewhere(
    server: Served,
) -> None:
    cookie = _named(server, "Tõnu Mägi")
    assert cookie.startswith("oppija-learner=tonu-magi")
    assert (server.class_dir / cookie.split("=")[1].split(".")[0] / "learner.json").is_file()
    status, _headers, page = _request(server, "GET", "/", cookie=cookie)
    assert status == 200
    assert 'src="/static/js/textual.js"' in page
    assert NOT_HERE.search(page) is None  # textual-serve's page linked fonts.googleapis.com
    assert "googleapis" not in page
    # The websocket's address is made in the browser from the address it used (issue #42).
    assert "data-session-websocket-url" not in page and "window.location.host" in page


def test_a_forged_or_stale_cookie_is_asked_its_name_again(server: Served) -> None:
    cookie = _named(server, "Peeter")
    folder, token = cookie.split("=")[1].split(".")
    for forged in (f"{folder}.{token[::-1]}", f"..%2F{folder}.{token}", f"nobody.{token}"):
        _status, _headers, page = _request(server, "GET", "/", cookie=f"oppija-learner={forged}")
        assert "Mis on sinu nimi?" in page, forged


def test_the_shipped_fonts_are_served(server: Served) -> None:
    status, headers, _body = _request(server, "HEAD", "/oppija/fonts/DejaVuSansMono.ttf")
    assert status == 200 and int(headers["Content-Length"]) > 100_000


def test_with_lang_en_the_pages_and_the_learners_apps_are_english(tmp_path: Path) -> None:
    served = start_server(tmp_path / "klass", "--lang", "en")
    try:
        assert "The lecture is served." in served.printed
        status, _headers, page = _request(served, "GET", "/")
        assert status == 200 and "What is your name?" in page and '<html lang="en">' in page
        cookie = _named(served, "Anne")
        _status, _headers, page = _request(served, "GET", "/", cookie=cookie)
        assert "The lecture is opening…" in page
    finally:
        stop_server(served.process)
