"""The workspace against a real DuckDB file: idempotence, evidence merge, atomic writes, schema."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import duckdb
import numpy as np
import pytest

from dualtrack.model import Case, Document, Event, Evidence, Stance
from dualtrack.store import DB_FILE, SCHEMA_VERSION, StoreError, Workspace, workspace_dir
from dualtrack.store.schema import ADDED_TABLES, BULK_KEYS, DDL


def ev(start: int, end: int, doc: str = "d1") -> Evidence:
    return Evidence(doc_id=doc, start=start, end=end)


def snapshot(ws: Workspace, case_id: str) -> tuple:
    """Everything the public API can see, to compare before and after a failed write."""
    return (
        [e.model_dump() for e in ws.events(case_id)],
        [s.model_dump() for s in ws.stances(case_id)],
        [d.model_dump() for d in ws.documents()],
        [r.model_dump() for r in ws.runs()],
    )


def test_readding_a_document_is_a_no_op(ws: Workspace) -> None:
    doc = Document(text="伊朗與美國在馬斯喀特會談。", title="t", date="2026-02-08", lang="zh-Hant")
    assert ws.add_documents([doc]) == (1, 0)
    assert ws.add_documents([doc]) == (0, 1)
    # Same text with other metadata is the same document; duplicates inside a batch count once.
    again = Document(text=doc.text, title="another title")
    other = Document(text="Talks in Muscat.")
    assert ws.add_documents([again, other, other]) == (1, 2)
    stored = ws.documents()
    assert [d.id for d in stored] == [doc.id, other.id]
    assert stored[0] == doc  # the first version is kept
    assert ws.document(other.id) == other
    assert ws.documents([other.id, "missing", doc.id]) == [other, doc]
    with pytest.raises(StoreError, match=str(ws.path)):
        ws.document("missing")


def test_readding_an_event_merges_its_evidence(ws: Workspace, small_case: Case) -> None:
    first = small_case.events[0]
    assert ws.add_events([first], "c") == 1
    again = first.model_copy(update={"evidence": [ev(10, 20), ev(50, 60), ev(1, 5, "d2")]})
    assert ws.add_events([again], "c") == 0
    (stored,) = ws.events("c")
    assert [(s.doc_id, s.start, s.end) for s in stored.evidence] == [
        ("d1", 10, 20),
        ("d1", 50, 60),
        ("d2", 1, 5),
    ]
    # Re-adding spans already held changes nothing; duplicates inside one batch merge too.
    dup = first.model_copy(update={"evidence": [ev(70, 80)]})
    assert ws.add_events([again, dup, dup], "c") == 0
    (stored,) = ws.events("c")
    assert len(stored.evidence) == 4
    # The same event under another case is a separate row.
    assert ws.add_events([first], "other") == 1


def test_readding_a_stance_merges_its_evidence(ws: Workspace) -> None:
    st = Stance(actor="IRN", issue="enrichment", value=60, evidence=[ev(0, 4)])
    assert ws.add_stances([st, st.model_copy(update={"evidence": [ev(5, 9)]})], "c") == 1
    assert ws.add_stances([st.model_copy(update={"evidence": [ev(0, 4), ev(9, 12)]})], "c") == 0
    (stored,) = ws.stances("c")
    assert [(s.start, s.end) for s in stored.evidence] == [(0, 4), (5, 9), (9, 12)]
    assert stored.value == 60 and stored.id == st.id


def test_events_ordered_by_date_and_filtered(ws: Workspace, small_case: Case) -> None:
    assert ws.load_case(small_case) == 5  # 4 events + 1 stance
    assert ws.load_case(small_case) == 0
    dated = sorted((e for e in small_case.events if e.date), key=lambda e: (e.date, e.id))
    undated = [e for e in small_case.events if e.date is None]
    assert ws.events(small_case.id) == dated + undated  # identical Event objects, in order
    window = ws.events(small_case.id, since=dt.date(2026, 2, 4), until=dt.date(2026, 2, 6))
    assert {e.category.value for e in window} == {"SANCTION", "CONSULT"}
    assert [e.category.value for e in ws.events(small_case.id, until=dt.date(2026, 2, 3))] == [
        "ASSAULT"
    ]
    assert [e.category.value for e in ws.events(small_case.id, since=dt.date(2026, 2, 7))] == []
    assert ws.events("no-such-case") == []
    assert ws.count_events(small_case.id) == 4
    assert ws.case_ids() == [small_case.id]
    assert ws.stances(small_case.id) == small_case.stances


def test_failed_batch_leaves_the_store_unchanged(ws: Workspace, small_case: Case) -> None:
    ws.load_case(small_case)
    ws.add_documents([Document(text="kept")])
    before = snapshot(ws, small_case.id)
    merge = small_case.events[0].model_copy(update={"evidence": [ev(100, 110)]})
    new = Event(date="2026-02-07", actor="BBB", target="AAA", category="MOBILIZE")
    # model_copy skips validation, so only the database's CHECK constraint can catch this one.
    bad = new.model_copy(update={"actor": "CCC", "id": "ev_bad", "confidence": 2.0})
    with pytest.raises(StoreError, match="nothing was written") as err:
        ws.add_events([merge, new, bad], small_case.id)
    assert str(ws.path) in str(err.value) and "CHECK" in str(err.value)
    assert snapshot(ws, small_case.id) == before
    # A third event that cannot even be serialised fails the same way.
    unserialisable = new.model_copy(update={"id": "ev_x", "quantities": [object()]})
    with pytest.raises(StoreError, match="#3"):
        ws.add_events([merge, new, unserialisable], small_case.id)
    assert snapshot(ws, small_case.id) == before
    # The store still works afterwards, and the good part of the batch can go in alone.
    assert ws.add_events([merge, new], small_case.id) == 1


def test_outer_transaction_rolls_back_every_write(ws: Workspace, small_case: Case) -> None:
    before = snapshot(ws, small_case.id)
    bad = small_case.events[0].model_copy(update={"id": "ev_bad", "confidence": -1.0})
    with pytest.raises(StoreError), ws.transaction():
        ws.add_documents([Document(text="an article")])
        ws.record_run("bargain", small_case.id, {"seed": 1}, {"x": 1})
        ws.load_case(small_case)
        ws.add_events([bad], small_case.id)
    assert snapshot(ws, small_case.id) == before
    with pytest.raises(RuntimeError), ws.transaction():
        ws.add_documents([Document(text="an article")])
        raise RuntimeError("caller's own failure")
    assert ws.documents() == []


def test_runs_round_trip_json(ws: Workspace) -> None:
    params = {"seed": 7, "asof": dt.date(2026, 2, 8), "levers": ("a", "b")}
    result = {"p": np.array([0.25, 0.75]), "mean": np.float64(0.5), "n": np.int64(3)}
    run_id = ws.record_run("forecast", "c", params, result)
    ws.record_run("bargain", None, {}, {"ok": True})
    (run,) = ws.runs(kind="forecast")
    assert run.id == run_id and run.case_id == "c"
    assert run.params == {"seed": 7, "asof": "2026-02-08", "levers": ["a", "b"]}
    assert run.result == {"p": [0.25, 0.75], "mean": 0.5, "n": 3}
    assert [r.kind for r in ws.runs()] == ["forecast", "bargain"]
    assert ws.run(run_id) == run
    with pytest.raises(StoreError, match="JSON"):
        ws.record_run("forecast", "c", {}, {"p": float("nan")})
    with pytest.raises(StoreError, match="no run"):
        ws.run("nope")


def test_workspace_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUALTRACK_HOME", str(tmp_path / "home"))
    assert workspace_dir() == tmp_path / "home"
    assert workspace_dir(tmp_path / "explicit") == tmp_path / "explicit"
    with Workspace.open() as ws:
        assert ws.path == tmp_path / "home" / DB_FILE
    assert (tmp_path / "home" / DB_FILE).is_file()
    monkeypatch.delenv("DUALTRACK_HOME")
    assert workspace_dir().name == "dualtrack"


def test_workspace_persists_across_opens(tmp_path: Path, small_case: Case) -> None:
    with Workspace.open(tmp_path) as ws:
        ws.load_case(small_case)
    with Workspace.open(tmp_path) as ws:
        assert len(ws.events(small_case.id)) == 4


def _set_schema_version(path: Path, version: str) -> None:
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
    con.close()


@pytest.mark.parametrize(("found", "advice"), [(0, "export"), (SCHEMA_VERSION + 1, "upgrade")])
def test_schema_version_mismatch_is_a_clear_error(tmp_path: Path, found: int, advice: str) -> None:
    Workspace.open(tmp_path).close()
    _set_schema_version(tmp_path / DB_FILE, str(found))
    with pytest.raises(StoreError) as err:
        Workspace.open(tmp_path)
    message = str(err.value)
    assert str(tmp_path / DB_FILE) in message
    assert f"schema version {found}" in message
    assert f"expects schema version {SCHEMA_VERSION}" in message
    assert advice in message


def test_foreign_or_broken_files_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    con = duckdb.connect(str(foreign / DB_FILE))
    con.execute("CREATE TABLE something (x INT)")
    con.close()
    with pytest.raises(StoreError, match="not a dualtrack workspace"):
        Workspace.open(foreign)
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / DB_FILE).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the workspace"):
        Workspace.open(garbage)
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        Workspace.open(tmp_path / "a-file")


def test_read_only_workspace_reads_but_refuses_writes(tmp_path: Path, small_case: Case) -> None:
    with pytest.raises(StoreError, match="no workspace here yet"):
        Workspace.open(tmp_path, read_only=True)
    with Workspace.open(tmp_path) as ws:
        ws.load_case(small_case)
    with Workspace.open(tmp_path, read_only=True) as ws:
        assert len(ws.events(small_case.id)) == 4
        with pytest.raises(StoreError, match="read-only"):
            ws.add_documents([Document(text="x")])
        assert ws.documents() == []


def test_workspace_held_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    Workspace.open(tmp_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="another dualtrack process") as err:
            Workspace.open(tmp_path)
        assert str(tmp_path / DB_FILE) in str(err.value)
    finally:
        holder.communicate("")
    Workspace.open(tmp_path).close()  # usable again once the other process is gone


HOLD_OPEN = """
import sys
from dualtrack.store import Workspace
ws = Workspace.open(sys.argv[1])
print("open", flush=True)
sys.stdin.read()
ws.close()
"""


# The schema of version 1 as dualtrack 0.1 wrote it: evidence as a JSON list in each row.
V1_DDL = (
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    "CREATE TABLE documents (id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL, title VARCHAR, "
    "url VARCHAR, source VARCHAR, date DATE, lang VARCHAR, added_at TIMESTAMP NOT NULL)",
    "CREATE TABLE events (case_id VARCHAR NOT NULL, id VARCHAR NOT NULL, date DATE, "
    "date_end DATE, date_precision VARCHAR NOT NULL, actor VARCHAR NOT NULL, target VARCHAR, "
    "via VARCHAR, category VARCHAR NOT NULL, mode VARCHAR, context VARCHAR, summary VARCHAR, "
    "location VARCHAR, quantities JSON NOT NULL, score DOUBLE, flags JSON NOT NULL, "
    "evidence JSON NOT NULL, confidence DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1), "
    "extractor VARCHAR NOT NULL, PRIMARY KEY (case_id, id))",
    "CREATE TABLE stances (case_id VARCHAR NOT NULL, id VARCHAR NOT NULL, "
    "actor VARCHAR NOT NULL, issue VARCHAR NOT NULL, value DOUBLE, items JSON, "
    "red_line BOOLEAN NOT NULL, date DATE, date_precision VARCHAR NOT NULL, summary VARCHAR, "
    "evidence JSON NOT NULL, confidence DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1), "
    "extractor VARCHAR NOT NULL, PRIMARY KEY (case_id, id))",
    "CREATE TABLE runs (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, case_id VARCHAR, "
    "created_at TIMESTAMP NOT NULL, params JSON NOT NULL, result JSON NOT NULL)",
    "INSERT INTO meta VALUES ('schema_version', '1'), ('created_by', 'dualtrack 0.1.0')",
    "INSERT INTO events VALUES ('c', 'ev_1', '2026-02-06', NULL, 'day', 'USA', 'IRN', 'OMN', "
    "'CONSULT', 'mediated', NULL, 'talks in Muscat', NULL, '[]', 1.0, '{}', "
    """'[{"doc_id":"d1","start":0,"end":9,"text":"Talks in."},"""
    """{"doc_id":"d2","start":4,"end":8}]', 0.8, 'x')""",
    "INSERT INTO events VALUES ('c', 'ev_2', NULL, NULL, 'unknown', 'IRN', NULL, NULL, "
    "'THREATEN', NULL, NULL, NULL, NULL, '[]', NULL, '{}', '[]', 0.5, 'x')",
    "INSERT INTO stances VALUES ('c', 'st_1', 'IRN', 'enrichment', 60, NULL, true, NULL, "
    """'unknown', NULL, '[{"doc_id":"d1","start":3,"end":5,"text":null}]', 0.6, 'x')""",
)


