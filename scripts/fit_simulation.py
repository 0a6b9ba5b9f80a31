"""Regenerate src/dualtrack/simulate/data/estimated.json: the simulation's parameters that ICB
v14 can decide, estimated on the training part of the logits' seeded split only.

Usage: .venv/bin/python scripts/fit_simulation.py [ICB_FOLDER] (default ../shared/data/icb).
Deterministic: the split, the logits' CV folds, the grid and the simulation seed are fixed, so
re-running on the same CSVs writes the same file (tests/simulate/test_backtest.py checks this,
marked slow). The held-out crises are never read here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dualtrack.calibrate import load_icb
from dualtrack.simulate.backtest import estimate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "icb"
OUT = ROOT / "src" / "dualtrack" / "simulate" / "data" / "estimated.json"


def render(data_dir: Path, progress: bool = False) -> str:
    report = (lambda m: print(m, file=sys.stderr)) if progress else None
    return json.dumps(estimate(load_icb(data_dir), progress=report), indent=1) + "\n"


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    OUT.write_text(render(data_dir, progress=True), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
