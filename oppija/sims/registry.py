"""Every demo kind in one table: its settings, simulation, scene, widget, presets and name.

:data:`DEMOS` is the one place a demo kind is declared. The lesson checker reads its settings
schema, ``oppija demo`` and the widgets build its simulation, ``oppija demo`` and the widgets
draw its scene, the lecture screen mounts its widget and the help lists its keys — all from the
:class:`DemoSpec`, so adding a demo is one spec and its files (simulation, scene, widget).

The simulation, scene and widget are named as ``"module:attribute"`` text and imported on first
use: this module stays cheap to import (the app's start reads it) and ``sims`` never imports the
scene or Textual layers. The typed accessors (:meth:`DemoSpec.simulation_class` here,
:func:`oppija.scenes.frame.scene_of`, :func:`oppija.tui.widgets.demo_host.widget_class`) check
what they import, so a wrong name fails loudly where it is used and in the registry's tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING

from oppija.i18n import N_
from oppija.sims.params import ACTIVATION, LR, SEED, STEPS, ParamSpec

if TYPE_CHECKING:
    from oppija.sims.demo import Demo


def _frozen(values: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(values or {}))


@dataclass(frozen=True)
class DemoSpec:
    """One demo kind: what may be set, what computes it, what draws it, what shows it.

    ``simulation``, ``scene``, ``readout`` (the words under the picture) and ``widget`` are
    ``"module:attribute"`` names, imported on first use. ``cycled`` is the choice setting that
    ``c`` moves through (None: ``c`` does nothing or the widget has its own), and ``presets``
    the notice's words for each of its choices (a choice without words is shown as written).
    ``title`` (an ``N_()`` message id) names the demo in the help, above its keys.
    ``practice``: the demo asks the learner for its next number (practice mode, ``P``); it
    is here, not only in :mod:`oppija.practice`, so that the lesson checker, which must not
    load the practice questions' scenes, knows which demo blocks may say ``practice: on``
    (tests/practice check that it names exactly the kinds with practice questions).
    """

    kind: str
    title: str
    settings: Mapping[str, ParamSpec]
    simulation: str
    scene: str
    readout: str
    widget: str
    cycled: str | None = None
    presets: Mapping[str, str] = field(default_factory=_frozen)
    practice: bool = False

    def simulation_class(self) -> type[Demo]:
        """The simulation class, imported now (it subclasses :class:`~oppija.sims.demo.Demo`)."""
        from oppija.sims.demo import Demo

        found = resolve(self.simulation)
        if not (isinstance(found, type) and issubclass(found, Demo)):
            raise TypeError(f"{self.simulation} (demo {self.kind}) is not a Demo class")
        return found

    def defaults(self) -> dict[str, object]:
        """Each setting's value when a lesson or ``--set`` gives none: the simulation's own
        default (or its default preset's); settings the demo leaves open (a seed) are absent.

        Read from the simulation's ``build_params`` with no settings, so there is one source
        of the defaults; the registry's tests check that each fits the schema.
        """
        params = self.simulation_class().build_params({})
        found = {key: getattr(params, key, None) for key in self.settings}
        return {key: value for key, value in found.items() if value is not None}

    def cycled_choices(self) -> tuple[str, ...]:
        """The choices ``c`` moves through, in the schema's order (none without ``cycled``)."""
        if self.cycled is None:
            return ()
        return self.settings[self.cycled].choices


@cache
def resolve(name: str) -> object:
    """The attribute ``"module:attribute"`` names, imported once."""
    module, _colon, attribute = name.partition(":")
    return getattr(import_module(module), attribute)


def _spec(
    kind: str,
    title: str,
    settings: Mapping[str, ParamSpec],
    simulation: str,
    scene: str,
    widget: str,
    cycled: str | None = None,
    presets: Mapping[str, str] | None = None,
    words: str | None = None,
    practice: bool = False,
) -> DemoSpec:
    """A spec with short names: the modules are ``oppija.sims.*``, ``oppija.scenes.*`` and
    ``oppija.tui.widgets.*``; the readout is ``oppija.scenes.words.WORDS:WORDS_readout``, where
    ``words`` is the scene's module unless given (the descent demos share one)."""
    words = words or scene.partition(":")[0]
    return DemoSpec(
        kind=kind,
        title=title,
        settings=MappingProxyType(dict(settings)),
        simulation=f"oppija.sims.{simulation}",
        scene=f"oppija.scenes.{scene}",
        readout=f"oppija.scenes.words.{words}:{words}_readout",
        widget=f"oppija.tui.widgets.{widget}",
        cycled=cycled,
        presets=_frozen(presets),
        practice=practice,
    )


_SIGMOID_RELU = {"sigmoid": N_("the sigmoid σ"), "relu": N_("ReLU")}

_SPECS = (
    _spec(
        "gd1d",
        N_("Gradient descent, one parameter"),
        {
            "preset": ParamSpec(
                "choice", choices=("bowl", "crawl", "good", "oscillate", "diverge", "two-minima")
            ),
            "function": ParamSpec("formula", variables=("x",)),
            "lr": LR,
            "start": ParamSpec("number", -100, 100),
            "steps": ParamSpec("integer", 1, 10_000),
        },
        "gd1d:GradientDescent1D",
        "gd1d:draw_gd1d",
        "gd1d_demo:GradientDescent1DDemo",
        cycled="preset",
        presets={
            "bowl": N_("a bowl"),
            "good": N_("a good learning rate"),
            "crawl": N_("too small a learning rate"),
            "oscillate": N_("too large a learning rate"),
            "diverge": N_("far too large a learning rate"),
            "two-minima": N_("two local minima"),
        },
        words="descent",
        practice=True,
    ),
    _spec(
        "gd2d",
        N_("Gradient descent, two parameters"),
        {
            "preset": ParamSpec("choice", choices=("bowl", "valley", "saddle")),
            "function": ParamSpec("formula", variables=("x", "y")),
            "lr": LR,
            "start": ParamSpec("numbers", -100, 100, count=(2, 2)),
            "momentum": ParamSpec("number", 0, 0.999),
            "steps": ParamSpec("integer", 1, 10_000),
        },
        "gd2d:GradientDescent2D",
        "gd2d:draw_gd2d",
        "gd2d_demo:GradientDescent2DDemo",
        cycled="preset",
        presets={
            "bowl": N_("a bowl"),
            "valley": N_("a long narrow valley"),
            "saddle": N_("a saddle between two minima"),
        },
        words="descent",
    ),
    _spec(
        "linreg",
        N_("Linear regression"),
        {
            "lr": LR,
            "points": ParamSpec("integer", 2, 500),
            "noise": ParamSpec("number", 0, 10),
            "seed": SEED,
            "steps": STEPS,
            "xs": ParamSpec("numbers", -100, 100, count=(2, 500)),
            "ys": ParamSpec("numbers", -100, 100, count=(2, 500)),
            "start": ParamSpec("numbers", -100, 100, count=(2, 2)),
        },
        "linreg:LinearRegressionDescent",
        "regression:draw_regression",
        "regression_demo:LinearRegressionDemo",
        words="descent",
        practice=True,
    ),
    _spec(
        "logreg",
        N_("Logistic regression"),
        {
            "lr": LR,
            "points": ParamSpec("integer", 2, 500),
            "seed": SEED,
            "loss": ParamSpec("choice", choices=("mse", "cross-entropy")),
            "steps": STEPS,
        },
        "logreg:LogisticRegressionDescent",
        "regression:draw_regression",
        "regression_demo:LogisticRegressionDemo",
        words="descent",
    ),
    _spec(
        "activations",
        N_("Activation functions"),
        {
            "function": ParamSpec("choice", choices=("sigmoid", "tanh", "relu")),
            "x": ParamSpec("number", -10, 10),
        },
        "activations:Activations",
        "activations:draw_activations",
        "activations_demo:ActivationsDemo",
        cycled="function",
        presets=_SIGMOID_RELU,
    ),
    _spec(
        "backprop",
        N_("Backpropagation"),
        {
            "hidden": ParamSpec("integer", 2, 3),
            "activation": ACTIVATION,
            "lr": LR,
            "inputs": ParamSpec("numbers", -10, 10, count=(2, 2)),
            "target": ParamSpec("number", -10, 10),
            "seed": SEED,
        },
        "backprop:Backpropagation",
        "backprop:draw_backprop",
        "backprop_demo:BackpropDemo",
        cycled="activation",
        presets=_SIGMOID_RELU,
        practice=True,
    ),
    _spec(
        "playground",
        N_("Playground"),
        {
            "dataset": ParamSpec("choice", choices=("xor", "circle", "moons", "spiral")),
            "layers": ParamSpec("integer", 1, 3),
            "units": ParamSpec("integer", 1, 8),
            "activation": ACTIVATION,
            "lr": LR,
            "seed": SEED,
            "steps": STEPS,
        },
        "playground:Playground",
        "playground:draw_playground",
        "playground_demo:PlaygroundDemo",
        cycled="dataset",
        presets={
            "xor": N_("XOR"),
            "circle": N_("a circle"),
            "moons": N_("two moons"),
            "spiral": N_("a spiral"),
        },
    ),
    _spec(
        "linear-maps",
        N_("Linear maps"),
        {
            "preset": ParamSpec(
                "choice",
                choices=(
                    "rotation",
                    "shear",
                    "reflection",
                    "scaling",
                    "composition",
                    "tanh",
                    "translation",
                ),
            ),
            "matrix": ParamSpec("numbers", -10, 10, count=(4, 4)),
            "angle": ParamSpec("number", -360, 360),
        },
        "linear_maps:LinearMaps",
        "linear_maps:draw_linear_maps",
        "linear_maps_demo:LinearMapsDemo",
        cycled="preset",
        presets={
            "rotation": N_("a rotation"),
            "shear": N_("a shear"),
            "reflection": N_("a reflection"),
            "scaling": N_("a scaling"),
            "composition": N_("two maps in a row"),
            "tanh": N_("a tanh layer"),
            "translation": N_("a translation"),
        },
    ),
    _spec(
        "approximation",
        N_("Universal approximation"),
        {
            "target": ParamSpec("choice", choices=("sin", "step", "abs")),
            "function": ParamSpec("formula", variables=("x",)),
            "units": ParamSpec("integer", 1, 20),
            "lr": LR,
            "steps": STEPS,
            "seed": SEED,
        },
        "approximation:Approximation",
        "approximation:draw_approximation",
        "approximation_demo:ApproximationDemo",
        cycled="target",
        presets={"sin": N_("sin(x)"), "step": N_("a step"), "abs": N_("|x|")},
    ),
    _spec(
        "transfer",
        N_("Transfer learning"),
        {"mode": ParamSpec("choice", choices=("all", "last")), "seed": SEED, "steps": STEPS},
        "transfer:TransferLearning",
        "transfer:draw_transfer",
        "transfer_demo:TransferDemo",
        cycled="mode",
        presets={"all": N_("fine-tune all layers"), "last": N_("fine-tune only the last layer")},
    ),
    _spec(
        "softmax",
        N_("Softmax"),
        {
            "logits": ParamSpec("numbers", -1000, 1000, count=(1, 10)),
            "temperature": ParamSpec("number", 0.01, 100),
            "target": ParamSpec("integer", 0, 9),
        },
        "softmax:Softmax",
        "softmax:draw_softmax",
        "softmax_demo:SoftmaxDemo",
        practice=True,
    ),
    _spec(
        "rnn",
        N_("Recurrent network"),
        {
            "word": ParamSpec("text", max_length=12),
            "hidden": ParamSpec("integer", 1, 8),
            "mode": ParamSpec("choice", choices=("seeded", "trained")),
            "seed": SEED,
        },
        "rnn:RecurrentNetwork",
        "rnn:draw_rnn",
        "rnn_demo:RNNDemo",
        practice=True,
    ),
    _spec(
        "lstm",
        N_("LSTM gates"),
        {
            "sequence": ParamSpec("numbers", -10, 10, count=(1, 12)),
            "hidden": ParamSpec("integer", 1, 8),
            "seed": SEED,
        },
        "lstm:LSTMGates",
        "lstm:draw_lstm",
        "lstm_demo:LSTMDemo",
        practice=True,
    ),
    _spec(
        "conv",
        N_("Convolution"),
        {
            "image": ParamSpec("choice", choices=("digit", "letter", "cross")),
            "kernel": ParamSpec(
                "choice", choices=("edge", "blur", "sharpen", "vertical", "horizontal")
            ),
            "weights": ParamSpec("numbers", -10, 10, count=(9, 9)),
            "stride": ParamSpec("integer", 1, 3),
            "padding": ParamSpec("integer", 0, 2),
        },
        "conv:Convolution",
        "conv:draw_conv",
        "conv_demo:ConvDemo",
        practice=True,
    ),
    _spec(
        "attention",
        N_("Attention"),
        {
            "heads": ParamSpec("integer", 1, 8),
            "task": ParamSpec("choice", choices=("copy", "reverse")),
            "sentence": ParamSpec("text", max_length=60),
            "seed": SEED,
        },
        "attention:Attention",
        "attention:draw_attention",
        "attention_demo:AttentionDemo",
        practice=True,
        cycled="task",
    ),
    # The computation graph of a typed expression (micrograd's draw_dot, in a terminal).
    _spec(
        "graph",
        N_("Computation graph"),
        {
            "function": ParamSpec("formula", variables=("x", "y")),
            "x": ParamSpec("number", -100, 100),
            "y": ParamSpec("number", -100, 100),
        },
        "graph:ComputationGraph",
        "graph:draw_graph",
        "graph_demo:GraphDemo",
        practice=True,
    ),
)

DEMOS: Mapping[str, DemoSpec] = MappingProxyType({spec.kind: spec for spec in _SPECS})


def known_kinds() -> str:
    """The demo kinds, comma-separated, for messages."""
    return ", ".join(DEMOS)


__all__ = ["DEMOS", "DemoSpec", "known_kinds", "resolve"]
