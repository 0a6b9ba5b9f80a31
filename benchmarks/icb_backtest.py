"""ICB base-rate back-test table (models vs climatology, both splits) and the time it takes.

Usage: .venv/bin/python benchmarks/icb_backtest.py [ICB_FOLDER] (default ../shared/data/icb).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rich.console import Console

from dualtrack.calibrate import CrisisFeatures, load_icb, predict_base_rates, run_backtest
from dualtrack.calibrate.icb_fit import SPLITS
from dualtrack.calibrate.render import backtest_table

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "icb"
    console = Console()
    t0 = time.perf_counter()
    crises = load_icb(data)
    t_load = time.perf_counter() - t0
    for kind in SPLITS:
        t0 = time.perf_counter()
        report = run_backtest(crises, kind)
        elapsed = time.perf_counter() - t0
        console.print(backtest_table(report, f"{kind} split ({elapsed:.2f} s incl. CV)"))
        console.print(report.description, soft_wrap=True)
    features = CrisisFeatures(
        gravity=5,
        mediation=True,
        great_power_involvement="direct_military",
        us_involvement="direct_military",
        protracted=True,
        nuclear_actors=1,
        n_actors=4,
        violent_trigger=False,
    )
    n = 2000
    t0 = time.perf_counter()
    for _ in range(n):
        predict_base_rates(features)
    per_call = (time.perf_counter() - t0) / n
    console.print(
        f"load_icb: {t_load * 1000:.0f} ms for {len(crises)} crises; "
        f"predict_base_rates: {per_call * 1e6:.0f} µs per call"
    )


if __name__ == "__main__":
    main()
