"""Progress on disk: round trips, strict validation, corrupt files kept aside, atomic saves.

The learner's progress must survive crashes, broken files and two copies of the app at once:
loading never raises and never discards a file without keeping a copy, and saving never
leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import multiprocessing
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oppija import i18n, progress
from oppija.progress import (
    FORMAT_VERSION,
    LoadResult,
    Progress,
    ProgressFormatError,
    ProgressSaveError,
    ProgressStore,
    QuizAnswer,
    SaveDebouncer,
    resolve_data_dir,
)
from tests.progress.concurrent_saver import SAVES, START_TIMEOUT, save_many

ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("english")  # notices are checked in English


def sample() -> Progress:
    return Progress(
        language="et",
        slide_id="gradient-descent",
        step=3,
        seen={"intro", "neuron", "gradient-descent", "ääremärkus"},
        answers={
            "q-lr": QuizAnswer(value=0.01, correct=True, answered_at="2025-01-02T03:04:05+00:00"),
            "q-layers": QuizAnswer(
                value=3, correct=False, answered_at="2025-01-02T03:05:00", choices="et:0a1b2c3d"
            ),
            "q-opinion": QuizAnswer(value="ReLU „alati“", correct=None, answered_at="2025-01-03"),
        },
        settings={"theme": "dark", "ascii": False, "speed": 1.5, "width": 100},
    )


def valid_json() -> dict[str, object]:
    return sample().to_json()


def temp_files(directory: Path) -> list[Path]:
    return sorted(directory.glob(".progress-*.tmp"))


# ---------------------------------------------------------------- round trip
def test_round_trip_save_then_load(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.save(sample())
    result = store.load()
    assert result == LoadResult(sample(), notice=None, kept_aside=None, restored=True)
    assert temp_files(tmp_path) == []


def test_missing_file_is_a_fresh_start_without_notice(tmp_path: Path) -> None:
    result = ProgressStore(tmp_path / "nowhere").load()
    assert result == LoadResult(Progress(), None, None, False)
    assert not (tmp_path / "nowhere").exists()  # loading creates nothing


def test_file_format(tmp_path: Path) -> None:
    """Seen sorted, version included, UTF-8 without escapes, indent 1, sorted keys."""
    store = ProgressStore(tmp_path)
    store.save(sample())
    text = store.path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == FORMAT_VERSION
    assert data["seen"] == sorted(sample().seen)
    assert "ääremärkus" in text and "„alati“" in text
    assert list(data) == sorted(data)
    assert text.startswith('{\n "answers"')
    assert text.endswith("}\n")


OLD_FORMAT = """{
 "answers": {
  "q-layers": {"answered_at": "2026-12-01T10:00:00+00:00", "correct": false, "value": 2},
  "q-lr": {"answered_at": "2026-12-01T10:01:00+00:00", "correct": true, "value": 0.01}
 },
 "language": "et",
 "seen": ["intro"],
 "settings": {},
 "slide_id": "intro",
 "step": 0,
 "version": 1
}
"""
"""A file saved before answers kept which choices they were given to."""


def test_a_file_from_before_choices_were_kept_loads_with_every_answer(tmp_path: Path) -> None:
    (tmp_path / "progress.json").write_text(OLD_FORMAT, encoding="utf-8")
    result = ProgressStore(tmp_path).load()
    assert result.restored and result.notice is None
    assert result.progress.answers == {
        "q-layers": QuizAnswer(2, False, "2026-12-01T10:00:00+00:00", choices=None),
        "q-lr": QuizAnswer(0.01, True, "2026-12-01T10:01:00+00:00", choices=None),
    }
    data = result.progress.to_json()
    assert all("choices" not in answer for answer in data["answers"].values())  # type: ignore[attr-defined]


def test_a_choice_answer_keeps_which_choices_it_was_given_to(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.save(sample())
    assert json.loads(store.path.read_text("utf-8"))["answers"]["q-layers"]["choices"] == (
        "et:0a1b2c3d"
    )
    assert store.load().progress.answers["q-layers"].choices == "et:0a1b2c3d"


def test_to_json_sorts_seen_and_includes_version() -> None:
    data = Progress(seen={"c", "a", "b"}).to_json()
    assert data["seen"] == ["a", "b", "c"]
    assert data["version"] == FORMAT_VERSION
    json.dumps(data, allow_nan=False)  # plain JSON types only


ids = st.text(min_size=1, max_size=12)
finite = st.floats(allow_nan=False, allow_infinity=False)
answers = st.builds(
    QuizAnswer,
    value=st.one_of(st.integers(), finite, st.text(max_size=20)),
    correct=st.one_of(st.none(), st.booleans()),
    answered_at=st.datetimes().map(lambda d: d.isoformat()),
    choices=st.one_of(st.none(), st.text(max_size=20)),
)
progresses = st.builds(
    Progress,
    language=st.sampled_from(["et", "en"]),
    slide_id=st.one_of(st.none(), ids),
    step=st.integers(min_value=0, max_value=10**6),
    seen=st.sets(ids, max_size=10),
    answers=st.dictionaries(ids, answers, max_size=5),
    settings=st.dictionaries(
        ids, st.one_of(st.booleans(), st.integers(), finite, st.text(max_size=10)), max_size=5
    ),
)


@given(progresses)
def test_json_round_trip_property(value: Progress) -> None:
    assert Progress.from_json(json.loads(json.dumps(value.to_json()))) == value


@settings(
    max_examples=50,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(progresses)
def test_disk_round_trip_property(tmp_path: Path, value: Progress) -> None:
    for old in tmp_path.glob("progress.json"):
        old.unlink()  # else the save merges with the previous example's file
    store = ProgressStore(tmp_path)
    store.save(value)
    result = store.load()
    assert result.restored and result.notice is None
    assert result.progress == value


def test_unknown_extra_keys_are_ignored() -> None:
    data = valid_json()
    data["future_field"] = {"anything": [1, 2]}
    data["answers"]["q-lr"]["hint_used"] = True  # type: ignore[index]
    assert Progress.from_json(data) == sample()


# ----------------------------------------------------------- strict validation
def broken(**changes: object) -> dict[str, object]:
    data = valid_json()
    for key, value in changes.items():
        if value is KeyError:
            del data[key]
        else:
            data[key] = value
    return data


def with_answer(**changes: object) -> dict[str, object]:
    data = valid_json()
    answer = data["answers"]["q-lr"]  # type: ignore[index]
    for key, value in changes.items():
        if value is KeyError:
            del answer[key]
        else:
            answer[key] = value
    return data


INVALID = {
    "list": [],
    "string": "progress",
    "null": None,
    "number": 1,
    "no version": broken(version=KeyError),
    "version 99": broken(version=99),
    "version 0": broken(version=0),
    "version string": broken(version="1"),
    "version true": broken(version=True),
    "version float": broken(version=1.5),
    "only version": {"version": 1},
    "language fr": broken(language="fr"),
    "language number": broken(language=1),
    "no language": broken(language=KeyError),
    "slide_id number": broken(slide_id=5),
    "slide_id empty": broken(slide_id=""),
    "step negative": broken(step=-1),
    "step float": broken(step=1.0),
    "step bool": broken(step=True),
    "step string": broken(step="3"),
    "seen string": broken(seen="intro"),
    "seen numbers": broken(seen=[1, 2]),
    "seen object": broken(seen={"intro": True}),
    "answers list": broken(answers=[]),
    "answer not object": broken(answers={"q": 1}),
    "answer no value": with_answer(value=KeyError),
    "answer no timestamp": with_answer(answered_at=KeyError),
    "answer value list": with_answer(value=[1]),
    "answer value null": with_answer(value=None),
    "answer value bool": with_answer(value=True),
    "answer correct string": with_answer(correct="yes"),
    "answer correct int": with_answer(correct=1),
    "answer timestamp number": with_answer(answered_at=5),
    "answer timestamp junk": with_answer(answered_at="yesterday"),
    "answer choices number": with_answer(choices=5),
    "answer choices too long": with_answer(choices="x" * 101),
    "settings list": broken(settings=[]),
    "setting null": broken(settings={"theme": None}),
    "setting list": broken(settings={"theme": ["dark"]}),
    "setting inf": broken(settings={"speed": float("inf")}),
}


@pytest.mark.parametrize("data", INVALID.values(), ids=INVALID.keys())
def test_from_json_rejects(data: object) -> None:
    with pytest.raises(ProgressFormatError) as caught:
        Progress.from_json(data)
    assert caught.value.reason


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | finite | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=20,
)


@given(json_values)
def test_from_json_raises_only_format_errors(data: object) -> None:
    with contextlib.suppress(ProgressFormatError):
        Progress.from_json(data)


@given(
    st.fixed_dictionaries(
        {"version": st.just(1)},
        optional={
            k: json_values for k in ("language", "slide_id", "step", "seen", "answers", "settings")
        },
    )
)
def test_from_json_near_valid_raises_only_format_errors(data: dict[str, object]) -> None:
    with contextlib.suppress(ProgressFormatError):
        Progress.from_json(data)


# ------------------------------------------------------------ resolve_data_dir
def test_resolve_data_dir_prefers_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPPIJA_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"


def test_resolve_data_dir_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPPIJA_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir() == tmp_path / "env"
    assert resolve_data_dir(None) == tmp_path / "env"
    assert resolve_data_dir("") == tmp_path / "env"


def test_resolve_data_dir_then_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("OPPIJA_DATA_DIR", raising=False)
    expected = Path(platformdirs.user_data_dir("oppija", appauthor=False))
    assert resolve_data_dir() == expected
    monkeypatch.setenv("OPPIJA_DATA_DIR", "")
    assert resolve_data_dir() == expected


def test_resolve_data_dir_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_data_dir("~/oppija") == tmp_path / "oppija"


# ------------------------------------------------------------- corrupt files
def valid_bytes() -> bytes:
    return progress.dumps(sample()).encode("utf-8")


CORRUPT = {
    "garbage bytes": bytes(range(256)) * 3,
    "invalid json": b"{progress: yes}",
    "json list": b"[]",
    "version 99": b'{"version": 99}',
    "wrong types": json.dumps(broken(step="three", seen=7)).encode(),
    "empty file": b"",
    "whitespace": b"  \n",
    "truncated": valid_bytes()[: len(valid_bytes()) // 2],
    "invalid utf-8": valid_bytes().replace("ää".encode(), b"\xe4\xe4"),
    "nan": json.dumps(broken(settings={"speed": float("nan")})).encode(),
    "huge number": json.dumps(broken(settings={"speed": 1})).replace("1}", "1e999}").encode(),
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "null byte": b"\x00",
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_file_is_kept_aside_and_numbered(tmp_path: Path, content: bytes) -> None:
    store = ProgressStore(tmp_path)
    store.path.write_bytes(content)

    first = store.load()
    aside_1 = tmp_path / "progress.json.corrupt-1"
    assert first.progress == Progress()
    assert first.restored is False
    assert first.kept_aside == aside_1
    assert first.notice is not None and str(aside_1) in first.notice
    assert aside_1.read_bytes() == content
    assert not store.path.exists()

    second_content = b"{" + content
    store.path.write_bytes(second_content)
    second = store.load()
    aside_2 = tmp_path / "progress.json.corrupt-2"
    assert second.kept_aside == aside_2
    assert aside_2.read_bytes() == second_content
    assert aside_1.read_bytes() == content  # the older copy untouched

    # A fresh start can be saved and loaded again; the copies stay.
    store.save(Progress(step=1))
    assert store.load().progress == Progress(step=1)
    assert aside_1.exists() and aside_2.exists()


def test_first_free_number_is_used(tmp_path: Path) -> None:
    (tmp_path / "progress.json.corrupt-1").write_bytes(b"old one")
    (tmp_path / "progress.json.corrupt-3").write_bytes(b"old three")
    store = ProgressStore(tmp_path)
    store.path.write_bytes(b"bad")
    assert store.load().kept_aside == tmp_path / "progress.json.corrupt-2"
    store.path.write_bytes(b"bad again")
    assert store.load().kept_aside == tmp_path / "progress.json.corrupt-4"
    assert (tmp_path / "progress.json.corrupt-1").read_bytes() == b"old one"
    assert (tmp_path / "progress.json.corrupt-3").read_bytes() == b"old three"


def test_corrupt_copy_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """File systems without hard links: the bytes are copied to a new file instead."""

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "progress.json.corrupt-1").write_bytes(b"old")
    store = ProgressStore(tmp_path)
    store.path.write_bytes(b"\xff broken")
    result = store.load()
    assert result.kept_aside == tmp_path / "progress.json.corrupt-2"
    assert result.kept_aside.read_bytes() == b"\xff broken"
    assert (tmp_path / "progress.json.corrupt-1").read_bytes() == b"old"
    assert not store.path.exists()


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.path.write_bytes(b"\xef\xbb\xbf" + valid_bytes())
    assert store.load().progress == sample()


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.binary(max_size=200))
def test_load_never_raises_on_any_bytes(tmp_path: Path, content: bytes) -> None:
    for old in tmp_path.iterdir():
        old.unlink()
    store = ProgressStore(tmp_path)
    store.path.write_bytes(content)
    result = store.load()
    assert isinstance(result, LoadResult)
    assert result.progress == Progress()
    assert result.kept_aside is not None and result.kept_aside.read_bytes() == content


# ----------------------------------------------------- files that cannot be opened
def test_progress_path_is_a_directory(tmp_path: Path) -> None:
    """A folder named progress.json is moved aside whole, like a corrupt file, and the
    session saves as usual."""
    store = ProgressStore(tmp_path)
    store.path.mkdir()
    (store.path / "inside").write_text("keep me")
    result = store.load()
    aside = tmp_path / "progress.json.corrupt-1"
    assert result.progress == Progress()
    assert result.notice is not None and "not a file but a folder" in result.notice
    assert str(aside) in result.notice
    assert result.kept_aside == aside and result.restored is False
    assert (aside / "inside").read_text() == "keep me"
    store.save(Progress(step=2))
    assert store.load().progress == Progress(step=2)


def test_unreadable_file_is_left_alone_and_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied: a fresh start and a notice; the file is neither moved nor replaced."""
    store = ProgressStore(tmp_path)
    store.save(sample())
    before = store.path.read_bytes()

    def denied(path: Path, limit: int) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(progress, "read_regular_file", denied)
    result = store.load()
    monkeypatch.undo()

    assert result.progress == Progress()
    assert result.notice is not None and "permission denied" in result.notice
    assert result.kept_aside is None
    assert list(tmp_path.glob("*.corrupt-*")) == []
    assert store.blocked_reason is not None
    with pytest.raises(ProgressSaveError, match="not saved"):
        store.save(Progress(step=9))
    assert store.path.read_bytes() == before
    assert temp_files(tmp_path) == []

    # Once the file can be read again, saving works again.
    assert store.load().progress == sample()
    store.save(Progress(step=9))
    assert store.load().progress == Progress(step=9)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions"
)
def test_unreadable_file_by_permissions(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.save(sample())
    store.path.chmod(0)
    try:
        result = store.load()
        assert result.notice is not None and result.kept_aside is None
        assert list(tmp_path.glob("*.corrupt-*")) == []
    finally:
        store.path.chmod(0o600)


def test_corrupt_file_that_cannot_be_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the broken file cannot be kept aside, it is left in place and never overwritten."""

    def fail(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    store = ProgressStore(tmp_path)
    store.path.write_bytes(b"broken")
    monkeypatch.setattr(os, "link", fail)
    monkeypatch.setattr(progress, "open", fail, raising=False)
    result = store.load()
    monkeypatch.undo()
    assert result.progress == Progress() and result.notice is not None
    assert result.kept_aside is None
    with pytest.raises(ProgressSaveError):
        store.save(Progress())
    assert store.path.read_bytes() == b"broken"


def test_notice_is_translated(tmp_path: Path) -> None:
    """The notice goes through gettext; with the Estonian catalog it may differ from English."""
    store = ProgressStore(tmp_path)
    store.path.write_bytes(b"x")
    i18n.set_language("et")
    result = store.load()
    assert result.notice and str(result.kept_aside) in result.notice


# --------------------------------------------------------------------- save
def test_save_creates_missing_nested_directories(tmp_path: Path) -> None:
    directory = tmp_path / "a" / "b" / "c"
    store = ProgressStore(directory)
    store.save(sample())
    assert store.path.is_file()
    assert store.load().progress == sample()
    assert temp_files(directory) == []


def test_save_overwrites_previous(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.save(sample())
    store.save(Progress(step=7))
    assert store.load().progress == Progress(step=7)
    # The lock file stays (removing a lock file races with the next copy that takes it).
    assert sorted(p.name for p in tmp_path.iterdir()) == [".progress.lock", "progress.json"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_save_failure_keeps_old_file_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    store = ProgressStore(tmp_path)
    store.save(sample())
    before = store.path.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(ProgressSaveError, match="the disk is full") as caught:
        store.save(Progress(step=5))
    monkeypatch.undo()
    assert str(caught.value).startswith("Progress could not be saved")
    assert store.path.read_bytes() == before
    assert temp_files(tmp_path) == []


def test_save_interrupted_removes_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ProgressStore(tmp_path)
    store.save(sample())
    before = store.path.read_bytes()

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        store.save(Progress(step=5))
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert temp_files(tmp_path) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions"
)
def test_save_into_read_only_directory(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.save(sample())
    before = store.path.read_bytes()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ProgressSaveError):
            store.save(Progress(step=5))
    finally:
        tmp_path.chmod(0o700)
    assert store.path.read_bytes() == before
    assert temp_files(tmp_path) == []


def test_save_where_directory_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a directory")
    with pytest.raises(ProgressSaveError):
        ProgressStore(tmp_path / "file" / "sub").save(sample())


@pytest.mark.parametrize(
    "bad",
    [
        Progress(language="fr"),
        Progress(step=-1),
        Progress(settings={"speed": float("nan")}),
        Progress(answers={"q": QuizAnswer(1, True, "not a time")}),
        Progress(seen={""}),
    ],
    ids=["language", "step", "nan", "timestamp", "empty id"],
)
def test_save_refuses_what_load_would_reject(tmp_path: Path, bad: Progress) -> None:
    store = ProgressStore(tmp_path)
    store.save(sample())
    before = store.path.read_bytes()
    with pytest.raises(ProgressSaveError):
        store.save(bad)
    assert store.path.read_bytes() == before
    assert temp_files(tmp_path) == []


def test_timestamp_is_valid_for_answers(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    value = Progress(answers={"q": QuizAnswer("x", None, progress.timestamp())})
    store.save(value)
    assert store.load().progress == value


# --------------------------------------------------------------------- reset
def test_reset(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    assert store.reset() is None
    store.save(sample())
    (tmp_path / "progress.json.corrupt-1").write_bytes(b"old")
    assert store.reset() == store.path
    assert not store.path.exists()
    assert (tmp_path / "progress.json.corrupt-1").exists()
    assert store.reset() is None
    assert store.load() == LoadResult(Progress())


def test_reset_failure_is_reported(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.path.mkdir()
    with pytest.raises(ProgressSaveError):
        store.reset()


# -------------------------------------------------------------- concurrency
WORKERS = 3


def test_concurrent_saves_never_leave_a_broken_file(tmp_path: Path) -> None:
    """Three processes save at once while this one loads: every load finds a whole file.

    The loads start once every saver has started (a barrier), so that all of them overlap the
    saves and none is spent while the savers are still starting Python.
    """
    store = ProgressStore(tmp_path)
    store.save(Progress(slide_id="start"))
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WORKERS + 1)
    workers = [
        context.Process(target=save_many, args=(str(tmp_path), w, start)) for w in range(WORKERS)
    ]
    for process in workers:
        process.start()
    loads = 0
    seen_workers: set[object] = set()
    try:
        start.wait(START_TIMEOUT)
        while any(p.is_alive() for p in workers) or loads < 50:
            result = store.load()
            assert result.notice is None, result.notice
            assert result.restored and result.kept_aside is None
            loaded = result.progress
            if loaded.slide_id != "start":
                assert loaded.slide_id is not None
                worker = int(loaded.slide_id.removeprefix("worker-"))
                seen_workers.add(worker)
                # The last saver's own slides are exactly what it saw; the others' are merged in.
                own = {slide for slide in loaded.seen if slide.startswith(f"slide-{worker}-")}
                assert len(own) == 100 + loaded.step % 50
                assert loaded.settings["note"] == "ä" * (loaded.step % 97)
            loads += 1
    finally:
        for process in workers:
            process.join(timeout=120)
    assert [p.exitcode for p in workers] == [0] * WORKERS
    assert list(tmp_path.glob("*.corrupt-*")) == []
    assert temp_files(tmp_path) == []
    final = store.load()
    assert final.restored and final.progress.step == SAVES - 1
    assert seen_workers  # the loads really overlapped the saves
    # No copy lost another's work: every worker's last seen slides are in the file.
    last = 100 + (SAVES - 1) % 50
    for worker in range(WORKERS):
        own = {slide for slide in final.progress.seen if slide.startswith(f"slide-{worker}-")}
        assert own == {f"slide-{worker}-{k:04d}" for k in range(last)}


# ------------------------------------------------------------------ debouncer
def test_debouncer_idle_is_never_due() -> None:
    debouncer = SaveDebouncer()
    assert debouncer.delay == 0.5
    assert not debouncer.pending
    assert not debouncer.due(0.0) and not debouncer.due(100.0)
    assert debouncer.flush() is False


def test_debouncer_counts_from_the_first_request() -> None:
    debouncer = SaveDebouncer(delay=0.5)
    debouncer.request(10.0)
    assert debouncer.pending
    assert not debouncer.due(10.2)
    debouncer.request(10.3)  # later moves do not push the save further away
    debouncer.request(10.49)
    assert not debouncer.due(10.49)
    assert debouncer.due(10.5)
    debouncer.saved()
    assert not debouncer.pending and not debouncer.due(11.0)


def test_debouncer_steady_moves_save_at_most_every_delay() -> None:
    """A key held down (a move every 10 ms for 3 s, timer every 50 ms) saves 5-6 times."""
    debouncer = SaveDebouncer(delay=0.5)
    saves: list[float] = []
    for tick in range(300):
        now = tick * 0.01
        debouncer.request(now)
        if tick % 5 == 0 and debouncer.due(now):
            saves.append(now)
            debouncer.saved()
    gaps = [b - a for a, b in itertools.pairwise(saves)]
    assert 5 <= len(saves) <= 6
    assert all(gap >= 0.5 - 1e-9 for gap in gaps)


def test_debouncer_flush_and_backwards_clock() -> None:
    debouncer = SaveDebouncer(delay=0.5)
    debouncer.request(5.0)
    assert debouncer.flush() is True
    assert not debouncer.pending and debouncer.flush() is False
    debouncer.request(5.0)
    assert debouncer.due(4.0)  # the clock went backwards: save rather than wait forever


def test_debouncer_zero_delay_and_invalid() -> None:
    debouncer = SaveDebouncer(delay=0)
    debouncer.request(1.0)
    assert debouncer.due(1.0)
    for bad in (-1.0, float("nan")):
        with pytest.raises(ValueError):
            SaveDebouncer(delay=bad)


@given(st.lists(st.floats(min_value=0, max_value=100), min_size=1), st.floats(0, 100))
def test_debouncer_due_exactly_after_delay_from_first(requests: list[float], now: float) -> None:
    requests = sorted(requests)
    debouncer = SaveDebouncer(delay=0.5)
    for moment in requests:
        debouncer.request(moment)
    first = requests[0]
    assert debouncer.due(now) == (now - first >= 0.5 or now < first)


# ------------------------------------------------------------------ isolation
def test_module_imports_no_ui() -> None:
    from tests.layering import ui_modules_loaded_by

    assert ui_modules_loaded_by("oppija.progress") == []
