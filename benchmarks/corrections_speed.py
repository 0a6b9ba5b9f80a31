"""What analyst corrections cost the commands that read a case: `apply_corrections` on a large
event set, against the same set read with no corrections (the baseline every command pays).

    .venv/bin/python benchmarks/corrections_speed.py [--events 100000] [--corrections 1000]

The events are synthetic (one actor, one category, distinct ids); the corrections are a third
each rejects, edits (a summary) and accepts, spread over the set. Best of three runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from dualtrack.model import Event
from dualtrack.store import Correction, apply_corrections

ACTIONS = ("reject", "edit", "accept")


def best_of(events: list[Event], fixes: list[Correction], tries: int = 3) -> tuple[float, int]:
    best, kept = float("inf"), 0
    for _ in range(tries):
        start = time.perf_counter()
        kept = len(apply_corrections(events, fixes))
        best = min(best, time.perf_counter() - start)
    return best, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--corrections", type=int, default=1_000)
    args = parser.parse_args()
    day = dt.date(2026, 1, 1)
    events = [
        Event(id=f"ev_{i:012d}", date=day, actor="USA", category="THREATEN", summary=str(i))
        for i in range(args.events)
    ]
    step = max(1, args.events // max(1, args.corrections))
    fixes = [
        Correction(
            id=f"cx-{i}",
            case_id="c",
            event_id=f"ev_{(i * step) % args.events:012d}",
            action=ACTIONS[i % 3],  # type: ignore[arg-type]
            fields={"summary": "checked"} if i % 3 == 1 else {},
            author="bench",
            at=dt.datetime(2026, 2, 1),
        )
        for i in range(args.corrections)
    ]
    runs = (("no corrections (baseline)", []), (f"{len(fixes):,} corrections", fixes))
    for label, chosen in runs:
        seconds, kept = best_of(events, chosen)
        print(f"{len(events):,} events, {label}: {seconds * 1000:.1f} ms ({kept:,} events kept)")


if __name__ == "__main__":
    main()
