"""`dualtrack events` and `dualtrack demo` through the real CLI (Typer's runner, real DuckDB)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack import cli
from dualtrack.cases import load_case
from dualtrack.cli import app
from dualtrack.demo import run_demo
from dualtrack.store import DB_FILE, Workspace, read_events_file

REQUIRED = {"date", "actor", "target", "category", "quantities", "flags", "evidence"}

CASE_YAML = """\
id: tiny
title: A tiny crisis
actors:
  - {id: AAA, kind: state}
  - {id: BBB, kind: state}
  - {id: CCC, kind: state}
events:
  - date: 2026-02-06
    actor: AAA
    target: BBB
    category: SANCTION
    summary: AAA lists 15 entities
    quantities: [{value: 15, unit: entity}, {value: 14, unit: vessel, what: tanker}]
  - {date: 2026-02-03, actor: AAA, target: BBB, category: ASSAULT, summary: drone downed}
  - {date: 2026-02-06, actor: AAA, target: BBB, via: CCC, category: CONSULT}
  - {date: 2026-02-08, actor: BBB, target: AAA, category: CONSULT, flags: {unconfirmed: true}}
"""


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(CASE_YAML, encoding="utf-8")
    return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every CLI call in these tests uses a workspace under tmp_path, via DUALTRACK_HOME."""
    path = tmp_path / "home"
    monkeypatch.setenv("DUALTRACK_HOME", str(path))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_jsonl_has_one_object_per_event_with_required_keys(case_file: Path, home: Path) -> None:
    code, out, _ = run("events", "--case", str(case_file), "--format", "jsonl")
    assert code == 0
    rows = jsonl(out)
    assert len(rows) == 4
    for row in rows:
        assert row.keys() >= REQUIRED
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    sanction = next(r for r in rows if r["category"] == "SANCTION")
    assert sanction["quantities"][1] == {
        "value": 14.0,
        "unit": "vessel",
        "what": "tanker",
        "qualifier": None,
    }
    # Reading never writes: no workspace appears, and the next call reads the same rows.
    assert not (home / DB_FILE).exists()
    assert jsonl(run("events", "--case", str(case_file), "--format", "jsonl")[1]) == rows


def test_since_until_filter(case_file: Path, home: Path) -> None:
    code, out, _ = run(
        "events", "--case", str(case_file), "--format", "jsonl",
        "--since", "2026-02-04", "--until", "2026-02-06",
    )  # fmt: skip
    assert code == 0
    assert sorted(r["category"] for r in jsonl(out)) == ["CONSULT", "SANCTION"]
    code, out, _ = run(
        "events", "--case", str(case_file), "--format", "jsonl", "--since", "2026-02-07"
    )
    assert [r["date"] for r in jsonl(out)] == ["2026-02-08"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2026-02-30"], "--since '2026-02-30' is not a date"),
        (["--until", "yesterday"], "--until 'yesterday' is not a date"),
        (["--since", "2026-02-08", "--until", "2026-02-01"], "is after --until"),
        (["--format", "parquet"], "--out"),
        (["--format", "xml"], "--format must be one of"),
        (["--out", "x.txt"], "--out needs --format"),
    ],
)
def test_bad_options_exit_1(case_file: Path, home: Path, args: list[str], message: str) -> None:
    code, out, err = run("events", "--case", str(case_file), *args)
    assert code == 1
    assert message in err
    assert out == ""


def test_unknown_and_broken_cases_exit_1(tmp_path: Path, home: Path) -> None:
    code, _, err = run("events", "--case", "no-such-case")
    assert code == 1 and "no case 'no-such-case'" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text(CASE_YAML.replace("category: ASSAULT", "category: BOMB"), encoding="utf-8")
    code, _, err = run("events", "--case", str(broken))
    assert code == 1 and "broken.yaml" in err and "category" in err
    with Workspace.open(home) as ws:
        assert ws.case_ids() == []  # nothing was loaded from the broken file


