"""Regenerate src/dualtrack/calibrate/data/icb_models.json from the ICB v14 CSVs.

Usage: .venv/bin/python scripts/fit_icb.py [ICB_FOLDER] (default ../shared/data/icb).
Deterministic: the split, the CV folds and the optimiser start are fixed, so re-running on the same
CSVs writes the same file (tests/calibrate checks this).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dualtrack.calibrate import fit_models, load_icb

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "icb"
OUT = ROOT / "src" / "dualtrack" / "calibrate" / "data" / "icb_models.json"


def render(data_dir: Path) -> str:
    return json.dumps(fit_models(load_icb(data_dir)), indent=1) + "\n"


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    OUT.write_text(render(data_dir), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
