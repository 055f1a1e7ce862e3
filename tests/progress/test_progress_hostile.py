"""A hostile corpus of progress files: whatever is named ``progress.json``, loading gives a
fresh start or the saved progress, keeps what it could not use, says so, and never hangs.

The contents are generated here (large ones are never stored). What could hang or eat memory
before (a named pipe, a link to ``/dev/zero``, a file of gigabytes) is loaded in a child
process with a memory limit and a generous timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from oppija.progress import Progress, ProgressStore
from tests.special_files import a_pipe, dev_zero, link_loop, unix_socket

ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("english")  # notices are checked in English


def record(**changes: object) -> bytes:
    """A valid progress file with some fields changed (or broken)."""
    data: dict[str, object] = Progress(slide_id="intro", seen={"intro"}).to_json()
    data.update(changes)
    return json.dumps(data).encode()


def deep(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


VALID = record()
# name -> bytes that are not a progress record: kept aside, byte for byte.
BROKEN: dict[str, bytes] = {
    "empty": b"",
    "whitespace": b" \t\r\n" * 10,
    "binary garbage": bytes(range(256)) * 40,
    "invalid utf-8": VALID.replace(b"intro", b"\xff\xfe"),
    "utf-16 with bom": "\ufeff".encode("utf-16-le") + VALID.decode().encode("utf-16-le"),
    "nul bytes": b"\x00" * 1000,
    "nul inside json": VALID.replace(b"intro", b"in\x00tro"),
    "json null": b"null",
    "json list": b"[1, 2, 3]",
    "json string": b'"progress"',
    "json number": b"42",
    "deeply nested object": deep(200_000).encode(),
    "deeply nested seen": record(seen=[]).replace(b'"seen": []', b'"seen": ' + b"[" * 100_000),
    "integer of 5000 digits": record().replace(b'"step": 0', b'"step": ' + b"9" * 5000),
    "negative step": record(step=-1),
    "step as text": record(step="3"),
    "step as float": record(step=2.5),
    "NaN setting": record().replace(b'"settings": {}', b'"settings": {"speed": NaN}'),
    "Infinity setting": record().replace(b'"settings": {}', b'"settings": {"speed": Infinity}'),
    "-Infinity answer": record(
        answers={"q": {"value": 0, "correct": True, "answered_at": "2026-01-01"}}
    ).replace(b'"value": 0', b'"value": -Infinity'),
    "huge float": record().replace(b'"settings": {}', b'"settings": {"speed": 1e999}'),
    "seen is an object": record(seen={"intro": True}),
    "seen holds numbers": record(seen=[1, 2]),
    "seen holds an empty id": record(seen=[""]),
    "answers is a list": record(answers=[]),
    "answer without time": record(answers={"q": {"value": 1, "correct": True}}),
    "answer with a bad time": record(
        answers={"q": {"value": 1, "correct": True, "answered_at": "yesterday"}}
    ),
    "answer with a list value": record(
        answers={"q": {"value": [1], "correct": True, "answered_at": "2026-01-01"}}
    ),
    "setting holding a list": record(settings={"theme": ["dark"]}),
    "unknown language": record(language="fr"),
    "version 2": record(version=2),
    "version as text": record(version="1"),
    "version true": record(version=True),
    "no version": json.dumps({"seen": []}).encode(),
    "confusable key": VALID.replace(b'"version"', '"vеrsion"'.encode()),  # Cyrillic е
    "truncated": VALID[: len(VALID) // 2],
    "two documents": VALID + VALID,
}

# name -> bytes that are a valid record, however odd: restored as they are.
ODD_BUT_VALID: dict[str, bytes] = {
    "utf-8 byte order mark": b"\xef\xbb\xbf" + VALID,
    "windows line endings": json.dumps(json.loads(VALID), indent=1).replace("\n", "\r\n").encode(),
    "unknown slide ids": record(slide_id="no-such-slide", seen=["gone-1", "gone-2"]),
    "a step far past the end": record(step=10**30),
    "a hundred thousand seen slides": record(seen=[f"s{k}" for k in range(100_000)]),
    "duplicate keys": VALID[:-1] + b', "step": 5}',
    "unknown extra keys": record(future={"x": [1, 2]}),
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_file_is_kept_aside_whole(tmp_path: Path, content: bytes) -> None:
    store = ProgressStore(tmp_path)
    store.path.write_bytes(content)
    result = store.load()
    kept = tmp_path / "progress.json.corrupt-1"
    assert result.progress == Progress() and not result.restored
    assert result.kept_aside == kept and kept.read_bytes() == content
    assert result.notice is not None and str(kept) in result.notice
    store.save(Progress(step=1))  # the fresh start is saved as usual
    assert store.load().progress == Progress(step=1)


@pytest.mark.parametrize("content", ODD_BUT_VALID.values(), ids=ODD_BUT_VALID.keys())
def test_an_odd_but_valid_file_is_restored(tmp_path: Path, content: bytes) -> None:
    store = ProgressStore(tmp_path)
    store.path.write_bytes(content)
    result = store.load()
    assert result.restored and result.notice is None, result.notice
    assert result.progress.to_json()["version"] == 1


# ------------------------------------------------------------- special files, in a child
LOAD = """
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # reading without end fails fast
from oppija import i18n
from oppija.progress import Progress, ProgressStore
i18n.set_language("en")
store = ProgressStore(Path(sys.argv[1]))
result = store.load()
store.save(Progress(step=7))
print(json.dumps({"notice": result.notice, "kept": str(result.kept_aside or ""),
                  "restored": result.restored, "saved": store.load().progress.step}))
