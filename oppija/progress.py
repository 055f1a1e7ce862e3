"""The learner's progress on disk: where the lecture was left, what was seen and answered.

One JSON file, ``progress.json``, in the user data directory. The file is written atomically
(temporary file in the same directory, flush, fsync, ``os.replace``) so that a crash, a full
disk or two copies of the app saving at once can never leave half a file behind. A file that
cannot be understood is moved aside as ``progress.json.corrupt-N`` and the app starts fresh
with a notice: loading never crashes and never silently throws a learner's progress away.
A name that is no regular file (a folder, a named pipe, a link to a device) or a file too
large to be progress is moved aside the same way, without being read.

Two copies of the app on one data folder do not overwrite each other's work: a save re-reads
the file under an advisory lock and merges what the other copy saved since (see :func:`merge`).

This module is deliberately free of the terminal UI (no textual, no rich): the command line
uses it for ``--reset-progress`` and tests use it on its own.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import count
from pathlib import Path
from typing import NoReturn, TypeGuard

from oppija.i18n import LANGUAGES, _, format_integer
from oppija.progress_practice import (
    MAX_NUMBERS,
    MAX_TEXT,
    PracticeFormatError,
    PracticeResult,
    UnsolvedStep,
    has_setting_shape,
    merged_practice,
    practice_from_json,
    practice_to_json,
)
from oppija.progress_practice import Outcome as PracticeOutcome
from oppija.regular_files import FileTooLarge, NotRegularFile, os_error_reason, read_regular_file

FORMAT_VERSION = 1
FILE_NAME = "progress.json"
LOCK_NAME = ".progress.lock"
MAX_FILE_BYTES = 8_000_000
"""Far more than any learner's progress (a few kilobytes); a larger file is not progress."""
LOCK_WAIT = 2.0
"""Seconds a save waits for another copy's lock before it saves without the lock."""
ENV_DATA_DIR = "OPPIJA_DATA_DIR"
MAX_CHOICES_ID = 100
"""The longest ``QuizAnswer.choices`` kept: the app writes a language code and a short hash."""

Scalar = int | float | str | bool
"""A value a setting may hold (JSON scalars except null)."""

DemoValue = int | float | str | list[int | float]
"""A demo setting as saved: a number, text (a choice, a formula as typed) or a list of numbers."""

MAX_DEMO_TEXT = MAX_TEXT
MAX_DEMO_NUMBERS = MAX_NUMBERS
"""A saved demo setting's limits: those of a practice step's settings too (progress_practice)."""
MAX_FLOAT = sys.float_info.max


class ProgressError(Exception):
    """Base of the errors of this module, so a caller can catch them all at once."""


