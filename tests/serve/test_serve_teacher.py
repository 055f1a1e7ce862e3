"""`oppija serve --teacher-name`: the teacher's app writes its position, every other follows it."""

from __future__ import annotations

import shlex
from pathlib import Path

from oppija.classroom import Learner, claim_folder, new_token
from oppija.cli_parser import build_parser
from oppija.serve.server import ClassroomServer, ServeSettings


def _options(server: ClassroomServer, learner: Learner) -> list[str]:
    """The learner process's oppija options, checked against oppija's own grammar."""
    words = shlex.split(server.learner_command(learner))
    assert words[0] == "exec" and words[2:4] == ["-m", "oppija"]
    build_parser().parse_args(words[4:])  # every option is one the app knows
    return words[4:]


def test_the_teacher_writes_the_position_and_everyone_else_follows_it(tmp_path: Path) -> None:
    server = ClassroomServer(ServeSettings("127.0.0.1", 8000, tmp_path, 30, None, "Mari Õun"))
    teacher = claim_folder(tmp_path, "Mari Õun", new_token())  # the teacher comes first
    namesake = claim_folder(tmp_path, "mari õun", new_token())  # a student with that name later
    student = claim_folder(tmp_path, "Jaan", new_token())
    position = str(tmp_path / ".teacher" / "presenter.json")
    assert _options(server, teacher)[-2:] == ["--position-file", position]
    for learner in (namesake, student):
        assert _options(server, learner)[-2:] == ["--follow", position]
    assert namesake.folder.name == "mari-oun-2"


def test_without_a_teacher_nobody_follows(tmp_path: Path) -> None:
    server = ClassroomServer(ServeSettings("127.0.0.1", 8000, tmp_path, 30, "en"))
    learner = claim_folder(tmp_path, "Jaan", new_token())
    options = _options(server, learner)
    assert options == ["--data-dir", str(learner.folder), "--lang", "en"]
