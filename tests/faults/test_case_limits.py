"""Case files that would exhaust memory or time are refused, with a line, for every command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.cases import CaseError, load_case, validate_case_file
from dualtrack.cases.checks import HINT_BUDGET
from dualtrack.cli import app

runner = CliRunner()
BUILTIN = Path(__file__).resolve().parents[2] / "src/dualtrack/cases/us-iran-2026.yaml"

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb_is_refused_by_validate_and_by_commands(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    (problem,) = validate_case_file(path)
    assert "aliases expand" in problem.message and problem.line == 1
    for argv in (["forecast", "--case", str(path)], ["bargain", str(path)]):
        res = runner.invoke(app, argv)
        assert res.exit_code == 1 and "Traceback" not in res.output


def test_a_reused_anchor_is_still_fine(tmp_path: Path) -> None:
    text = BUILTIN.read_text(encoding="utf-8").replace(
        "salience_range: [0.5, 0.85]", "salience_range: &r [0.5, 0.85]", 1
    )
    path = tmp_path / "anchored.yaml"
    path.write_text(text, encoding="utf-8")
    assert validate_case_file(path) == []


def test_a_5000_digit_integer_is_a_problem_with_a_line(tmp_path: Path) -> None:
    text = BUILTIN.read_text(encoding="utf-8").replace(
        "capability: 1.0", "capability: " + "9" * 5000, 1
    )
    path = tmp_path / "digits.yaml"
    path.write_text(text, encoding="utf-8")
    (problem,) = validate_case_file(path)
    assert "5,000-digit" in problem.message and problem.line
    with pytest.raises(CaseError):
        load_case(path)


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e309", "1.0e+309"])
def test_non_finite_numbers_are_rejected(tmp_path: Path, value: str) -> None:
    text = BUILTIN.read_text(encoding="utf-8").replace("capability: 1.0", f"capability: {value}", 1)
    path = tmp_path / "inf.yaml"
    path.write_text(text, encoding="utf-8")
    problems = validate_case_file(path)
    assert problems and all("capability" in p.field for p in problems)


def test_thousands_of_unknown_ids_finish_with_a_bounded_hint_search(tmp_path: Path) -> None:
    n = 2000
    lines = ["id: big", "title: big", "actors:"]
    lines += [f"  - {{id: ACT{i:05d}X, kind: state}}" for i in range(n)]
    lines += ["events:"]
    lines += [f"  - {{date: 2026-01-01, actor: UNK{i:05d}Y, category: CONSULT}}" for i in range(n)]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = [p for p in validate_case_file(path) if "unknown actor" in p.message]
    assert len(problems) == n
    hinted = sum("did you mean" in p.message for p in problems)
    assert hinted <= HINT_BUDGET // n + 1  # suggestions stop once the budget is spent


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_unread() -> None:
    (problem,) = validate_case_file("/dev/zero")
    assert "not a regular file" in problem.message
    res = runner.invoke(app, ["case", "validate", "/dev/zero"])
    assert res.exit_code == 1
