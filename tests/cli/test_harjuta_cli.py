"""`oppija harjuta` and `oppija demo … --set practice=on`: exercises a teacher can print or
check numbers against, and one-line refusals."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from oppija import i18n
from oppija.cli import main
from oppija.i18n import parse_number
from oppija.practice.exercises import exercise, next_question, practice_kinds, worked_solution
from oppija.sims import create_simulation


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    previous = i18n.current_language()
    yield
    i18n.set_language(previous)


def harjuta_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["harjuta", *args, "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    data: dict[str, object] = json.loads(captured.out)
    return data


def test_the_seed_gives_the_same_exercise_and_its_answers_are_the_demos(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = harjuta_json(capsys, "backprop", "--seed", "7")
    assert data == harjuta_json(capsys, "backprop", "--seed", "7")
    assert data["demo"] == "backprop" and data["seed"] == 7
    questions = data["questions"]
    assert isinstance(questions, list) and len(questions) >= 10
    settings = data["settings"]
    assert isinstance(settings, dict)
    typed = {
        k: " ".join(map(str, v)) if isinstance(v, list) else str(v) for k, v in settings.items()
    }
    simulation = create_simulation("backprop", typed)
    assert simulation.state()["start_weights"] == data["start_weights"]
    for question in questions:
        simulation.run(question["step"] - 1 - simulation.step_count)
        asked = next_question(simulation)
        assert asked is not None and asked.answer == question["answer"]
        assert set(question) >= {"prompt", "formula", "answer", "tolerance", "hints", "derivation"}
        assert abs(parse_number(question["shown"]) - question["answer"]) <= question["tolerance"]
    assert questions[0]["prompt"] == "h₁ = ?"
    assert harjuta_json(capsys, "--seed", "8") != data


def test_the_worksheet_is_estonian_text_with_the_solution(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["harjuta", "--seed", "7"]) == 0
    out = capsys.readouterr().out
    assert "x = (0,8; −0,6), y⁽ʳᵉᶠ⁾ = 0,5" in out
    assert " 1. h₁ = ?   h₁ = σ(z₁), z₁ = 0,3 · 0,8 + 0,6 · (−0,6)" in out
    assert " 1. h₁ = σ(0,3 · 0,8 + 0,6 · (−0,6)) = σ(−0,12) = 0,47" in out
    assert "{" not in out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["harjuta", "gd2d"], "gd2d"),
        (["harjuta", "--seed", "x"], "x"),
        (["harjuta", "--seed", "-1"], "-1"),
        (["demo", "backprop", "--set", "practice=maybe", "--json"], "maybe"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0]
    assert "Traceback" not in captured.err


def test_demo_json_holds_the_next_question_when_practice_is_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "backprop", "--set", "practice=on", "--steps", "3", "--json"]) == 0
    practice = json.loads(capsys.readouterr().out)["practice"]
    assert practice["prompt"] == "𝓔 = ?"
    assert "0,555" in practice["formula"]
    assert abs(practice["answer"] - 0.19797) < 1e-5 and practice["tolerance"] == 0.0005
    assert main(["demo", "backprop", "--steps", "3", "--json"]) == 0
    assert "practice" not in json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", practice_kinds())
def test_every_practice_demo_prints_a_worksheet_and_json(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data = harjuta_json(capsys, name, "--seed", "11")
    questions = data["questions"]
    assert isinstance(questions, list) and questions
    assert main(["harjuta", name, "--seed", "11"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Harjutus: ") and f" ({name}), seeme 11\n" in out.splitlines()[0] + "\n"
    assert all(question["derivation"] in out for question in questions)
    assert "{" not in out


@pytest.mark.parametrize(
    ("name", "first_prompt", "estonian"),
    [
        ("rnn", "Vᵀx₁ + Wᵀh₀ = ?", "V rida tähe"),
        ("lstm", "f₁ = ?", "f₁ = σ(W~f~·x₁ + U~f~·h₀ + b~f~)"),
        ("attention", "kaal „", "softmax tabeli QKᵀ/√dₖ reast"),
        ("linreg", "θ₀⁽¹⁾ = ?", "punktid (x; y): "),
    ],
)
def test_the_new_kinds_answers_are_the_exercises_and_the_worksheet_is_estonian(
    capsys: pytest.CaptureFixture[str], name: str, first_prompt: str, estonian: str
) -> None:
    """`oppija harjuta NAME --seed 7 --json` gives the answers of that exercise's own run, and
    the worksheet reads in Estonian."""
    i18n.set_language("et")
    data = harjuta_json(capsys, name, "--seed", "7")
    questions = data["questions"]
    assert isinstance(questions, list)
    solution = worked_solution(exercise(name, 7))
    assert [q["answer"] for q in questions] == [question.answer for question, _step in solution]
    assert str(questions[0]["prompt"]).startswith(first_prompt)
    assert main(["harjuta", name, "--seed", "7"]) == 0
    out = capsys.readouterr().out
    assert estonian in out and "{" not in out
