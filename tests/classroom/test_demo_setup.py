"""The share line's words: exact numbers, shell quoting, only what differs from the lesson.

A teacher copies the line into a handout; a student pastes it into a shell. Every value must
come back as the very same setting, whatever the language's decimal sign, and the line must
not carry settings the lesson already gives.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oppija import i18n
from oppija.cli_parser import build_parser
from oppija.demo_setup import (
    changed_settings,
    command_params,
    command_text,
    saved_form,
    share_line,
    share_words,
    slide_params,
    to_saved,
)
from oppija.sims.settings import parse_param


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    previous = i18n.current_language()
    yield
    i18n.set_language(previous)


@pytest.mark.parametrize("language", ["et", "en"])
@given(value=st.floats(allow_nan=False, allow_infinity=False, min_value=-10, max_value=10))
def test_a_number_reads_back_as_the_same_float(language: str, value: float) -> None:
    i18n.set_language(language)
    assert parse_param("gd1d", "start", command_text(value)) == value


def test_numbers_are_written_with_the_languages_decimal_sign() -> None:
    i18n.set_language("et")
    assert command_text(0.1) == "0,1" and command_text((1.5, -2.0)) == "1,5 -2"
    i18n.set_language("en")
    assert command_text(0.1) == "0.1" and command_text(1e-05) == "1e-05"


def test_the_line_is_quoted_for_a_shell_and_parsed_back() -> None:
    i18n.set_language("et")
    formula = parse_param("gd1d", "function", "x^4 - 3*x^2 + x")
    changes = {"function": formula, "lr": 0.05, "start": -1.5}
    line = share_line("gd-algorithm", changes, steps=12)
    assert line == (
        "oppija --slide gd-algorithm --set 'function=x^4 - 3*x^2 + x' --set lr=0,05 "
        "--set start=-1,5 --steps 12"
    )
    args = build_parser().parse_args(list(share_words(line)))
    assert args.slide == "gd-algorithm" and args.slide_steps == 12
    texts = dict(pair.split("=", 1) for pair in args.slide_settings)
    assert command_params("gd1d", {}, texts) == changes


def test_a_slide_id_or_value_with_shell_characters_is_quoted() -> None:
    line = share_line("it's; rm -rf ~", {"word": "$(x)"}, steps=0)
    assert shlex.split(line) == ["oppija", "--slide", "it's; rm -rf ~", "--set", "word=$(x)"]


def test_only_what_differs_from_the_lesson_is_written() -> None:
    lesson = {"lr": 0.1, "start": 3.0}
    assert changed_settings("gd1d", lesson, {"lr": 0.1, "start": 3.0}) == {}
    assert changed_settings("gd1d", lesson, {"lr": 0.2, "start": 3.0}) == {"lr": 0.2}


def test_a_setting_equal_to_the_default_is_left_out_only_if_it_changes_nothing() -> None:
    """The gd1d presets bring their own α: after a preset, α at the demo's overall default
    still has to be written, or the line would give the preset's α."""
    default_lr = changed_settings("gd1d", {}, {"lr": 0.1})
    assert default_lr == {}
    preset = {"preset": "crawl"}
    kept = changed_settings("gd1d", preset, {"preset": "crawl", "lr": 0.1})
    from oppija.sims import simulation_class

    crawl_lr = simulation_class("gd1d")(**preset).params_data()["lr"]
    assert crawl_lr != 0.1 and kept == {"lr": 0.1}


def test_saved_forms_are_plain_json() -> None:
    formula = parse_param("gd1d", "function", "x^2")
    assert saved_form(formula) == "x^2"
    assert saved_form((1.0, 2.5)) == [1.0, 2.5]
    assert saved_form(True) is None
    assert saved_form("x" * 10_000) is None
    quartic = parse_param("gd1d", "function", "x^4")
    assert to_saved("gd1d", {"lr": 0.1}, {"lr": 0.3, "function": quartic}) == {
        "lr": 0.3,
        "function": "x^4",
    }
    assert to_saved("gd1d", {"lr": 0.1}, {"lr": 0.1, "function": formula}) == {}  # the default


def test_saved_settings_that_no_longer_fit_are_dropped_never_raised() -> None:
    lesson = {"preset": "good"}
    saved = {"lr": 0.3, "gone": 1, "start": "kolm", "function": "(" * 5000, "preset": [1]}
    assert slide_params("gd1d", lesson, saved) == {"preset": "good", "lr": 0.3}
    assert slide_params("no-such-demo", lesson, {"lr": 0.3}) == lesson


@pytest.mark.parametrize(
    "value",
    [1e308, -1e308, 10**400, 10**30, [1e308, -1e308], "1e308"],
    ids=["1e308", "-1e308", "10^400", "10^30", "list", "text"],
)
def test_huge_saved_numbers_are_dropped_never_raised(value: object) -> None:
    """A hand-edited progress file's 1e308 for a whole-number setting once crashed the
    message that refuses it (Babel rounds to 28 digits), and 10⁴⁰⁰ the float conversion."""
    from oppija.content.loader import load_lecture

    lecture = load_lecture("et")
    for slide in lecture.slides:
        if slide.demo is None:
            continue
        kind, lesson = slide.demo.kind, slide.demo.as_dict()
        for key in lesson:
            assert slide_params(kind, lesson, {key: value}).keys() == lesson.keys()  # type: ignore[dict-item]


def test_a_whole_number_beyond_28_digits_is_formatted() -> None:
    i18n.set_language("en")
    assert i18n.format_integer(-(10**30)) == "-1,000,000,000,000,000,000,000,000,000,000"
