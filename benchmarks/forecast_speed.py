"""Forecast speed: 100,000 runs x 90 days on the built-in case, local and Ray (2 workers).

Run: .venv/bin/python benchmarks/forecast_speed.py [--runs 100000] [--workers 2] [--repeat 3]

Reports wall time and runs/s for the simulation alone (drivers off) and for the full forecast
(with the one-at-a-time tornado, and with Sobol drivers at their defaults: N=64 base samples, 200
runs per design point), and checks that Ray gives the same JSON as local. Ray's start-up is timed
separately (it happens once per process).
"""

from __future__ import annotations

import argparse
import statistics
import time

from dualtrack.simulate import forecast
from dualtrack.simulate.forecast import _ray
from dualtrack.simulate.sobol import RUNS_PER_POINT, SAMPLES, model_runs


def _timed(repeat: int, **kwargs: object) -> tuple[float, str]:
    """Median wall time over `repeat` runs (the machine is shared) and the JSON of the last."""
    times, text = [], ""
    for _ in range(repeat):
        t = time.perf_counter()
        result = forecast("us-iran-2026", horizon=90, seed=0, **kwargs)  # type: ignore[arg-type]
        times.append(time.perf_counter() - t)
        text = result.to_json()
    return statistics.median(times), text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3, help="report the median of this many")
    args = ap.parse_args()
    n = args.runs

    forecast("us-iran-2026", runs=1000, drivers=False)  # imports, YAML, ICB models
    local_sim, local_json = _timed(args.repeat, runs=n, drivers=False)
    local_full, _ = _timed(args.repeat, runs=n)
    local_sobol, _ = _timed(args.repeat, runs=n, drivers="sobol")
    sobol_alone, _ = _timed(args.repeat, runs=1, drivers="sobol")
    varied = sum(p.high > p.low for p in forecast("us-iran-2026", runs=1).parameters.values())
    sobol_runs = model_runs(varied, SAMPLES, RUNS_PER_POINT)

    t = time.perf_counter()
    _ray(args.workers)
    ray_start = time.perf_counter() - t
    # warm every worker (imports, first numpy calls): one chunk per worker
    forecast("us-iran-2026", runs=20_000 * args.workers, drivers=False, engine="ray")
    ray_sim, ray_json = _timed(
        args.repeat, runs=n, drivers=False, engine="ray", workers=args.workers
    )

    print(f"{n:,} runs x 90 days, built-in case us-iran-2026, seed 0, median of {args.repeat}")
    print(f"{'engine':<28}{'seconds':>9}{'runs/s':>12}")
    for name, secs in (
        ("local, simulation", local_sim),
        ("local, with drivers", local_full),
        ("local, with sobol drivers", local_sobol),
        (f"ray {args.workers} workers, simulation", ray_sim),
    ):
        print(f"{name:<28}{secs:>9.2f}{n / secs:>12,.0f}")
    print(
        f"sobol drivers alone: {sobol_alone:.2f} s for {varied} parameters, N={SAMPLES}, "
        f"{RUNS_PER_POINT} runs per point = {sobol_runs:,} runs x 90 days "
        f"({sobol_runs / sobol_alone:,.0f} runs/s)"
    )
    print(f"ray start-up (once per process): {ray_start:.1f} s")
    print(f"ray JSON identical to local: {ray_json == local_json}")


if __name__ == "__main__":
    main()
