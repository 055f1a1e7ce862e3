"""The sentences a learner reads are built beside the scenes, not in the simulations.

A simulation gives data (numbers, a step's kind, a status); ``oppija.scenes.words`` words it. A
simulation that grows its own ``readout_lines`` or ``lines`` again would put presentation back
into ``sims``, and the readout the widgets show would silently come from two places.
"""

from __future__ import annotations

import inspect

import pytest

import oppija.sims
from oppija.scenes.words import readout_lines
from oppija.sims import DEMOS, create_simulation

WORDING_METHODS = (
    "readout_lines", "lines", "mode_line", "input_legend", "position_line", "status_message",
    "status_line", "outcome",
)  # fmt: skip


def concrete_simulations() -> list[type]:
    found = {spec.simulation_class() for spec in DEMOS.values()}
    found = {cls for cls in found if not inspect.isabstract(cls)}
    assert len(found) >= 15, oppija.sims.__file__
    return sorted(found, key=lambda cls: cls.__name__)


@pytest.mark.parametrize("cls", concrete_simulations(), ids=lambda cls: cls.__name__)
def test_no_simulation_words_its_own_readout(cls: type) -> None:
    for klass in cls.__mro__:
        if klass is object or not klass.__module__.startswith("oppija.sims"):
            continue
        assert not set(vars(klass)) & set(WORDING_METHODS), klass


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_readouts_are_sentences_in_both_languages(name: str) -> None:
    """Each readout has a line, and ASCII mode keeps only ASCII and Estonian letters."""
    from oppija import i18n

    simulation = create_simulation(name, {})
    simulation.run(3)
    before = i18n.current_language()
    try:
        for language in ("et", "en"):
            i18n.set_language(language)
            assert readout_lines(simulation)
            spelt = "".join(readout_lines(simulation, ascii_only=True))
            assert {char for char in spelt if not char.isascii()} <= set("õäöüšžÕÄÖÜŠŽ")
    finally:
        i18n.set_language(before)


def ending_codes_in_sims() -> set[str]:
    """Every code a simulation ends a run with: the ``self.end(status, "code", …)`` calls."""
    import ast
    from pathlib import Path

    codes = set()
    for path in Path(oppija.sims.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "end"
                and len(node.args) >= 2
            ):
                code = node.args[1]  # a code, or a choice of two codes
                choices = [code.body, code.orelse] if isinstance(code, ast.IfExp) else [code]
                for choice in choices:
                    assert isinstance(choice, ast.Constant), ast.unparse(code)
                    codes.add(str(choice.value))
    return codes


def test_every_ending_a_simulation_gives_has_its_sentence_and_no_sentence_is_unused() -> None:
    from oppija.scenes.words.status import SENTENCES, WORDED

    found = ending_codes_in_sims()
    assert len(found) >= 20
    assert found == set(SENTENCES) | set(WORDED)
