"""How far two annotators agree on the real corpus, beside how far the coder agrees with either.

The issue's target for the coder (strict F1 0.60 per language) only means something next to the
agreement of two careful people coding the same articles from the same guide. A second annotator
who saw only `GUIDE.md` (never the gold, the notes or the coder) coded a seeded sample of dev
articles, 8 per language (`agreement/second.jsonl`); this script scores that annotation against
the gold with the benchmark's own scorer (strict and date-ignored F1, the same symmetric pairs and
null-date rule), and the coders against both on the same articles.

    python benchmarks/real/agreement.py sample            # the sampled doc ids, one per line
    python benchmarks/real/agreement.py [--json]          # the agreement table

Strict F1 is symmetric: taking either annotation as the reference swaps P and R only. Needs the
corpus cache (skips with the reason when it is absent, as on CI).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import extract_accuracy as acc  # noqa: E402  (the benchmark's scorer, one home for matching)

SECOND = HERE / "agreement" / "second.jsonl"
LANGS = ("zh-Hant", "zh-Hans", "en")
PER_LANG = 8
GROUPS = (*LANGS, "overall")


def sample(docs: list[dict[str, Any]], per_lang: int = PER_LANG) -> list[str]:
    """Dev articles drawn per language with a seed fixed by the language's name alone, so the
    sample depends on nothing but the corpus's list of dev articles; never those of the fresh
    crises (corpus.py `fresh_crises`), which came after the second annotation."""
    fresh = acc._real_module().fresh_crises()
    out: list[str] = []
    for lang in LANGS:
        ids = sorted(
            d["doc_id"]
            for d in docs
            if d["split"] == "dev" and d["lang"] == lang and d["crisis"] not in fresh
        )
        out += sorted(random.Random(f"agreement:{lang}").sample(ids, min(per_lang, len(ids))))
    return out


def load_second(path: Path, docs: dict[str, dict[str, Any]]) -> dict[str, list[acc.Ev]]:
    """The second annotation by sampled article, checked against the guide's schema; any line
    that breaks it or names an article outside the sample is an error naming file and line."""
    rc = acc._real_module()
    chosen = set(sample(list(docs.values())))
    out: dict[str, list[acc.Ev]] = {d: [] for d in chosen}
    problems: list[str] = []
    for line, row in rc.read_jsonl(path):
        where = f"{path}:{line}"
        rc.check_gold(row, where, docs, problems)
        if row.get("doc_id") in docs and row["doc_id"] not in chosen:
            problems.append(f"{where}: doc_id: {row['doc_id']!r} is not in the sample")
        if not problems:
            out[row["doc_id"]].append(acc.real_event(row))
    if problems:
        raise SystemExit("agreement: " + "\n".join(problems))
    return out


def _score_line(report: acc.Report) -> dict[str, Any]:
    s, u = report.events, report.undated
    return {
        "f1": round(s.f1, 3),
        "p": round(s.precision, 3),
        "r": round(s.recall, 3),
        "f1_date_ignored": round(u.f1, 3),
        "gold": s.tp + s.fn,
        "pred": s.tp + s.fp,
    }


def agreement_table(second_path: Path = SECOND) -> dict[str, Any]:
    """Second annotator vs gold, and each coder vs gold and vs the second annotator."""
    acc.STRICT_NULL_DATES = True
    rc = acc._real_module()
    docs = {r["doc_id"]: r for p in rc.jsonl_files(HERE, "docs.jsonl") for _, r in rc.read_jsonl(p)}
    second = load_second(second_path, docs)
    articles = [a for a in acc.load_real("dev") if a.id in second]
    human = acc.symmetric_runner(lambda a: second[a.id])
    systems = {"second annotator": human}
    for coder in ("learned", "rules"):
        systems[coder] = acc.symmetric_runner(acc.extractor_runner(coder))
    systems["keyword baseline"] = acc.symmetric_runner(acc.baseline_events)
    out: dict[str, Any] = {"articles": len(articles), "vs_gold": {}, "vs_second": {}}
    reports: dict[str, dict[str, acc.Report]] = {}
    for name, run in systems.items():
        reports[name] = acc.evaluate(articles, run)
        out["vs_gold"][name] = {g: _score_line(reports[name][g]) for g in GROUPS}
    as_gold = [
        acc.Article(a.id, a.lang, a.date, a.text, acc.unordered(second[a.id]), a.path)
        for a in articles
    ]
    for name in ("learned", "rules", "keyword baseline"):
        rep = acc.evaluate(as_gold, systems[name])
        out["vs_second"][name] = {g: _score_line(rep[g]) for g in GROUPS}
    humans = reports["second annotator"]["overall"]
    out["human_disagreements"] = dict(humans.errors)
    out["human_by_category"] = {
        c: {"f1": round(s.f1, 3), "gold": s.tp + s.fn, "second": s.tp + s.fp}
        for c, s in sorted(humans.by_category.items())
    }
    out["human_flags"] = humans.summary()["flags_on_matched"]
    return out


def render(table: dict[str, Any]) -> str:
    lines = [f"agreement on {table['articles']} dev articles (strict F1, P / R; date ignored)"]
    for ref in ("vs_gold", "vs_second"):
        header = f"{'':<18}" + "".join(f"{g:>24}" for g in GROUPS)
        lines += ["", f"== {ref.replace('_', ' ')}", header]
        for name, row in table[ref].items():
            cells = "".join(
                f"{r['f1']:>7.3f} ({r['p']:.2f}/{r['r']:.2f}) {r['f1_date_ignored']:.2f}"
                for r in (row[g] for g in GROUPS)
            )
            lines.append(f"{name:<18}{cells}")
    lines += ["", "== why the two annotations differ (gold events the second did not match)"]
    lines += [f"  {k:<34} {v:>4}" for k, v in Counter(table["human_disagreements"]).most_common()]
    lines += ["", "== human strict F1 by category (gold events / second's events)"]
    lines += [
        f"  {c:<10} {r['f1']:.3f} ({r['gold']} / {r['second']})"
        for c, r in table["human_by_category"].items()
    ]
    lines += ["", f"== flags on matched: {json.dumps(table['human_flags'])}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", nargs="?", default="score", choices=("score", "sample"))
    ap.add_argument("--second", type=Path, default=SECOND, help="the second annotation (JSONL)")
    ap.add_argument("--json", action="store_true", help="print the table as JSON")
    args = ap.parse_args(argv)
    if args.command == "sample":
        rc = acc._real_module()
        docs = [r for p in rc.jsonl_files(HERE, "docs.jsonl") for _, r in rc.read_jsonl(p)]
        print("\n".join(sample(docs)))
        return 0
    if not args.second.is_file():
        raise SystemExit(f"agreement: skipped: no second annotation at {args.second}")
    table = agreement_table(args.second)
    print(json.dumps(table, indent=2) if args.json else render(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
