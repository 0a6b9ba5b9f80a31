"""Regenerate src/dualtrack/simulate/data/estimated.json: the simulation's parameters that ICB
v14 can decide, its observation model and calibration, estimated on the training part of the
logits' seeded split only.

Usage: .venv/bin/python scripts/fit_simulation.py [ICB_FOLDER] (default ../shared/data/icb).
Deterministic: the split, the logits' CV folds, the grid and the simulation seed are fixed, so
re-running on the same CSVs writes the same file (tests/simulate/test_backtest.py checks this,
marked slow). The held-out crises are never read here.

`--cv K` writes nothing: it is the development loop, K-fold cross-validation within the training
part (every fold refits the whole procedure on the others), printed as the back-test's table
(`--format json` for its JSON). Use it, not the held-out crises, to judge a change.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dualtrack.calibrate import load_icb
from dualtrack.simulate.backtest import CALIBRATION_FORMS, RUNS, cross_validate, estimate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "icb"
OUT = ROOT / "src" / "dualtrack" / "simulate" / "data" / "estimated.json"


def render(data_dir: Path, progress: bool = False) -> str:
    report = (lambda m: print(m, file=sys.stderr)) if progress else None
    return json.dumps(estimate(load_icb(data_dir), progress=report), indent=1) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cv", type=int, default=0, help="K-fold CV within the training part")
    ap.add_argument("--format", choices=("table", "json"), default="table")
    ap.add_argument("--runs", type=int, default=RUNS, help="with --cv: runs per crisis")
    ap.add_argument(
        "--calibration",
        choices=CALIBRATION_FORMS,
        default="shrink",
        help="observation calibration form (with --cv; the shipped estimates use shrink)",
    )
    ap.add_argument(
        "--calibration-in-sample",
        dest="calibration_oof",
        action="store_false",
        help="with --cv: fit the calibration on the training folds' in-sample simulation "
        "(the earlier procedure) instead of their out-of-fold simulation",
    )
    args = ap.parse_args()
    if not args.cv:
        OUT.write_text(render(args.data_dir, progress=True), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
        return
    from rich.console import Console

    from dualtrack.simulate.render import simulation_backtest_view

    report = cross_validate(
        load_icb(args.data_dir),
        args.cv,
        runs=args.runs,
        progress=lambda m: print(m, file=sys.stderr),
        calibration_form=args.calibration,
        calibration_oof=args.calibration_oof,
    )
    if args.format == "json":
        print(json.dumps(report.model_dump(), indent=1))
    else:
        Console(width=120).print(simulation_backtest_view(report))


if __name__ == "__main__":
    main()
