"""A demo's setup on a slide: the lesson's settings, the learner's changes, the share line.

Three sources set a slide's demo up, each over the one before: the lesson's demo block, the
settings the learner changed there (saved per slide in the progress) and ``--set`` on the
command line. A teacher's ``K`` key writes the demo as it is now as a command line, ``oppija
--slide ID --set KEY=VALUE … --steps N``, with only the settings that differ from the lesson's,
written so that ``--set`` reads them back (decimal comma, shell quotes where needed).

No Textual here: the command line, the app and the tests share it.
"""

from __future__ import annotations

import math
import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING

from oppija import i18n
from oppija.i18n import _
from oppija.progress import DemoValue, is_demo_value
from oppija.sims import demo_spec
from oppija.sims.params import DemoSettingError
from oppija.sims.settings import checked_value, comparable, parsed_settings

if TYPE_CHECKING:
    from oppija.content.model import Lecture
    from oppija.progress import Progress


def _params_of(kind: str, settings: Mapping[str, object]) -> tuple[object, ...]:
    """The demo's frozen params for ``settings``, as values that compare (formulas by tree).

    Raises:
        DemoSettingError: translated, when the settings do not go together.
    """
    params = demo_spec(kind).simulation_class().build_params(settings)
    return tuple(comparable(getattr(params, f.name)) for f in fields(params))


def changed_settings(
    kind: str, lesson: Mapping[str, object], settings: Mapping[str, object]
) -> dict[str, object]:
    """The settings to give over the lesson's for the demo that ``settings`` (typed) build:
    those that differ from the lesson's, and a lesson's setting that ``settings`` dropped (a
    new preset starts from the preset alone) at the value the demo has now; then the fewest
    of them that still give the same demo, in the schema's order (a setting equal to what the
    lesson or the demo's default gives is left out)."""
    spec = demo_spec(kind)
    changed = {
        key: value
        for key, value in settings.items()
        if key not in lesson or comparable(lesson[key]) != comparable(value)
    }
    try:
        params = spec.simulation_class().build_params(settings)
    except (DemoSettingError, ValueError):
        return changed
    for key in lesson:
        now = getattr(params, key, None)
        if key not in settings and now is not None:
            changed[key] = now
    order = list(spec.settings)
    changed = dict(sorted(changed.items(), key=lambda item: _position(order, item[0])))
    target = tuple(comparable(getattr(params, f.name)) for f in fields(params))
    for key in list(changed):
        fewer = {k: v for k, v in changed.items() if k != key}
        try:
            if _params_of(kind, {**lesson, **fewer}) == target:
                changed = fewer
        except (DemoSettingError, ValueError):
            continue
    return changed


def _position(order: list[str], key: str) -> int:
    return order.index(key) if key in order else len(order)


def saved_form(value: object) -> DemoValue | None:
    """A typed setting as the progress keeps it (numbers, text, a list of numbers; a formula
    as its text); None for what cannot be kept (too long, not finite)."""
    found: object
    if isinstance(value, bool):
        return None
    if isinstance(value, tuple | list):
        found = [float(item) if isinstance(item, float) else item for item in value]
    elif isinstance(value, int | float | str):
        found = value
    else:
        found = getattr(value, "text", None)  # a Formula
    return found if is_demo_value(found) else None


def to_saved(
    kind: str, lesson: Mapping[str, object], settings: Mapping[str, object]
) -> dict[str, DemoValue]:
    """What to keep in the progress for a demo showing ``settings``: its changes from the
    lesson, each in its saved form (a change that cannot be kept is left out)."""
    kept: dict[str, DemoValue] = {}
    for key, value in changed_settings(kind, lesson, settings).items():
        form = saved_form(value)
        if form is not None:
            kept[key] = form
    return kept