def test_version_1_workspace_is_upgraded_in_place(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / DB_FILE))
    for statement in V1_DDL:
        con.execute(statement)
    con.close()
    with pytest.raises(StoreError, match="open it once for writing"):
        Workspace.open(tmp_path, read_only=True)
    with Workspace.open(tmp_path) as ws:
        first, second = ws.events("c")
        assert (first.id, first.via, first.mode) == ("ev_1", "OMN", "mediated")
        assert [(s.doc_id, s.start, s.end, s.text) for s in first.evidence] == [
            ("d1", 0, 9, "Talks in."),
            ("d2", 4, 8, None),
        ]
        assert second.evidence == [] and second.date is None
        (stance,) = ws.stances("c")
        assert stance.red_line and [(s.start, s.end) for s in stance.evidence] == [(3, 5)]
        # new reports append after the migrated ones
        assert ws.add_events([first.model_copy(update={"evidence": [ev(20, 30)]})], "c") == 0
        assert [s.start for s in ws.events("c")[0].evidence] == [0, 4, 20]
    with Workspace.open(tmp_path, read_only=True) as ws:  # upgraded once, read-only from now on
        assert len(ws.events("c")) == 2
    con = duckdb.connect(str(tmp_path / DB_FILE), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
        str(SCHEMA_VERSION),
    )
    columns = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    con.close()
    assert "evidence" not in columns


