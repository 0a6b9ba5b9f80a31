"""The workspace's tables, and how Events and Stances map to their rows and back.

Bump `SCHEMA_VERSION` whenever a table changes shape, and add the step from the previous version
to `store/migrate.py`: an older workspace is then upgraded when first opened for writing, and a
newer one refuses to open with a clear message instead of silently losing or misreading columns.

Evidence spans live in tables of their own (`event_evidence`, `stance_evidence`), one row per
(item, document, span): adding a report of a known event is an insert, never a rewrite of the
event's row, so the cost of an article does not grow with how often its events were reported.

The bulk tables (documents, events, stances and their evidence) have no PRIMARY KEY (schema 4):
DuckDB keeps a key's index in memory and rewrites it at every checkpoint, so a workspace's
memory grew with every article stored. Their keys (`BULK_KEYS`) are kept unique by the one
writer instead (`Workspace._insert` looks up the batch's keys before inserting; DuckDB lets one
process write a file).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel

from dualtrack.model import Event

SCHEMA_VERSION = 4

# (column, DuckDB type and constraints) in the order of the model's fields; `case_id` first.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("case_id", "VARCHAR NOT NULL"),
    ("id", "VARCHAR NOT NULL"),
    ("date", "DATE"),
    ("date_end", "DATE"),
    ("date_precision", "VARCHAR NOT NULL"),
    ("actor", "VARCHAR NOT NULL"),
    ("target", "VARCHAR"),
    ("via", "VARCHAR"),
    ("category", "VARCHAR NOT NULL"),
    ("mode", "VARCHAR"),
    ("context", "VARCHAR"),
    ("summary", "VARCHAR"),
    ("location", "VARCHAR"),
    ("quantities", "JSON NOT NULL"),
    ("score", "DOUBLE"),
    ("flags", "JSON NOT NULL"),
    ("evidence", "JSON NOT NULL"),
    ("confidence", "DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1)"),
    ("extractor", "VARCHAR NOT NULL"),
)

STANCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("case_id", "VARCHAR NOT NULL"),
    ("id", "VARCHAR NOT NULL"),
    ("actor", "VARCHAR NOT NULL"),
    ("issue", "VARCHAR NOT NULL"),
    ("value", "DOUBLE"),
    ("items", "JSON"),
    ("red_line", "BOOLEAN NOT NULL"),
    ("date", "DATE"),
    ("date_precision", "VARCHAR NOT NULL"),
    ("summary", "VARCHAR"),
    ("evidence", "JSON NOT NULL"),
    ("confidence", "DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1)"),
    ("extractor", "VARCHAR NOT NULL"),
)

# Model fields held as JSON text: nested structures stay queryable with DuckDB's JSON functions.
JSON_FIELDS = frozenset({"quantities", "flags", "evidence", "items"})
# Columns an event file may carry beside the event's fields (`export.write_events` with review
# statuses): where its review stands; never part of the event itself.
REVIEW_COLUMNS = ("review_status", "review_author", "review_at", "review_note")


def stored(columns: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The columns an item's own table holds: all but `evidence`, which has a table of its own."""
    return tuple(c for c in columns if c[0] != "evidence")


def _table(name: str, columns: tuple[tuple[str, str], ...]) -> str:
    cols = ",\n  ".join(f"{c} {t}" for c, t in columns)
    return f"CREATE TABLE {name} (\n  {cols}\n)"


# One evidence span of one event (or stance) of a case. `key` is a 64-bit digest of (case, item,
# document, start, end): one small index entry per span instead of five columns' worth; `seq`
# orders an item's spans as they were added.
EVIDENCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", "UBIGINT NOT NULL"),
    ("case_id", "VARCHAR NOT NULL"),
    ("item_id", "VARCHAR NOT NULL"),
    ("doc_id", "VARCHAR NOT NULL"),
    ("span_start", "BIGINT NOT NULL"),
    ("span_end", "BIGINT NOT NULL"),
    ("span_text", "VARCHAR"),
    ("seq", "BIGINT NOT NULL"),
)

# A stored article: its id is the SHA-256 of its text (`model.Document`).
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR NOT NULL"),
    ("text", "VARCHAR NOT NULL"),
    ("title", "VARCHAR"),
    ("url", "VARCHAR"),
    ("source", "VARCHAR"),
    ("date", "DATE"),
    ("lang", "VARCHAR"),
    ("added_at", "TIMESTAMP NOT NULL"),
)

# item table -> its evidence table
EVIDENCE_TABLES = {"events": "event_evidence", "stances": "stance_evidence"}

# The key each bulk table's rows are unique on (kept by the writer, not by an index: see above).
BULK_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("id",),
    "events": ("case_id", "id"),
    "stances": ("case_id", "id"),
    "event_evidence": ("key",),
    "stance_evidence": ("key",),
}


