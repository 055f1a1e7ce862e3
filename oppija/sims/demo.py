"""The one contract every demo's simulation keeps: what the widgets and ``oppija demo`` rely on.

A :class:`Demo` owns its ``version`` (it grows on every change, so a widget redraws only when
something moved), its ``status`` and step count, and the moves a learner makes: ``step()``,
``back()``, ``to_end()``, ``reset()`` and ``run(n)``. A subclass says what one step is
(:meth:`Demo.advance`) and how its run starts (:meth:`Demo.begin`); it never counts versions
itself. Its other moves (a nudge, a new target) are methods marked :func:`changes`.

The descents build on :class:`oppija.sims.base.Simulation`; demos whose picture is computed
whole on reset and revealed a step at a time build on :class:`ReplayedDemo`, which steps back.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from functools import wraps
from typing import TYPE_CHECKING, ClassVar, Concatenate, ParamSpec, TypeVar

from oppija.sims.plain import Json, Status, plain
from oppija.sims.settings import checked_settings

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

D = TypeVar("D", bound="Demo")
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Ending:
    """Why a run ended (or what it is doing now), as data: a ``code`` that the demo's words
    (:mod:`oppija.scenes.words.status`) turn into a sentence in the active language, and the
    ``numbers`` that sentence names. Worded when shown, so a language switch rewords it."""

    code: str
    numbers: Mapping[str, Json] = field(default_factory=dict)


def changes(method: Callable[Concatenate[D, P], R]) -> Callable[Concatenate[D, P], R]:
    """Mark a method that changes what a demo shows: ``version`` grows once it has run.

    For a demo's own moves (a nudge of x, the next head, a new temperature); ``step``,
    ``back``, ``to_end`` and ``reset`` count themselves.
    """

    @wraps(method)
    def changing(self: D, /, *args: P.args, **kwargs: P.kwargs) -> R:
        result = method(self, *args, **kwargs)
        self.version += 1
        return result

    return changing


class Demo(ABC):
    """A demo's state machine: ``reset()``, ``step()``, ``back()``, ``to_end()``, ``state()``.

    Subclasses set ``name`` (the demo kind) and ``params_type`` (or build their frozen params
    in :meth:`build_params`) and implement :meth:`begin`, :meth:`advance` and :meth:`state`.
    Numbers never raise: subclasses work under ``np.errstate(all="ignore")`` and end a run as
    ``"diverged"`` instead.
    """

    name: ClassVar[str]
    params: DataclassInstance
    # The frozen params' dataclass, each field's default the demo's own (see build_params).
    params_type: ClassVar[type[DataclassInstance]]

    def __init__(self, **settings: object) -> None:
        """Build from typed or text settings (checked against the demo's schema)."""
        self.settings: dict[str, object] = checked_settings(self.name, settings)
        self.params = self.build_params(self.settings)
        self.version = 0
        self.step_count = 0
        self.status: Status = "running"
        self.ending: Ending | None = None
        self.reset()

    # -------------------------------------------------------------- to implement
    @classmethod
    def build_params(cls, settings: Mapping[str, object]) -> DataclassInstance:
        """The frozen params: defaults (or a preset's values) with ``settings`` over them.

        By default each field of :attr:`params_type` is its setting when one is given, else
        the field's default: the settings were checked against the demo's schema, so a given
        value already has its field's type. A demo whose settings depend on each other (a
        preset's values, a sentence's words) builds its params itself.
        """
        given = {
            f.name: settings[f.name]
            for f in fields(cls.params_type)
            if settings.get(f.name) is not None
        }
        return cls.params_type(**given)

    @abstractmethod
    def begin(self) -> None:
        """Set up the start of a run (``reset()`` has already cleared the count and status)."""

    @abstractmethod
    def advance(self) -> None:
        """One meaningful step (a trace record, an epoch, a time step); may end the run with
        :meth:`end` (``"done"``, ``"converged"`` or ``"diverged"`` and why). ``step_count``
        still counts the steps before this one."""

    @abstractmethod
    def state(self) -> Mapping[str, Json]:
        """The current state as JSON-able plain data (non-finite numbers as None)."""

    # -------------------------------------------------------------- the moves
    def reset(self) -> None:
        """Back to the start of the run."""
        self.step_count = 0
        self.status = "running"
        self.ending = None
        self.begin()
        self.version += 1

    def step(self) -> None:
        """One step, unless the run has ended."""
        self.run(1)

    def run(self, n: int) -> None:
        """Up to ``n`` steps (fewer when the run ends first)."""
        for _step in range(max(int(n), 0)):
            if self.status != "running":
                break
            self.advance()
            self.step_count += 1
            self.version += 1

    @property
    def can_step_back(self) -> bool:
        """Whether ``back()`` would move now (the ``p`` key is offered only then)."""
        return False

    def back(self) -> None:
        """One step back, when the demo can go back (:attr:`can_step_back`)."""
        if self.can_step_back:
            self.retreat()
            self.version += 1

    def retreat(self) -> None:
        """Undo the last step; only called while :attr:`can_step_back` (never, by default)."""
        raise NotImplementedError(f"{type(self).__name__} cannot step back")

    @property
    def final_step(self) -> int | None:
        """The step count at which everything is shown; None for a run with no set end."""
        return None

    def to_end(self) -> None:
        """Every remaining step, for a demo with a set end (the End key)."""
        final = self.final_step
        if final is not None:
            self.run(final - self.step_count)

    def changed(self, **values: object) -> Demo:
        """A new run with some settings replaced (a translated ``DemoSettingError`` if bad)."""
        return type(self)(**{**self.settings, **values})

    def retuned(self, **values: object) -> Demo:
        """Like :meth:`changed`, but carrying on from the current point where the demo can (the
        descents keep their path when α changes); a new run by default."""
        return self.changed(**values)

    # -------------------------------------------------------------- status
    def end(self, status: Status, code: str, **numbers: Json) -> None:
        """Set ``status`` and say why, as an :class:`Ending` (``code`` and its ``numbers``)."""
        self.status = status
        self.ending = Ending(code, numbers)

    # -------------------------------------------------------------- plain data
    def params_data(self) -> dict[str, Json]:
        """The params as plain data (formulas as their text)."""
        return {f.name: plain(getattr(self.params, f.name)) for f in fields(self.params)}

    def to_json(self) -> dict[str, Json]:
        """What ``oppija demo NAME --json`` prints: the same shape for every demo."""
        return {
            "demo": self.name,
            "params": self.params_data(),
            "step": self.step_count,
            "status": self.status,
            "state": dict(self.state()),
        }


class ReplayedDemo(Demo):
    """A demo computed whole on reset and revealed a step at a time (a trace replayed, a feature
    map, a sentence decoded, a sequence unrolled): its picture is a function of the step count,
    so a step back is one count less and the end is the last step."""

    @property
    @abstractmethod
    def final_step(self) -> int:
        """The step count at which everything is shown."""

    @property
    def can_step_back(self) -> bool:
        return self.step_count > 0 and self.status != "diverged"

    def retreat(self) -> None:
        """The last revealed step is hidden again and the run goes on."""
        self.step_count -= 1
        self.status = "running"
        self.ending = None
