"""The DuckDB workspace: documents, events, stances, corrections and runs in one embedded file.

Every multi-row write runs in one DuckDB transaction (`Workspace.transaction`), so a failure half
way through a batch leaves the tables exactly as they were. Re-adding what is already stored is a
no-op for documents (keyed by the SHA-256 of their text) and merges evidence for events and
stances (keyed by case and id), which is what makes re-running an ingest safe. Evidence is
append-only (a table of spans per kind, merged with their items at query time), so a report of a
known event costs one inserted row however many reports came before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Literal, TypeVar

import duckdb
from pydantic import BaseModel, ConfigDict, ValidationError

from dualtrack import __version__
from dualtrack.model import Case, Document, Event, SourceRef, Stance
from dualtrack.store.corrections import (
    Correction,
    CorrectionError,
    added_event_id,
    by_event,
    check_fields,
    check_span,
    corrected_event,
    correction_id,
)
from dualtrack.store.errors import StoreError, UpgradeNeeded
from dualtrack.store.export import ExportFormat, copy_to_file, format_of, write_events
from dualtrack.store.keyfilter import KeyFilter
from dualtrack.store.migrate import can_migrate, migrate
from dualtrack.store.paths import DB_FILE, workspace_dir
from dualtrack.store.schema import (
    ADDED_TABLES,
    BULK_KEYS,
    DDL,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    EVIDENCE_COLUMNS,
    EVIDENCE_JSON,
    EVIDENCE_TABLES,
    JSON_FIELDS,
    SCHEMA_VERSION,
    STANCE_COLUMNS,
    TABLES,
    column_types,
    evidence_row,
    stored,
    to_row,
)

ModelT = TypeVar("ModelT", Event, Stance)


class RunRecord(BaseModel):
    """One stored run of a model or pipeline step (bargain, forecast, brief, ...)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str
    case_id: str | None
    created_at: dt.datetime  # UTC
    params: dict[str, Any]
    result: dict[str, Any]


