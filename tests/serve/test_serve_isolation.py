"""The classroom server only passes bytes between browsers and learners' processes: it never
loads Textual, the app or NumPy (30 learners' processes are memory enough), and only
`oppija serve` loads textual-serve and aiohttp."""

from __future__ import annotations

from tests.layering import NEVER_LOADED, modules_loaded_by_each, package_modules


def test_no_serve_module_loads_textual_the_app_or_numpy() -> None:
    assert modules_loaded_by_each(package_modules("serve"), NEVER_LOADED["serve"]) == {}


def test_the_command_line_loads_the_web_server_only_for_serve() -> None:
    """The grammar (every command reads it) and the app's terminal check load neither."""
    everyday = [
        "oppija.cli",
        "oppija.cli_parser",
        "oppija.serve.arguments",
        "oppija.serve.web_driver",
    ]
    assert modules_loaded_by_each(everyday, ("textual_serve", "aiohttp")) == {}
