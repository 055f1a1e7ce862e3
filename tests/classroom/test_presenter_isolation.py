"""The presenter's file and the notes' command line and timer load no UI: `oppija notes --help`
and a process reading the position file stay light."""

from __future__ import annotations

from tests.layering import modules_loaded_by_each, package_modules


def test_position_file_and_notes_package_load_neither_textual_nor_rich() -> None:
    modules = ["oppija.presenter_state", "oppija.tui.position_sharing", *package_modules("notes")]
    assert modules_loaded_by_each(modules, ("textual", "rich")) == {}
