"""Practice results in the progress: counted per demo, saved, loaded, merged like the quiz
answers; a file saved before practice existed still loads; a bad one is kept aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oppija.practice.question import step_result
from oppija.progress import Progress, ProgressFormatError, ProgressStore
from oppija.progress_practice import PracticeResult, UnsolvedStep

pytestmark = pytest.mark.usefixtures("english")


def practised(*outcomes: tuple[str, int, bool]) -> Progress:
    progress = Progress()
    for demo, wrong, solved in outcomes:
        progress.record_practice(demo, step_result(wrong, solved))
    return progress


def test_steps_count_as_first_try_with_hints_or_shown_and_survive_saving(tmp_path: Path) -> None:
    progress = practised(("backprop", 0, True), ("backprop", 2, True), ("backprop", 3, False))
    progress.record_practice("softmax", "first_try")
    assert progress.practice["backprop"] == PracticeResult(first_try=1, with_hints=1, shown=1)
    ProgressStore(tmp_path).save(progress)
    assert ProgressStore(tmp_path).load().progress.practice == progress.practice


def test_a_file_saved_before_practice_existed_loads_with_none() -> None:
    data = Progress(seen={"intro"}).to_json()
    del data["practice"]
    assert Progress.from_json(json.loads(json.dumps(data))).practice == {}


@pytest.mark.parametrize(
    "bad",
    [
        [],
        {"backprop": 3},
        {"backprop": {"shown": -1}},
        {"backprop": {"first_try": 1.5}},
        {"backprop": {"with_hints": True}},
        {"": {}},
    ],
)
def test_a_bad_practice_record_is_refused_whole(bad: object) -> None:
    data = {**Progress().to_json(), "practice": bad}
    with pytest.raises(ProgressFormatError):
        Progress.from_json(data)


def test_two_copies_practice_adds_up(tmp_path: Path) -> None:
    ProgressStore(tmp_path).save(practised(("backprop", 0, True)))
    a, b = ProgressStore(tmp_path), ProgressStore(tmp_path)
    first, second = a.load().progress, b.load().progress
    first.record_practice("backprop", "shown")
    a.save(first)
    second.record_practice("backprop", "first_try")
    second.record_practice("graph", "with_hints")
    b.save(second)
    saved = ProgressStore(tmp_path).load().progress.practice
    assert saved == {
        "backprop": PracticeResult(first_try=2, with_hints=0, shown=1),
        "graph": PracticeResult(with_hints=1),
    }


def step_at(step: int, at: str) -> UnsolvedStep:
    return UnsolvedStep(settings={"inputs": [1.0, 0.0], "activation": "tanh"}, step=step, at=at)


def test_unsolved_steps_survive_saving_and_a_solved_one_goes(tmp_path: Path) -> None:
    progress = Progress()
    progress.record_practice("backprop", "shown", step_at(3, "2026-12-01T10:00:00+00:00"))
    progress.record_practice("backprop", "shown", step_at(5, "2026-12-01T11:00:00+00:00"))
    ProgressStore(tmp_path).save(progress)
    loaded = ProgressStore(tmp_path).load().progress
    assert loaded.practice == progress.practice
    loaded.record_practice("backprop", "with_hints", step_at(3, "2026-12-02T10:00:00+00:00"))
    assert [s.step for s in loaded.practice["backprop"].unsolved] == [5]


def test_unsolved_steps_merge_like_answers(tmp_path: Path) -> None:
    first = Progress()
    first.record_practice("backprop", "shown", step_at(3, "2026-12-01T10:00:00+00:00"))
    ProgressStore(tmp_path).save(first)
    a, b = ProgressStore(tmp_path), ProgressStore(tmp_path)
    mine, other = a.load().progress, b.load().progress
    mine.record_practice("backprop", "first_try", step_at(3, "2026-12-02T10:00:00+00:00"))
    a.save(mine)  # solved here
    other.record_practice("backprop", "shown", step_at(7, "2026-12-03T10:00:00+00:00"))
    b.save(other)  # a new one there
    saved = ProgressStore(tmp_path).load().progress.practice["backprop"]
    assert [s.step for s in saved.unsolved] == [7]
    assert saved.counts() == {"first_try": 1, "with_hints": 0, "shown": 2}


@pytest.mark.parametrize(
    "bad",
    [
        {"unsolved": {}},
        {"unsolved": [{"settings": {}, "step": -1, "at": "2026-12-01T10:00:00"}]},
        {"unsolved": [{"settings": {"lr": float("nan")}, "step": 1, "at": "2026-12-01"}]},
        {"unsolved": [{"settings": {}, "step": 1, "at": "eile"}]},
        {"unsolved": [{"settings": {"x": {"y": 1}}, "step": 1, "at": "2026-12-01"}]},
    ],
)
def test_a_bad_unsolved_step_is_refused(bad: dict[str, object]) -> None:
    data = {**Progress().to_json(), "practice": {"backprop": bad}}
    with pytest.raises(ProgressFormatError):
        Progress.from_json(data)
