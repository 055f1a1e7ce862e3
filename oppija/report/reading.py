"""Every learner of a class folder with their saved progress, read without changing a byte.

A teacher runs the report while the class may still be working, so nothing here may move,
rename or write a learner's files: a learner whose files cannot be read is set aside as a
problem (the folder and why, in the active language) and the others are read on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from oppija.classroom import LEARNER_FILE, Learner, LearnerFileError, learners
from oppija.i18n import _
from oppija.progress import FILE_NAME, Progress, ProgressFormatError, read_progress
from oppija.regular_files import os_error_reason


class ClassFolderError(Exception):
    """The class folder itself is missing or cannot be read; the message is translated."""


@dataclass(frozen=True)
class ReadLearner:
    """A learner and their progress (a fresh ``Progress`` if they have saved nothing yet)."""

    learner: Learner
    progress: Progress


@dataclass(frozen=True)
class SkippedLearner:
    """A learner folder that could not be read: which one, and why (translated)."""

    folder: Path
    reason: str


@dataclass(frozen=True)
class ClassReading:
    """What was read from one class folder, learners in folder-name order."""

    class_dir: Path
    learners: tuple[ReadLearner, ...]
    skipped: tuple[SkippedLearner, ...]


def read_class(class_dir: Path) -> ClassReading:
    """Every learner under ``class_dir``; a learner with a bad file is skipped, not fatal.

    Raises:
        ClassFolderError: ``class_dir`` is missing, not a folder, or cannot be listed.
    """
    _check_class_dir(class_dir)
    read: list[ReadLearner] = []
    skipped: list[SkippedLearner] = []
    try:
        for found in learners(class_dir):
            if isinstance(found, Learner):
                outcome = _with_progress(found)
            else:
                folder, error = found
                outcome = SkippedLearner(folder, _learner_file_reason(error))
            if isinstance(outcome, ReadLearner):
                read.append(outcome)
            else:
                skipped.append(outcome)
    except OSError as error:  # the folder vanished or was locked while it was being read
        raise ClassFolderError(_folder_problem(class_dir, error)) from error
    return ClassReading(class_dir, tuple(read), tuple(skipped))


def _check_class_dir(class_dir: Path) -> None:
    try:
        os.listdir(class_dir)
    except OSError as error:
        raise ClassFolderError(_folder_problem(class_dir, error)) from error


def _folder_problem(class_dir: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return _("There is no class folder {path}.").format(path=class_dir)
    return _("The class folder {path} cannot be read: {reason}").format(
        path=class_dir, reason=os_error_reason(error)
    )


def _with_progress(learner: Learner) -> ReadLearner | SkippedLearner:
    try:
        progress = read_progress(learner.folder)
    except OSError as error:
        reason = _("{file} cannot be read: {reason}").format(
            file=FILE_NAME, reason=os_error_reason(error)
        )
        return SkippedLearner(learner.folder, reason)
    except ProgressFormatError as error:
        reason = _("{file} is not saved progress ({detail})").format(
            file=FILE_NAME, detail=error.reason
        )
        return SkippedLearner(learner.folder, reason)
    return ReadLearner(learner, progress or Progress())


def _learner_file_reason(error: LearnerFileError) -> str:
    cause = error.__cause__
    if isinstance(cause, OSError):
        return _("{file} cannot be read: {reason}").format(
            file=LEARNER_FILE, reason=os_error_reason(cause)
        )
    return _("{file} is not a learner's name and key ({detail})").format(
        file=LEARNER_FILE, detail=error
    )
