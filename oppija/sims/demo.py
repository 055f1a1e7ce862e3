"""What every non-descent demo shares: checked settings, a status, a step count, plain state.

The descent demos have their own base (:class:`oppija.sims.base.Simulation`, with θ, 𝓔 and ∇𝓔
histories); the others (backprop, the playground, activations, linear maps, approximation,
transfer, graph, softmax, RNN, LSTM, convolution, attention) step through something else —
a trace record, a training epoch, a time step — and share only this contract, which is what the
widgets and ``oppija demo`` rely on.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar

from oppija.i18n import N_, _
from oppija.sims.base import DemoJson, Status
from oppija.sims.settings import checked_settings

# How each status reads when a demo has no sentence of its own for it.
STATUS_NAMES = {
    "running": N_("running"),
    "done": N_("done"),
    "converged": N_("converged"),
    "diverged": N_("diverged"),
}


class Demo(DemoJson, ABC):
    """A demo's state machine: ``reset()``, ``step()``, ``run(n)``, ``state()``.

    Subclasses set ``name`` (the demo kind), build frozen params in :meth:`build_params` and
    implement :meth:`reset`, :meth:`advance` and :meth:`state`. ``version`` grows on every
    change, so widgets redraw only when something moved. Numbers never raise: subclasses work
    under ``np.errstate(all="ignore")`` and end a run with ``status = "diverged"`` instead.
    """

    name: ClassVar[str]
    params: Any

    def __init__(self, **settings: object) -> None:
        """Build from typed or text settings (checked against the lesson format's table)."""
        self.settings: dict[str, object] = checked_settings(self.name, settings)
        self.params = self.build_params(self.settings)
        self.version = 0
        self.step_count = 0
        self.status: Status = "running"
        self.status_message = ""
        self.reset()

    # -------------------------------------------------------------- to implement
    @classmethod
    @abstractmethod
    def build_params(cls, settings: Mapping[str, object]) -> Any:
        """The frozen params: defaults (or a preset's values) with ``settings`` over them."""

    @abstractmethod
    def reset(self) -> None:
        """Back to the start; must set ``step_count = 0`` and ``status = "running"``."""

    @abstractmethod
    def advance(self) -> None:
        """One meaningful step (a trace record, an epoch, a time step); may end the run by
        setting ``status`` to ``"done"``, ``"converged"`` or ``"diverged"``."""

    @abstractmethod
    def state(self) -> dict[str, Any]:
        """The current state as JSON-able plain data (non-finite numbers as None)."""

    # -------------------------------------------------------------- shared
    def step(self) -> None:
        """One step, unless the run has ended."""
        if self.status != "running":
            return
        self.advance()
        self.step_count += 1
        self.version += 1

    def run(self, n: int) -> None:
        for _step in range(max(int(n), 0)):
            if self.status != "running":
                break
            self.step()

    def changed(self, **values: object) -> Demo:
        """A new run with some settings replaced (a translated ``DemoSettingError`` if bad)."""
        return type(self)(**{**self.settings, **values})

    def readout_lines(self, ascii_only: bool = False) -> list[str]:
        """The numbers under the picture, one quantity a line, in the active number format.

        Subclasses say what matters for their demo; this default names the step and status.
        """
        return [f"{self.name}  k = {self.step_count}", self.status_line()]

    def status_line(self) -> str:
        """The run's status as the learner reads it: the demo's sentence, or the status named."""
        return self.status_message or _(STATUS_NAMES[self.status])


class ReplayedDemo(Demo):
    """A demo computed whole on reset and revealed a step at a time (a feature map, a sentence
    decoded, a sequence unrolled): its picture is a function of the step count, so a step back
    is one count less and the end is the last step."""

    @property
    @abstractmethod
    def final_step(self) -> int:
        """The step count at which everything is shown."""

    def back(self) -> None:
        """One step back: the last revealed step is hidden again and the run goes on."""
        if self.step_count > 0 and self.status != "diverged":
            self.step_count -= 1
            self.status = "running"
            self.status_message = ""
            self.version += 1

    def to_end(self) -> None:
        """Every remaining step."""
        self.run(self.final_step - self.step_count)