@pytest.mark.parametrize(
    ("chunk", "spans", "cap"),
    [(1, 20_000, None), (2, 1, None), (3, 2, 16), (7, 3, None), (5_000, 4, 16)],
)
def test_iter_events_pages_every_event_once_in_first_reported_order(
    ws: Workspace, chunk: int, spans: int, cap: int | None
) -> None:
    """Pages cut through the evidence sequence: an event reported again in a later page, or
    whose first span sits at a page's last position, is still read once, where first seen.
    Under a bulk writer's cap the pages are read with half of it, and the cap is put back."""
    if cap:
        ws.limit_memory(cap)
    made = [
        Event(date=f"2026-02-{k + 1:02}", actor="AAA", target="BBB", category="CONSULT")
        for k in range(11)
    ]
    order = [3, 0, 3, 5, 1, 0, 8, 2, 5, 3, 6, 4, 1, 7]  # which event each report is of
    for n, k in enumerate(order):
        batch = [made[k].model_copy(update={"evidence": [ev(n, n + 5, f"doc{n}")]})]
        ws.add_events(batch, "c")
    ws.add_events([made[10], made[9]], "c")  # never reported by a document
    ws.add_events([made[0].model_copy(update={"evidence": [ev(0, 5, "other")]})], "elsewhere")
    got = list(ws.iter_events("c", chunk=chunk, spans=spans))
    first_seen = list(dict.fromkeys(made[k].id for k in order))
    bare = sorted((made[9].id, made[10].id))
    assert [e.id for e in got] == first_seen + bare
    reports = {e.id: [s.start for s in e.evidence] for e in got}
    assert reports[made[3].id] == [0, 2, 9]  # every span, in the order added
    assert reports[bare[0]] == []
    assert {e.id: e for e in ws.events("c")} == {e.id: e for e in got}
    if cap:
        limit = ws._query("SELECT current_setting('memory_limit') AS v")[0]["v"]
        assert limit.startswith(("15", "16")), limit


