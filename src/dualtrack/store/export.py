"""Event files: CSV, JSONL and Parquet, written and read so that a file round-trips exactly.

CSV and Parquet hold one column per Event field with the nested fields (quantities, flags,
evidence) as JSON text; JSONL holds one Event JSON object per line. DuckDB writes CSV and Parquet,
so no extra dependency is needed; reading goes through the Event model, so a hand-edited file gets
the same validation (and the same defaults) as any other input.

Given the events' review statuses (`store.corrections.ReviewStatus`), a file also says for each
event where its review stands: `review_status` (unreviewed, accepted, edited, added, rejected),
`review_author`, `review_at` (UTC) and `review_note`. Reading a file ignores those columns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

import duckdb
from pydantic import ValidationError

from dualtrack.model import Event
from dualtrack.outputs import replacing
from dualtrack.store.corrections import UNREVIEWED, ReviewStatus
from dualtrack.store.errors import StoreError
from dualtrack.store.schema import (
    EVENT_COLUMNS,
    JSON_FIELDS,
    REVIEW_COLUMNS,
    column_types,
    event_from_record,
    to_row,
)


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"


_SUFFIXES = {
    ".csv": ExportFormat.CSV,
    ".jsonl": ExportFormat.JSONL,
    ".ndjson": ExportFormat.JSONL,
    ".json": ExportFormat.JSONL,
    ".parquet": ExportFormat.PARQUET,
    ".pq": ExportFormat.PARQUET,
}

# Event fields in model order; `case_id` belongs to the store, not to an exported event.
_FIELDS = EVENT_COLUMNS[1:]
_TYPES = [
    "VARCHAR" if c in JSON_FIELDS else t
    for (c, _), t in zip(_FIELDS, column_types(_FIELDS), strict=True)
]


def format_of(path: Path, fmt: str | None = None) -> ExportFormat:
    """The format named, else the one the file's suffix says."""
    if fmt is not None:
        try:
            return ExportFormat(fmt)
        except ValueError:
            raise StoreError(
                f"{path}: unknown event file format {fmt!r} (use csv, jsonl or parquet)"
            ) from None
    if path.suffix.lower() in _SUFFIXES:
        return _SUFFIXES[path.suffix.lower()]
    raise StoreError(
        f"{path}: cannot tell the format from the suffix {path.suffix!r} "
        "(use .csv, .jsonl or .parquet)"
    )


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def copy_to_file(
    con: duckdb.DuckDBPyConnection,
    select: str,
    params: list[Any],
    path: Path,
    kind: ExportFormat,
) -> int:
    """COPY a query's rows to a CSV or Parquet file, whole or not at all; returns the row count."""
    options = "FORMAT parquet" if kind is ExportFormat.PARQUET else "FORMAT csv, HEADER"
    try:
        with replacing(path) as tmp:
            written = con.execute(f"COPY ({select}) TO {_sql_path(tmp)} ({options})", params)
            count = int(written.fetchone()[0])  # type: ignore[index]
    except (OSError, duckdb.Error) as e:
        raise StoreError(f"{path}: cannot write {kind.value} events: {e}") from e
    return count


def review_values(status: ReviewStatus) -> list[Any]:
    """The `REVIEW_COLUMNS` of one event."""
    at = status.at.isoformat(timespec="seconds") if status.at is not None else None
    return [status.status, status.author, at, status.note or None]


def write_events(
    events: list[Event],
    path: Path | str,
    fmt: str,
    con: duckdb.DuckDBPyConnection | None = None,
    review: Mapping[str, ReviewStatus] | None = None,
) -> None:
    """Write events to `path` in `fmt`; the file appears whole or not at all. With `review`
    (event id -> status; absent ids are unreviewed), each event's review columns too."""
    path = Path(path)
    kind = format_of(path, fmt)
    extra = [] if review is None else [review_values(review.get(e.id, UNREVIEWED)) for e in events]
    if kind is not ExportFormat.JSONL:
        names = [name for name, _ in _FIELDS]
        types = list(_TYPES)
        rows = [to_row(e, "", EVENT_COLUMNS)[1:] for e in events]
        if review is not None:
            names += list(REVIEW_COLUMNS)
            types += ["VARCHAR"] * len(REVIEW_COLUMNS)
            rows = [row + more for row, more in zip(rows, extra, strict=True)]
        columns = [list(c) for c in zip(*rows, strict=True)] or [[] for _ in names]
        select = ", ".join(
            f"unnest(?::{t}[]) AS {name}" for name, t in zip(names, types, strict=True)
        )
        copy_to_file(con or duckdb.connect(), f"SELECT {select}", columns, path, kind)
        return
    try:
        with replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
            for n, e in enumerate(events):
                line = e.model_dump_json()
                if review is not None:
                    more = json.dumps(dict(zip(REVIEW_COLUMNS, extra[n], strict=True)))
                    line = f"{line[:-1]},{more[1:]}"
                fh.write(line + "\n")
    except OSError as e:
        raise StoreError(f"{path}: cannot write {kind.value} events: {e}") from e


def read_events_file(path: Path | str, fmt: str | None = None) -> list[Event]:
    """Read events from a CSV, JSONL or Parquet file (format from `fmt` or the suffix)."""
    path = Path(path)
    kind = format_of(path, fmt)
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    if kind is ExportFormat.JSONL:
        return _read_jsonl(path)
    if kind is ExportFormat.CSV:
        # Every cell as text (the model parses it) and "" kept apart from an empty (null) cell.
        sql = (
            "SELECT * FROM read_csv(?, header = true, all_varchar = true, delim = ',', "
            "quote = '\"', escape = '\"', allow_quoted_nulls = false)"
        )
    else:
        sql = "SELECT * FROM read_parquet(?)"
    try:
        cur = duckdb.connect().execute(sql, [str(path)])
        names = [d[0] for d in cur.description]
        records = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    except duckdb.Error as e:
        raise StoreError(f"{path}: cannot read {kind.value} events: {e}") from e
    events = []
    for n, record in enumerate(records, start=1):
        events.append(_parse(path, f"row {n}", record))
    return events


def _read_jsonl(path: Path) -> list[Event]:
    events = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()  # tolerate a BOM
    except (OSError, UnicodeDecodeError) as e:
        raise StoreError(f"{path}: cannot read: {e}") from e
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            if '"review_status"' in line:  # written with review columns: not event fields
                data = json.loads(line)
                events.append(Event.model_validate({
                    k: v for k, v in data.items() if k not in REVIEW_COLUMNS
                }))  # fmt: skip
            else:
                events.append(Event.model_validate_json(line))
        except ValidationError as e:
            raise StoreError(f"{path}: line {n}: {_describe(e)}") from e
        except ValueError as e:  # not JSON at all
            raise StoreError(f"{path}: line {n}: {e}") from e
    return events


def _parse(path: Path, where: str, record: dict[str, Any]) -> Event:
    try:
        return event_from_record(record)
    except ValueError as e:  # ValidationError and bad JSON text are both ValueErrors
        detail = _describe(e) if isinstance(e, ValidationError) else str(e)
        raise StoreError(f"{path}: {where}: {detail}") from e


def _describe(e: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'event'}: {err['msg']}" for err in e.errors()
    )
