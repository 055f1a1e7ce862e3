"""Pure simulations behind the live demos: params, ``reset()``, ``step()``, plain ``state()``.

Each demo exists twice over the same simulation, as a Textual widget and as ``oppija demo
NAME``; so this package imports the engine, NumPy and i18n only (never textual, rich, or the
content and scene layers). :data:`~oppija.sims.registry.DEMOS` is the table both read; this
package's import is cheap, each simulation module is imported when its demo is first built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from oppija.i18n import _
from oppija.sims.params import DemoSettingError
from oppija.sims.registry import DEMOS, DemoSpec

if TYPE_CHECKING:
    from oppija.sims.demo import Demo


def demo_spec(name: str) -> DemoSpec:
    """The spec of demo ``name``; a translated :class:`DemoSettingError` if there is none."""
    spec = DEMOS.get(name)
    if spec is None:
        raise DemoSettingError(
            _("unknown demo “{name}”; available demos: {names}").format(
                name=name, names=", ".join(DEMOS)
            )
        )
    return spec


def simulation_class(name: str) -> type[Demo]:
    """The simulation of demo ``name``; a translated :class:`DemoSettingError` if there is none."""
    return demo_spec(name).simulation_class()


def create_simulation(name: str, settings: Mapping[str, str]) -> Demo:
    """A simulation of demo ``name`` from settings typed as text (``{"lr": "0,1"}``).

    Raises:
        DemoSettingError: for an unknown demo, setting or value (one translated sentence).
    """
    from oppija.sims.settings import parsed_settings

    cls = simulation_class(name)
    return cls(**parsed_settings(name, settings))


def from_demo_block(kind: str, params: Mapping[str, object]) -> Demo:
    """A simulation from a lesson's demo block (values already typed by the lesson parser)."""
    return simulation_class(kind)(**dict(params))


__all__ = [
    "DEMOS",
    "DemoSettingError",
    "DemoSpec",
    "create_simulation",
    "demo_spec",
    "from_demo_block",
    "simulation_class",
]
