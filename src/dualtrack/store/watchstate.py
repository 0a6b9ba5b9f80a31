"""What a watch remembers between polls, in the workspace: HTTP validators for conditional GET,
the items already handled, each alert rule's last state, and the alerts that fired.

Kept in the workspace (not a side file) so a watch restarted on another day, or run from cron
with `--once`, neither refetches nor re-alerts, and so the state is written in the same DuckDB
transaction as the documents and events it describes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dualtrack.store.workspace import Workspace, _jsonable, _now


class WatchState:
    """The watch tables of one open workspace (see `ADDED_TABLES` in `store.schema`)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- conditional GET -----------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The (ETag, Last-Modified) the server sent with its last full answer for `url`."""
        rows = self.ws._query("SELECT etag, last_modified FROM watch_http WHERE url = ?", [url])
        return (rows[0]["etag"], rows[0]["last_modified"]) if rows else (None, None)

    def remember_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.ws.transaction():
            self.ws._con.execute(
                "INSERT OR REPLACE INTO watch_http VALUES (?, ?, ?, ?)",
                [url, etag, last_modified, _now()],
            )

    # -- items ---------------------------------------------------------------------------

    def seen_url(self, case_id: str, url: str) -> bool:
        rows = self.ws._query(
            "SELECT 1 AS x FROM watch_items WHERE case_id = ? AND url = ?", [case_id, url]
        )
        return bool(rows)

    def has_document(self, doc_id: str) -> bool:
        return bool(self.ws._query("SELECT 1 AS x FROM documents WHERE id = ?", [doc_id]))

    def remember_item(
        self,
        case_id: str,
        url: str,
        doc_id: str | None,
        source: str,
        date: dt.date | None,
        date_source: str,
    ) -> None:
        """Mark `url` handled for the case (also when it held no article: not refetched)."""
        with self.ws.transaction():
            self.ws._con.execute(
                "INSERT OR REPLACE INTO watch_items VALUES (?, ?, ?, ?, ?, ?, ?)",
                [case_id, url, doc_id, source, date, date_source, _now()],
            )

    def items(self, case_id: str) -> list[dict[str, Any]]:
        """Handled items of a case, oldest first: url, doc_id, source, date, date_source."""
        return self.ws._query(
            "SELECT url, doc_id, source, date, date_source FROM watch_items "
            "WHERE case_id = ? ORDER BY seen_at, url",
            [case_id],
        )

    # -- alerts --------------------------------------------------------------------------

    def alert_states(self, case_id: str) -> dict[str, Any]:
        rows = self.ws._query("SELECT rule_id, state FROM alert_state WHERE case_id = ?", [case_id])
        return {r["rule_id"]: json.loads(r["state"]) for r in rows}

    def save_alerts(
        self, case_id: str, states: dict[str, Any], fired: list[dict[str, Any]]
    ) -> None:
        """New rule states and the alerts they fired, together: an alert is logged exactly when
        its rule's state moves, so it cannot fire twice for one change."""
        now = _now()
        with self.ws.transaction():
            for rule_id, state in states.items():
                self.ws._con.execute(
                    "INSERT OR REPLACE INTO alert_state VALUES (?, ?, ?, ?)",
                    [case_id, rule_id, json.dumps(state, default=_jsonable, sort_keys=True), now],
                )
            for alert in fired:
                self.ws._con.execute(
                    "INSERT INTO alerts VALUES (?, ?, ?, ?, ?)",
                    [
                        alert["id"],
                        case_id,
                        alert["rule"],
                        now,
                        json.dumps(alert, default=_jsonable, ensure_ascii=False),
                    ],
                )

    def alerts(self, case_id: str) -> list[dict[str, Any]]:
        rows = self.ws._query(
            "SELECT payload FROM alerts WHERE case_id = ? ORDER BY fired_at, id", [case_id]
        )
        return [json.loads(r["payload"]) for r in rows]
