"""Which widget shows which demo kind; imported only when a slide with a demo is shown."""

from __future__ import annotations

from importlib import import_module

from textual.widget import Widget

from oppija.tui.widgets.demo_panel import DemoPanel

# kind -> (module, class); kinds not listed have no widget yet and show nothing.
DEMO_WIDGETS: dict[str, tuple[str, str]] = {
    "gd1d": ("oppija.tui.widgets.gd1d_demo", "GradientDescent1DDemo"),
    "gd2d": ("oppija.tui.widgets.gd2d_demo", "GradientDescent2DDemo"),
    "linreg": ("oppija.tui.widgets.regression_demo", "LinearRegressionDemo"),
    "logreg": ("oppija.tui.widgets.regression_demo", "LogisticRegressionDemo"),
    "backprop": ("oppija.tui.widgets.backprop_demo", "BackpropDemo"),
    "activations": ("oppija.tui.widgets.activations_demo", "ActivationsDemo"),
    "linear-maps": ("oppija.tui.widgets.linear_maps_demo", "LinearMapsDemo"),
    "approximation": ("oppija.tui.widgets.approximation_demo", "ApproximationDemo"),
    "playground": ("oppija.tui.widgets.playground_demo", "PlaygroundDemo"),
    "transfer": ("oppija.tui.widgets.transfer_demo", "TransferDemo"),
    "graph": ("oppija.tui.widgets.graph_demo", "GraphDemo"),
    "softmax": ("oppija.tui.widgets.softmax_demo", "SoftmaxDemo"),
    "lstm": ("oppija.tui.widgets.lstm_demo", "LSTMDemo"),
    "conv": ("oppija.tui.widgets.conv_demo", "ConvDemo"),
    "rnn": ("oppija.tui.widgets.rnn_demo", "RNNDemo"),
    "attention": ("oppija.tui.widgets.attention_demo", "AttentionDemo"),
}


def widget_class(kind: str) -> type[DemoPanel] | None:
    """The widget class of demo ``kind`` (its module imported now), or None."""
    home = DEMO_WIDGETS.get(kind)
    if home is None:
        return None
    found = getattr(import_module(home[0]), home[1])
    if not (isinstance(found, type) and issubclass(found, DemoPanel)):
        raise TypeError(f"{home[0]}.{home[1]} (demo {kind}) is not a DemoPanel")
    return found


def demo_widget(kind: str, params: dict[str, object], **kwargs: object) -> Widget | None:
    """A new widget running demo ``kind`` with the lesson's ``params``, or None."""
    found = widget_class(kind)
    return None if found is None else found(kind, params, **kwargs)
