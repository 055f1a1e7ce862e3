"""The demo registry is whole: every kind fully declared, every demo file declared by a kind.

A kind that is half-registered (a spec naming a module that is not there, a simulation, scene or
widget that no spec names, a key the help does not list) fails here, not in front of a class.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from pathlib import Path

import pytest

from oppija.sims import DEMOS, DemoSettingError, demo_spec, simulation_class
from oppija.sims.demo import Demo, ReplayedDemo
from oppija.sims.registry import DemoSpec

ROOT = Path(__file__).resolve().parents[2] / "oppija"

# The demo kinds of the design (docs/architecture.md), and the computation graph of issue 6.
DESIGN_KINDS = (
    "gd1d",
    "gd2d",
    "linreg",
    "logreg",
    "activations",
    "backprop",
    "playground",
    "linear-maps",
    "approximation",
    "transfer",
    "softmax",
    "rnn",
    "lstm",
    "conv",
    "attention",
    "graph",
)

SPECS = list(DEMOS.values())


def spec_id(spec: DemoSpec) -> str:
    return spec.kind


def modules_of(package: str) -> list[str]:
    folder = ROOT.joinpath(*package.split(".")[1:])
    return [f"{package}.{info.name}" for info in pkgutil.iter_modules([str(folder)])]


def test_every_kind_of_the_design_is_registered_once() -> None:
    assert list(DEMOS) == list(DESIGN_KINDS)
    assert all(kind == spec.kind for kind, spec in DEMOS.items())


@pytest.mark.parametrize("spec", SPECS, ids=spec_id)
def test_a_spec_resolves_its_simulation_scene_readout_and_widget(spec: DemoSpec) -> None:
    from oppija.scenes.frame import scene_of
    from oppija.scenes.words import readout_of
    from oppija.tui.widgets.demo_host import widget_class

    simulation = spec.simulation_class()
    assert simulation.name == spec.kind and not inspect.isabstract(simulation)
    assert scene_of(spec.kind).__module__.startswith("oppija.scenes.")
    assert readout_of(spec.kind).__module__.startswith("oppija.scenes.words.")
    widget = widget_class(spec.kind)
    assert widget_simulation(widget) is simulation  # DemoPanel[D]: D is the spec's simulation
    for setting, schema in spec.settings.items():
        if schema.type in ("number", "integer", "numbers"):
            assert schema.min is not None and schema.max is not None and schema.min < schema.max
        if schema.type == "choice":
            assert schema.choices, setting
    if spec.cycled is not None:
        assert spec.settings[spec.cycled].type == "choice"
    assert set(spec.presets) <= set(spec.cycled_choices())


@pytest.mark.parametrize("spec", SPECS, ids=spec_id)
def test_every_default_fits_the_schema(spec: DemoSpec) -> None:
    """The simulation's defaults and the schema are kept apart; they must agree."""
    from oppija.sims.settings import check_param, comparable

    defaults = spec.defaults()
    assert defaults, spec.kind
    for key, value in defaults.items():
        typed = list(value) if isinstance(value, tuple) else value
        assert comparable(check_param(spec.kind, key, typed)) == comparable(value), key


def widget_simulation(widget: type[object]) -> object:
    """The ``D`` of the first ``DemoPanel[D]`` (or ``StepDemo[D]``, ``DescentDemo[D]``) that the
    widget class or one of its ancestors names with a concrete class."""
    for klass in widget.__mro__:
        for base in getattr(klass, "__orig_bases__", ()):
            args = typing.get_args(base)
            if args and isinstance(args[0], type):
                return args[0]
    return None


def test_every_simulation_class_belongs_to_a_spec() -> None:
    declared = {spec.simulation_class() for spec in SPECS}
    found = set()
    for name in modules_of("oppija.sims"):
        module = importlib.import_module(name)
        for _name, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, Demo)
                and value.__module__ == name
                and not inspect.isabstract(value)
            ):
                found.add(value)
    assert found == declared


def test_every_scene_belongs_to_a_spec() -> None:
    from oppija.scenes.frame import scene_of

    declared = {scene_of(spec.kind) for spec in SPECS}
    found = set()
    for name in modules_of("oppija.scenes"):
        draw = getattr(importlib.import_module(name), "draw_" + name.rsplit(".", 1)[1], None)
        if draw is not None:
            found.add(draw)
    assert found == declared