def test_interleaved_and_abandoned_reads_of_a_read_only_workspace(tmp_path: Path) -> None:
    """Each read orders the case in a temporary table of its own: two reads may interleave, a
    read given up half way leaves nothing behind, and a read-only workspace can be read."""
    with Workspace.open(tmp_path) as ws:
        for k in range(6):
            made = Event(date=f"2026-02-{k + 1:02}", actor="AAA", target="BBB", category="ACCUSE")
            ws.add_events([made.model_copy(update={"evidence": [ev(k, k + 3, f"d{k}")]})], "c")
    with Workspace.open(tmp_path, read_only=True) as ws:
        whole = [e.id for e in ws.iter_events("c")]
        one, two = ws.iter_events("c", chunk=2), ws.iter_events("c", chunk=4)
        assert [(a.id, b.id) for a, b in zip(one, two, strict=True)] == [(i, i) for i in whole]
        abandoned = ws.iter_events("c", chunk=1)
        next(abandoned)
        abandoned.close()
        left = ws._query("SELECT table_name FROM duckdb_tables() WHERE temporary")
        assert left == []
        assert len(whole) == 6


def _with_primary_keys(ddl: str) -> str:
    """A bulk table's statement as schema 3 wrote it: with its key as a PRIMARY KEY."""
    name = ddl.split()[2]
    if name not in BULK_KEYS:
        return ddl
    body = ddl.rstrip()[:-1].rstrip()
    return f"{body},\n  PRIMARY KEY ({', '.join(BULK_KEYS[name])})\n)"


