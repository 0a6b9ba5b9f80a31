"""Review: an analyst accepts, rejects or edits a case's events, or adds one the coder missed.

What the `dualtrack review` commands (and any other front end) call: `correct` resolves the case
(a case file, a built-in id, or an id only the workspace knows), opens the workspace for writing
just long enough to check and store one correction in one transaction (DuckDB lets one process
write a file: a long-held writer would lock out `ingest` and every reader), and returns it as
stored. The corrections themselves, their checks and how they change the event set are in
`dualtrack.store.corrections`; every command reads the corrected set through `dualtrack.app`.

A front end that already holds the workspace open read-only (DuckDB refuses a second, writable
connection to the same file in one process) closes it before calling `correct`, or calls
`Workspace.add_correction(..., case=case)` on a writable one with the case as
`resolve_case` gives it (not a `CaseData.case`, which holds only the events known by its date).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dualtrack.app import CaseDataError, open_workspace, resolve_case
from dualtrack.store import Correction, CorrectionError, Workspace
from dualtrack.store.paths import DB_FILE, workspace_dir

AUTHOR_VAR = "DUALTRACK_AUTHOR"


def default_author() -> str:
    """Who a correction is by when not said: $DUALTRACK_AUTHOR, else the login name."""
    named = os.environ.get(AUTHOR_VAR, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers): say so rather than guess
        return "unknown"


def parse_sets(pairs: Sequence[str], option: str = "--set") -> dict[str, str]:
    """`KEY=VALUE` pairs as a dict (a later key wins; an empty value clears the field)."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CorrectionError(
                f"{option} {pair!r}: expected FIELD=VALUE, e.g. category=ASSAULT", option
            )
        out[key.strip()] = value.strip()
    return out


def parse_span(text: str, option: str = "--span") -> tuple[int, int]:
    """`START:END` character offsets (end exclusive)."""
    start, sep, end = text.partition(":")
    try:
        if not sep:
            raise ValueError
        return int(start), int(end)
    except ValueError:
        raise CorrectionError(
            f"{option} {text!r}: expected START:END character offsets, e.g. 120:184", "span"
        ) from None


def _existing(data_dir: Path | str | None) -> Path:
    path = workspace_dir(data_dir) / DB_FILE
    if not path.is_file():
        raise CaseDataError(
            f"{path}: no workspace here; corrections are stored in one (create it with "
            "`dualtrack ingest` or `dualtrack demo`, or give --data-dir)"
        )
    return path


def correct(
    ref: str | Path,
    action: str,
    event_id: str | None = None,
    fields: Mapping[str, Any] | None = None,
    *,
    data_dir: Path | str | None = None,
    author: str | None = None,
    note: str = "",
) -> Correction:
    """Store one correction of case `ref`'s event `event_id` (None to add one: `fields` then
    hold the event and `doc_id`, `start`, `end`); returns it as stored. Raises
    `CorrectionError` (its `field` names what is wrong), `CaseDataError` for an unknown case or
    a missing workspace, `StoreError` for the workspace; nothing is written on any error."""
    _existing(data_dir)
    with Workspace.open(data_dir) as ws:
        case = resolve_case(ref, ws)
        return ws.add_correction(
            case.id, event_id, action, dict(fields or {}), author=author or default_author(),
            note=note, case=case,
        )  # fmt: skip


def corrections(
    ref: str | Path, *, data_dir: Path | str | None = None, event_id: str | None = None
) -> list[Correction]:
    """A case's corrections (or one event's), oldest first, read without locking writers out."""
    _existing(data_dir)
    ws = open_workspace(data_dir)
    assert ws is not None  # `_existing` saw the file
    with ws:
        case = resolve_case(ref, ws)
        return ws.corrections(case.id, event_id)


def shown_fields(fields: Mapping[str, Any]) -> str:
    """`category=ASSAULT, mode=, flags=unconfirmed`: as typed with `--set` (the quoted text of an
    added event's span left out)."""

    def value(k: str, v: Any) -> str:
        if k == "flags":
            return ",".join(n for n, on in v.items() if on)
        return "" if v is None else str(v)

    return ", ".join(f"{k}={value(k, v)}" for k, v in fields.items() if k != "text")


def summary_line(c: Correction) -> str:
    """One line saying what a stored correction did."""
    what = {"accept": "accepted", "reject": "rejected", "edit": "edited", "add": "added"}
    changed = ""
    if c.action == "edit":
        changed = f" ({shown_fields(c.fields)})"
    elif c.action == "add":
        changed = f" from {c.fields['doc_id']} [{c.fields['start']}:{c.fields['end']}]"
    return (
        f"{what[c.action]} {c.event_id}{changed} in case {c.case_id} by {c.author} at "
        f"{c.at:%Y-%m-%d %H:%M:%S} UTC (correction {c.id})"
    )


def corrections_table(items: Sequence[Correction], title: str | None = None) -> Any:
    """The corrections as a Rich table, oldest first."""
    from rich.table import Table

    table = Table(title=title, header_style="bold", expand=True)
    for name in ("when (UTC)", "event", "action"):
        table.add_column(name, no_wrap=True)
    table.add_column("by", overflow="fold", ratio=1)
    table.add_column("fields · note", overflow="fold", ratio=4)
    for c in items:
        detail = " · ".join(x for x in (shown_fields(c.fields), c.note) if x)
        table.add_row(f"{c.at:%Y-%m-%d %H:%M:%S}", c.event_id, c.action, c.author, detail)
    return table