class ProgressFormatError(ProgressError):
    """The data is not a progress record this version understands; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ProgressSaveError(ProgressError):
    """Progress could not be written (or deleted); the message is translated for a notice."""


def timestamp() -> str:
    """Now as an ISO 8601 UTC timestamp to the second, the form ``answered_at`` is stored in."""
    from datetime import UTC, datetime  # here: the app's first screen has no need of it

    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class QuizAnswer:
    """The learner's last answer to one quiz, kept so a quiz shows its answer on return.

    ``correct`` is None for questions without a right answer (opinions, predictions).
    ``choices`` identifies a choice question's choices as the learner saw them (see
    :func:`oppija.content.saved_choice.choices_seen`): ``value`` is a position, and a lesson
    that reorders or rewrites its choices would otherwise make it point at another choice.
    None for other kinds and in files saved before it existed.
    """

    value: int | float | str
    correct: bool | None
    answered_at: str
    choices: str | None = None


@dataclass
class Progress:
    """Everything the app remembers between runs; a fresh ``Progress()`` is a first start."""

    language: str = "et"
    slide_id: str | None = None
    step: int = 0
    seen: set[str] = field(default_factory=set)
    answers: dict[str, QuizAnswer] = field(default_factory=dict)
    settings: dict[str, Scalar] = field(default_factory=dict)
    demo_settings: dict[str, dict[str, DemoValue]] = field(default_factory=dict)
    """Per slide id, the demo settings the learner changed from the lesson's (only those), so
    the demo comes back as it was left. Checked against the demo's schema where it is used:
    a setting a changed lesson no longer allows is dropped there."""
    practice: dict[str, PracticeResult] = field(default_factory=dict)
    """Per demo, the practice steps solved at the first try, with hints, or shown."""

    def copy(self) -> Progress:
        """An independent copy (the app changes its progress in place)."""
        return Progress(
            language=self.language,
            slide_id=self.slide_id,
            step=self.step,
            seen=set(self.seen),
            answers={quiz: replace(answer) for quiz, answer in self.answers.items()},
            settings=dict(self.settings),
            demo_settings=_copied_demo_settings(self.demo_settings),
            practice=dict(self.practice),
        )

    def record_practice(
        self, demo: str, outcome: PracticeOutcome, step: UnsolvedStep | None = None
    ) -> None:
        """Count one practice step of ``demo`` that ended in ``outcome``; ``step`` (its
        settings and position) is kept to come back when it was shown, and no longer comes
        back once solved."""
        result = self.practice.get(demo, PracticeResult()).counted(outcome)
        if step is not None:
            result = result.with_unsolved(step) if outcome == "shown" else result.solved(step)
        self.practice[demo] = result

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict; ``seen`` is sorted so the file is stable and diffs stay small."""
        return {
            "version": FORMAT_VERSION,
            "language": self.language,
            "slide_id": self.slide_id,
            "step": self.step,
            "seen": sorted(self.seen),
            "answers": {
                quiz: {
                    "value": answer.value,
                    "correct": answer.correct,
                    "answered_at": answer.answered_at,
                    **({"choices": answer.choices} if answer.choices is not None else {}),
                }
                for quiz, answer in self.answers.items()
            },
            "settings": dict(self.settings),
            "demo_settings": _copied_demo_settings(self.demo_settings),
            "practice": practice_to_json(self.practice),
        }

    @classmethod
    def from_json(cls, data: object) -> Progress:
        """Rebuild progress from parsed JSON, checking every field.

        Strict on purpose: anything unexpected is reported rather than half-loaded, so the file
        can be kept aside intact. Unknown extra keys are ignored (a later version may add
        fields); a different ``version`` is an error. ``demo_settings`` and ``practice`` came
        later and may be missing (a file saved before them loads with none).

        Raises:
            ProgressFormatError: the data is not a valid version-1 progress record.
        """
        if not isinstance(data, dict):
            raise ProgressFormatError(f"expected a JSON object, got {type(data).__name__}")
        if "version" not in data:
            raise ProgressFormatError("no 'version'")
        version = data["version"]
        if not _is_int(version) or version != FORMAT_VERSION:
            raise ProgressFormatError(f"unsupported version {version!r}")
        for key in ("language", "slide_id", "step", "seen", "answers", "settings"):
            if key not in data:
                raise ProgressFormatError(f"no {key!r}")

        language = data["language"]
        if not isinstance(language, str) or language not in LANGUAGES:
            raise ProgressFormatError(f"unknown language {language!r}")

        slide_id = data["slide_id"]
        if slide_id is not None and not _is_id(slide_id):
            raise ProgressFormatError(f"bad slide_id {slide_id!r}")

        step = data["step"]
        if not _is_int(step) or step < 0:
            raise ProgressFormatError(f"bad step {step!r}")

        seen = data["seen"]
        if not isinstance(seen, list) or not all(_is_id(item) for item in seen):
            raise ProgressFormatError("'seen' must be a list of slide ids")

        raw_answers = data["answers"]
        if not isinstance(raw_answers, dict):
            raise ProgressFormatError("'answers' must be an object")
        answers = {quiz: _answer_from_json(quiz, raw) for quiz, raw in raw_answers.items()}

        settings = data["settings"]
        if not isinstance(settings, dict):
            raise ProgressFormatError("'settings' must be an object")
        for key, value in settings.items():
            if not _is_id(key) or not _is_setting(value):
                raise ProgressFormatError(f"bad setting {key!r}: {value!r}")

        try:
            practice = practice_from_json(data.get("practice", {}))
        except PracticeFormatError as error:
            raise ProgressFormatError(str(error)) from None
        return cls(
            language=language,
            slide_id=slide_id,
            step=step,
            seen=set(seen),
            answers=answers,
            settings=dict(settings),
            demo_settings=_demo_settings_from_json(data.get("demo_settings", {})),
            practice=practice,
        )


