"""Key bindings whose descriptions follow the active language, switched live."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from oppija.i18n import _


def translate_bindings(node: DOMNode) -> None:
    """Rebuild ``node``'s bindings from its class BINDINGS with translated descriptions.

    Textual reads descriptions from the Binding objects, which are made once per class; the
    footer and help must change language without a restart, so each node gets its own copy.
    """
    merged = type(node)._merge_bindings()
    node._bindings = BindingsMap.from_keys(
        {
            key: [replace(b, description=_(b.description)) if b.description else b for b in group]
            for key, group in merged.key_to_bindings.items()
        }
    )
