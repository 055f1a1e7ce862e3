"""The whole suite: the slowest tests start first, so that the workers end together."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` go to the front (xdist hands tests out in this order): started
    last, one of them would keep a worker busy long after the other has finished."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
