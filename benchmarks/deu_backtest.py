"""DEU III back-test of the bargaining models, with the baselines, and the eu model's variants.

    .venv/bin/python benchmarks/deu_backtest.py [PATH]   (default: ../shared/data/deu3/deu3.csv)

Prints the same table as `dualtrack backtest deu PATH`, then the challenge model under each
documented interpretive choice (all issues; these are descriptive, nothing is fitted to them:
the default stays the replication's), and the wall time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from dualtrack.bargain import ChallengeSettings, backtest_deu, load_deu
from dualtrack.bargain.deu import model_forecasts

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "deu3" / "deu3.csv"

VARIANTS = {
    "replication (default)": ChallengeSettings(),
    "paper denominator (pairwise)": ChallengeSettings(denominator="pairwise"),
    "Q = T = 0.5": ChallengeSettings(q=0.5, t=0.5),
    "risk-neutral votes": ChallengeSettings(vote_risk="neutral"),
    "least-move offer choice": ChallengeSettings(offer_choice="least_move"),
    "security with target's last r": ChallengeSettings(security_risk="target"),
}


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    t0 = time.perf_counter()
    report = backtest_deu(path)
    wall = time.perf_counter() - t0
    sp = report["split"]
    print(
        f"DEU III: {report['n_issues']} issues ({report['skipped_no_outcome']} rows without an "
        f"outcome skipped, {report['imputed_saliences']} missing saliences imputed); test split: "
        f"{sp['n_test']} issues from {sp['test_fraction']:.0%} of proposals, seed {sp['seed']}"
    )
    print(
        f"{'model':18} {'MAE all':>8} {'95% CI':>15} {'MAE test':>9} {'95% CI test':>15} {'n':>4}"
    )
    for name, m in report["models"].items():
        print(
            f"{name:18} {m['mae']:8.2f} {m['ci95'][0]:7.2f}-{m['ci95'][1]:<7.2f} "
            f"{m['mae_test']:9.2f} {m['ci95_test'][0]:7.2f}-{m['ci95_test'][1]:<7.2f} {m['n']:4d}"
        )
    print(f"sq_pull lambda (train) = {report['models']['sq_pull']['lambda']:.2f}")
    weights = {k: round(v, 3) for k, v in report["models"]["blend"]["weights"].items() if v > 0}
    print(f"blend weights (train) = {weights}")
    print(f"wall time {wall:.1f} s\n")

    issues, _ = load_deu(path)
    y = np.array([i.outcome for i in issues])
    print("challenge model variants, MAE on all issues (median / mean forecast after 10 rounds):")
    for label, cfg in VARIANTS.items():
        preds = model_forecasts(issues, settings=cfg)
        print(
            f"  {label:32} {np.abs(preds['eu'] - y).mean():6.2f} / "
            f"{np.abs(preds['eu_mean'] - y).mean():6.2f}"
        )


if __name__ == "__main__":
    main()