def test_every_readout_belongs_to_a_spec() -> None:
    from oppija.scenes.words import readout_of

    declared = {readout_of(spec.kind) for spec in SPECS}
    found = set()
    for name in modules_of("oppija.scenes.words"):
        words = getattr(importlib.import_module(name), name.rsplit(".", 1)[1] + "_readout", None)
        if words is not None:
            found.add(words)
    assert found == declared


def test_every_demo_widget_belongs_to_a_spec() -> None:
    from oppija.tui.widgets.demo_host import widget_class
    from oppija.tui.widgets.demo_panel import DemoPanel

    declared = {widget_class(spec.kind) for spec in SPECS}
    found = set()
    for name in modules_of("oppija.tui.widgets"):
        if not name.endswith("_demo") or name.endswith(("descent_demo", "step_demo")):
            continue
        for value in vars(importlib.import_module(name)).values():
            if (
                isinstance(value, type)
                and issubclass(value, DemoPanel)
                and value.__module__ == name
            ):
                found.add(value)
    assert found == declared


def widget_keys(widget: type[object]) -> set[str]:
    """Every key the widget class binds (its own and its ancestors'), typed values included."""
    from textual.binding import Binding

    from oppija.tui.widgets.demo_panel import DemoPanel

    assert issubclass(widget, DemoPanel)
    keys = {
        binding.key
        for klass in widget.__mro__
        if issubclass(klass, DemoPanel)
        for binding in vars(klass).get("BINDINGS", ())
        if isinstance(binding, Binding)
    }
    return keys | {typed.key for typed in widget.TYPED}


@pytest.mark.parametrize("spec", SPECS, ids=spec_id)
def test_the_help_lists_every_key_of_a_demo_and_no_other(spec: DemoSpec) -> None:
    from oppija.tui.app import key_names
    from oppija.tui.demo_keys import CYCLE_KEY, SHARED, demo_rows, shared_rows
    from oppija.tui.widgets.demo_host import widget_class

    widget = widget_class(spec.kind)
    sections = dict(shared_rows(key_names))
    listed = {
        key
        for (cls, _heading), (_translated, rows) in zip(SHARED, sections.items(), strict=True)
        if issubclass(widget, cls)
        for row in rows
        for key in row.keys
    }
    listed |= {key for row in demo_rows(spec, key_names) for key in row.keys}
    bound = widget_keys(widget)
    if not spec.practice:  # bound on every demo, hidden (check_action) where none is asked
        bound -= {"P", "E"}
    assert listed <= bound
    missing = bound - listed
    # c moves through the spec's cycled setting; a demo without one has no use for it
    assert missing == (set() if spec.cycled is not None else {CYCLE_KEY}) - listed


def test_the_help_shows_the_keys_that_had_drifted() -> None:
    """playground's f, attention's , and . and the LSTM's unit keys were missing from a hand-written
    list; now the help is read from the widgets."""
    from oppija.tui.app import key_names
    from oppija.tui.demo_keys import demo_rows

    def keys(kind: str) -> set[str]:
        return {key for row in demo_rows(DEMOS[kind], key_names) for key in row.keys}

    assert "f" in keys("playground")
    assert {"comma", "full_stop"} <= keys("attention")
    assert {"comma", "full_stop"} <= keys("lstm")


def test_an_unknown_kind_is_one_translated_sentence() -> None:
    with pytest.raises(DemoSettingError, match="hopfield"):
        demo_spec("hopfield")
    with pytest.raises(DemoSettingError, match="gd1d"):
        simulation_class("hopfield")


def test_the_step_through_widgets_hold_demos_that_step_back() -> None:
    from oppija.tui.widgets.demo_host import widget_class
    from oppija.tui.widgets.step_demo import StepDemo

    for spec in SPECS:
        if issubclass(widget_class(spec.kind), StepDemo):
            assert issubclass(spec.simulation_class(), ReplayedDemo), spec.kind


def test_the_registry_is_cheap_to_import() -> None:
    """Reading the table imports no simulation, scene or widget (the app's start reads it)."""
    from tests.layering import modules_loaded_by

    loaded = modules_loaded_by("oppija.sims.registry", ("oppija", "numpy"))
    assert not any(name.startswith("numpy") for name in loaded), loaded
    assert {"oppija.sims.registry", "oppija.sims.params"} <= set(loaded)
    assert not [
        m for m in loaded if m.startswith(("oppija.scenes", "oppija.tui", "oppija.content"))
    ]
