"""`dualtrack case list|show|validate` on the built-in case and on broken copies of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dualtrack.cases import case_path, load_case
from dualtrack.cli import app
from dualtrack.model import Case

runner = CliRunner()
BUILTIN = case_path("us-iran-2026")


def _builtin_text() -> str:
    return BUILTIN.read_text(encoding="utf-8")


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    assert len(hits) >= nth, needle
    return hits[nth - 1]


def test_case_list_names_the_builtin_case() -> None:
    result = runner.invoke(app, ["case", "list"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "us-iran-2026" in result.stdout and "2026-02-08" in result.stdout
    as_json = runner.invoke(app, ["case", "list", "--format", "json"])
    rows = json.loads(as_json.stdout)
    case = load_case("us-iran-2026")
    (row,) = [r for r in rows if r["id"] == "us-iran-2026"]
    assert row["events"] == len(case.events) and row["actors"] == len(case.actors)


def test_show_yaml_prints_the_file_verbatim_and_round_trips() -> None:
    result = runner.invoke(app, ["case", "show", "us-iran-2026", "--format", "yaml"])
    assert result.exit_code == 0
    assert result.stdout == _builtin_text()
    assert Case.model_validate(yaml.safe_load(result.stdout)) == load_case("us-iran-2026")


def test_show_json_is_the_case_model() -> None:
    result = runner.invoke(app, ["case", "show", "us-iran-2026", "--format", "json"])
    assert result.exit_code == 0
    assert Case.model_validate(json.loads(result.stdout)) == load_case("us-iran-2026")


def test_show_table_lists_actors_issues_positions() -> None:
    result = runner.invoke(app, ["case", "show", str(BUILTIN)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for word in ("IRN.araghchi", "mediator", "spoiler", "enrichment", "threats_precondition"):
        assert word in result.stdout, word


def test_validate_builtin_prints_one_line_summary() -> None:
    result = runner.invoke(app, ["case", "validate", str(BUILTIN)])
    assert result.exit_code == 0, result.output
    case = load_case(BUILTIN)
    assert result.stdout.strip() == (
        f"ok: us-iran-2026 — {len(case.actors)} actors, {len(case.issues)} issues, "
        f"{len(case.positions)} positions, {len(case.events)} events, "
        f"{len(case.stances)} stances"
    )


def _broken(tmp_path: Path) -> tuple[Path, str, list[tuple[str, int, str]]]:
    """The built-in case with six different mistakes; returns (path, text, expected)."""
    case = load_case("us-iran-2026")
    text = _builtin_text()
    pos_idx = next(
        i
        for i, p in enumerate(case.positions)
        if p.actor == "IRN" and p.issue == "sanctions_relief"
    )
    us_threat = next(
        i
        for i, p in enumerate(case.positions)
        if p.actor == "USA" and p.issue == "threats_precondition"
    )
    drone = next(i for i, e in enumerate(case.events) if e.category.value == "ASSAULT")
    actor_idx = {a.id: i for i, a in enumerate(case.actors)}
    edits = [
        # unknown actor in a position
        ("  - actor: IRN\n    issue: sanctions_relief\n",
         "  - actor: IRAN\n    issue: sanctions_relief\n"),
        # salience outside 0-1
        ("    value: 0\n    value_range: [0, 20]\n    salience: 0.4\n",
         "    value: 0\n    value_range: [0, 20]\n    salience: 1.4\n"),
        # position outside the issue's scale
        ("    value: 85\n", "    value: 185\n"),
        # duplicate actor id
        ("  - id: KWT\n", "  - id: BHR\n"),
        # a date that does not parse
        ("  - date: 2026-02-03\n", "  - date: 2026-02-30\n"),
        # an alias claimed by two actors
        ("      zh-Hant: [納坦雅胡,", "      zh-Hant: [川普, 納坦雅胡,"),
    ]  # fmt: skip
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "us-iran-broken.yaml"
    path.write_text(text, encoding="utf-8")
    nz = actor_idx["ISR.netanyahu"]
    expected = [
        (f"positions[{pos_idx}].actor", _line_of(text, "actor: IRAN"), "did you mean 'IRN'"),
        (f"positions[{us_threat}].salience", _line_of(text, "salience: 1.4"), "outside 0–1"),
        (f"positions[{pos_idx}].value", _line_of(text, "value: 185"), "outside the scale"),
        (f"actors[{actor_idx['KWT']}].id", _line_of(text, "- id: BHR", 2), "duplicate actor id"),
        (f"events[{drone}].date", _line_of(text, "2026-02-30"), "not a date"),
        (f"actors[{nz}].aliases.zh-Hant[0]", _line_of(text, "[川普, 納坦雅胡"), "'USA.trump'"),
    ]
    return path, text, expected


def test_validate_broken_copy_reports_every_mistake(tmp_path: Path) -> None:
    path, _, expected = _broken(tmp_path)
    result = runner.invoke(app, ["case", "validate", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    for field, line, message in expected:
        prefix = f"{path}:{line}: {field}: "
        hit = [ln for ln in lines if ln.startswith(prefix)]
        assert hit, f"missing {prefix!r} in:\n{result.stdout}"
        assert message in hit[0]
    assert "problem(s)" in result.stderr

    as_json = runner.invoke(app, ["case", "validate", str(path), "--format", "json"])
    assert as_json.exit_code == 1
    payload = json.loads(as_json.stdout)
    assert payload["ok"] is False
    got = {(p["field"], p["line"]) for p in payload["problems"]}
    assert {(f, ln) for f, ln, _ in expected} <= got


def test_show_refuses_a_broken_case_with_its_problems(tmp_path: Path) -> None:
    path, _, expected = _broken(tmp_path)
    result = runner.invoke(app, ["case", "show", str(path)])
    assert result.exit_code == 1
    assert expected[0][0] in result.stderr and "case validate" in result.stderr


def test_validate_syntax_error_reports_its_line(tmp_path: Path) -> None:
    text = _builtin_text().replace("  - id: QAT\n", "  - id: QAT\n   kind: [state\n")
    path = tmp_path / "syntax.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["case", "validate", str(path)])
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    bad = _line_of(text, "kind: [state")
    assert line.startswith(f"{path}:") and "YAML syntax error" in line
    assert abs(int(line.split(":")[1]) - bad) <= 1


@pytest.mark.parametrize(
    "args",
    [
        ["case", "show", "no-such-case"],
        ["case", "validate", "missing.yaml"],
        ["case", "show", "us-iran-2026", "--format", "xml"],
    ],
)
def test_bad_arguments_exit_1_with_a_message(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "error:" in result.stderr
