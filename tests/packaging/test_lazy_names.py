"""The packages' re-exported names: each one resolves, and none is imported before it is read."""

from __future__ import annotations

import importlib

import pytest

from tests.layering import modules_loaded_by, package_modules

PACKAGES = ["oppija.content", "oppija.engine"]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_exported_name_is_its_modules_own(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__all__ == sorted(module.__all__) and module.__all__
    for name in module.__all__:
        value = getattr(module, name)
        assert getattr(value, "__name__", name) == name
        assert getattr(value, "__module__", package).startswith(package + ".")
    with pytest.raises(AttributeError, match="no attribute 'missing'"):
        _ = module.missing


@pytest.mark.parametrize("package", PACKAGES)
def test_importing_the_package_imports_none_of_its_modules(package: str) -> None:
    """A submodule is loaded when one of its names is first read, not with the package."""
    submodules = tuple(package_modules(package.removeprefix("oppija."))[1:])
    assert len(submodules) >= 4
    assert modules_loaded_by(package, submodules) == []
    assert modules_loaded_by(f"{package}.{submodules[0].rsplit('.', 1)[1]}", submodules)
