"""Demo settings kept per slide in the progress: saved, loaded, checked, merged.

A learner who changed a demo's settings finds the demo as they left it; a file saved before
this existed still loads; a hand-edited or hostile file is kept aside, never half-loaded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oppija.progress import (
    MAX_DEMO_NUMBERS,
    MAX_DEMO_TEXT,
    DemoValue,
    Progress,
    ProgressFormatError,
    ProgressSaveError,
    ProgressStore,
    merge,
)

pytestmark = pytest.mark.usefixtures("english")

ids = st.text(min_size=1, max_size=12)
finite = st.floats(allow_nan=False, allow_infinity=False)
values: st.SearchStrategy[DemoValue] = st.one_of(
    st.integers(),
    finite,
    st.text(max_size=20),
    st.lists(st.one_of(st.integers(), finite), max_size=5),
)
slide_settings = st.dictionaries(ids, st.dictionaries(ids, values, max_size=4), max_size=4)


@given(slide_settings)
def test_demo_settings_survive_a_json_round_trip(
    demo_settings: dict[str, dict[str, DemoValue]],
) -> None:
    progress = Progress(demo_settings=demo_settings)
    assert Progress.from_json(json.loads(json.dumps(progress.to_json()))) == progress


def test_a_file_from_before_demo_settings_loads(tmp_path: Path) -> None:
    """A version-1 file written before the field existed: the learner's answers stay."""
    old = {
        "version": 1,
        "language": "et",
        "slide_id": "gd-1d",
        "step": 2,
        "seen": ["intro", "gd-1d"],
        "answers": {"q": {"value": 2, "correct": True, "answered_at": "2026-01-01T10:00:00"}},
        "settings": {"theme": "textual-light"},
    }
    (tmp_path / "progress.json").write_text(json.dumps(old), encoding="utf-8")
    result = ProgressStore(tmp_path).load()
    assert result.restored and result.notice is None
    assert result.progress.slide_id == "gd-1d" and "q" in result.progress.answers
    assert result.progress.demo_settings == {}


def test_saved_demo_settings_come_back(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.save(Progress(demo_settings={"gd-1d": {"lr": 0.3, "start": [1.5, -2], "f": "x^2"}}))
    loaded = ProgressStore(tmp_path).load().progress
    assert loaded.demo_settings == {"gd-1d": {"lr": 0.3, "start": [1.5, -2], "f": "x^2"}}


def test_copy_is_independent() -> None:
    progress = Progress(demo_settings={"s": {"start": [1.0, 2.0]}})
    copy = progress.copy()
    copy.demo_settings["s"]["start"].append(3.0)  # type: ignore[union-attr]
    copy.demo_settings["t"] = {}
    assert progress.demo_settings == {"s": {"start": [1.0, 2.0]}}


@pytest.mark.parametrize(
    "hostile",
    [
        [],
        "lr=0,1",
        {"": {"lr": 0.1}},
        {"slide": [1, 2]},
        {"slide": {"": 1}},
        {"slide": {"lr": None}},
        {"slide": {"lr": True}},
        {"slide": {"lr": {"nested": 1}}},
        {"slide": {"start": [1, "2"]}},
        {"slide": {"start": [1, [2]]}},
        {"slide": {"start": [True]}},
        {"slide": {"start": [0.0] * (MAX_DEMO_NUMBERS + 1)}},
        {"slide": {"f": "x" * (MAX_DEMO_TEXT + 1)}},
        {"slide": {"lr": 1e400}},
    ],
)
def test_hostile_demo_settings_are_refused(hostile: object) -> None:
    data = Progress().to_json()
    data["demo_settings"] = hostile
    with pytest.raises(ProgressFormatError):
        Progress.from_json(json.loads(json.dumps(data)))


def test_a_file_with_hostile_demo_settings_is_kept_aside_whole(tmp_path: Path) -> None:
    text = json.dumps({**Progress(seen={"a"}).to_json(), "demo_settings": {"s": {"lr": [[1]]}}})
    (tmp_path / "progress.json").write_text(text, encoding="utf-8")
    result = ProgressStore(tmp_path).load()
    assert not result.restored and result.kept_aside is not None
    assert result.kept_aside.read_text(encoding="utf-8") == text
    assert result.notice is not None and "could not be read" in result.notice


def test_what_load_would_refuse_is_never_saved(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    with pytest.raises(ProgressSaveError):
        store.save(Progress(demo_settings={"s": {"f": "x" * (MAX_DEMO_TEXT + 1)}}))
    assert not store.path.exists()


# ------------------------------------------------------------------- merging
def test_each_copys_slides_are_kept(tmp_path: Path) -> None:
    ProgressStore(tmp_path).save(Progress())
    a, b = ProgressStore(tmp_path), ProgressStore(tmp_path)
    a.load(), b.load()
    a.save(Progress(demo_settings={"gd": {"lr": 0.5}}))
    b.save(Progress(demo_settings={"rnn": {"word": "kass"}}))
    saved = ProgressStore(tmp_path).load().progress
    assert saved.demo_settings == {"gd": {"lr": 0.5}, "rnn": {"word": "kass"}}


def test_a_slide_is_the_copy_that_changed_it_as_one_whole(tmp_path: Path) -> None:
    """Settings set a demo up together: one copy's lr with the other's start would be a
    demo neither learner saw."""
    ProgressStore(tmp_path).save(Progress(demo_settings={"gd": {"lr": 0.1, "start": 2}}))
    a, b = ProgressStore(tmp_path), ProgressStore(tmp_path)
    a.load(), b.load()
    a.save(Progress(demo_settings={"gd": {"lr": 0.5}}))
    b.save(Progress(demo_settings={"gd": {"lr": 0.1, "start": 2}}, step=3))  # b left it alone
    assert ProgressStore(tmp_path).load().progress.demo_settings == {"gd": {"lr": 0.5}}


def test_a_slide_one_copy_cleared_stays_cleared(tmp_path: Path) -> None:
    ProgressStore(tmp_path).save(Progress(demo_settings={"gd": {"lr": 0.5}}))
    a, b = ProgressStore(tmp_path), ProgressStore(tmp_path)
    a.load(), b.load()
    a.save(Progress())  # back to the lesson's settings
    b.save(Progress(demo_settings={"gd": {"lr": 0.5}}, step=2))
    assert ProgressStore(tmp_path).load().progress.demo_settings == {}


def test_merge_without_a_base_prefers_ours_per_slide() -> None:
    ours = Progress(demo_settings={"gd": {"lr": 0.5}})
    theirs = Progress(demo_settings={"gd": {"lr": 0.2, "start": 1}, "rnn": {"word": "kass"}})
    merged = merge(None, ours, theirs)
    assert merged.demo_settings == {"gd": {"lr": 0.5}, "rnn": {"word": "kass"}}


def test_a_whole_number_no_float_holds_is_refused() -> None:
    data = Progress().to_json()
    data["demo_settings"] = {"slide": {"units": 10**400}}
    with pytest.raises(ProgressFormatError):
        Progress.from_json(json.loads(json.dumps(data)))