# Analyst corrections (`store.corrections`), one row per verdict, never updated: `seq` orders an
# event's corrections (the latest wins), `fields` holds what an edit changed or an added event's
# fields with its evidence span. Added in schema version 3 (`migrate._v2_to_v3`).
CORRECTIONS_DDL = """CREATE TABLE corrections (
  id VARCHAR PRIMARY KEY,
  case_id VARCHAR NOT NULL,
  event_id VARCHAR NOT NULL,
  action VARCHAR NOT NULL CHECK (action IN ('accept', 'reject', 'edit', 'add')),
  fields JSON NOT NULL,
  author VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  note VARCHAR NOT NULL,
  seq BIGINT NOT NULL UNIQUE
)"""

DDL: tuple[str, ...] = (
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    _table("documents", DOCUMENT_COLUMNS),
    _table("events", stored(EVENT_COLUMNS)),
    _table("stances", stored(STANCE_COLUMNS)),
    _table("event_evidence", EVIDENCE_COLUMNS),
    _table("stance_evidence", EVIDENCE_COLUMNS),
    CORRECTIONS_DDL,
    """CREATE TABLE runs (
  id VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  case_id VARCHAR,
  created_at TIMESTAMP NOT NULL,
  params JSON NOT NULL,
  result JSON NOT NULL
)""",
)


def table_ddl(name: str) -> str:
    """The CREATE TABLE statement of one of the workspace's own tables."""
    return next(d for d in (*DDL, *ADDED_TABLES.values()) if d.startswith(f"CREATE TABLE {name} ("))


TABLES = (
    "meta",
    "documents",
    "events",
    "stances",
    "event_evidence",
    "stance_evidence",
    "corrections",
    "runs",
)

# --- watch and alert state (dualtrack.watch) ---------------------------------------------------
# Tables added after schema version 1 without changing any existing one: a workspace that lacks
# them gets them when it is next opened for writing, so no version bump and no re-import; an
# older dualtrack ignores them. `watch_http` holds each fetched URL's validators for conditional
# GET; `watch_items` what a watch has already handled (canonical URL, text hash, where its date
# came from); `alert_state` the last value each alert rule saw; `alerts` every alert that fired.
ADDED_TABLES: dict[str, str] = {
    "watch_http": """CREATE TABLE watch_http (
  url VARCHAR PRIMARY KEY,
  etag VARCHAR,
  last_modified VARCHAR,
  fetched_at TIMESTAMP NOT NULL
)""",
    "watch_items": """CREATE TABLE watch_items (
  case_id VARCHAR NOT NULL,
  url VARCHAR NOT NULL,
  doc_id VARCHAR,
  source VARCHAR NOT NULL,
  date DATE,
  date_source VARCHAR NOT NULL,
  seen_at TIMESTAMP NOT NULL,
  PRIMARY KEY (case_id, url)
)""",
    "alert_state": """CREATE TABLE alert_state (
  case_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  state JSON NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (case_id, rule_id)
)""",
    "alerts": """CREATE TABLE alerts (
  id VARCHAR PRIMARY KEY,
  case_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  fired_at TIMESTAMP NOT NULL,
  payload JSON NOT NULL
)""",
}
# --- end of watch and alert state ---------------------------------------------------------------


def column_types(columns: tuple[tuple[str, str], ...]) -> list[str]:
    """The bare DuckDB type of each column (constraints stripped), for casting bulk inserts."""
    return [t.split()[0] for _, t in columns]


def to_row(item: BaseModel, case_id: str, columns: tuple[tuple[str, str], ...]) -> list[Any]:
    """One model as the column values of its table row (JSON fields as compact JSON text)."""
    data = item.model_dump(mode="json")
    row: list[Any] = [case_id]
    for name, _ in columns[1:]:
        value = data[name]
        if name in JSON_FIELDS and value is not None:
            value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        row.append(value)
    return row


def from_record(record: dict[str, Any]) -> dict[str, Any]:
    """A row (from a table or an export file) as keyword arguments for the model.

    JSON text is parsed and missing values dropped, so the model's defaults apply to columns a
    hand-written file leaves empty.
    """
    out: dict[str, Any] = {}
    for key, value in record.items():
        if value is None or key == "case_id" or key in REVIEW_COLUMNS:
            continue
        if key in JSON_FIELDS and isinstance(value, str):
            value = json.loads(value)
        out[key] = value
    return out


def event_from_record(record: dict[str, Any]) -> Event:
    return Event.model_validate(from_record(record))


def span_key(case_id: str, item_id: str, doc_id: str, start: int, end: int) -> int:
    """The evidence table's key: a stable 64-bit digest of (case, item, document, span)."""
    raw = f"{case_id}\x1f{item_id}\x1f{doc_id}\x1f{start}\x1f{end}".encode()
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big")


def evidence_row(case_id: str, item_id: str, span: dict[str, Any], seq: int) -> list[Any]:
    """One evidence span (as `Evidence.model_dump`) as a row of an evidence table."""
    start, end = span["start"], span["end"]
    key = span_key(case_id, item_id, span["doc_id"], start, end)
    return [key, case_id, item_id, span["doc_id"], start, end, span.get("text"), seq]


# An item's spans as the JSON list `Evidence` reads, in the order they were added.
EVIDENCE_JSON = (
    "to_json(list(json_object('doc_id', doc_id, 'start', span_start, 'end', span_end, "
    "'text', span_text) ORDER BY seq))"
)
