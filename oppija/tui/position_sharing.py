"""The app's side of the presenter's position file: publishing where it is, following a teacher.

``PositionPublisher`` writes the slide and step the app shows (``--present``, ``--position-file``);
``TeacherFollower`` moves a learner's app to the position in a teacher's file while following is
on (``--follow`` and the `j` key). Both are plain objects the app owns; the file format and its
atomic writing are ``oppija.presenter_state``'s.
"""

from __future__ import annotations

import time
from pathlib import Path

from oppija import i18n
from oppija.content.model import Lecture
from oppija.content.navigation import Position, at_slide
from oppija.i18n import _
from oppija.presenter_state import FileWatch, PresenterState, read_state, write_state

FOLLOW_POLL_SECONDS = 0.25
"""How often a follower looks at the teacher's file: one ``stat``, a read only on a change."""

RESUME_SECONDS = 15 * 60
"""A presenter started again within this time of the file's last write continues the same
presentation (its timer keeps counting from the first start): a restart, not a new lecture."""


def presentation_start(path: Path, now: float) -> float:
    """When the presentation written to ``path`` began: the file's own start if it was written
    within ``RESUME_SECONDS``, else ``now``."""
    previous = read_state(path)
    try:
        age = now - path.stat().st_mtime
    except OSError:
        return now
    if previous is not None and age <= RESUME_SECONDS and previous.started_at <= now:
        return previous.started_at
    return now


class PositionPublisher:
    """Writes every position the app shows to ``path``, for notes screens and followers."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # the presentation's start: the notes' timer counts from it
        self.started_at = presentation_start(path, time.time())
        self._last: PresenterState | None = None
        self.failure: str | None = None
        """Why the last write failed (None while writing works): told once, not on every key."""

    def publish(self, slide_id: str, step: int) -> str | None:
        """Write the position; returns a message to show when writing has just started failing."""
        state = PresenterState(slide_id, step, i18n.current_language(), self.started_at)
        if state == self._last:
            return None
        try:
            write_state(self.path, state)
        except OSError as error:
            from oppija.regular_files import os_error_reason

            first = self.failure is None
            self.failure = os_error_reason(error)
            if not first:
                return None
            return _("The position for the notes screen cannot be written to {path}: {why}").format(
                path=self.path, why=self.failure
            )
        self._last = state
        self.failure = None
        return None


class TeacherFollower:
    """While on, moves the lecture screen to the teacher's position whenever the file changes;
    any move of the learner's own (a position other than the teacher's) turns it off."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.on = False
        self._watch = FileWatch(path)
        self._teacher_at: tuple[str, int] | None = None  # the position last taken from the file

    def start(self) -> None:
        self.on = True
        self._watch = FileWatch(self.path)  # the first look counts as a change: go there at once

    def stop(self) -> None:
        self.on = False
        self._teacher_at = None

    def teacher_present(self) -> bool:
        """Whether the teacher's file holds a position now."""
        return read_state(self.path) is not None

    def wanted(self, lecture: Lecture) -> Position | None:
        """The teacher's position, if following and the file changed since the last look."""
        if not self.on or not self._watch.changed():
            return None
        state = read_state(self.path)
        if state is None:
            return None
        try:
            position = at_slide(lecture, state.slide_id, state.step)
        except KeyError:  # a slide this lecture does not have (another version of the lessons)
            return None
        self._teacher_at = (lecture.slides[position.slide].id, position.step)
        return position

    def left_by_learner(self, slide_id: str, step: int) -> bool:
        """True when ``slide_id``/``step``, just shown, is the learner's own move away from the
        teacher (following then ends); the teacher's own position shown again is not."""
        if not self.on or self._teacher_at is None:
            return False
        return (slide_id, step) != self._teacher_at