def test_version_3_workspace_loses_its_bulk_keys_and_keeps_every_row(tmp_path: Path) -> None:
    """Schema 3 held documents, events, stances and spans under PRIMARY KEYs; schema 4 keeps
    them unique without an index. The upgrade keeps every row and the merge rules hold after."""
    made = [
        Event(date="2026-02-06", actor="USA", target="IRN", category="CONSULT", via="OMN"),
        Event(date="2026-02-07", actor="IRN", target="USA", category="THREATEN"),
    ]
    with Workspace.open(tmp_path) as ws:
        ws.add_documents([Document(text="first report")])
        ws.add_events([made[0].model_copy(update={"evidence": [ev(0, 5, "d1")]})], "c")
        ws.add_events([made[1].model_copy(update={"evidence": [ev(2, 9, "d1")]})], "c")
        rows = {t: ws._query(f"SELECT * FROM {t}") for t in BULK_KEYS}
    path = tmp_path / DB_FILE
    path.unlink()
    con = duckdb.connect(str(path))
    for statement in (*DDL, *ADDED_TABLES.values()):
        con.execute(_with_primary_keys(statement))
    con.execute("INSERT INTO meta VALUES ('schema_version', '3'), ('created_by', 'dualtrack')")
    for table, held in rows.items():
        for row in held:
            marks = ", ".join("?" for _ in row)
            con.execute(f"INSERT INTO {table} VALUES ({marks})", list(row.values()))
    keyed = "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
    assert set(BULK_KEYS) <= {r[0] for r in con.execute(keyed).fetchall()}
    con.close()
    with Workspace.open(tmp_path) as ws:
        assert {t: ws._query(f"SELECT * FROM {t}") for t in BULK_KEYS} == rows
        assert ws.add_documents([Document(text="first report")]) == (0, 1)
        assert ws.add_documents([Document(text="second report")]) == (1, 0)
        again = made[0].model_copy(update={"evidence": [ev(0, 5, "d1"), ev(7, 9, "d2")]})
        assert ws.add_events([again, again], "c") == 0
        assert [(s.doc_id, s.start) for s in ws.events("c")[0].evidence] == [("d1", 0), ("d2", 7)]
        assert not {r["table_name"] for r in ws._query(keyed)} & set(BULK_KEYS)
        assert ws._query("SELECT value FROM meta WHERE key = 'schema_version'") == [
            {"value": str(SCHEMA_VERSION)}
        ]


