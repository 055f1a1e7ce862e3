"""A package's public names, each imported from its own module on first use (PEP 562).

``import oppija.engine.tensor`` or ``import oppija.content.search`` then loads that module
alone, not every sibling the package re-exports: the app's first screen and the lesson
checker import only what they use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module


def lazy_names(
    package: str, homes: Mapping[str, tuple[str, ...]]
) -> tuple[list[str], Callable[[str], object]]:
    """``__all__`` and a module ``__getattr__`` for ``package``, whose ``homes`` maps each
    submodule to the names it provides."""
    home_of = {name: module for module, names in homes.items() for name in names}

    def __getattr__(name: str) -> object:
        module = home_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{module}"), name)

    return sorted(home_of), __getattr__
