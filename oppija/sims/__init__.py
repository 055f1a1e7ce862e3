"""Pure simulations behind the live demos: params, ``reset()``, ``step()``, plain ``state()``.

Each demo exists twice over the same simulation, as a Textual widget and as ``oppija demo
NAME``; so this package imports the engine, NumPy and the content layer's parameter table only
(never textual or rich). :data:`SIMULATIONS` is the registry both use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from oppija.i18n import _
from oppija.sims.activations import Activations
from oppija.sims.approximation import Approximation
from oppija.sims.attention import Attention
from oppija.sims.backprop import BackpropDemo
from oppija.sims.base import LOSS_BOUND, TOLERANCE, NumbersRow, Simulation, Status
from oppija.sims.conv import Convolution
from oppija.sims.demo import Demo
from oppija.sims.gd1d import GradientDescent1D
from oppija.sims.gd2d import GradientDescent2D
from oppija.sims.graph import ComputationGraph
from oppija.sims.linear_maps import LinearMaps
from oppija.sims.linreg import LinearRegressionDescent
from oppija.sims.logreg import LogisticRegressionDescent
from oppija.sims.lstm import LSTMGates
from oppija.sims.playground import Playground
from oppija.sims.rnn import RecurrentNetwork
from oppija.sims.settings import DemoSettingError, parsed_settings
from oppija.sims.softmax import Softmax
from oppija.sims.transfer import TransferLearning

SIMULATIONS: dict[str, type[Any]] = {  # descents (Simulation) and the others (Demo)
    cls.name: cls
    for cls in (
        GradientDescent1D,
        GradientDescent2D,
        LinearRegressionDescent,
        LogisticRegressionDescent,
        BackpropDemo,
        Activations,
        LinearMaps,
        Approximation,
        Playground,
        TransferLearning,
        ComputationGraph,
        Softmax,
        LSTMGates,
        Convolution,
        RecurrentNetwork,
        Attention,
    )
}


def simulation_class(name: str) -> type[Simulation]:
    """The simulation of demo ``name``; a translated :class:`DemoSettingError` if there is none."""
    cls = SIMULATIONS.get(name)
    if cls is None:
        raise DemoSettingError(
            _("unknown demo “{name}”; available demos: {names}").format(
                name=name, names=", ".join(SIMULATIONS)
            )
        )
    return cls


def create_simulation(name: str, settings: Mapping[str, str]) -> Simulation:
    """A simulation of demo ``name`` from settings typed as text (``{"lr": "0,1"}``).

    Raises:
        DemoSettingError: for an unknown demo, setting or value (one translated sentence).
    """
    cls = simulation_class(name)
    return cls(**parsed_settings(name, settings))


def from_demo_block(kind: str, params: Mapping[str, object]) -> Simulation:
    """A simulation from a lesson's demo block (values already typed by the lesson parser)."""
    return simulation_class(kind)(**dict(params))


__all__ = [
    "LOSS_BOUND",
    "SIMULATIONS",
    "TOLERANCE",
    "Attention",
    "Convolution",
    "Demo",
    "DemoSettingError",
    "GradientDescent1D",
    "GradientDescent2D",
    "LSTMGates",
    "LinearRegressionDescent",
    "LogisticRegressionDescent",
    "NumbersRow",
    "RecurrentNetwork",
    "Simulation",
    "Softmax",
    "Status",
    "create_simulation",
    "from_demo_block",
    "simulation_class",
]
