"""The Jinja2 set-up of oppija's self-contained HTML pages: the handout and the class report.

Jinja2 is imported only when a page is rendered, so that parsing ``oppija export`` or
``oppija report`` never loads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment


def page_environment(template_dir: Path) -> Environment:
    """The templates in ``template_dir``, autoescaped (a learner who calls themselves
    ``<script>`` is shown as that text) and strict (a misspelt name fails the render instead of
    printing nothing); block tags leave no blank lines behind."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(template_dir),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
