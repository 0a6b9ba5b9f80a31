"""Store throughput: bulk event writes, evidence merges, reads and exports on a real workspace.

Baseline: the straightforward way to write the same rows, one INSERT per row via executemany.

    .venv/bin/python benchmarks/store_speed.py [--n 20000] [--seed 0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from dualtrack.model import Event, Evidence, Quantity
from dualtrack.ontology import Category
from dualtrack.store import Workspace, read_events_file
from dualtrack.store.schema import EVENT_COLUMNS, to_row

ACTORS = ["USA", "IRN", "OMN", "ISR", "SAU", "QAT", "TUR", "UN", "USA.trump", "IRN.araghchi"]


def synthetic_events(n: int, seed: int) -> list[Event]:
    rng = np.random.default_rng(seed)
    cats = list(Category)
    events = []
    for i in range(n):
        a, t = rng.choice(len(ACTORS), size=2, replace=False)
        day = int(rng.integers(0, 365))
        events.append(
            Event(
                id=f"ev_{i:08d}",
                date=dt.date(2025, 1, 1) + dt.timedelta(days=day),
                actor=ACTORS[a],
                target=ACTORS[t],
                category=cats[int(rng.integers(0, len(cats)))],
                summary=f"synthetic event {i}",
                quantities=[Quantity(value=float(rng.integers(1, 100)), unit="vessel")],
                evidence=[Evidence(doc_id=f"{i % 500:064x}", start=i, end=i + 40)],
            )
        )
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    n = args.n
    events = synthetic_events(n, args.seed)
    extra = Evidence(doc_id="f" * 64, start=0, end=9)
    again = [e.model_copy(update={"evidence": [*e.evidence, extra]}) for e in events]
    results: list[tuple[str, float]] = []

    def timed(label: str, fn: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        out = fn()
        results.append((label, time.perf_counter() - start))
        return out

    with tempfile.TemporaryDirectory() as tmp:
        with Workspace.open(Path(tmp) / "ws") as ws:
            timed("add_events (all new)", lambda: ws.add_events(events, "bench"))
            timed("add_events (all known, merge)", lambda: ws.add_events(again, "bench"))
            timed("add_events (all known, no-op)", lambda: ws.add_events(again, "bench"))
            got = timed("events() read", lambda: ws.events("bench"))
            assert len(got) == n and all(len(e.evidence) == 2 for e in got)
            for fmt in ("csv", "jsonl", "parquet"):
                path = Path(tmp) / f"e.{fmt}"
                timed(f"export {fmt}", lambda p=path, f=fmt: ws.export_events("bench", p, f))
                back = timed(f"read_events_file {fmt}", lambda p=path: read_events_file(p))
                assert back == got
        # Baseline: the same rows, one INSERT per row.
        with Workspace.open(Path(tmp) / "baseline") as ws:
            rows = [to_row(e, "bench", EVENT_COLUMNS) for e in events]
            marks = ", ".join("?" * len(EVENT_COLUMNS))
            con = ws._con  # the baseline deliberately bypasses the bulk path

            def row_by_row() -> None:
                con.begin()
                con.executemany(f"INSERT INTO events VALUES ({marks})", rows)
                con.commit()

            timed("BASELINE executemany insert", row_by_row)
    print(f"store speed, n={n} events, seed={args.seed}")
    print(f"{'operation':34} {'seconds':>9} {'events/s':>12}")
    for label, secs in results:
        print(f"{label:34} {secs:9.3f} {n / secs:12,.0f}")


if __name__ == "__main__":
    main()
