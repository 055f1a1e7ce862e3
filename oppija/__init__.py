"""oppija: the deep-learning lecture "Süvaõpe", taught in Estonian in a terminal."""

from __future__ import annotations

__version__ = "0.1.0"
