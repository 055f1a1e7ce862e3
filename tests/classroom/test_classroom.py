"""The class folder's layout: names to folders, one folder per browser, bad files reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from oppija.classroom import (
    Learner,
    LearnerFileError,
    claim_folder,
    clean_name,
    learner_folder_name,
    learners,
    read_learner,
)


@pytest.mark.parametrize(
    ("name", "folder"),
    [
        ("Mari Õunapuu", "mari-ounapuu"),
        ("  Jüri   Ärm ", "juri-arm"),
        ("../../etc/passwd", "etc-passwd"),
        ("$(rm -rf ~); `x`", "rm-rf-x"),
        ("??", "oppija"),
        ("Жанна", "oppija"),
        ("a" * 200, "a" * 40),
    ],
)
def test_a_folder_name_is_safe_and_readable(name: str, folder: str) -> None:
    assert learner_folder_name(name) == folder


def test_a_typed_name_loses_control_characters_and_extra_spaces() -> None:
    assert clean_name("Mari\x1b[31m\n Maasikas\t") == "Mari [31m Maasikas"
    assert len(clean_name("x" * 500)) == 60


def test_two_learners_with_one_name_get_two_folders(tmp_path: Path) -> None:
    first = claim_folder(tmp_path, "Mari", "token-1")
    second = claim_folder(tmp_path, "mari", "token-2")
    assert (first.folder.name, second.folder.name) == ("mari", "mari-2")
    assert read_learner(first.folder) == first
    assert read_learner(second.folder) == Learner("mari", second.folder, "token-2")


def test_the_class_lists_learners_and_reports_a_broken_one(tmp_path: Path) -> None:
    mari = claim_folder(tmp_path, "Mari", "t1")
    (tmp_path / "katki").mkdir()
    (tmp_path / "katki" / "learner.json").write_text("{not json", "utf-8")
    (tmp_path / "a-file").write_text("not a learner", "utf-8")
    found = list(learners(tmp_path))
    broken = found[0]
    assert isinstance(broken, tuple)
    assert broken[0] == tmp_path / "katki"
    assert isinstance(broken[1], LearnerFileError)
    assert found[1] == mari
    assert list(learners(tmp_path / "missing")) == []


def test_a_hidden_folder_in_the_class_is_no_learner(tmp_path: Path) -> None:
    """No learner's folder name starts with a dot; such a folder is somebody else's (a file
    manager's, a server's own state) and is neither listed nor reported as a broken learner."""
    mari = claim_folder(tmp_path, "Mari", "t1")
    (tmp_path / ".Trash-1000").mkdir()
    (tmp_path / ".serve").mkdir()
    assert list(learners(tmp_path)) == [mari]