def _is_int(value: object) -> bool:
    """An int that is not a bool (JSON true is not the number 1 here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _is_finite_number(value: object) -> bool:
    return _is_int(value) or (isinstance(value, float) and math.isfinite(value))


def _is_id(value: object) -> bool:
    return isinstance(value, str) and value != ""


def _is_setting(value: object) -> bool:
    return isinstance(value, (bool, str)) or _is_finite_number(value)


def is_demo_value(value: object) -> TypeGuard[DemoValue]:
    """Whether ``value`` may be saved as a demo setting (what :data:`DemoValue` allows, within
    :data:`MAX_DEMO_TEXT` and :data:`MAX_DEMO_NUMBERS`); the app saves only such values."""
    return has_setting_shape(value, _is_float_sized)


def _is_float_sized(value: object) -> bool:
    """A finite number a float can hold (JSON's whole numbers have no limit)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return _is_finite_number(value) and abs(value) <= MAX_FLOAT


def _demo_settings_from_json(raw: object) -> dict[str, dict[str, DemoValue]]:
    if not isinstance(raw, dict):
        raise ProgressFormatError("'demo_settings' must be an object")
    found: dict[str, dict[str, DemoValue]] = {}
    for slide, values in raw.items():
        if not _is_id(slide) or not isinstance(values, dict):
            raise ProgressFormatError(f"bad demo settings for slide {slide!r}")
        for key, value in values.items():
            if not _is_id(key) or not is_demo_value(value):
                raise ProgressFormatError(f"bad demo setting {key!r} on slide {slide!r}")
        found[slide] = _copied_values(values)
    return found


def _copied_values(values: dict[str, DemoValue]) -> dict[str, DemoValue]:
    return {key: list(v) if isinstance(v, list) else v for key, v in values.items()}


def _copied_demo_settings(
    demo_settings: dict[str, dict[str, DemoValue]],
) -> dict[str, dict[str, DemoValue]]:
    return {slide: _copied_values(values) for slide, values in demo_settings.items()}


def _answer_from_json(quiz: str, raw: object) -> QuizAnswer:
    if not _is_id(quiz) or not isinstance(raw, dict):
        raise ProgressFormatError(f"bad answer for quiz {quiz!r}")
    try:
        value, correct, answered_at = raw["value"], raw["correct"], raw["answered_at"]
    except KeyError as missing:
        raise ProgressFormatError(f"answer for quiz {quiz!r} has no {missing}") from None
    if not (isinstance(value, str) or _is_finite_number(value)):
        raise ProgressFormatError(f"bad value in answer for quiz {quiz!r}: {value!r}")
    if correct is not None and not isinstance(correct, bool):
        raise ProgressFormatError(f"bad 'correct' in answer for quiz {quiz!r}: {correct!r}")
    if not isinstance(answered_at, str):
        raise ProgressFormatError(f"bad timestamp in answer for quiz {quiz!r}")
    try:
        from datetime import datetime

        datetime.fromisoformat(answered_at)
    except ValueError:
        raise ProgressFormatError(f"bad timestamp in answer for quiz {quiz!r}") from None
    choices = raw.get("choices")  # missing in files saved before it existed
    if choices is not None and not (isinstance(choices, str) and len(choices) <= MAX_CHOICES_ID):
        raise ProgressFormatError(f"bad 'choices' in answer for quiz {quiz!r}")
    return QuizAnswer(value=value, correct=correct, answered_at=answered_at, choices=choices)


def _reject_constant(name: str) -> NoReturn:
    """JSON has no NaN or Infinity; Python's parser would accept them unless told not to."""
    raise ValueError(f"{name} is not valid JSON")


def parse(data: bytes) -> Progress:
    """Progress from the bytes of a progress file.

    Raises:
        ProgressFormatError: the bytes are not UTF-8, not JSON or not a valid record.
    """
    try:
        # utf-8-sig: a byte order mark added by a hand edit in a Windows editor is harmless.
        text = data.decode("utf-8-sig")
        parsed = json.loads(text, parse_constant=_reject_constant)
    except UnicodeDecodeError as error:
        raise ProgressFormatError(f"not UTF-8: {error}") from None
    except (ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
        raise ProgressFormatError(f"not JSON: {error}") from None
    return Progress.from_json(parsed)


def read_progress(directory: Path) -> Progress | None:
    """The progress saved in ``directory``, for a reader that is not the learner's own app.

    Read only: unlike :meth:`ProgressStore.load`, a bad file is not kept aside but reported to
    the caller, and nothing in the folder is moved, renamed or written (``oppija report``
    reads a whole class this way while the learners may still be working). None when no
    progress was saved there yet.

    Raises:
        OSError: the file cannot be read (``NotRegularFile``, ``FileTooLarge``, permissions).
        ProgressFormatError: the file is not a progress record this version understands.
    """
    try:
        data = read_regular_file(Path(directory) / FILE_NAME, MAX_FILE_BYTES)
    except FileNotFoundError:
        return None
    return parse(data)


def dumps(progress: Progress) -> str:
    """The text of a progress file: UTF-8 friendly, sorted keys, one key a line (readable)."""
    return (
        json.dumps(
            progress.to_json(), ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False
        )
        + "\n"
    )


def _moment(answer: QuizAnswer) -> float:
    """When an answer was given, as seconds (a time without a zone counts as UTC)."""
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(answer.answered_at)
    except ValueError:  # pragma: no cover - from_json accepts only valid timestamps
        return float("-inf")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _later(ours: QuizAnswer | None, theirs: QuizAnswer | None) -> QuizAnswer | None:
    """The answer given last; ours on a tie; an answer rather than none."""
    if ours is None or theirs is None:
        return ours if theirs is None else theirs
    return theirs if _moment(theirs) > _moment(ours) else ours


def merge(base: Progress | None, ours: Progress, theirs: Progress) -> Progress:
    """What to save when the file on disk (``theirs``) changed since this copy read it.

    ``base`` is what this copy last loaded or saved, so ``ours`` minus ``base`` is this
    copy's own work and ``theirs`` minus ``base`` the other copy's: both are kept. The
    position and language are this copy's (the learner is looking at it); slides seen are
    joined; for a quiz both copies answered, the later answer wins; a setting is the value
    of the copy that changed it, and so are a slide's demo settings (as one whole). Without
    a ``base`` nothing is known to be removed: seen slides are joined, answers and settings
    of both kept (ours on a conflict, an answer by time).
    """
    if base is None:
        answers = {
            quiz: answer
            for quiz in theirs.answers.keys() | ours.answers.keys()
            if (answer := _later(ours.answers.get(quiz), theirs.answers.get(quiz))) is not None
        }
        return Progress(
            language=ours.language,
            slide_id=ours.slide_id,
            step=ours.step,
            seen=theirs.seen | ours.seen,
            answers=answers,
            settings={**theirs.settings, **ours.settings},
            demo_settings=_copied_demo_settings({**theirs.demo_settings, **ours.demo_settings}),
            practice=merged_practice(None, ours.practice, theirs.practice),
        )
    seen = (theirs.seen | (ours.seen - base.seen)) - (base.seen - ours.seen)
    merged_answers: dict[str, QuizAnswer] = {}
    for quiz in theirs.answers.keys() | ours.answers.keys() | base.answers.keys():
        was = base.answers.get(quiz)
        mine, other = ours.answers.get(quiz), theirs.answers.get(quiz)
        if mine != was and other != was:
            chosen = _later(mine, other)  # both answered again: the later one
        else:
            chosen = mine if mine != was else other
        if chosen is not None:
            merged_answers[quiz] = chosen
    settings = dict(theirs.settings)
    for key in ours.settings.keys() | base.settings.keys():
        if key not in ours.settings:
            if key in base.settings and settings.get(key) == base.settings[key]:
                settings.pop(key, None)  # removed here, untouched there
        elif ours.settings[key] != base.settings.get(key):
            settings[key] = ours.settings[key]
    return Progress(
        language=ours.language,
        slide_id=ours.slide_id,
        step=ours.step,
        seen=seen,
        answers=merged_answers,
        settings=settings,
        demo_settings=_merged_demo_settings(base, ours, theirs),
        practice=merged_practice(base.practice, ours.practice, theirs.practice),
    )


def _merged_demo_settings(
    base: Progress, ours: Progress, theirs: Progress
) -> dict[str, dict[str, DemoValue]]:
    """A slide's demo settings are one whole (a demo is set up by all of them together): the
    copy that changed them since ``base`` gives them, the other copy's slides stay."""
    merged = _copied_demo_settings(theirs.demo_settings)
    for slide in ours.demo_settings.keys() | base.demo_settings.keys():
        mine, was = ours.demo_settings.get(slide), base.demo_settings.get(slide)
        if mine == was:
            continue
        if mine is None:
            if merged.get(slide) == was:
                merged.pop(slide, None)  # cleared here, untouched there
        else:
            merged[slide] = _copied_values(mine)
    return merged


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The folder for progress: ``--data-dir``, else ``$OPPIJA_DATA_DIR``, else the platform's.

    Empty values count as unset, so ``OPPIJA_DATA_DIR=`` falls back to the default.
    """
    if cli_value:
        return Path(cli_value).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # only when no folder was named: spares its import otherwise

    return Path(platformdirs.user_data_dir("oppija", appauthor=False))


@dataclass(frozen=True)
class LoadResult:
    """What ``ProgressStore.load`` found.

    Attributes:
        progress: the saved progress, or a fresh one.
        notice: a translated message for the learner when something went wrong, else None.
        kept_aside: where an unreadable file was moved, else None.
        restored: True when the progress really came from the file.
    """

    progress: Progress
    notice: str | None = None
    kept_aside: Path | None = None
    restored: bool = False


def _error_text(error: BaseException) -> str:
    if isinstance(error, OSError):
        return os_error_reason(error)
    return str(error) or type(error).__name__


class ProgressStore:
    """Loads and saves ``progress.json`` in one directory.

    When the file exists but cannot be opened (permissions, a directory in its place, an I/O
    error) or a broken file cannot be moved aside, saving is blocked for the session
    (``blocked_reason`` says why and ``save`` raises), so the learner's old file is never
    overwritten by a fresh start. A later successful ``load`` or ``reset`` lifts the block.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.path = self.directory / FILE_NAME
        self.blocked_reason: str | None = None
        self._base: Progress | None = None  # what this store last loaded or saved

    # ------------------------------------------------------------------ load
    def load(self) -> LoadResult:
        """The saved progress, or a fresh start with a notice; never raises."""
        self.blocked_reason = None
        self._base = Progress()
        try:
            data = read_regular_file(self.path, MAX_FILE_BYTES)
        except FileNotFoundError:
            return LoadResult(Progress())
        except NotRegularFile as error:
            return self._keep_aside(None, partial(_not_a_file, self.path, error))
        except FileTooLarge as error:
            return self._keep_aside(None, partial(_too_large, self.path, error))
        except OSError as error:
            return self._fresh_and_blocked(error)
        try:
            progress = parse(data)
        except ProgressFormatError:
            return self._keep_aside(data, _unreadable)
        self._base = progress.copy()
        return LoadResult(progress, restored=True)

    def _fresh_and_blocked(self, error: BaseException) -> LoadResult:
        notice = _(
            "Your saved progress ({path}) could not be opened: {error}. A fresh start was made, "
            "and this session will not be saved, so that the file stays as it is."
        ).format(path=self.path, error=_error_text(error))
        self.blocked_reason = _(
            "Progress is not saved in this session because the saved file {path} could not "
            "be opened."
        ).format(path=self.path)
        return LoadResult(Progress(), notice=notice)

    def _keep_aside(self, data: bytes | None, notice: Callable[[Path], str]) -> LoadResult:
        """Move the unusable file to the first free ``progress.json.corrupt-N``; ``notice``
        is the message that says so, given that name."""
        try:
            kept = self._move_aside(data)
        except OSError as error:
            return self._fresh_and_blocked(error)
        return LoadResult(Progress(), notice=notice(kept), kept_aside=kept)

    def _move_aside(self, data: bytes | None) -> Path:
        """Keep the file (or whatever has its name) as the first free ``.corrupt-N``.

        ``data`` is what was read of it, None when it was not read (not a regular file, or
        too large): then it is renamed rather than copied.
        """
        for n in count(1):
            candidate = self.path.with_name(f"{self.path.name}.corrupt-{n}")
            if os.path.lexists(candidate):
                continue
            try:
                # A hard link claims the name atomically and fails if it is taken, so an
                # older corrupt copy is never overwritten, even by another process. Not
                # following links: a link to a device is kept as the link it is.
                os.link(self.path, candidate, follow_symlinks=False)
            except FileExistsError:
                continue
            except (OSError, NotImplementedError):
                if data is None:
                    # A folder, or no hard links here: the name itself moves (the check
                    # above leaves only a tiny window for another process to take it).
                    os.rename(self.path, candidate)
                    return candidate
                # No hard links here (some file systems): copy the bytes that were read
                # into a new file that must not exist yet.
                try:
                    with open(candidate, "xb") as copy:
                        copy.write(data)
                        copy.flush()
                        os.fsync(copy.fileno())
                except FileExistsError:
                    continue
            os.unlink(self.path)
            return candidate
        raise AssertionError("unreachable")  # pragma: no cover

    # ------------------------------------------------------------------ save
    def save(self, progress: Progress) -> None:
        """Write progress atomically: the old file stays whole until the new one is complete.

        What another copy of the app saved to the same file since this store loaded it is
        merged in (:func:`merge`), under a lock so that two saves do not interleave.

        Raises:
            ProgressSaveError: with a translated message; the previous file is untouched.
        """
        if self.blocked_reason is not None:
            raise ProgressSaveError(self.blocked_reason)
        _checked_payload(progress)  # never write what ``load`` would reject
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with _Lock(self.directory / LOCK_NAME):
                on_disk = self._read_for_merge()
                merged = progress if on_disk is None else merge(self._base, progress, on_disk)
                self._write(_checked_payload(merged))
        except OSError as error:
            raise ProgressSaveError(
                _("Progress could not be saved: {error}").format(error=_error_text(error))
            ) from error
        self._base = progress.copy()
        _sync_directory(self.directory)

    def _read_for_merge(self) -> Progress | None:
        """What is on disk now, to merge with; None when there is nothing to merge.

        A file that turned unusable since the start is kept aside first, as ``load`` would.

        Raises:
            OSError: the file is there but cannot be read (it is then not overwritten).
        """
        try:
            data = read_regular_file(self.path, MAX_FILE_BYTES)
        except FileNotFoundError:
            return None
        except (NotRegularFile, FileTooLarge):
            self._move_aside(None)
            return None
        try:
            return parse(data)
        except ProgressFormatError:
            self._move_aside(data)
            return None

    def _write(self, payload: bytes) -> None:
        """The new file under a temporary name, then renamed over the old one."""
        import tempfile  # with the first save, after the first screen

        temp_name: str | None = None
        try:
            with tempfile.NamedTemporaryFile(
                dir=self.directory, delete=False, prefix=".progress-", suffix=".tmp"
            ) as handle:
                temp_name = handle.name
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            _replace(temp_name, self.path)
            temp_name = None
        finally:
            if temp_name is not None:
                _remove_quietly(temp_name)

    # ----------------------------------------------------------------- reset
    def reset(self) -> Path | None:
        """Delete the progress file (``--reset-progress``); the path removed, or None.

        Corrupt copies kept aside are left alone: they may still be worth rescuing.

        Raises:
            ProgressSaveError: the file exists but could not be deleted.
        """
        try:
            self.path.unlink()
        except FileNotFoundError:
            self.blocked_reason = None
            return None
        except OSError as error:
            raise ProgressSaveError(
                _("The saved progress {path} could not be deleted: {error}").format(
                    path=self.path, error=_error_text(error)
                )
            ) from error
        self.blocked_reason = None
        return self.path


def _checked_payload(progress: Progress) -> bytes:
    """The bytes of the progress file, checked the way ``load`` will check them.

    Raises:
        ProgressSaveError: the progress holds something ``load`` would reject.
    """
    try:
        text = dumps(progress)
        Progress.from_json(json.loads(text))
    except (ProgressFormatError, ValueError, TypeError) as error:
        raise ProgressSaveError(
            _("Progress could not be saved: {error}").format(error=_error_text(error))
        ) from error
    payload = text.encode("utf-8")
    if len(payload) > MAX_FILE_BYTES:
        reason = _("it would be larger than {limit} MB").format(
            limit=format_integer(MAX_FILE_BYTES // 1_000_000)
        )
        raise ProgressSaveError(_("Progress could not be saved: {error}").format(error=reason))
    return payload


def _unreadable(kept: Path) -> str:
    return _(
        "Your saved progress could not be read, so a fresh start was made. "
        "The old file was kept as {path}."
    ).format(path=kept)


def _not_a_file(path: Path, error: NotRegularFile, kept: Path) -> str:
    return _(
        "Your saved progress {name} is not a file but {kind}, so a fresh start was made. "
        "It was moved aside as {path}."
    ).format(name=path, kind=error.strerror, path=kept)


def _too_large(path: Path, error: FileTooLarge, kept: Path) -> str:
    return _(
        "Your saved progress {name} is too large to be progress (more than {limit} MB), so a "
        "fresh start was made. It was moved aside as {path}."
    ).format(name=path, limit=format_integer(error.limit // 1_000_000), path=kept)


class _Lock:
    """An advisory lock on a file next to the progress, held while a save merges and writes.

    Best effort: where locks do not exist (no ``fcntl``) or the lock file cannot be made, and
    when another copy holds the lock for longer than ``LOCK_WAIT`` seconds (a stopped
    process), the save goes ahead without it: it is still atomic, only the merge may miss
    what the other copy saves at the same instant.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def __enter__(self) -> _Lock:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return self
        try:
            flags = (
                os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
            )
            self.fd = os.open(self.path, flags, 0o600)
        except OSError:
            return self
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return self
                time.sleep(0.01)
            except OSError:  # a file system without locks
                return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the lock
            self.fd = None


def _replace(source: str, target: Path) -> None:
    """``os.replace``, retried briefly on Windows, where a reader holding the file blocks it."""
    attempts = 10 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.02)


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); best effort, the data is already safe."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class SaveDebouncer:
    """When to save while the learner moves: at most once per ``delay`` seconds, never later.

    Pure bookkeeping, no threads or clocks of its own, so it is trivial to test. The TUI
    calls ``request(now)`` on every move and asks ``due(now)`` from a timer; a save becomes
    due ``delay`` seconds after the *first* unsaved move, so holding down a key saves a few
    times a second instead of on every keystroke, and no move waits longer than ``delay``
    (plus one timer tick) to reach the disk. After saving, call ``saved()``. On exit the TUI
    saves unconditionally (``flush()`` tells whether anything was pending and clears it).
    """

    def __init__(self, delay: float = 0.5) -> None:
        if not delay >= 0:
            raise ValueError(f"delay must be >= 0, got {delay!r}")
        self.delay = delay
        self._first_request: float | None = None

    @property
    def pending(self) -> bool:
        """Whether there are moves not yet saved."""
        return self._first_request is not None

    def request(self, now: float) -> None:
        """Note a change; only the first request since the last save starts the clock."""
        if self._first_request is None:
            self._first_request = now

    def due(self, now: float) -> bool:
        """True when a change is pending and ``delay`` seconds passed since the first one.

        A clock that went backwards also counts as due, so a save can never be stuck.
        """
        first = self._first_request
        if first is None:
            return False
        return now - first >= self.delay or now < first

    def saved(self) -> None:
        """Mark everything saved; call it after every save attempt, a failed one too.

        The next move requests again, so a failing disk is not retried on every timer tick.
        """
        self._first_request = None

    def flush(self) -> bool:
        """Whether anything was pending; clears it. For exit, where the TUI saves anyway."""
        was_pending = self.pending
        self._first_request = None
        return was_pending
