"""Case-file validation: every problem at once, each with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from dualtrack.cases import CaseError, Problem, load_case, validate_case_file

DOC = "d" * 64

GOOD = f"""\
id: tiny
title: A tiny case
asof: 2026-02-08
sources:
  - id: {DOC}
actors:
  - id: AAA
    kind: state
    role: party
    names: {{en: Alpha, zh-Hant: 阿爾法}}
    aliases: {{zh-Hans: [阿尔法]}}
  - id: BBB
    kind: state
    role: party
    names: {{en: Beta}}
  - id: AAA.chief
    kind: person
    country: AAA
    names: {{en: Chief}}
issues:
  - id: level
    name: Level
    anchors: [{{value: 0, label: none}}, {{value: 100, label: all}}]
  - id: agenda
    name: Agenda
    kind: set
    options: [one, two]
positions:
  - {{actor: AAA, issue: level, value: 10, value_range: [0, 20], salience: 0.5, capability: 1}}
  - {{actor: BBB, issue: agenda, items: [one], salience: 0.5, capability: 1}}
events:
  - date: 2026-02-06
    actor: AAA.chief
    target: BBB
    category: CONSULT
    mode: phone
    evidence: [{{doc_id: {DOC}, start: 0, end: 4}}]
parameters: {{}}
"""


def _write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing `needle`."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth - 1]


def _find(problems: list[Problem], field: str) -> Problem:
    matches = [p for p in problems if p.field == field]
    assert matches, f"no problem on {field}; got:\n" + "\n".join(map(str, problems))
    return matches[0]


def test_good_file_has_no_problems(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    assert validate_case_file(path) == []
    case = load_case(path)
    assert case.id == "tiny" and case.events[0].via is None


@pytest.mark.parametrize(
    ("old", "new", "needle", "field", "message"),
    [
        ("actor: AAA.chief", "actor: aaa.chif", "aaa.chif", "events[0].actor", "'AAA.chief'"),
        ("target: BBB", "target: BB", "target: BB", "events[0].target", "did you mean 'BBB'"),
        ("mode: phone", "mode: phon", "mode: phon", "events[0].mode", "did you mean 'phone'"),
        ("category: CONSULT", "category: CONSUL", "CONSUL", "events[0].category", "'CONSULT'"),
        ("date: 2026-02-06", "date: 2026-13-06", "2026-13-06", "events[0].date", "not a date"),
        ("date: 2026-02-06", "date: 2026-02-09", "2026-02-09", "events[0].date", "after"),
        ("start: 0, end: 4", "start: 5, end: 4", "start: 5", "events[0].evidence[0]", "end"),
        ("items: [one]", "items: [three]", "three", "positions[1].items[0]", "not an option"),
        ("items: [one]", "value: 10", "value: 10", "positions[1].items", None),
        (
            "issue: level, value: 10",
            "issue: lvl, value: 10",
            "lvl",
            "positions[0].issue",
            "'level'",
        ),
        ("value: 10, value_range", "value: 30, value_range", "30", "positions[0].value", "[0, 20]"),
        ("- id: BBB", "- id: AAA", "- id: AAA", "actors[1].id", "duplicate actor id 'AAA'"),
        ("country: AAA", "country: AAX", "AAX", "actors[2].country", "did you mean 'AAA'"),
        ("{value: 100, label: all}", "{value: 120, label: all}", "120", "issues[0].anchors[1]", ""),
        ("title: A tiny case", "titel: A tiny case", "titel", "titel", "did you mean 'title'"),
        (
            "role: party\n    names: {en: Beta}",
            "role: partner\n    names: {en: Beta}",
            "partner",
            "actors[1].role",
            "'party'",
        ),
    ],
)
def test_each_mistake_reports_line_and_field(
    tmp_path: Path, old: str, new: str, needle: str, field: str, message: str | None
) -> None:
    assert GOOD.count(old) == 1, old
    text = GOOD.replace(old, new)
    problems = validate_case_file(_write(tmp_path, text))
    if message is None:  # the file is valid: `value` alone on a set issue is allowed
        assert problems == []
        return
    hit = [p for p in problems if p.field.startswith(field)]
    assert hit, f"no problem on {field}; got:\n" + "\n".join(map(str, problems))
    assert message in hit[0].message
    occurrence = 2 if new == "- id: AAA" else 1
    assert hit[0].line == _line_of(text, needle, occurrence)
    assert str(hit[0]).startswith(f"{tmp_path / 'case.yaml'}:{hit[0].line}: {hit[0].field}: ")


def test_alias_claimed_by_two_actors_names_both(tmp_path: Path) -> None:
    text = GOOD.replace("names: {en: Beta}", "names: {en: Beta, zh-Hant: 阿爾法}")
    problems = validate_case_file(_write(tmp_path, text))
    p = _find(problems, "actors[1].names.zh-Hant")
    assert "'阿爾法'" in p.message and "'AAA'" in p.message and "'BBB'" in p.message
    assert p.line == _line_of(text, "{en: Beta, zh-Hant: 阿爾法}")


def test_same_alias_across_scripts_of_one_actor_is_fine(tmp_path: Path) -> None:
    text = GOOD.replace("aliases: {zh-Hans: [阿尔法]}", "aliases: {zh-Hans: [阿尔法, 阿爾法]}")
    assert validate_case_file(_write(tmp_path, text)) == []


def test_salience_outside_unit_interval(tmp_path: Path) -> None:
    text = GOOD.replace(
        "value: 10, value_range: [0, 20], salience: 0.5", "value: 10, salience: 1.5"
    )
    p = _find(validate_case_file(_write(tmp_path, text)), "positions[0].salience")
    assert p.message == "salience 1.5 is outside 0–1"


def test_many_mistakes_are_all_reported_sorted_by_line(tmp_path: Path) -> None:
    text = (
        GOOD.replace("actor: AAA, issue: level", "actor: CCC, issue: level")
        .replace("value: 10,", "value: 101,")
        .replace("date: 2026-02-06", "date: 6 Feb 2026")
        .replace("target: BBB", "target: DDD")
    )
    problems = validate_case_file(_write(tmp_path, text))
    fields = {p.field for p in problems}
    assert {
        "positions[0].actor",
        "positions[0].value",
        "events[0].date",
        "events[0].target",
    } <= fields
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_duplicate_yaml_key_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace("    mode: phone\n", "    mode: phone\n    mode: visit\n")
    p = _find(validate_case_file(_write(tmp_path, text)), "events[0].mode")
    assert "duplicate key" in p.message and p.line == _line_of(text, "mode: visit")


def test_duplicate_event_identity(tmp_path: Path) -> None:
    event = GOOD[GOOD.index("  - date: 2026-02-06") : GOOD.index("parameters:")]
    text = GOOD.replace("parameters:", event + "parameters:")
    p = _find(validate_case_file(_write(tmp_path, text)), "events[1]")
    assert "duplicate event" in p.message


def test_evidence_must_cite_a_listed_source(tmp_path: Path) -> None:
    text = GOOD.replace(f"[{{doc_id: {DOC}", "[{doc_id: abc")
    p = _find(validate_case_file(_write(tmp_path, text)), "events[0].evidence[0].doc_id")
    assert "'abc' is not among the case's sources" in p.message


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    text = GOOD.replace("    kind: set\n", "    kind: [set\n")
    problems = validate_case_file(_write(tmp_path, text))
    assert len(problems) == 1
    assert "YAML syntax error" in problems[0].message
    assert problems[0].line is not None
    assert abs(problems[0].line - _line_of(text, "kind: [set")) <= 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"- just\n- a list\n", "must be a YAML mapping"),
        (b"id: \xff\xfe\n", "not UTF-8"),
    ],
)
def test_unusable_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    problems = validate_case_file(path)
    assert len(problems) == 1 and expected in problems[0].message


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    problems = validate_case_file(tmp_path / "nope.yaml")
    assert [p.message for p in problems] == ["no such file"]
    with pytest.raises(FileNotFoundError):
        load_case(tmp_path / "nope.yaml")


def test_load_case_raises_case_error_with_every_problem(tmp_path: Path) -> None:
    text = GOOD.replace("target: BBB", "target: XXX").replace(
        "salience: 0.5, cap", "salience: 9, cap", 1
    )
    path = _write(tmp_path, text)
    with pytest.raises(CaseError) as info:
        load_case(path)
    err = info.value
    assert err.path == str(path)
    assert {p.field for p in err.problems} >= {"events[0].target", "positions[0].salience"}
    assert f"{path}:" in str(err) and "2 problems" in str(err)


def test_unknown_actor_suggestion_uses_aliases(tmp_path: Path) -> None:
    text = GOOD.replace("target: BBB", "target: Alpha")
    p = _find(validate_case_file(_write(tmp_path, text)), "events[0].target")
    assert "did you mean 'AAA'" in p.message


def test_yes_and_no_stay_strings(tmp_path: Path) -> None:
    text = GOOD.replace("options: [one, two]", "options: [yes, no]").replace(
        "items: [one]", "items: [no]"
    )
    case = load_case(_write(tmp_path, text))
    assert case.issue("agenda").options == ["yes", "no"]
    assert case.positions[1].items == ["no"]
