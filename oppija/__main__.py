"""``python -m oppija``: the same as the ``oppija`` command."""

from __future__ import annotations

import sys

from oppija.cli import main

if __name__ == "__main__":
    sys.exit(main())
