"""The escalation ladder an analyst sees, read from the coder's events and from gold, day by day.

Why: strict F1 scores events one by one, but the brief's headline rung, the forecast's start and
the rung alerts read the day's highest act over a week (`analyze.escalation_series`). This says
how often the coder's ladder stands where the gold's does on every day of each crisis (from its
first to its last gold date), above it (a false alarm) or below it (a missed escalation), and by
how many rungs in all. The coder reads each crisis's articles together (`extract_many`), as
`ingest` does; gold events count with their mode and modality flags.

    .venv/bin/python benchmarks/real/ladder.py --split dev [--crises usbl,inca] [--coder rules]

It skips with the reason when the corpus cache is absent (CI never has it). Nobody reads the
test split while developing: measure dev, and test once, as `extract_accuracy.py` does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

from dualtrack.analyze import escalation_series
from dualtrack.extract import Extractor
from dualtrack.model import Document, Event, EventFlags

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as rc  # benchmarks/real/corpus.py: the corpus's files and cache

COLUMNS = ("days", "same", "above", "below", "rungs off")


def articles(split: str, crises: set[str]) -> dict[str, list[tuple[Document, list[dict]]]]:
    """Each crisis's cached articles of `split` (only `crises` when given) with their gold rows;
    SystemExit with the reason when the cache is absent or a text does not match its hash."""
    cache = rc.cache_dir()
    if not cache.is_dir():
        raise SystemExit(
            f"ladder: skipped: the corpus cache {cache} is absent (set $DUALTRACK_CORPUS)"
        )
    docs = [
        r
        for r in rc.rows(rc.HERE, "docs.jsonl")
        if r["split"] == split and (not crises or r["crisis"] in crises)
    ]
    gold = rc.gold_by_doc(rc.HERE)
    out: dict[str, list[tuple[Document, list[dict]]]] = defaultdict(list)
    for r in docs:
        text = rc.cached_text(r, cache)
        if text is None:
            raise SystemExit(f"ladder: {r['doc_id']} is absent from the cache {cache}")
        doc = Document(text=text, date=dt.date.fromisoformat(r["doc_date"]), source=r["doc_id"])
        out[r["crisis"]].append((doc, gold.get(r["doc_id"], [])))
    if not out:
        raise SystemExit(f"ladder: no {split!r} articles of {sorted(crises) or 'any crisis'}")
    return out


def gold_event(g: dict) -> Event | None:
    """A dated gold row with an actor as an event of the model (None otherwise)."""
    if not g["date"] or not g["actor"]:
        return None
    flags = EventFlags(negated=g["negated"], hypothetical=g["hypothetical"])
    return Event(date=dt.date.fromisoformat(g["date"]), actor=g["actor"], target=g["target"],
                 category=g["category"], mode=g.get("mode"), flags=flags)  # fmt: skip


def compare(coded: list[Event], gold: list[Event]) -> dict[str, int]:
    """Days on which the coder's level equals, exceeds or falls short of the gold's."""
    days = sorted(e.date for e in gold if e.date)
    ours = escalation_series(coded, days[0], days[-1])
    theirs = escalation_series(gold, days[0], days[-1])
    row = dict.fromkeys(COLUMNS, 0)
    for a, b in zip(ours, theirs, strict=True):
        row["days"] += 1
        row["same" if a.level == b.level else "above" if a.level > b.level else "below"] += 1
        row["rungs off"] += abs(a.level - b.level)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    ap.add_argument("--crises", default="", help="comma-separated crisis ids (default: all)")
    ap.add_argument("--coder", choices=("learned", "rules"), default="learned")
    args = ap.parse_args(argv)
    by_crisis = articles(args.split, set(filter(None, args.crises.split(","))))
    coder = Extractor(case=None, lang="auto", coder=args.coder)
    total = dict.fromkeys(COLUMNS, 0)
    print(f"{'crisis':8}" + "".join(f"{c:>10}" for c in COLUMNS))
    for crisis, arts in sorted(by_crisis.items()):
        gold = [e for _, rows in arts for g in rows if (e := gold_event(g)) is not None]
        if not gold:
            continue
        coded = coder.extract_many([doc for doc, _ in arts]).events
        row = compare(coded, gold)
        print(f"{crisis:8}" + "".join(f"{row[c]:>10}" for c in COLUMNS))
        total = {c: total[c] + row[c] for c in COLUMNS}
    print(f"{'all':8}" + "".join(f"{total[c]:>10}" for c in COLUMNS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
