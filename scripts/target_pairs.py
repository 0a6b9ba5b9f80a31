"""Out-of-fold extras whose actor and category are right and whose target is not.

Why: a wrong target costs a hit and adds an extra at once, and classes of them (a host taken for
the target of a deployment, s38m's `edge_target`) have been the cheapest gains. `train_coder.py
--cv 4 --verbose` lists misses and extras apart; this pairs each extra with a gold event of the
same article, actor country and category (date ignored) and no gold event with the extra's
target, and counts the pairs by category and kind: a wrong target, a target where gold has none,
none where gold has one. `--show CATEGORY` prints each pair of that category with the start of
the extra's evidence (for reading, never for the repository). Train and dev crises only, each
coded by models trained on the other folds, as in `train_coder.py --cv`.

    PYTHONPATH=src python scripts/target_pairs.py [--cv 4] [--show ASSAULT,RETREAT]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_coder as T

from dualtrack.extract import Extractor
from dualtrack.model import Document


def coded(k: int) -> list[tuple[T.Doc, str | None, tuple, list[tuple[int, int]]]]:
    """Each out-of-fold event of the train and dev articles: its article, date, (actor,
    category, target) by country, and its evidence spans."""
    docs = T.load_split("train") + T.load_split("dev")
    coders = T.fold_coders(Extractor(case=None, lang="auto"), docs, k)
    out = []
    for d in docs:
        coder = coders[T.crisis_of(d.id)]
        for e in coder.extract(Document(text=d.text, date=d.date, source=d.id)).events:
            key = T.gold_tuple(
                T.country(coder, e.actor), e.category.value, T.country(coder, e.target)
            )
            day = e.date.isoformat() if e.date else None
            out.append((d, day, key, [(x.start, x.end) for x in e.evidence]))
    return out


def pairs(events: Sequence[tuple]) -> list[dict]:
    """The extras of `events` (no gold event has their date, actor, category and target) that
    a gold event of their article shares actor and category with and none their target: each
    with the gold event it pairs with, a missed one of its date first."""
    coded_in: dict[str, set[tuple]] = {}  # each article's coded (date, actor, category, target)
    for d, day, key, _ in events:
        coded_in.setdefault(d.id, set()).add((day, *key))
    out = []
    for d, day, key, spans in events:
        gold = [((g["date"], *T.gold_tuple(g["actor"], g["category"], g["target"])), g)
                for g in d.gold]  # fmt: skip
        found = coded_in[d.id]
        if (day, *key) in {k for k, _ in gold}:
            continue
        actor, cat, target = key
        same = [(k, g) for k, g in gold if k[1] == actor and k[2] == cat]
        if not same or any(k[3] == target for k, _ in same):
            continue
        missed = [(k, g) for k, g in same if k not in found]
        (k, g), *_ = sorted(missed or same, key=lambda kg: kg[0][0] != day)
        kind = "wrong" if target and k[3] else ("extra target" if target else "no target")
        out.append(dict(doc=d, cat=cat, actor=actor, target=target, gold=k[3], kind=kind,
                        missed=bool(missed), same_day=k[0] == day, spans=spans,
                        note=g.get("note")))  # fmt: skip
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", type=int, default=4)
    ap.add_argument("--show", default="", help="categories whose pairs to print")
    args = ap.parse_args(argv)
    rows = pairs(coded(args.cv))
    n = Counter((r["cat"], r["kind"]) for r in rows)
    fixable = Counter((r["cat"], r["kind"]) for r in rows if r["missed"] and r["same_day"])
    print(f"{'category':10} {'kind':13} {'pairs':>5} {'missed gold, same day':>22}")
    for (cat, kind), count in n.most_common():
        print(f"{cat:10} {kind:13} {count:5d} {fixable[cat, kind]:22d}")
    print(f"{'all':24} {len(rows):5d} {sum(fixable.values()):22d}")
    own = [r for r in rows if r["gold"] == r["actor"]]
    print(f"gold target the actor's own country: {len(own)}")
    show = set(filter(None, args.show.split(",")))
    for r in rows:
        if r["cat"] in show:
            s, e = r["spans"][0] if r["spans"] else (0, 0)
            print(f"{r['doc'].id} {r['actor']} {r['cat']} coded {r['target']} gold {r['gold']}"
                  f" ({r['note']})\n    {r['doc'].text[s:e][:200]!r}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
