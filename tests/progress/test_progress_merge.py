"""Two copies of oppija on one data folder: each save merges what the other saved.

Before, the second copy's save replaced the file with its own view and the first copy's seen
slides and answers were lost. Now a save re-reads the file under a lock and keeps both.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from oppija import progress
from oppija.progress import Progress, ProgressStore, QuizAnswer, merge

ROOT = Path(__file__).resolve().parents[2]
EARLY, LATE = "2026-01-01T10:00:00+00:00", "2026-01-01T11:00:00+00:00"


def two_copies(directory: Path, start: Progress | None = None) -> tuple[ProgressStore, ...]:
    """Two stores on one folder that both loaded the same file, as two app windows do."""
    ProgressStore(directory).save(start or Progress(seen={"intro"}))
    first, second = ProgressStore(directory), ProgressStore(directory)
    assert first.load().restored and second.load().restored
    return first, second


def test_seen_slides_and_answers_of_both_copies_are_kept(tmp_path: Path) -> None:
    a, b = two_copies(tmp_path)
    mine = a.load().progress
    mine.seen.add("neuron")
    mine.answers["q-a"] = QuizAnswer(1, True, EARLY)
    mine.slide_id = "neuron"
    a.save(mine)

    theirs = Progress(seen={"intro", "softmax"})  # b's own view: it never saw "neuron"
    theirs.answers["q-b"] = QuizAnswer("open", None, EARLY)
    theirs.slide_id = "softmax"
    b.save(theirs)

    saved = ProgressStore(tmp_path).load().progress
    assert saved.seen == {"intro", "neuron", "softmax"}
    assert set(saved.answers) == {"q-a", "q-b"}
    assert saved.slide_id == "softmax"  # the position is the last saver's


def test_the_later_answer_wins_whoever_saves_last(tmp_path: Path) -> None:
    a, b = two_copies(tmp_path)
    a.save(Progress(seen={"intro"}, answers={"q": QuizAnswer(2, True, LATE)}))
    b.save(Progress(seen={"intro"}, answers={"q": QuizAnswer(3, False, EARLY)}))
    assert ProgressStore(tmp_path).load().progress.answers["q"].value == 2


def test_a_setting_is_the_value_of_the_copy_that_changed_it(tmp_path: Path) -> None:
    a, b = two_copies(tmp_path, Progress(settings={"theme": "dark"}))
    a.save(Progress(settings={"theme": "light"}))
    b.save(Progress(settings={"theme": "dark"}, step=4))  # b did not touch the theme
    saved = ProgressStore(tmp_path).load().progress
    assert saved.settings == {"theme": "light"} and saved.step == 4


def test_what_one_copy_removed_stays_removed(tmp_path: Path) -> None:
    old = QuizAnswer(1, True, EARLY)
    a, b = two_copies(tmp_path, Progress(seen={"intro", "gd"}, answers={"q": old}))
    a.save(Progress(seen={"intro"}))  # a cleared an answer and a seen mark
    b.save(Progress(seen={"intro", "gd", "rnn"}, answers={"q": old}))  # b only saw rnn
    saved = ProgressStore(tmp_path).load().progress
    assert saved.seen == {"intro", "rnn"} and saved.answers == {}


def test_a_second_save_of_the_same_copy_does_not_bring_back_the_other_copys_removals(
    tmp_path: Path,
) -> None:
    a, b = two_copies(tmp_path, Progress(seen={"x"}))
    b.save(Progress(seen=set()))
    a.save(Progress(seen={"x", "y"}))  # a's base still has x: x is not a's new work
    assert ProgressStore(tmp_path).load().progress.seen == {"y"}


def test_merge_without_a_base_joins_everything() -> None:
    ours = Progress(seen={"a"}, answers={"q": QuizAnswer(1, True, EARLY)}, settings={"k": 1})
    theirs = Progress(
        seen={"b"}, answers={"q": QuizAnswer(2, False, LATE)}, settings={"k": 2, "j": 3}, step=9
    )
    merged = merge(None, ours, theirs)
    assert merged.seen == {"a", "b"}
    assert merged.answers["q"].value == 2
    assert merged.settings == {"k": 1, "j": 3}
    assert merged.step == ours.step


def test_timestamps_with_and_without_zone_compare() -> None:
    naive = QuizAnswer(1, True, "2026-01-01T12:00:00")
    aware = QuizAnswer(2, True, "2026-01-01T11:00:00+00:00")
    merged = merge(None, Progress(answers={"q": naive}), Progress(answers={"q": aware}))
    assert merged.answers["q"] is naive


def test_a_file_broken_since_the_start_is_kept_aside_when_saving(tmp_path: Path) -> None:
    a, _b = two_copies(tmp_path)
    a.path.write_bytes(b"{broken")
    a.save(Progress(seen={"intro", "x"}))
    assert (tmp_path / "progress.json.corrupt-1").read_bytes() == b"{broken"
    assert ProgressStore(tmp_path).load().progress.seen == {"intro", "x"}


def test_save_waits_for_the_other_copys_lock(tmp_path: Path) -> None:
    """While another process holds the lock, a save waits, then merges what it wrote."""
    fcntl = pytest.importorskip("fcntl")
    a, _b = two_copies(tmp_path)
    holder = os.open(tmp_path / progress.LOCK_NAME, os.O_RDWR | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX)
    done = threading.Event()

    def save_a() -> None:
        a.save(Progress(seen={"intro", "from-a"}))
        done.set()

    thread = threading.Thread(target=save_a)
    thread.start()
    try:
        assert not done.wait(0.2)  # blocked by the lock
        # The lock's holder (another copy) writes its save meanwhile.
        a.path.write_text(progress.dumps(Progress(seen={"intro", "from-b"})))
    finally:
        fcntl.flock(holder, fcntl.LOCK_UN)
        os.close(holder)
    thread.join(timeout=10)
    assert done.is_set()
    assert ProgressStore(tmp_path).load().progress.seen == {"intro", "from-a", "from-b"}


def test_a_lock_held_for_ever_does_not_stop_saving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fcntl = pytest.importorskip("fcntl")
    monkeypatch.setattr(progress, "LOCK_WAIT", 0.1)
    holder = os.open(tmp_path / progress.LOCK_NAME, os.O_RDWR | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        started = time.monotonic()
        ProgressStore(tmp_path).save(Progress(step=3))
        assert time.monotonic() - started < 5
    finally:
        os.close(holder)
    assert ProgressStore(tmp_path).load().progress.step == 3


def test_saving_works_where_locks_do_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fcntl = pytest.importorskip("fcntl")

    def no_locks(*args: object) -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    a, b = two_copies(tmp_path)
    a.save(Progress(seen={"intro", "a"}))
    b.save(Progress(seen={"intro", "b"}))
    assert ProgressStore(tmp_path).load().progress.seen == {"intro", "a", "b"}


COPY = """
import sys
from pathlib import Path
from oppija.progress import ProgressStore, QuizAnswer, timestamp
store = ProgressStore(Path(sys.argv[1]))
name = sys.argv[2]
progress = store.load().progress
print("loaded", flush=True)
sys.stdin.readline()  # both copies have loaded before either saves
for k in range(20):
    progress.seen.add(f"{name}-{k}")
    progress.answers[f"q-{name}-{k}"] = QuizAnswer(k, True, timestamp())
    store.save(progress)
"""


def test_two_real_processes_lose_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    copies = [
        subprocess.Popen(
            [sys.executable, "-c", COPY, str(tmp_path), name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for name in ("a", "b")
    ]
    for copy in copies:
        assert copy.stdout is not None and copy.stdout.readline().strip() == "loaded"
    for copy in copies:
        copy.communicate("go\n", timeout=60)
        assert copy.returncode == 0
    saved = ProgressStore(tmp_path).load().progress
    assert saved.seen == {f"{name}-{k}" for name in "ab" for k in range(20)}
    assert len(saved.answers) == 40