def _jsonable(obj: Any) -> Any:
    """JSON fallback for what model code puts in run params/results (numpy, dates, models)."""
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json")
    if isinstance(obj, dt.date | dt.datetime):
        return obj.isoformat()
    if hasattr(obj, "tolist"):  # numpy arrays and scalars
        return obj.tolist()
    if isinstance(obj, set | frozenset | tuple):
        return sorted(obj) if isinstance(obj, set | frozenset) else list(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON-serialisable")


# What the workspace file is attached as, and the rows per row group of its tables. DuckDB's
# default (122,880 rows) lets a checkpoint rewrite up to that many documents' texts at once, so a
# bulk ingest's peak memory grew until a row group filled (about 240 MB with 2 KB articles);
# at 8,192 rows it stays near one batch's worth. Scans of the small tables do not notice.
_ALIAS = "workspace"
ROW_GROUP_SIZE = 8_192
# Under a memory cap (`Workspace.limit_memory`) the workspace checkpoints once the WAL holds a
# quarter of the cap (16 MB, DuckDB's own default, under the bulk writers' 64 MB): rows written
# since the last checkpoint stay in the buffer pool. The checkpoint may use CHECKPOINT_MEMORY_MB.
CHECKPOINT_MEMORY_MB = 1024


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection whose default database is the workspace file (spills go beside it).
    DuckDB's own progress bar is off: a long checkpoint drew it over the command's output."""
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        quoted = str(path).replace("'", "''")
        options = f"ROW_GROUP_SIZE {ROW_GROUP_SIZE}" + (", READ_ONLY" if read_only else "")
        con.execute(f"SET temp_directory = '{quoted}.tmp'")
        con.execute(f"ATTACH '{quoted}' AS {_ALIAS} ({options})")
        con.execute(f"USE {_ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Workspace:
    """An open workspace. Use `Workspace.open(...)` as a context manager."""

    def __init__(self, path: Path, con: duckdb.DuckDBPyConnection) -> None:
        self.path = path
        self._con = con
        self._in_transaction = False
        self._seq: int | None = None  # next evidence sequence number, read on first write
        self._filters: dict[str, KeyFilter] = {}  # per bulk table, built on its first lookup
        self._cap: int | None = None  # DuckDB's memory cap in MB, once `limit_memory` set one

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path | str | None = None, read_only: bool = False) -> Workspace:
        """Open (creating if needed) the workspace in `workspace_dir(data_dir)`.

        DuckDB lets one process write a file, or several read it: `read_only=True` is for
        readers (dashboard, brief) that should not lock out each other.
        """
        directory = workspace_dir(data_dir)
        path = directory / DB_FILE
        if directory.exists() and not directory.is_dir():
            raise StoreError(f"{directory}: is a file, but the workspace must be a directory")
        if read_only and not path.is_file():
            raise StoreError(f"{path}: no workspace here yet (open it for writing first)")
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"{directory}: cannot create the workspace directory: {e}") from e
        try:
            con = _connect(path, read_only)
        except duckdb.Error as e:
            hint = ""
            if "lock" in str(e).lower():
                hint = " (another dualtrack process has it open; close it or use --data-dir)"
            raise StoreError(f"{path}: cannot open the workspace{hint}: {e}") from e
        ws = cls(path, con)
        try:
            ws._prepare(read_only)
        except BaseException:
            con.close()
            raise
        return ws

    def _check_whole(self) -> None:
        """A file cut short (a copy interrupted, a full disk) opens fine and fails on the first
        read of a missing block: compare its size with the blocks it says it has, up front."""
        # used blocks, not total: a checkpoint may cut free blocks off the end of the file, so
        # only a file smaller than the blocks in use is surely cut short
        row = self._con.execute(
            "SELECT block_size, used_blocks FROM pragma_database_size() "
            f"WHERE database_name = '{_ALIAS}'"
        ).fetchone()
        if row and self.path.is_file() and self.path.stat().st_size < row[0] * row[1]:
            raise StoreError(
                f"{self.path}: the workspace file is truncated ({self.path.stat().st_size:,} "
                f"bytes, but it holds {row[1]} blocks of {row[0]:,}); restore it from a copy "
                "or use another --data-dir"
            )

    def _tables(self) -> set[str]:
        sql = f"SELECT table_name FROM duckdb_tables() WHERE database_name = '{_ALIAS}'"
        return {r[0] for r in self._con.execute(sql).fetchall()}

    def _prepare(self, read_only: bool = False) -> None:
        self._check_whole()
        existing = self._tables()
        if not existing:
            with self.transaction():
                for statement in (*DDL, *ADDED_TABLES.values()):
                    self._con.execute(statement)
                self._con.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?), ('created_by', ?)",
                    [str(SCHEMA_VERSION), f"dualtrack {__version__}"],
                )
            return
        if "meta" not in existing:
            raise StoreError(
                f"{self.path}: this DuckDB file is not a dualtrack workspace (no 'meta' table); "
                "choose another directory with --data-dir or DUALTRACK_HOME"
            )
        row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        found = int(row[0]) if row and str(row[0]).isdigit() else None
        if can_migrate(found, SCHEMA_VERSION):
            if read_only:
                raise UpgradeNeeded(
                    f"{self.path}: workspace schema version {found}; open it once for writing "
                    f"to upgrade it to {SCHEMA_VERSION}"
                )
            with self.transaction():
                migrate(self._con, found, SCHEMA_VERSION)  # type: ignore[arg-type]
            existing = self._tables()
            found = SCHEMA_VERSION
        if found != SCHEMA_VERSION:
            if found is not None and found < SCHEMA_VERSION:
                todo = (
                    "export what you need with the dualtrack that wrote it "
                    "(`dualtrack events --format jsonl`), then move the file away or use "
                    "another --data-dir, and re-import"
                )
            else:
                todo = "upgrade dualtrack (`pip install -U dualtrack`) or use another --data-dir"
            raise StoreError(
                f"{self.path}: workspace schema version {found if found is not None else '?'}, "
                f"but dualtrack {__version__} expects schema version {SCHEMA_VERSION}; {todo}"
            )
        missing = set(TABLES) - existing
        if missing:
            raise StoreError(
                f"{self.path}: workspace is missing table(s) {sorted(missing)}; it was damaged "
                "or written by something else. Use another --data-dir."
            )
        added = [ddl for name, ddl in ADDED_TABLES.items() if name not in existing]
        if added and not read_only:
            with self.transaction():
                for statement in added:
                    self._con.execute(statement)

    def limit_memory(self, megabytes: int) -> None:
        """Cap DuckDB's buffer pool (it spills to disk beyond): bulk writers hold memory flat
        instead of letting the cache grow with the workspace.

        Under a cap the workspace checkpoints itself (`_checkpoint_if_due`) instead of DuckDB
        doing it inside a commit: a checkpoint rewrites the last row group of each table it
        touches, which for long documents (8,000 of 30,000 characters) needed more than 64 MB,
        and a checkpoint failing inside a commit invalidates the open database.
        """
        self._cap = int(megabytes)
        self._con.execute(f"SET memory_limit = '{self._cap}MB'")
        self._con.execute("SET wal_autocheckpoint = '1TB'")

    def _checkpoint_if_due(self) -> None:
        """Under a memory cap, write the WAL into the file once it holds a quarter of the cap,
        with the cap lifted to CHECKPOINT_MEMORY_MB for that step only."""
        wal = Path(f"{self.path}.wal")
        if self._cap is None or not wal.is_file() or wal.stat().st_size < self._cap * 2**18:
            return
        self._con.execute(f"SET memory_limit = '{max(self._cap, CHECKPOINT_MEMORY_MB)}MB'")
        try:
            self._con.execute(f"CHECKPOINT {_ALIAS}")
        except duckdb.Error as e:
            raise StoreError(
                f"{self.path}: the writes were committed (they are in the WAL) but writing them "
                f"into the file failed: {e}"
            ) from e
        finally:
            self._con.execute(f"SET memory_limit = '{self._cap}MB'")

    def _drop_cache(self) -> None:
        """Under a cap, after each commit: evict the pool's unpinned blocks, then put the cap
        back. Why: checkpoints and the key lookups read the tables' blocks, and a pool that
        keeps them fills up to its cap as the workspace grows (at 100,000 articles 23-33 MB of
        table blocks, 2 MB at 10,000); the next group reads what it needs from the file again.
        DuckDB has no statement for it: a cap set below what the pool holds evicts down to it,
        or as far as it can and then refuses."""
        with suppress(duckdb.Error):
            self._con.execute("SET memory_limit = '1MB'")
        self._con.execute(f"SET memory_limit = '{self._cap}MB'")

    def close(self) -> None:
        """Close; DuckDB checkpoints what the WAL holds, with room for it (see `limit_memory`)."""
        if self._cap is not None:
            with suppress(duckdb.Error):  # a failed setting must not keep the file open
                self._con.execute(f"SET memory_limit = '{CHECKPOINT_MEMORY_MB}MB'")
        self._con.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all. Nested uses join the outer one."""
        if self._in_transaction:
            yield
            return
        self._con.begin()
        self._in_transaction = True
        try:
            yield
        except duckdb.Error as e:
            self._con.rollback()
            raise StoreError(f"{self.path}: write failed, nothing was written: {e}") from e
        except BaseException:
            self._con.rollback()
            raise
        else:
            try:
                self._con.commit()
            except duckdb.Error as e:
                raise StoreError(f"{self.path}: commit failed, nothing was written: {e}") from e
        finally:
            self._in_transaction = False
        if self._cap is not None:
            self._checkpoint_if_due()
            self._drop_cache()

    # -- documents -----------------------------------------------------------------------

    def add_documents(self, docs: Iterable[Document]) -> tuple[int, int]:
        """Store documents; returns (new, already seen). The same text is stored once."""
        batch: dict[str, Document] = {}
        total = 0
        for doc in docs:
            total += 1
            batch.setdefault(doc.id, doc)
        if not batch:
            return 0, 0
        unique = list(batch.values())
        columns = [
            [d.id for d in unique],
            [d.text for d in unique],
            [d.title for d in unique],
            [d.url for d in unique],
            [d.source for d in unique],
            [d.date for d in unique],
            [d.lang for d in unique],
            [_now()] * len(unique),
        ]
        names = [c for c, _ in DOCUMENT_COLUMNS]
        with self.transaction():
            new = self._insert("documents", names, columns, column_types(DOCUMENT_COLUMNS))
        return new, total - new

    def documents(self, ids: Sequence[str] | None = None) -> list[Document]:
        """All documents (in the order they were added), or those of `ids` found, in that order."""
        cols = "id, text, title, url, source, date, lang"
        if ids is None:
            rows = self._query(f"SELECT {cols} FROM documents ORDER BY added_at, id")
        else:
            rows = self._query(
                f"SELECT {cols} FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [list(ids)],
            )
            order = {doc_id: n for n, doc_id in enumerate(ids)}
            rows.sort(key=lambda r: order[r["id"]])
        return [
            Document.model_validate({k: v for k, v in r.items() if v is not None}) for r in rows
        ]

    def source_refs(self, ids: Sequence[str]) -> list[SourceRef]:
        """What identifies these documents, without their texts (id order): when each report
        was published is part of a case, and reading it must not load a large workspace's
        texts."""
        rows = self._query(
            "SELECT id, title, url, source, date, lang FROM documents "
            "WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY id",
            [list(ids)],
        )
        return [
            SourceRef(
                id=r["id"], title=r["title"], outlet=r["source"], date=r["date"], url=r["url"],
                lang=r["lang"],
            )
            for r in rows
        ]  # fmt: skip

    def known_documents(self, ids: Sequence[str]) -> set[str]:
        """Those of `ids` already stored (what a resumed ingest skips)."""
        return {k[0] for k in self._stored_keys("documents", [(i,) for i in ids], ["VARCHAR"])}

    def document(self, doc_id: str) -> Document:
        found = self.documents([doc_id])
        if not found:
            raise StoreError(f"{self.path}: no document with id {doc_id!r}")
        return found[0]

    # -- events and stances --------------------------------------------------------------

    def add_events(self, events: Iterable[Event], case_id: str) -> int:
        """Store events under a case; returns how many are new.

        An event whose id is already stored for the case (or repeats within the batch) is not
        stored twice: its evidence spans are merged into the stored row.
        """
        return self._add_with_evidence("events", EVENT_COLUMNS, events, case_id)

    def add_stances(self, stances: Iterable[Stance], case_id: str) -> int:
        """Store stances under a case; same merge rule as `add_events`."""
        return self._add_with_evidence("stances", STANCE_COLUMNS, stances, case_id)

    def events(
        self, case_id: str, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[Event]:
        """A case's events ordered by date then id; with a date filter, undated events drop out."""
        return self._select(Event, "events", EVENT_COLUMNS, case_id, since, until)

    def iter_events(self, case_id: str, chunk: int = 5_000, spans: int = 20_000) -> Iterator[Event]:
        """A case's events in the order they were first stored (by their first evidence span;
        events without any span last, by id), a page at a time.

        Why pages: one query over a large case builds every event's evidence list at once (an
        `extract` of 100,000 articles ran out of memory there). The order is computed once into
        a temporary table of one row per event (its rank and span count: small beside the
        spans, which DuckDB only scans); a page is the next `chunk` ranks, read in parts of
        about `spans` evidence spans, since an event reported by thousands of documents carries
        all their spans. Memory is then bounded by a page, not by the case.
        """
        order = f"temp.event_order_{next(_TEMP_NAMES)}"
        self._con.execute(
            f"CREATE TEMP TABLE {order} AS SELECT t.id, coalesce(v.n, 0) AS n, "
            "row_number() OVER (ORDER BY v.f NULLS LAST, t.id) AS k FROM events AS t LEFT JOIN "
            f"(SELECT item_id, min(seq) AS f, count(*) AS n FROM {EVIDENCE_TABLES['events']} "
            "WHERE case_id = ? GROUP BY item_id) AS v ON v.item_id = t.id WHERE t.case_id = ?",
            [case_id, case_id],
        )
        try:
            for lo in itertools.count(0, chunk):
                page = self._query(
                    f"SELECT id, n FROM {order} WHERE k > ? AND k <= ? ORDER BY k", [lo, lo + chunk]
                )
                if not page:
                    break
                for part in _by_budget(page, spans):
                    yield from self._events_page(case_id, part)
        finally:
            self._con.execute(f"DROP TABLE IF EXISTS {order}")

    def _events_page(self, case_id: str, ids: list[str]) -> Iterator[Event]:
        """The events of `ids` (all of one case) with their spans, in the order of `ids`.

        Why not one query that aggregates each event's spans (as `events` does): DuckDB holds a
        list aggregate's groups whole and cannot spill them, and that query needed over 128 MB
        for a page of a 10,000-article extraction. Here DuckDB only filters the spans in
        stored order and the lists are built in Python, one page at a time.
        """
        if not ids:
            return
        rows, spans = self._page_rows(case_id, ids)
        for item in ids:
            if item in rows:
                fields_of = json.loads(rows[item])
                fields_of["evidence"] = spans.get(item, [])
                yield Event.model_validate(fields_of)

    def _page_rows(
        self, case_id: str, ids: list[str]
    ) -> tuple[dict[str, str], dict[str, list[dict[str, Any]]]]:
        """A page's event rows and spans; under a cap (a bulk run) read with half of it, so
        that what DuckDB caches of a large workspace's evidence while reading stays below what
        the writes may use (at 100,000 articles the read-back's peak grew 36 MB past 10,000's
        with the whole 64 MB, 10 MB with half). A page that needs more (an event reported by
        many thousands of documents) is read again with the whole cap."""
        if self._cap is None:
            return self._page_queries(case_id, ids)
        with suppress(duckdb.Error):  # evicts down to half, or as far as it can
            self._con.execute(f"SET memory_limit = '{max(1, self._cap // 2)}MB'")
        try:
            return self._page_queries(case_id, ids)
        except StoreError as e:
            if not isinstance(e.__cause__, duckdb.OutOfMemoryException):
                raise
        finally:
            self._con.execute(f"SET memory_limit = '{self._cap}MB'")
        return self._page_queries(case_id, ids)

    def _page_queries(
        self, case_id: str, ids: list[str]
    ) -> tuple[dict[str, str], dict[str, list[dict[str, Any]]]]:
        fields = ", ".join(f"'{c}', t.{c}" for c, _ in EVENT_COLUMNS[1:] if c != "evidence")
        some = "IN (SELECT unnest(?::VARCHAR[]))"
        rows = {
            r["id"]: r["e"]
            for r in self._query(
                f"SELECT t.id, json_object({fields}) AS e FROM events AS t "
                f"WHERE t.case_id = ? AND t.id {some}",
                [case_id, ids],
            )
        }
        spans: dict[str, list[dict[str, Any]]] = {}
        for r in self._query(
            "SELECT item_id, doc_id, span_start AS start, span_end AS end, span_text AS text "
            f"FROM {EVIDENCE_TABLES['events']} WHERE case_id = ? AND item_id {some} ORDER BY seq",
            [case_id, ids],
        ):
            spans.setdefault(r.pop("item_id"), []).append(r)
        return rows, spans

    def stances(
        self, case_id: str, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[Stance]:
        return self._select(Stance, "stances", STANCE_COLUMNS, case_id, since, until)

    def count_events(self, case_id: str) -> int:
        rows = self._query("SELECT count(*) AS n FROM events WHERE case_id = ?", [case_id])
        return int(rows[0]["n"])

    def case_ids(self) -> list[str]:
        """Cases that have events or stances in this workspace."""
        sql = "SELECT case_id FROM events UNION SELECT case_id FROM stances ORDER BY 1"
        return [r["case_id"] for r in self._query(sql)]

    def load_case(self, case: Case) -> int:
        """Put a case's own events and stances in the store under its id.

        Returns the number of new rows (events plus stances); 0 when the case was loaded before.
        """
        with self.transaction():
            return self.add_events(case.events, case.id) + self.add_stances(case.stances, case.id)

    def export_events(
        self,
        case_id: str,
        path: Path | str,
        fmt: ExportFormat | Literal["csv", "jsonl", "parquet"],
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> int:
        """Write a case's events to CSV, JSONL or Parquet; returns how many were written.

        CSV and Parquet are copied by DuckDB straight from the table (the stored JSON text is
        already what `write_events` would produce), which skips building Event objects.
        """
        path = Path(path)
        kind = format_of(path, fmt)
        if kind is ExportFormat.JSONL:
            events = self.events(case_id, since, until)
            write_events(events, path, kind)
            return len(events)
        where, params = self._where(case_id, since, until)
        source, exprs = self._merged("events", EVENT_COLUMNS)
        names = ", ".join(
            f"{exprs[c]}::VARCHAR AS {c}" if c in JSON_FIELDS else f"{exprs[c]} AS {c}"
            for c, _ in EVENT_COLUMNS[1:]
        )
        select = f"SELECT {names} FROM {source} WHERE {where} ORDER BY t.date NULLS LAST, t.id"
        return copy_to_file(self._con, select, [case_id, *params], path, kind)

    # -- analyst corrections (store.corrections) ------------------------------------------

    def add_correction(
        self,
        case_id: str,
        event_id: str | None,
        action: str,
        fields: dict[str, Any] | None = None,
        *,
        author: str,
        note: str = "",
        case: Case | None = None,
    ) -> Correction:
        """Store one verdict on an event (accept, reject, edit) or an event added by hand
        (`event_id` None; `fields` with `doc_id`, `start`, `end`); returns it as stored (an
        add's `event_id` is the new event's). Everything is checked first (`check_fields`; the
        event among the stored ones, the case file's when `case` is given, and those added;
        the span against the stored text); a `CorrectionError` names the bad field and
        nothing is written. With `case`, actor ids must be the case's."""
        author = (author or "").strip()
        if not author:
            raise CorrectionError("author: say who makes the correction", "author")
        with self.transaction():
            history = self.corrections(case_id)
            if action == "add":
                if event_id:
                    raise CorrectionError(
                        "event_id: an added event gets a new id; give none", "event_id"
                    )
                checked = check_fields(action, fields, case=case)
                checked["text"] = check_span(
                    checked["doc_id"], checked["start"], checked["end"],
                    self._document_text(checked["doc_id"]),
                )  # fmt: skip
            else:
                base = self._reviewed_event(case_id, event_id, case, history)
                checked = check_fields(action, fields, case=case, base=base)
            at = _now()
            row = self._con.execute("SELECT coalesce(max(seq), -1) + 1 FROM corrections")
            seq = int(row.fetchone()[0])  # type: ignore[index]
            cid = correction_id(case_id, event_id or "", at, author, seq)
            correction = Correction(
                id=cid, case_id=case_id, event_id=event_id or added_event_id(case_id, cid),
                action=action, fields=checked, author=author, at=at, note=(note or "").strip(),
            )  # type: ignore[arg-type]  # fmt: skip
            self._con.execute(
                "INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    correction.id, case_id, correction.event_id, action,
                    json.dumps(checked, ensure_ascii=False, sort_keys=True), author, at,
                    correction.note, seq,
                ],
            )  # fmt: skip
        return correction

    def corrections(self, case_id: str, event_id: str | None = None) -> list[Correction]:
        """A case's corrections (or one event's), oldest first."""
        rows = self._query(
            "SELECT id, case_id, event_id, action, fields, author, created_at AS at, note "
            "FROM corrections "
            "WHERE case_id = ? AND (?::VARCHAR IS NULL OR event_id = ?) ORDER BY seq",
            [case_id, event_id, event_id],
        )
        return [Correction(**{**r, "fields": json.loads(r["fields"])}) for r in rows]

    def _reviewed_event(
        self, case_id: str, event_id: str | None, case: Case | None, history: list[Correction]
    ) -> Event:
        """The event a verdict is about, as its corrections so far left it; `CorrectionError`
        when the case has no such event."""
        found = self._stored_event(case_id, event_id) if event_id else None
        if found is None and case is not None:
            found = next((e for e in case.events if e.id == event_id), None)
        group = by_event(history).get(event_id or "", [])
        event, _ = corrected_event(found, group)
        if event is not None:
            return event
        if not event_id:
            raise CorrectionError("event_id: say which event (its id)", "event_id")
        from dualtrack.cases.checks import closest

        known = {r["id"] for r in self._query("SELECT id FROM events WHERE case_id = ?", [case_id])}
        known |= {e.id for e in case.events} if case is not None else set()
        hint = closest(event_id, known)
        tip = f" (did you mean {hint!r}?)" if hint else ""
        raise CorrectionError(
            f"event_id: no event {event_id!r} in case {case_id!r}{tip}; "
            f"`dualtrack events --case {case_id}` lists them", "event_id",
        )  # fmt: skip

    def _stored_event(self, case_id: str, event_id: str) -> Event | None:
        source, exprs = self._merged("events", EVENT_COLUMNS)
        fields = ", ".join(f"'{c}', {exprs[c]}" for c, _ in EVENT_COLUMNS[1:])
        rows = self._query(
            f"SELECT json_object({fields}) AS e FROM {source} WHERE t.case_id = ? AND t.id = ?",
            [case_id, case_id, event_id],
        )
        return Event.model_validate_json(rows[0]["e"]) if rows else None

    def _document_text(self, doc_id: str) -> str | None:
        rows = self._query("SELECT text FROM documents WHERE id = ?", [doc_id])
        return rows[0]["text"] if rows else None

    # -- runs ----------------------------------------------------------------------------

    def record_run(
        self, kind: str, case_id: str | None, params: dict[str, Any], result: dict[str, Any]
    ) -> str:
        """Keep a run's parameters and result; returns its id."""
        try:
            params_json = json.dumps(params, default=_jsonable, allow_nan=False, sort_keys=True)
            result_json = json.dumps(result, default=_jsonable, allow_nan=False, sort_keys=True)
        except (TypeError, ValueError) as e:
            raise StoreError(f"{self.path}: {kind} run cannot be stored as JSON: {e}") from e
        created = _now()
        digest = hashlib.sha1(
            f"{kind}|{case_id}|{created.isoformat()}|{params_json}|{result_json}".encode()
        ).hexdigest()[:8]
        run_id = f"{kind}-{created:%Y%m%dT%H%M%S%f}-{digest}"
        with self.transaction():
            self._con.execute(
                "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)",
                [run_id, kind, case_id, created, params_json, result_json],
            )
        return run_id

    def runs(self, kind: str | None = None, case_id: str | None = None) -> list[RunRecord]:
        """Stored runs, oldest first, optionally only of one kind and/or case."""
        sql = "SELECT * FROM runs WHERE (? IS NULL OR kind = ?) AND (? IS NULL OR case_id = ?)"
        rows = self._query(sql + " ORDER BY created_at, id", [kind, kind, case_id, case_id])
        return [self._run_record(r) for r in rows]

    def run(self, run_id: str) -> RunRecord:
        rows = self._query("SELECT * FROM runs WHERE id = ?", [run_id])
        if not rows:
            raise StoreError(f"{self.path}: no run with id {run_id!r}")
        return self._run_record(rows[0])

    # -- internals -----------------------------------------------------------------------

    def _add_with_evidence(
        self,
        table: str,
        columns: tuple[tuple[str, str], ...],
        items: Iterable[Event] | Iterable[Stance],
        case_id: str,
    ) -> int:
        """Insert the rows of unknown ids and the spans not yet held: two set-based statements
        per batch whatever the store holds, and no stored row is ever read back or rewritten."""
        evidence_at = [c for c, _ in columns].index("evidence")
        rows: dict[str, list[Any]] = {}
        spans: dict[int, list[Any]] = {}
        for n, item in enumerate(items, start=1):
            try:
                row = to_row(item, case_id, columns)
                held = item.model_dump(mode="json", include={"evidence"})["evidence"]
            except (ValueError, TypeError) as e:  # pydantic's serialisation error is a ValueError
                raise StoreError(
                    f"{self.path}: {table[:-1]} #{n} ({getattr(item, 'id', '?')}) of case "
                    f"{case_id!r} cannot be stored, nothing was written: {e}"
                ) from e
            rows.setdefault(row[1], row[:evidence_at] + row[evidence_at + 1 :])
            for span in held:
                span_row = evidence_row(case_id, row[1], span, 0)
                spans.setdefault(span_row[0], span_row)
        if not rows:
            return 0
        with self.transaction():
            kept = stored(columns)
            added = self._insert(
                table, [c for c, _ in kept], [list(c) for c in zip(*rows.values(), strict=True)],
                column_types(kept),
            )  # fmt: skip
            if spans:
                seq = self._next_seq(len(spans))
                for n, span_row in enumerate(spans.values()):
                    span_row[-1] = seq + n
                self._insert(
                    EVIDENCE_TABLES[table], [c for c, _ in EVIDENCE_COLUMNS],
                    [list(c) for c in zip(*spans.values(), strict=True)],
                    column_types(EVIDENCE_COLUMNS),
                )  # fmt: skip
        return added

    def _next_seq(self, n: int) -> int:
        """The first of `n` fresh evidence sequence numbers (one writer per file: DuckDB's lock)."""
        if self._seq is None:
            row = self._con.execute(
                "SELECT greatest((SELECT max(seq) FROM event_evidence), "
                "(SELECT max(seq) FROM stance_evidence))"
            ).fetchone()
            self._seq = int(row[0]) + 1 if row and row[0] is not None else 0
        first = self._seq
        self._seq += n
        return first

    @staticmethod
    def _run_record(row: dict[str, Any]) -> RunRecord:
        return RunRecord(
            **{**row, "params": json.loads(row["params"]), "result": json.loads(row["result"])}
        )

    def _insert(
        self, table: str, names: Sequence[str], columns: list[list[Any]], types: list[str]
    ) -> int:
        """Bulk insert column lists in one statement, leaving out rows whose key
        (`BULK_KEYS[table]`) is stored already or repeats in the batch; returns how many went in.

        The keys are looked up, not enforced by an index (see `store.schema`): the table's key
        filter (`store.keyfilter`) clears nearly every new key, and the rest are looked up."""
        at = [names.index(k) for k in BULK_KEYS[table]]
        keys = list(zip(*(columns[i] for i in at), strict=True))
        held = self._stored_keys(table, keys, [types[i] for i in at])
        keep = []
        for n, key in enumerate(keys):
            if key not in held:
                held.add(key)
                keep.append(n)
        if not keep:
            return 0
        if len(keep) < len(keys):
            columns = [[col[n] for n in keep] for col in columns]
        select = ", ".join(f"unnest(?::{t}[])" for t in types)
        self._con.execute(f"INSERT INTO {table} SELECT {select}", columns)
        self._filter(table).add([keys[n] for n in keep])
        return len(keep)

    def _stored_keys(
        self, table: str, keys: list[tuple[Any, ...]], types: Sequence[str]
    ) -> set[tuple[Any, ...]]:
        """Those of `keys` (tuples of `BULK_KEYS[table]` values, of SQL `types`) the table
        holds: only those its key filter may hold are looked up, in one semi-join."""
        maybe = [k for k, m in zip(keys, self._filter(table).may_hold(keys), strict=True) if m]
        if not maybe:
            return set()
        names = BULK_KEYS[table]
        where = " AND ".join(
            f"{name} IN (SELECT unnest(?::{t}[]))" for name, t in zip(names, types, strict=True)
        )
        rows = self._con.execute(
            f"SELECT {', '.join(names)} FROM {table} WHERE {where}",
            [sorted({k[i] for k in maybe}) for i in range(len(names))],
        ).fetchall()
        return set(rows) & set(maybe)

    def _filter(self, table: str) -> KeyFilter:
        """The key filter of a bulk table, filled from the stored keys on first use (one scan,
        a page at a time)."""
        if table not in self._filters:
            found = KeyFilter()
            cur = self._con.execute(f"SELECT {', '.join(BULK_KEYS[table])} FROM {table}")
            while rows := cur.fetchmany(100_000):
                found.add(rows)
            self._filters[table] = found
        return self._filters[table]

    @staticmethod
    def _where(case_id: str, since: dt.date | None, until: dt.date | None) -> tuple[str, list[Any]]:
        sql = (
            "t.case_id = ? AND (?::DATE IS NULL OR t.date >= ?::DATE) "
            "AND (?::DATE IS NULL OR t.date <= ?::DATE)"
        )
        return sql, [case_id, since, since, until, until]

    def _select(
        self,
        model: type[ModelT],
        table: str,
        columns: tuple[tuple[str, str], ...],
        case_id: str,
        since: dt.date | None,
        until: dt.date | None,
    ) -> list[ModelT]:
        """Rows as models, parsed from JSON DuckDB builds: far faster than dict-by-dict checks."""
        where, params = self._where(case_id, since, until)
        source, exprs = self._merged(table, columns)
        fields = ", ".join(f"'{c}', {exprs[c]}" for c, _ in columns[1:])
        try:
            rows = self._con.execute(
                f"SELECT json_object({fields}) FROM {source} WHERE {where} "
                "ORDER BY t.date NULLS LAST, t.id",
                [case_id, *params],
            ).fetchall()
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: read failed: {e}") from e
        try:
            return [model.model_validate_json(r[0]) for r in rows]
        except ValidationError as e:
            raise StoreError(
                f"{self.path}: a stored row in {table} no longer matches the model: {e}"
            ) from e

    @staticmethod
    def _merged(
        table: str, columns: tuple[tuple[str, str], ...], only_ids: bool = False
    ) -> tuple[str, dict[str, str]]:
        """FROM clause (alias `t`; one `?` for the case id, and one for a list of item ids with
        `only_ids`) joining each item to its spans, and the SQL expression of each column: items
        as the model sees them, merged at query time."""
        some = " AND item_id IN (SELECT unnest(?::VARCHAR[]))" if only_ids else ""
        source = (
            f"{table} AS t LEFT JOIN (SELECT item_id, {EVIDENCE_JSON} AS evidence, "
            "min(seq) AS first_seq "
            f"FROM {EVIDENCE_TABLES[table]} WHERE case_id = ?{some} GROUP BY item_id) AS v "
            "ON v.item_id = t.id"
        )
        exprs = {c: f"t.{c}" for c, _ in columns}
        exprs["evidence"] = "coalesce(v.evidence, '[]'::JSON)"
        return source, exprs

    def _query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        try:
            cur = self._con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: read failed: {e}") from e


# Names of `iter_events`' temporary tables: unique per read, so two reads may interleave.
_TEMP_NAMES = itertools.count()


def _by_budget(page: list[dict[str, Any]], budget: int) -> Iterator[list[str]]:
    """The ids of a page (rows with `id` and span count `n`), cut in order into runs of about
    `budget` spans each (an event with more spans than that is a run of its own)."""
    part: list[str] = []
    held = 0
    for row in page:
        if part and held + row["n"] > budget:
            yield part
            part, held = [], 0
        part.append(row["id"])
        held += row["n"]
    if part:
        yield part
