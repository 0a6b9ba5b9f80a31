"""`dualtrack review` through the real CLI, on a real workspace: the built-in US–Iran case with its
sample articles ingested by `dualtrack ingest`. A correction must change what `dualtrack events`
prints and the forecast's start state, and survive ingesting the same files again."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.app import load_case_data
from dualtrack.cli import app
from dualtrack.demo import SAMPLES
from dualtrack.simulate import forecast
from dualtrack.store import Workspace

CASE = "us-iran-2026"
FILES = sorted(str(p) for p in Path(str(SAMPLES / CASE)).glob("*.txt"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def ingest(data_dir: Path, files: list[str]) -> None:
    code, _, err = run("ingest", "--case", CASE, "--data-dir", str(data_dir), "--workers", "1",
                       *files)  # fmt: skip
    assert code == 0, err


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("review") / "base"
    ingest(path, FILES)
    return path


@pytest.fixture(scope="module")
def targets(ingested: Path) -> tuple[str, str]:
    """An event id and a document id of the ingested workspace."""
    with Workspace.open(ingested, read_only=True) as ws:
        return ws.events(CASE)[0].id, ws.documents()[0].id


@pytest.fixture
def ws_dir(ingested: Path, tmp_path: Path) -> Path:
    """A copy of the ingested workspace each test may correct."""
    return Path(shutil.copytree(ingested, tmp_path / "ws"))


def review(ws_dir: Path, *args: str) -> tuple[int, str, str]:
    return run("review", *args, "--case", CASE, "--data-dir", str(ws_dir))


def events(ws_dir: Path, *extra: str) -> list[dict]:
    code, out, err = run("events", "--case", CASE, "--data-dir", str(ws_dir), "--format",
                         "jsonl", *extra)  # fmt: skip
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def start_state(ws_dir: Path) -> object:
    data = load_case_data(CASE, ws_dir)
    return forecast(data.case, asof=data.asof, runs=200, seed=0, drivers="none").start


def corrections(ws_dir: Path) -> list[dict]:
    code, out, err = review(ws_dir, "list", "--format", "jsonl")
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_rejecting_the_events_behind_the_rung_moves_the_start_state(ws_dir: Path) -> None:
    before = start_state(ws_dir)
    behind = before.moved_by["rung"]  # type: ignore[attr-defined]
    assert behind
    for event_id in behind:
        code, out, err = review(ws_dir, "reject", event_id, "--author", "ana", "--note", "misread")
        assert code == 0, err
        assert f"rejected {event_id}" in out and "by ana" in out
    after = start_state(ws_dir)
    assert after.rung < before.rung  # type: ignore[attr-defined]
    assert not set(behind) & set(after.moved_by.get("rung", []))  # type: ignore[attr-defined]
    assert not {r["id"] for r in events(ws_dir)} & set(behind)
    shown = {r["id"]: r for r in events(ws_dir, "--include-rejected")}
    for event_id in behind:
        assert shown[event_id]["review_status"] == "rejected"
        assert (shown[event_id]["review_author"], shown[event_id]["review_note"]) == (
            "ana", "misread"
        )  # fmt: skip
    assert {r["review_status"] for r in events(ws_dir)} == {"unreviewed"}
    code, table, _ = run("events", "--case", CASE, "--data-dir", str(ws_dir), "--include-rejected")
    assert code == 0 and table.count("✗ rejected") == len(behind)
    code, table, _ = run("events", "--case", CASE, "--data-dir", str(ws_dir))
    assert code == 0 and "✗ rejected" not in table
    assert f"{len(behind)} rejected not shown" in " ".join(table.split())
    listed = corrections(ws_dir)
    assert [(c["event_id"], c["action"], c["author"]) for c in listed] == [
        (i, "reject", "ana") for i in behind
    ]


def test_an_edit_changes_the_event_every_command_reads(ws_dir: Path) -> None:
    extracted = next(r for r in events(ws_dir) if r["extractor"] != "manual" and r["target"])
    code, _, err = review(
        ws_dir, "edit", extracted["id"], "--set", "category=ASSAULT", "--set", "mode=",
        "--set", "flags=unconfirmed", "--set", "date=2026-02-07", "--author", "bo",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run("events", "--case", CASE, "--data-dir", str(ws_dir), "--format", "csv")
    assert code == 0, err
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["id"] == extracted["id"])
    assert (row["category"], row["mode"], row["date"]) == ("ASSAULT", "", "2026-02-07")
    assert json.loads(row["flags"])["unconfirmed"] is True
    assert (row["review_status"], row["review_author"]) == ("edited", "bo")
    assert row["evidence"] == json.dumps(extracted["evidence"], separators=(",", ":"),
                                         ensure_ascii=False)  # fmt: skip
    data = load_case_data(CASE, ws_dir)
    edited = next(e for e in data.events if e.id == extracted["id"])
    assert edited.category == "ASSAULT" and data.review[edited.id].status == "edited"


def test_an_event_added_by_hand_joins_the_set(ws_dir: Path) -> None:
    with Workspace.open(ws_dir, read_only=True) as ws:
        doc = ws.documents()[0]
    code, out, err = review(
        ws_dir, "add", "--doc", doc.id, "--span", "0:12", "--set", "actor=OMN",
        "--set", "target=IRN", "--set", "category=CONSULT", "--set", "date=2026-02-06",
        "--author", "ana", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    added = json.loads(out)
    assert added["action"] == "add" and added["fields"]["text"] == doc.text[:12]
    row = next(r for r in events(ws_dir) if r["id"] == added["event_id"])
    assert (row["actor"], row["category"], row["review_status"]) == ("OMN", "CONSULT", "added")
    assert row["evidence"] == [{"doc_id": doc.id, "start": 0, "end": 12, "text": doc.text[:12]}]


def test_corrections_survive_ingesting_the_same_files_again(ws_dir: Path, tmp_path: Path) -> None:
    before = events(ws_dir)
    rows = [r for r in before if r["extractor"] != "manual"]
    gone, changed = rows[0]["id"], rows[1]["id"]
    assert review(ws_dir, "reject", gone)[0] == 0
    assert review(ws_dir, "edit", changed, "--set", "summary=checked by hand")[0] == 0
    ingest(ws_dir, FILES)  # the same files again: nothing new to store
    # the same files with a new one, in one batch: all of them are extracted again
    extra = tmp_path / "later.txt"
    extra.write_text(
        "Gulf states meet again\n\nMUSCAT, Feb 8 - Oman hosted Qatar for talks on Sunday.\n",
        encoding="utf-8",
    )
    ingest(ws_dir, [*FILES, str(extra)])
    now = {r["id"]: r for r in events(ws_dir, "--include-rejected")}
    assert {r["id"] for r in before} <= set(now)  # the same events, under the same ids
    assert now[gone]["review_status"] == "rejected"
    assert gone not in {r["id"] for r in events(ws_dir)}
    assert (now[changed]["summary"], now[changed]["review_status"]) == ("checked by hand", "edited")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["reject", "ev_000000000000"], "event_id"),
        (["edit", "{event}", "--set", "colour=red"], "colour"),
        (["edit", "{event}", "--set", "category=BOMB"], "category"),
        (["edit", "{event}", "--set", "mode=nonsense"], "mode"),
        (["edit", "{event}", "--set", "actor=USA.trumpp"], "USA.trump"),
        (["edit", "{event}", "--set", "date=6 Feb"], "date"),
        (["edit", "{event}", "--set", "category"], "--set"),
        (
            [
                "add",
                "--doc",
                "{doc}",
                "--span",
                "0:999999",
                "--set",
                "actor=OMN",
                "--set",
                "category=CONSULT",
                "--set",
                "date=2026-02-06",
            ],
            "span",
        ),
        (
            [
                "add",
                "--doc",
                "nodoc",
                "--span",
                "0:5",
                "--set",
                "actor=OMN",
                "--set",
                "category=CONSULT",
                "--set",
                "date=2026-02-06",
            ],
            "doc_id",
        ),
        (["add", "--doc", "{doc}", "--span", "five", "--set", "actor=OMN"], "--span"),
        (["add", "--doc", "{doc}", "--span", "0:5", "--set", "actor=OMN"], "category"),
    ],
)
def test_bad_review_input_is_one_error_line_and_writes_nothing(
    ingested: Path, targets: tuple[str, str], args: list[str], field: str
) -> None:
    event_id, doc_id = targets
    filled = [a.replace("{event}", event_id).replace("{doc}", doc_id) for a in args]
    code, out, err = review(ingested, *filled)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and field in lines[0], err
    assert corrections(ingested) == []


def test_an_unknown_case_or_a_missing_workspace_is_named(ingested: Path, tmp_path: Path) -> None:
    code, _, err = run("review", "reject", "ev_x", "--case", "nosuch", "--data-dir", str(ingested))
    assert code == 1 and "no case 'nosuch'" in err
    code, _, err = run("review", "reject", "ev_x", "--case", CASE, "--data-dir", str(tmp_path))
    assert code == 1 and "no workspace here" in err
    assert not (tmp_path / "dualtrack.duckdb").exists()
