"""Bulk ingest and extraction at scale: time per article and peak memory as the corpus grows.

Why: an archive of 100,000 articles must cost 100 times what 1,000 do, not more, and fit in the
same memory. The corpus is written by this script (seeded): short news-style articles in
Traditional Chinese, Simplified Chinese and English (`extract_speed.corpus`), ten states and
27 days, so the same events are reported again and again across articles. Each size runs in a
fresh process (its peak RSS is its own; pool workers are counted separately).

    .venv/bin/python benchmarks/ingest_scale.py [--sizes 1000 10000 100000] [--mode ingest]
        [--workers 1] [--chars 200] [--src /path/to/other/checkout/src]

`--mode store` times the store alone (synthetic extracted events, 5 per article out of 500
that recur, so each event is reported again every 100 articles). `--mode extract` runs
`dualtrack extract`'s bulk path and prints a digest of its output, so
runs with different `--workers` can be checked for identical output. `--src` runs the same
corpus through another checkout (e.g. the code before append-only evidence) for the baseline.
Figures before this work (issue 15, same machine, 1 core): 1,000 / 3,000 / 10,000 articles
ingested in 10 / 24 / 96 s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_corpus(path: Path, n: int, chars: int, seed: int = 11) -> int:
    """`n` articles as JSONL, generated a thousand at a time; returns the bytes written."""
    sys.path.insert(0, str(HERE))
    from extract_speed import corpus

    with path.open("w", encoding="utf-8") as fh:
        for k in range(0, n, 1000):
            for doc in corpus(min(1000, n - k), seed + k, target_chars=chars):
                fh.write(json.dumps({"text": doc.text, "date": "2026-02-28"}, ensure_ascii=False))
                fh.write("\n")
    return path.stat().st_size


def _cpu() -> float:
    """CPU seconds of this process and its finished workers: less sensitive than wall time to
    other work on a shared machine."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_one(path: Path, mode: str, workers: int) -> dict[str, object]:
    """In the child: ingest or extract `path`, timing only the bulk work (not start-up)."""
    import inspect

    if mode == "store":
        return run_store(int(path.name.split(".")[0]))
    from dualtrack.extract import Extractor, event_record

    ex = Extractor(None)
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        start, cpu = time.perf_counter(), _cpu()
        if mode == "ingest":
            from dualtrack.extract.ingest import ingest
            from dualtrack.store import Workspace

            kw = {"workers": workers} if "workers" in inspect.signature(ingest).parameters else {}
            with Workspace.open(Path(tmp) / "ws") as ws:
                summary = ingest([path], ws, "bench", ex, **kw)  # type: ignore[arg-type]
                out["events"] = ws.count_events("bench")
                out["documents"] = summary.documents_new
        else:
            digest = hashlib.sha256()
            count = 0
            try:
                from dualtrack.extract.bulk import spilled_extraction
            except ImportError:  # the code before bulk extraction: everything in memory
                from dualtrack.extract import read_paths

                events = ex.extract_many(read_paths([path])).events  # type: ignore[arg-type]
            else:
                ctx = spilled_extraction([path], ex, workers=workers)
                events = ctx.__enter__().events()
            for e in events:
                digest.update(json.dumps(event_record(e, ex), ensure_ascii=False).encode())
                count += 1
            out["events"] = count
            out["digest"] = digest.hexdigest()[:16]
        out["seconds"] = time.perf_counter() - start
        out["cpu_seconds"] = _cpu() - cpu
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def run_store(n: int, per_article: int = 5, pool: int = 500) -> dict[str, object]:
    """The store alone: `n` articles' worth of extracted events written batch by batch, each
    article reporting `per_article` of `pool` recurring events (so every event gets a new
    evidence span about every `pool / per_article` articles)."""
    import datetime as dt
    import random

    from dualtrack.model import Event, Evidence
    from dualtrack.store import Workspace

    rng = random.Random(7)
    cats = ["CONSULT", "THREATEN", "SANCTION", "ACCUSE", "MOBILIZE"]
    events = [
        Event(
            date=dt.date(2026, 1, 1) + dt.timedelta(days=k % 60),
            actor="USA",
            target="IRN",
            category=cats[k % 5],
            mode=f"m{k}",  # one id per recurring event
            summary=f"recurring event {k}",
            confidence=0.6,
        )
        for k in range(pool)
    ]
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp) / "ws") as ws:
        start, cpu = time.perf_counter(), _cpu()
        for group in range(0, n, 500):  # one transaction per 500 articles, as `ingest` does
            with ws.transaction():
                for first in range(group, min(group + 500, n), 50):
                    batch = []
                    for i in range(first, min(first + 50, n)):
                        doc = hashlib.sha256(str(i).encode()).hexdigest()
                        for k in rng.sample(range(pool), per_article):
                            span = Evidence(doc_id=doc, start=k, end=k + 60, text="x" * 60)
                            batch.append(events[k].model_copy(update={"evidence": [span]}))
                    ws.add_events(batch, "bench")
        out["seconds"] = time.perf_counter() - start
        out["cpu_seconds"] = _cpu() - cpu
        out["events"] = ws.count_events("bench")
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["worker_peak_mb"] = 0.0
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--mode", choices=("ingest", "extract", "store"), default="ingest")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--chars", type=int, default=200, help="characters per article")
    parser.add_argument("--src", type=Path, help="run another checkout's src/ instead")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.mode, args.workers)))
        return
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    print(f"{args.mode}, {args.workers} worker(s), ~{args.chars}-character articles")
    print(f"{'articles':>9} {'MB':>6} {'seconds':>8} {'ms/article':>10} {'CPU ms/art':>10} "
          f"{'peak MB':>8} {'worker MB':>9} {'events':>7} digest")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"{n}.jsonl"
            size = write_corpus(path, n, args.chars) if args.mode != "store" else 0
            cmd = [sys.executable, __file__, "--one", str(path), "--mode", args.mode,
                   "--workers", str(args.workers)]  # fmt: skip
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                sys.exit(f"{n:,} articles: exit {done.returncode}\n{done.stderr[-3000:]}")
            res = json.loads(done.stdout.splitlines()[-1])
            print(
                f"{n:>9,} {size / 1e6:>6.1f} {res['seconds']:>8.1f} "
                f"{1000 * res['seconds'] / n:>10.2f} {1000 * res['cpu_seconds'] / n:>10.2f} "
                f"{res['peak_mb']:>8.0f} "
                f"{res['worker_peak_mb']:>9.0f} {res['events']:>7,} {res.get('digest', '')}",
                flush=True,
            )
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
