"""`oppija check` names the right form of a subscript written with an underscore."""

from __future__ import annotations

from pathlib import Path

import pytest

from oppija.content.reading import Reporter


@pytest.mark.parametrize(
    ("line", "written"), [("σ_h(cₜ)", "“σₕ”"), ("W_O", "“W~O~”"), ("W_ij", "“Wᵢⱼ”")]
)
def test_the_check_names_the_unicode_form_where_there_is_one(line: str, written: str) -> None:
    reporter = Reporter(Path("x.md"))
    reporter.check_subscripts(3, line)
    assert [problem.line for problem in reporter.problems] == [3]
    assert f"write the subscript as {written}" in reporter.problems[0].message