def test_file_formats_and_table(
    case_file: Path, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out" / "events.parquet"
    code, stdout, err = run(
        "events", "--case", str(case_file), "--format", "parquet", "--out", str(out)
    )
    assert code == 0 and stdout == "" and "wrote 4 events" in err
    assert sorted(read_events_file(out), key=str) == sorted(load_case(case_file).events, key=str)
    code, stdout, _ = run("events", "--case", str(case_file), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert len(rows) == 4 and rows[0].keys() >= REQUIRED
    monkeypatch.setattr(cli.console, "width", 300)  # one line per cell, so words stay whole
    code, stdout, _ = run("events", "--case", str(case_file))
    assert code == 0
    assert "drone downed" in stdout and "14 vessel (tanker)" in stdout and "unconfirmed" in stdout


def test_reads_a_case_that_only_lives_in_the_workspace(case_file: Path, home: Path) -> None:
    with Workspace.open(home) as ws:
        ws.add_events(load_case(case_file).events[:2], "ingested-2026")
    code, out, _ = run("events", "--case", "ingested-2026", "--format", "jsonl")
    assert code == 0 and len(jsonl(out)) == 2


def test_run_demo_writes_workspace_and_prints_timeline(case_file: Path, tmp_path: Path) -> None:
    from rich.console import Console

    shown = Console(file=io.StringIO(), width=160)
    result = run_demo(
        tmp_path / "demo",
        console=shown,
        progress_console=Console(file=io.StringIO()),
        case_ref=case_file,
        runs=200,
    )
    assert result.workspace == tmp_path / "demo" / DB_FILE and result.workspace.is_file()
    assert len(result.events) == 4 and result.new_rows == 4
    text = shown.file.getvalue()  # type: ignore[attr-defined]
    assert "A tiny crisis" in text and "drone downed" in text
    for path in result.exports.values():
        assert read_events_file(path) == result.events
    again = run_demo(
        tmp_path / "demo",
        console=shown,
        progress_console=Console(file=io.StringIO()),
        case_ref=case_file,
        runs=200,
    )
    assert again.new_rows == 0 and again.events == result.events


def test_builtin_case_events_jsonl_on_a_fresh_workspace(home: Path) -> None:
    code, out, _ = run("events", "--case", "us-iran-2026", "--format", "jsonl")
    assert code == 0
    rows = jsonl(out)
    assert len(rows) == len(load_case("us-iran-2026").events) > 0
    assert all(r.keys() >= REQUIRED for r in rows)


def test_demo_command_writes_its_workspace(tmp_path: Path) -> None:
    code, out, _ = run("demo", "--out", str(tmp_path / "demo"), "--runs", "300")
    assert code == 0
    assert (tmp_path / "demo" / DB_FILE).is_file()
    assert "event timeline" in out
    with Workspace.open(tmp_path / "demo") as ws:  # the case's own events, plus any it extracts
        stored = {e.id for e in ws.events("us-iran-2026")}
    assert {e.id for e in load_case("us-iran-2026").events} <= stored


def test_events_min_confidence(home: Path) -> None:
    code, out, _ = run("events", "--case", "us-iran-2026", "--format", "jsonl")
    rows = jsonl(out)
    cut = sorted(r["confidence"] for r in rows)[len(rows) // 2]
    code, out, _ = run(
        "events", "--case", "us-iran-2026", "--format", "jsonl", "--min-confidence", str(cut)
    )
    assert code == 0
    assert len(jsonl(out)) == sum(1 for r in rows if r["confidence"] >= cut)
    code, _, err = run("events", "--case", "us-iran-2026", "--min-confidence", "-0.1")
    assert code == 1 and "--min-confidence" in err


def test_the_table_marks_the_coders_unsure_readings() -> None:
    """An event below LOW_CONFIDENCE says it is the coder's reading (`unsure 28%`), beside its
    flags and in both layouts; a case file's event (1.0) and a sure reading say nothing."""
    from rich.console import Console

    from dualtrack.event_table import event_table
    from dualtrack.model import LOW_CONFIDENCE, Event

    day = dt.date(2026, 2, 3)
    unsure = Event(date=day, actor="ISR", target="IRN", category="ASSAULT", confidence=0.28)
    sure = unsure.model_copy(update={"confidence": LOW_CONFIDENCE, "actor": "USA"})
    rumour = Event(date=day, actor="IRN", target="USA", category="MOBILIZE", confidence=0.3,
                   flags={"unconfirmed": True})  # fmt: skip
    for width in (80, 200):
        console = Console(width=width, record=True)
        console.print(event_table([unsure, sure, rumour]))
        text = console.export_text()
        assert text.count("unsure") == 2 and "unsure 28%" in text and "unsure 30%" in text
        assert "unconfirmed" in text
