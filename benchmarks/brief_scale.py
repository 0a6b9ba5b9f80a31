"""A brief over a large workspace: time, peak memory and file size stay bounded.

Writes a workspace of N events (default 50,000) reported by D synthetic documents (each event
cited by 1-8 of them, one in 500 by 300) under the built-in case, then runs
`dualtrack brief` on it in a fresh process (HTML and Markdown) and prints wall time, peak
resident memory and the size of the file written. `--src DIR` runs the brief from another
checkout's `src` (e.g. the code before the brief summarised) against the same workspace.

    .venv/bin/python benchmarks/brief_scale.py [--events 50000] [--docs 100000] [--src DIR]
        [--workspace DIR]

Issue 15 measured the old brief on a 58,000-event workspace: 182 s, 1.47 GB, a 128 MB HTML file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from dualtrack.cases import load_case
from dualtrack.model import Document, Event, Evidence
from dualtrack.ontology import Category
from dualtrack.store import Workspace

WORDS = [
    "officials", "said", "talks", "continued", "while", "forces", "stayed", "on", "alert",
    "envoys", "met", "again", "after", "a", "week", "of", "warnings", "and", "visits",
]  # fmt: skip


def documents(n: int, rng: np.random.Generator, end: dt.date) -> list[Document]:
    out = []
    for i in range(n):
        words = rng.choice(WORDS, size=220)
        text = f"Report {i}. " + " ".join(words) + "."
        day = end - dt.timedelta(days=int(rng.integers(365)))
        out.append(Document(text=text, title=f"Report {i}", source="bench", date=day))
    return out


def events(
    n: int, docs: list[Document], rng: np.random.Generator, actors: list[str]
) -> list[Event]:
    cats = list(Category)
    out = []
    for i in range(n):
        cited = rng.choice(len(docs), size=int(rng.integers(1, 9)), replace=False)
        if i % 500 == 0:  # a few events reported by hundreds of documents
            cited = rng.choice(len(docs), size=300, replace=False)
        ev = [Evidence(doc_id=docs[j].id, start=10, end=60) for j in cited]
        a, t = rng.choice(len(actors), size=2, replace=False)
        out.append(
            Event(
                date=min(docs[j].date for j in cited),  # type: ignore[type-var]
                actor=actors[a],
                target=actors[t],
                category=cats[int(rng.integers(len(cats)))],
                summary=f"bench event {i}",
                evidence=ev,
                extractor="bench",
                id=f"ev_bench{i:07d}",
            )
        )
    return out


def build(home: Path, n_events: int, n_docs: int, seed: int) -> None:
    case = load_case("us-iran-2026")
    rng = np.random.default_rng(seed)
    end = case.asof or dt.date(2026, 2, 8)
    docs = documents(n_docs, rng, end)
    evs = events(n_events, docs, rng, [a.id for a in case.actors])
    with Workspace.open(home) as ws:
        ws.add_documents(docs)
        for k in range(0, len(evs), 5000):
            ws.add_events(evs[k : k + 5000], case.id)


def run_brief(home: Path, out: Path, src: str | None) -> tuple[float, float]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    code = "from dualtrack.cli import app; app(prog_name='dualtrack')"
    argv = [sys.executable, "-c", code, "brief", "--case", "us-iran-2026", "--data-dir",
            str(home), "--out", str(out), "--runs", "1000"]  # fmt: skip
    t = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the largest so far
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"the brief failed (exit {proc.returncode})")
    return wall, usage.ru_maxrss / 1024  # kB -> MB (Linux)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=50_000)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--src", help="run the brief from this src folder (PYTHONPATH)")
    ap.add_argument("--workspace", help="build it here once and reuse it (default: a temp dir)")
    ap.add_argument("--build", help=argparse.SUPPRESS)  # internal: build the workspace here
    args = ap.parse_args()
    if args.build:
        build(Path(args.build), args.events, args.docs, args.seed)
        return
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(args.workspace or Path(tmp) / "ws")
        t = time.perf_counter()
        if not (home / "dualtrack.duckdb").is_file():
            # Built in a child, so the brief's process is not forked from a large parent.
            argv = [sys.executable, __file__, "--build", str(home), "--events", str(args.events),
                    "--docs", str(args.docs), "--seed", str(args.seed)]  # fmt: skip
            subprocess.run(argv, check=True)
        size = (home / "dualtrack.duckdb").stat().st_size / 1e6
        print(
            f"workspace {home}: {args.events:,} events, {args.docs:,} documents, {size:.0f} MB "
            f"(ready in {time.perf_counter() - t:.0f} s)"
        )
        for suffix in ("html", "md"):
            out = Path(tmp) / f"brief.{suffix}"
            wall, peak = run_brief(home, out, args.src)
            print(
                f"brief.{suffix}: {wall:.1f} s, peak memory {peak:.0f} MB, "
                f"file {out.stat().st_size / 1e6:.2f} MB"
            )


if __name__ == "__main__":
    main()
