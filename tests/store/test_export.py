"""Event files: CSV, JSONL and Parquet written by the store read back into identical Events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from dualtrack.model import Case, Event, Evidence, Quantity
from dualtrack.store import StoreError, Workspace, read_events_file, write_events

FORMATS = ["csv", "jsonl", "parquet"]


def awkward_events() -> list[Event]:
    """Values that break naive writers: commas, quotes, newlines, CJK, '' beside None, floats."""
    return [
        Event(
            date="2026-02-06",
            date_end="2026-02-07",
            actor="USA",
            target="IRN",
            via="OMN",
            category="SANCTION",
            mode="economic",
            summary='Sanctions on "15 entities",\nand 14 tankers',
            context="",
            location="華盛頓",
            quantities=[
                Quantity(value=15, unit="entity", qualifier="exactly"),
                Quantity(value=0.1, unit="fraction"),
                Quantity(value=1 / 3, unit="share", what="第三"),
            ],
            flags={"threatened": True, "conditional": True},
            evidence=[
                Evidence(doc_id="a" * 64, start=0, end=12, text="美國財政部宣布制裁"),
                Evidence(doc_id="b" * 64, start=5, end=9),
            ],
            confidence=0.85,
            extractor="rules-zh",
        ),
        Event(date="2026-02-03", actor="USA", target="IRN", category="ASSAULT", score=-9.5),
        Event(actor="ISR", category="THREATEN", date_precision="unknown"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_round_trips_to_identical_events(ws: Workspace, tmp_path: Path, fmt: str) -> None:
    events = awkward_events()
    ws.add_events(events, "c")
    out = tmp_path / f"events.{fmt}"
    assert ws.export_events("c", out, fmt) == 3
    back = read_events_file(out)
    assert back == ws.events("c")
    assert sorted(back, key=lambda e: e.id) == sorted(events, key=lambda e: e.id)
    assert not list(tmp_path.glob(".*partial"))  # no temporary file left behind


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_filters_by_date_and_handles_empty(ws: Workspace, tmp_path: Path, fmt: str) -> None:
    ws.add_events(awkward_events(), "c")
    out = tmp_path / f"window.{fmt}"
    n = ws.export_events("c", out, fmt, since=dt.date(2026, 2, 4), until=dt.date(2026, 2, 28))
    assert n == 1 and [e.category.value for e in read_events_file(out)] == ["SANCTION"]
    empty = tmp_path / f"empty.{fmt}"
    assert ws.export_events("nothing-here", empty, fmt) == 0
    assert read_events_file(empty) == []


def test_csv_and_parquet_are_plain_tables(ws: Workspace, tmp_path: Path) -> None:
    """Other tools (DuckDB, pandas, spreadsheets) see one column per Event field."""
    ws.add_events(awkward_events(), "c")
    ws.export_events("c", tmp_path / "e.csv", "csv")
    ws.export_events("c", tmp_path / "e.parquet", "parquet")
    con = duckdb.connect()
    for name in ("e.csv", "e.parquet"):
        cur = con.execute(f"SELECT * FROM '{tmp_path / name}'")
        columns = [d[0] for d in cur.description]
        assert columns == list(Event.model_fields)
        rows = cur.fetchall()
        assert len(rows) == 3
        flags = json.loads(
            rows[[r[columns.index("category")] for r in rows].index("SANCTION")][
                columns.index("flags")
            ]
        )
        assert flags["threatened"] is True


def test_write_events_without_a_workspace(tmp_path: Path, small_case: Case) -> None:
    for fmt in FORMATS:
        path = tmp_path / f"case.{fmt}"
        write_events(small_case.events, path, fmt)
        assert read_events_file(path) == small_case.events


def test_bad_event_files_name_the_file_and_place(tmp_path: Path) -> None:
    good = Event(date="2026-02-06", actor="USA", category="SANCTION").model_dump_json()
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text(good + "\n\n" + good.replace("SANCTION", "BOMB") + "\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"bad\.jsonl: line 3: category"):
        read_events_file(jsonl)
    csv = tmp_path / "bad.csv"
    csv.write_text("actor,category,date\nUSA,SANCTION,2026-02-06\nIRN,MOBILIZE,2026-02-30\n")
    with pytest.raises(StoreError, match=r"bad\.csv: row 2: date"):
        read_events_file(csv)
    with pytest.raises(StoreError, match="suffix"):
        read_events_file(tmp_path / "events.txt")
    with pytest.raises(StoreError, match="no such file"):
        read_events_file(tmp_path / "absent.parquet")
    with pytest.raises(StoreError, match="unknown event file format"):
        write_events([], tmp_path / "x.csv", "xlsx")


def test_jsonl_with_a_byte_order_mark(tmp_path: Path) -> None:
    event = Event(date="2026-02-06", actor="USA", category="SANCTION")
    path = tmp_path / "bom.jsonl"
    path.write_text(event.model_dump_json() + "\n", encoding="utf-8-sig")
    assert read_events_file(path) == [event]


def test_hand_written_csv_gets_model_defaults(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("date,actor,target,category\n2026-02-05,USA,IRN,ASSAULT\n", encoding="utf-8")
    (e,) = read_events_file(path)
    assert e == Event(date="2026-02-05", actor="USA", target="IRN", category="ASSAULT")
