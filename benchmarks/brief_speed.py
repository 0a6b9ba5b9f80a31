"""Speed of the situation picture, the brief and the whole demo.

1. build_picture on N synthetic events over a year, beside the straightforward baseline for the
   track indices (decay every event into every day: O(days x events)); both must agree.
2. build_brief + render_html on that picture.
3. `dualtrack demo` end to end in a fresh process and a fresh folder (wall clock, median of 3).

    .venv/bin/python benchmarks/brief_speed.py [--n 20000] [--seed 0] [--demo-runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from dualtrack.analyze import build_picture
from dualtrack.analyze.indices import contribution
from dualtrack.cases import load_case
from dualtrack.model import Event, Evidence
from dualtrack.ontology import Category, Track
from dualtrack.report import build_brief, render_html

PAIRS = [("USA", "IRN"), ("IRN", "USA"), ("ISR.netanyahu", "IRN"), ("OMN", "USA"), ("UN", None)]


def synthetic(n: int, seed: int, start: dt.date) -> list[Event]:
    rng = np.random.default_rng(seed)
    cats = list(Category)
    out = []
    for i in range(n):
        a, t = PAIRS[int(rng.integers(len(PAIRS)))]
        out.append(
            Event(
                date=start + dt.timedelta(days=int(rng.integers(365))),
                actor=a,
                target=t,
                category=cats[int(rng.integers(len(cats)))],
                summary=f"synthetic {i}",
                evidence=[Evidence(doc_id=f"d{int(rng.integers(500))}", start=0, end=10)],
            )
        )
    return out


def naive_indices(events: list[Event], days: list[dt.date], half_life: float) -> list[float]:
    out = []
    for d in days:
        total = 0.0
        for e in events:
            c = contribution(e)
            if c and c[0] is Track.CONFRONTATION and e.date <= d:
                total += c[1] * 0.5 ** ((d - e.date).days / half_life)
        out.append(total)
    return out


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--demo-runs", type=int, default=3)
    args = ap.parse_args()
    case = load_case("us-iran-2026")
    start = dt.date(2025, 2, 9)
    events = synthetic(args.n, args.seed, start)
    asof = start + dt.timedelta(days=364)
    t_pic, pic = timed(lambda: build_picture(case, events, asof=asof, start=start))
    days = [p.date for p in pic.tracks]
    used = list(pic.events.values())  # after merging reports of one event (same id)
    t_naive, naive = timed(lambda: naive_indices(used, days[-60:], 7.0), repeat=1)
    ours = [p.confrontation for p in pic.tracks[-60:]]
    assert np.allclose(ours, naive, rtol=1e-9, atol=1e-6), "indices differ from the baseline"
    naive_full = t_naive * len(days) / 60
    print(
        f"build_picture, {args.n:,} events ({len(used):,} after merging) over {len(days)} days: "
        f"{t_pic:.3f} s"
    )
    print(
        f"  baseline (decay every event into every day), confrontation index only: "
        f"{naive_full:.1f} s (extrapolated from 60 days: {t_naive:.2f} s)"
    )
    t_brief, brief = timed(lambda: build_brief(case, pic))
    t_html, page = timed(lambda: render_html(brief))
    print(f"build_brief: {t_brief:.3f} s; render_html: {t_html:.3f} s ({len(page) / 1e6:.1f} MB)")
    walls = []
    exe = Path(sys.executable).with_name("dualtrack")
    for _ in range(args.demo_runs):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            subprocess.run(
                [str(exe), "demo", "--out", str(Path(tmp) / "demo")],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            walls.append(time.perf_counter() - t)
    print(
        f"dualtrack demo (fresh process and folder), median of {len(walls)}: "
        f"{statistics.median(walls):.1f} s (min {min(walls):.1f}, max {max(walls):.1f})"
    )


if __name__ == "__main__":
    main()
