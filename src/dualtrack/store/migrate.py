"""Upgrades of older workspaces to the current schema, one version step at a time.

A step runs inside the opening transaction: if any part fails, the workspace is left exactly as
the older dualtrack wrote it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import duckdb

from dualtrack.store.schema import (
    BULK_KEYS,
    CORRECTIONS_DDL,
    EVIDENCE_COLUMNS,
    EVIDENCE_TABLES,
    column_types,
    evidence_row,
    table_ddl,
)

_CHUNK = 5_000


def _cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A second cursor on `con`, in the same default database (a new cursor starts in the
    connection's in-memory one, not in the attached workspace `con` uses)."""
    (database,) = con.execute("SELECT current_database()").fetchone() or ("memory",)
    cur = con.cursor()
    cur.execute(f'USE "{database}"')
    return cur


def _v1_to_v2(con: duckdb.DuckDBPyConnection) -> None:
    """Evidence lists held as JSON in each event/stance row move to their own tables."""
    select = ", ".join(f"unnest(?::{t}[])" for t in column_types(EVIDENCE_COLUMNS))
    cols = ", ".join(f"{c} {t}" for c, t in EVIDENCE_COLUMNS)
    seq = 0
    for table, spans in EVIDENCE_TABLES.items():
        con.execute(f"CREATE TABLE {spans} ({cols}, PRIMARY KEY (key))")
        cur = _cursor(con)  # a second cursor reads while the first one writes
        cur.execute(f"SELECT case_id, id, evidence FROM {table} ORDER BY case_id, id")
        while chunk := cur.fetchmany(_CHUNK):
            rows: dict[int, list] = {}
            for case_id, item_id, evidence in chunk:
                for span in json.loads(evidence):
                    row = evidence_row(case_id, item_id, span, seq)
                    if rows.setdefault(row[0], row) is row:
                        seq += 1
            if rows:
                con.execute(
                    f"INSERT INTO {spans} SELECT {select}",
                    [list(c) for c in zip(*rows.values(), strict=True)],
                )
        cur.close()
        con.execute(f"ALTER TABLE {table} DROP COLUMN evidence")


def _v2_to_v3(con: duckdb.DuckDBPyConnection) -> None:
    """Analyst corrections get their table; nothing stored before changes."""
    con.execute(CORRECTIONS_DDL)


def _v3_to_v4(con: duckdb.DuckDBPyConnection) -> None:
    """The bulk tables lose their PRIMARY KEY (its in-memory index grew with the workspace; see
    `store.schema`): each is rebuilt with the same columns and rows, in the order stored."""
    for name in BULK_KEYS:
        con.execute(f"ALTER TABLE {name} RENAME TO {name}_v3")
        con.execute(table_ddl(name))
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {name}_v3")
        con.execute(f"DROP TABLE {name}_v3")


# version found -> the step that takes a workspace from it to the next version
STEPS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}


def migrate(con: duckdb.DuckDBPyConnection, found: int, target: int) -> None:
    """Run every step from `found` up to `target` and record the new version (caller's
    transaction)."""
    for version in range(found, target):
        STEPS[version](con)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(target)])


def can_migrate(found: int | None, target: int) -> bool:
    return found is not None and found < target and all(v in STEPS for v in range(found, target))