"""


def load_in_child(directory: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", LOAD, str(directory)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "OPPIJA_LANG": "en"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    answer: dict[str, object] = json.loads(done.stdout)
    return answer


def folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("kept")


def huge_sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(4 << 30)  # 4 GiB of nothing: costs no disk


def just_too_large(path: Path) -> None:
    path.write_bytes(VALID + b" " * (8_000_001 - len(VALID)))


SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "named pipe": (a_pipe, "is not a file but a named pipe"),
    "link to /dev/zero": (dev_zero, "is not a file but a device"),
    "folder": (folder, "is not a file but a folder"),
    "link to itself": (link_loop, "is not a file but a loop of symbolic links"),
    "sparse file of 4 GiB": (huge_sparse, "is too large to be progress (more than 8 MB)"),
    "one byte over 8 MB": (just_too_large, "is too large to be progress (more than 8 MB)"),
    "unix socket": (unix_socket, "is not a file but a socket"),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
@pytest.mark.parametrize("name", sorted(SPECIAL))
def test_a_special_file_is_moved_aside_unread(tmp_path: Path, name: str) -> None:
    make, fragment = SPECIAL[name]
    if len(str(tmp_path / "progress.json")) > 100 and name == "unix socket":
        pytest.skip("the path is too long for a unix socket")
    make(tmp_path / "progress.json")
    answer = load_in_child(tmp_path)
    kept = tmp_path / "progress.json.corrupt-1"
    assert answer["kept"] == str(kept) and os.path.lexists(kept)
    notice = answer["notice"]
    assert isinstance(notice, str) and fragment in notice and str(kept) in notice
    assert answer["saved"] == 7 and not answer["restored"]
    if name == "folder":
        assert (kept / "inside.txt").read_text() == "kept"


def test_progress_too_large_to_load_is_never_saved(tmp_path: Path) -> None:
    """Whatever a learner typed, the file written is one the next start can read."""
    from oppija.progress import ProgressSaveError, QuizAnswer

    store = ProgressStore(tmp_path)
    store.save(Progress(step=1))
    huge = Progress(answers={"q": QuizAnswer("ä" * 4_000_001, None, "2026-01-01")})
    with pytest.raises(ProgressSaveError, match="larger than 8 MB"):
        store.save(huge)
    assert store.load().progress == Progress(step=1)


def test_a_dangling_link_is_a_fresh_start(tmp_path: Path) -> None:
    (tmp_path / "progress.json").symlink_to(tmp_path / "nowhere.json")
    answer = load_in_child(tmp_path)
    assert answer["notice"] is None and answer["saved"] == 7


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
def test_a_pipe_put_in_place_after_loading_does_not_hang_the_save(tmp_path: Path) -> None:
    script = """
import sys, os
from pathlib import Path
from oppija.progress import Progress, ProgressStore
store = ProgressStore(Path(sys.argv[1]))
store.save(Progress(step=1))
store.load()
os.unlink(store.path)
os.mkfifo(store.path)
store.save(Progress(step=2))
print(store.load().progress.step)
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "2"
    assert (tmp_path / "progress.json.corrupt-1").is_fifo()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
def test_the_lecture_cache_as_a_pipe_or_a_link_to_dev_zero_is_ignored(tmp_path: Path) -> None:
    script = """
import resource, sys, os
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from oppija.content.lecture_cache import cache_file
from oppija.content.loader import load_lecture
data = Path(sys.argv[1])
data.mkdir(exist_ok=True)
os.mkfifo(cache_file(data, "et"))
os.symlink("/dev/zero", cache_file(data, "en"))
for language in ("et", "en"):
    print(load_lecture(language, cache_dir=data).title != "")
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "True"]


def test_a_deeply_nested_lecture_cache_is_ignored(tmp_path: Path) -> None:
    from oppija.content.lecture_cache import cache_file
    from oppija.content.loader import load_lecture

    cache_file(tmp_path, "et").write_text("[" * 200_000 + "]" * 200_000)
    assert load_lecture("et", cache_dir=tmp_path).slides
