"""Analyst corrections against a real DuckDB workspace: checks, storage, how they apply, schema."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dualtrack.app import apply_corrections, from_workspace
from dualtrack.model import Case, Document
from dualtrack.store import (
    DB_FILE,
    SCHEMA_VERSION,
    Correction,
    CorrectionError,
    StoreError,
    Workspace,
    check_fields,
    read_events_file,
    review_status,
    write_events,
)
from dualtrack.store.schema import ADDED_TABLES, DDL

TEXT = "On 6 February AAA listed fifteen entities of BBB. Later CCC hosted both sides."


@pytest.fixture
def filled(ws: Workspace, small_case: Case) -> tuple[Workspace, Case, Document]:
    doc = Document(text=TEXT, title="t", date="2026-02-07", lang="en")
    ws.add_documents([doc])
    ws.load_case(small_case)
    return ws, small_case, doc


def _id(case: Case, category: str) -> str:
    return next(e.id for e in case.events if e.category == category)


def _stored(ws: Workspace) -> tuple:
    return tuple(ws._query("SELECT * FROM corrections ORDER BY seq"))


# -- checking what an analyst typed ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "fields", "field", "words"),
    [
        ("approve", {}, "action", ["'approve'", "accept, reject, edit, add"]),
        ("reject", {"category": "ASSAULT"}, "fields", ["takes no fields"]),
        ("edit", {}, "fields", ["at least one field"]),
        ("edit", {"categroy": "ASSAULT"}, "categroy", ["did you mean 'category'?"]),
        ("edit", {"category": "ASSUALT"}, "category", ["did you mean 'ASSAULT'?", "AGREE"]),
        ("edit", {"mode": "nonsense"}, "mode", ["not a mode of SANCTION", "economic"]),
        ("edit", {"actor": "AAB"}, "actor", ["unknown actor 'AAB'", "did you mean"]),
        ("edit", {"target": "aaa"}, "target", ["did you mean 'AAA'?"]),
        ("edit", {"actor": ""}, "actor", ["needs an actor"]),
        ("edit", {"date": "2026-02-30"}, "date", ["not a date", "YYYY-MM-DD"]),
        ("edit", {"date_end": "2026-02-01"}, "date_end", ["end (2026-02-01) before"]),
        ("edit", {"flags": "threatened,maybe"}, "flags", ["'maybe'", "unconfirmed"]),
        ("add", {"actor": "AAA", "category": "ASSAULT", "date": "2026-02-06"}, "doc_id", []),
        (
            "add",
            {
                "doc_id": "d",
                "start": 5,
                "end": 5,
                "actor": "AAA",
                "category": "AID",
                "date": "2026-02-06",
            },
            "span",
            ["after start"],
        ),
        ("add", {"doc_id": "d", "start": "x", "end": 5}, "start", ["not a character offset"]),
    ],
)
def test_check_fields_names_the_bad_field(
    small_case: Case, action: str, fields: dict, field: str, words: list[str]
) -> None:
    base = next(e for e in small_case.events if e.category == "SANCTION")
    with pytest.raises(CorrectionError) as err:
        check_fields(action, fields, case=small_case, base=base)
    assert err.value.field == field
    assert str(err.value).startswith(f"{field}:") or field in ("action", "fields")
    for word in words:
        assert word in str(err.value)


def test_check_fields_normalises(small_case: Case) -> None:
    base = next(e for e in small_case.events if e.category == "SANCTION")
    fields = {"category": "assault", "mode": "", "date": "2026-02-05", "flags": "unconfirmed",
              "via": " ", "summary": " AAA strikes "}  # fmt: skip
    assert check_fields("edit", fields, case=small_case, base=base) == {
        "category": "ASSAULT",
        "mode": None,
        "date": "2026-02-05",
        "flags": {
            "negated": False,
            "hypothetical": False,
            "threatened": False,
            "conditional": False,
            "unconfirmed": True,
        },
        "via": None,
        "summary": "AAA strikes",
    }
    # without a case, any well-formed actor id goes
    assert check_fields("edit", {"actor": "ZZZ.x"}) == {"actor": "ZZZ.x"}
    with pytest.raises(CorrectionError, match="not an actor id"):
        check_fields("edit", {"actor": "zzz"})


# -- storing them --------------------------------------------------------------------------------


def test_corrections_are_stored_with_who_and_when_oldest_first(filled: tuple) -> None:
    ws, case, _ = filled
    sanction = _id(case, "SANCTION")
    extracted = ws.events(case.id)
    first = ws.add_correction(case.id, sanction, "reject", author="ana", note="misread")
    second = ws.add_correction(case.id, sanction, "accept", author="bo")
    assert isinstance(first, Correction) and first.event_id == sanction
    assert (first.author, first.note, first.fields) == ("ana", "misread", {})
    assert [c.id for c in ws.corrections(case.id)] == [first.id, second.id]
    assert [c.id for c in ws.corrections(case.id, sanction)] == [first.id, second.id]
    assert ws.corrections(case.id, "ev_other") == [] and ws.corrections("other") == []
    assert second.at >= first.at
    assert ws.events(case.id) == extracted  # the stored events are never rewritten


def test_an_event_only_the_case_file_holds_can_be_corrected(
    tmp_path: Path, small_case: Case
) -> None:
    with Workspace.open(tmp_path) as ws:
        sanction = _id(small_case, "SANCTION")
        with pytest.raises(CorrectionError) as err:
            ws.add_correction(small_case.id, sanction, "reject", author="ana")
        assert err.value.field == "event_id"
        done = ws.add_correction(small_case.id, sanction, "reject", author="ana", case=small_case)
        assert done.event_id == sanction


def test_bad_corrections_write_nothing(filled: tuple) -> None:
    ws, case, doc = filled
    sanction = _id(case, "SANCTION")
    ws.add_correction(case.id, sanction, "edit", {"summary": "kept"}, author="ana")
    before = _stored(ws)
    span = {"actor": "AAA", "category": "ASSAULT", "date": "2026-02-06", "doc_id": doc.id}
    bad = [
        ("event_id", dict(event_id="ev_nope", action="reject")),
        ("event_id", dict(event_id=None, action="reject")),
        ("author", dict(event_id=sanction, action="reject", author=" ")),
        ("span", dict(event_id=None, action="add", fields={**span, "start": 3, "end": 999})),
        (
            "doc_id",
            dict(
                event_id=None,
                action="add",
                fields={**span, "doc_id": "nodoc", "start": 0, "end": 2},
            ),
        ),
        ("event_id", dict(event_id=sanction, action="add", fields={**span, "start": 0, "end": 2})),
        ("actor", dict(event_id=sanction, action="edit", fields={"actor": "ZZZ"})),
    ]
    for field, kwargs in bad:
        args = {"author": "ana", "case": case, **kwargs}
        with pytest.raises(CorrectionError) as err:
            ws.add_correction(case.id, **args)
        assert err.value.field == field, (field, str(err.value))
        assert _stored(ws) == before
    ws.close()
    with (
        Workspace.open(ws.path.parent, read_only=True) as ro,
        pytest.raises(StoreError, match="nothing was written"),
    ):
        ro.add_correction(case.id, sanction, "reject", author="ana")


def test_an_added_event_quotes_its_span_and_gets_a_new_id(filled: tuple) -> None:
    ws, case, doc = filled
    start = TEXT.index("CCC")
    fields = {"actor": "CCC", "target": "AAA", "category": "CONSULT", "mode": "mediated",
              "date": "2026-02-06", "doc_id": doc.id, "start": start, "end": len(TEXT)}  # fmt: skip
    added = ws.add_correction(case.id, None, "add", fields, author="ana", case=case)
    assert added.event_id.startswith("ev_")
    assert added.event_id not in {e.id for e in case.events}
    assert added.fields["text"] == "CCC hosted both sides."
    # it takes further corrections like any event
    ws.add_correction(case.id, added.event_id, "edit", {"via": "BBB"}, author="bo", case=case)
    (event,) = [e for e in apply_corrections([], ws.corrections(case.id))]
    assert (event.id, event.via, event.extractor) == (added.event_id, "BBB", "analyst")
    assert [(s.doc_id, s.start, s.text) for s in event.evidence] == [
        (doc.id, start, "CCC hosted both sides.")
    ]


# -- applying them -------------------------------------------------------------------------------


def _fix(event_id: str, action: str, n: int, **fields: object) -> Correction:
    return Correction(
        id=f"cx-{n}", case_id="c", event_id=event_id, action=action, fields=fields,  # type: ignore[arg-type]
        author=f"a{n}", at=f"2026-02-10T00:00:0{n}",  # type: ignore[arg-type]
    )  # fmt: skip


def test_latest_correction_wins_and_edits_accumulate(small_case: Case) -> None:
    events = [e for e in small_case.events if e.date is not None]
    sanction, assault, consult = (e.id for e in events)
    fixes = [
        _fix(sanction, "reject", 1),
        _fix(assault, "edit", 2, category="THREATEN", mode=None),
        _fix(assault, "edit", 3, date="2026-02-04"),
        _fix(consult, "reject", 4),
        _fix(consult, "accept", 5),
    ]
    out = {e.id: e for e in apply_corrections(events, fixes)}
    assert sanction not in out  # rejected
    edited = out[assault]
    assert (edited.category, str(edited.date), edited.target) == ("THREATEN", "2026-02-04", "BBB")
    assert edited.score != next(e for e in events if e.id == assault).score  # derived again
    assert out[consult] == events[2]  # rejected, then accepted: back as it was
    everything = apply_corrections(events, fixes, include_rejected=True)
    assert {e.id for e in everything} == {sanction, assault, consult}
    status = review_status(fixes)
    assert {k: v.status for k, v in status.items()} == {
        sanction: "rejected",
        assault: "edited",
        consult: "accepted",
    }
    assert (status[assault].author, status[assault].corrections) == ("a3", 2)
    # an accept drops earlier edits: the event as extracted
    back = apply_corrections(events, [*fixes, _fix(assault, "accept", 6)])
    assert next(e for e in back if e.id == assault) == events[1]
    # an edit brings a rejected event back, edited
    again = apply_corrections(events, [*fixes, _fix(sanction, "edit", 7, summary="x")])
    assert next(e for e in again if e.id == sanction).summary == "x"
    assert apply_corrections(events, []) == events


def test_the_app_layer_reads_the_corrected_set(filled: tuple) -> None:
    ws, case, _ = filled
    sanction, assault = _id(case, "SANCTION"), _id(case, "ASSAULT")
    ws.add_correction(case.id, sanction, "reject", author="ana", case=case)
    ws.add_correction(case.id, assault, "edit", {"category": "COERCE", "mode": None},
                      author="bo", case=case)  # fmt: skip
    data = from_workspace(case, ws)
    ids = {e.id: e for e in data.events}
    assert sanction not in ids and ids[assault].category == "COERCE"
    assert [e.id for e in data.rejected] == [sanction]
    assert data.review[sanction].status == "rejected" and data.review[assault].author == "bo"
    # as of a date before the rejected event, it is not listed as rejected either
    early = from_workspace(case, ws, asof=ids[assault].date)
    assert early.rejected == [] and assault in {e.id for e in early.events}


# -- exported with the events --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_event_files_carry_review_columns_and_read_back(
    tmp_path: Path, small_case: Case, fmt: str
) -> None:
    events = [e for e in small_case.events if e.date is not None]
    status = review_status([_fix(events[0].id, "reject", 1)])
    path = tmp_path / f"events.{fmt}"
    write_events(events, path, fmt, review=status)
    con = duckdb.connect()
    reader = {"csv": "read_csv", "jsonl": "read_json", "parquet": "read_parquet"}[fmt]
    rows = con.execute(
        f"SELECT id, review_status, review_author, review_at FROM {reader}(?)", [str(path)]
    ).fetchall()
    got = {r[0]: r[1:] for r in rows}
    assert got[events[0].id][:2] == ("rejected", "a1")
    assert str(got[events[0].id][2]).startswith("2026-02-10")
    assert got[events[1].id] == ("unreviewed", None, None)
    assert read_events_file(path) == events


# -- schema --------------------------------------------------------------------------------------


def test_version_2_workspace_gains_the_corrections_table(tmp_path: Path, small_case: Case) -> None:
    con = duckdb.connect(str(tmp_path / DB_FILE))
    for statement in (*DDL, *ADDED_TABLES.values()):
        if "CREATE TABLE corrections" not in statement:
            con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '2'), ('created_by', 'dualtrack')")
    con.close()
    with pytest.raises(StoreError, match="open it once for writing"):
        Workspace.open(tmp_path, read_only=True)
    with Workspace.open(tmp_path) as ws:
        ws.load_case(small_case)
        sanction = _id(small_case, "SANCTION")
        ws.add_correction(small_case.id, sanction, "reject", author="ana")
    with Workspace.open(tmp_path, read_only=True) as ws:
        assert [c.event_id for c in ws.corrections(small_case.id)] == [sanction]
        version = ws._query("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version == [{"value": str(SCHEMA_VERSION)}]


def test_watch_snapshots_read_the_corrected_set() -> None:
    from dualtrack.cases import load_case
    from dualtrack.watch.snapshot import snapshot

    case = load_case("us-iran-2026")
    before = snapshot(case, [], [], runs=200)
    behind = before.escalation.event_ids
    assert behind
    fixes = [_fix(event_id, "reject", n) for n, event_id in enumerate(behind)]
    after = snapshot(case, [], [], asof=before.asof, runs=200, corrections=fixes)
    assert not set(behind) & set(after.escalation.event_ids)
    assert after.escalation.rung < before.escalation.rung