def slide_params(
    kind: str, lesson: Mapping[str, object], saved: Mapping[str, DemoValue]
) -> dict[str, object]:
    """The settings a slide's demo starts with: the lesson's, and over them the learner's
    saved changes that the demo still accepts. A saved setting the lesson or the demo no
    longer allows (the lesson changed since) is dropped; if the rest do not go together,
    the lesson's settings are used alone. Never raises."""
    params = dict(lesson)
    for key, value in saved.items():
        try:
            params[key] = checked_value(
                kind, key, list(value) if isinstance(value, list) else value
            )
        except (DemoSettingError, ValueError, RecursionError, MemoryError):
            continue
    try:
        _params_of(kind, params)
    except (DemoSettingError, ValueError, RecursionError, MemoryError):
        return dict(lesson)
    return params


def command_params(
    kind: str, lesson: Mapping[str, object], texts: Mapping[str, str]
) -> dict[str, object]:
    """The settings ``--set`` gives (``{"lr": "0,1"}``) over the lesson's, checked as ``oppija
    demo --set`` checks them.

    Raises:
        DemoSettingError: translated, for an unknown key, a bad value or settings that do not
            go together.
    """
    params = {**lesson, **parsed_settings(kind, texts)}
    try:
        _params_of(kind, params)
    except DemoSettingError:
        raise
    except ValueError as error:
        raise DemoSettingError(str(error)) from None
    return params


def command_text(value: object) -> str:
    """A typed setting written as ``--set`` reads it: numbers with the active language's
    decimal sign (Estonian: a comma), exact (the shortest text that reads back as the same
    float), a list separated by spaces, a formula as typed."""
    if isinstance(value, tuple | list):
        return " ".join(command_text(item) for item in value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        written = repr(value) if math.isfinite(value) else str(value)
        return written.replace(".", ",") if i18n.current_language() == "et" else written
    formula_text = getattr(value, "text", None)  # a Formula
    return formula_text if isinstance(formula_text, str) else str(value)


def share_line(slide_id: str, changes: Mapping[str, object], steps: int) -> str:
    """``oppija --slide ID --set KEY=VALUE … [--steps N]``, quoted for a POSIX shell."""
    words = ["oppija", "--slide", slide_id]
    for key, value in changes.items():
        words += ["--set", f"{key}={command_text(value)}"]
    if steps > 0:
        words += ["--steps", str(steps)]
    return shlex.join(words)


def share_words(line: str) -> Sequence[str]:
    """The arguments a shell gives ``oppija`` for a share line (without the program name)."""
    return shlex.split(line)[1:]


def set_slide_demo(
    lecture: Lecture, slide_id: str, texts: Mapping[str, str], progress: Progress
) -> None:
    """``oppija --slide ID --set …``: the slide's demo is the lesson's with ``texts`` over it,
    in place of what the learner had saved there (the command line describes it whole).

    Raises:
        ValueError: translated, for a slide without a demo or a setting ``--set`` refuses.
    """
    slide = lecture.slides[lecture.slide_index(slide_id)]
    if slide.demo is None:
        raise ValueError(
            _("the slide “{id}” has no demo for --set and --steps").format(id=slide_id)
        )
    kind, lesson = slide.demo.kind, slide.demo.as_dict()
    saved = to_saved(kind, lesson, command_params(kind, lesson, texts))
    if saved:
        progress.demo_settings[slide_id] = saved
    else:
        progress.demo_settings.pop(slide_id, None)


STEPS_AT_ONCE = 200
"""Steps run between two looks at ``stop`` (a check or a build in a thread can be left)."""


def reproduces(
    kind: str,
    settings: Mapping[str, object],
    steps: int,
    wanted: Mapping[str, object],
    stop: Callable[[], bool] = lambda: False,
) -> bool:
    """Whether the demo built from ``settings`` and run ``steps`` steps is ``wanted`` (a
    ``to_json()``): not when the learner changed it while it ran (α while descending, a
    nudged logit, another head), which no command line holds. Can take as long as building
    and running the demo does: call it in a thread, with ``stop`` saying when to give up
    (then the answer is False)."""
    from oppija.sims import simulation_class

    try:
        copy = simulation_class(kind)(**dict(settings))
        while steps > 0 and copy.status == "running":
            if stop():
                return False
            copy.run(min(steps, STEPS_AT_ONCE))
            steps -= STEPS_AT_ONCE
    except (ValueError, RecursionError, MemoryError):
        return False
    return copy.to_json() == wanted