def test_a_capped_workspace_checkpoints_long_documents_outside_its_commits(tmp_path: Path) -> None:
    """Rows written since the last checkpoint stay in DuckDB's buffer pool: with its automatic
    checkpoint, commits of long documents under a 16 MB cap failed once the table grew (a
    checkpoint failing inside a commit also invalidates the open database). Under a cap the
    workspace checkpoints on its own, early and with room, and every document is stored."""
    rng = np.random.default_rng(5)
    letters = np.array(list("abcdefghij klmnop"))
    docs = [Document(text="".join(rng.choice(letters, 600_000))) for _ in range(60)]
    with Workspace.open(tmp_path) as ws:
        ws.limit_memory(16)
        for k in range(0, 60, 2):
            with ws.transaction():
                ws.add_documents(docs[k : k + 2])
        assert ws.known_documents([d.id for d in docs]) == {d.id for d in docs}


def test_a_capped_workspace_empties_its_cache_after_a_checkpoint(tmp_path: Path) -> None:
    """A bulk writer's memory must not grow with the workspace: table blocks read into DuckDB's
    pool (by a scan here, by the checkpoint itself in a bulk run) are dropped after the
    workspace's own checkpoint, and the writer's cap is back in force."""
    rng = np.random.default_rng(9)
    letters = np.array(list("abcdefghij klmnop"))

    def doc() -> Document:
        return Document(text="".join(rng.choice(letters, 400)))

    def cached_mb() -> float:
        rows = ws._query(
            "SELECT memory_usage_bytes AS b FROM duckdb_memory() WHERE tag = 'BASE_TABLE'"
        )
        return rows[0]["b"] / 2**20

    wal = Path(f"{tmp_path / 'dualtrack.duckdb'}.wal")
    with Workspace.open(tmp_path) as ws:
        ws.limit_memory(16)
        for _ in range(3):  # full row groups, past a checkpoint: the documents are in the file
            with ws.transaction():
                ws.add_documents([doc() for _ in range(8_192)])
        assert ws._query("SELECT count(DISTINCT hash(text)) AS n FROM documents")[0]["n"] == 24_576
        assert cached_mb() > 2  # the scan cached the file's blocks
        for _ in range(100):  # 500 documents a commit until the next checkpoint empties the WAL
            before = wal.stat().st_size if wal.is_file() else 0
            with ws.transaction():
                ws.add_documents([doc() for _ in range(500)])
            if not wal.is_file() or wal.stat().st_size < before:
                break
        else:
            raise AssertionError("no checkpoint")
        assert cached_mb() < 1  # what is left is pinned (the tables' metadata)
        limit = ws._query("SELECT current_setting('memory_limit') AS v")[0]["v"]
        assert limit.startswith(("15", "16")), limit


def test_a_page_too_large_for_half_the_cap_is_read_with_the_whole_cap(ws: Workspace) -> None:
    """Under a bulk writer's cap pages are read with half of it; an event reported by so many
    documents that its spans alone need more is read again with the whole cap, not lost."""
    event = Event(date="2026-02-06", actor="AAA", target="BBB", category="CONSULT")
    text = "w" * 400
    spans = [Evidence(doc_id=f"doc{n}", start=0, end=400, text=text) for n in range(24_000)]
    for k in range(0, len(spans), 4_000):
        ws.add_events([event.model_copy(update={"evidence": spans[k : k + 4_000]})], "c")
    ws.limit_memory(32)  # the spans (about 10 MB of text) overrun 16 MB, not 32
    (got,) = ws.iter_events("c", spans=100_000)
    assert len(got.evidence) == 24_000
