"""The snapshot alert rules read, and the watch tables a workspace gains when it is opened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import yaml

from dualtrack.model import Case, Event, EventFlags
from dualtrack.store import DB_FILE, Workspace
from dualtrack.store.watchstate import WatchState
from dualtrack.watch import snapshot

from .conftest import CASE_YAML


def test_snapshot_reads_rung_talks_mediators_spoilers() -> None:
    case = Case.model_validate(yaml.safe_load(CASE_YAML))
    strike = Event(date=dt.date(2025, 5, 6), actor="NVA", target="KST", category="ASSAULT",
                   mode="aerial")  # fmt: skip
    threat = Event(date=dt.date(2025, 5, 6), actor="TSK", target="NVA", category="THREATEN",
                   mode="violence", flags=EventFlags(threatened=True))  # fmt: skip
    planned = Event(date=dt.date(2025, 5, 20), actor="NVA", target="KST", category="CONSULT",
                    flags=EventFlags(hypothetical=True))  # fmt: skip
    s = snapshot(case, [strike, threat, planned], [], runs=200)
    assert s.asof == dt.date(2025, 5, 6)  # a round only planned for later does not move it
    assert s.escalation.rung == 5 and strike.id in s.escalation.event_ids
    assert [m.actor for m in s.mediators] == ["VAL"]  # the case's own mediated round
    assert [(a.actor, a.event_ids) for a in s.spoilers] == [("TSK", [threat.id])]
    assert s.talks.status == "held"
    assert set(s.forecast) == {"7", "30", "90"} and s.forecast_error is None
    before = snapshot(case, [strike, threat], [], asof=dt.date(2025, 5, 3), runs=200)
    assert before.escalation.rung < 5 and before.spoilers == []  # nothing after asof read


def test_old_workspace_gains_watch_tables(tmp_path: Path) -> None:
    Workspace.open(tmp_path).close()
    con = duckdb.connect(str(tmp_path / DB_FILE))
    for table in ("watch_http", "watch_items", "alert_state", "alerts"):
        con.execute(f"DROP TABLE {table}")  # as a workspace written before the watch existed
    con.close()
    with Workspace.open(tmp_path, read_only=True) as ws:  # readers need not write anything
        assert ws.documents() == []
    with Workspace.open(tmp_path) as ws:
        state = WatchState(ws)
        state.remember_validators("https://wire.example/feed", '"v1"', None)
        assert state.validators("https://wire.example/feed") == ('"v1"', None)
