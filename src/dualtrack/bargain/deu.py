"""Back-test of the bargaining models on DEU III (EU legislative decisions, Arregui & Perarnaud).

The file (tab-separated) has one row per contested issue: each actor's position `p<actor>` and
salience `s<actor>` on 0-100, the reference point `rp` and the outcome `out`; its second line
holds each actor's GDP, used as capability. An empty position cell means the actor took no
position: it is absent from that issue, not at zero.

The train/test split is by legislative proposal (issues of one proposal are not independent), drawn
from a fixed seed before anything is fitted. Only the two blends (status-quo pull, and a convex
least-absolute-error blend of the models) are fitted, on train only.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from dualtrack.bargain.challenge import ChallengeSettings, challenge_rounds
from dualtrack.bargain.spatial import (
    BargainInputError,
    nash_solution,
    weighted_mean,
    weighted_median,
)
from dualtrack.textfiles import read_utf8

F = NDArray[np.float64]

SPLIT_SEED = 20110401
TEST_FRACTION = 0.3
BOOTSTRAP = 2000


@dataclass
class DeuIssue:
    issue: str
    proposal: str
    actors: list[str]
    position: F
    salience: F  # 0-1
    capability: F
    reference: float | None
    outcome: float
    commission: float | None
    imputed_salience: int = 0


def _cell(path: Path, line: int, col: str, text: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise BargainInputError(
            f"{path}: line {line}, column {col!r}: {text!r} is not a number"
        ) from None


def load_deu(path: str | Path) -> tuple[list[DeuIssue], int]:
    """Issues with an outcome, and how many rows were skipped for lacking one.

    A position without a salience gets the mean salience of the issue's other actors (counted in
    `imputed_salience`): dropping the actor would misstate who took part.
    """
    path = Path(path)
    text = read_utf8(path, error=BargainInputError, what="DEU III file (tab-separated)")
    rows = list(csv.reader(text.splitlines(), delimiter="\t"))
    if len(rows) < 3:
        raise BargainInputError(f"{path}: expected a header, a GDP line and issue rows")
    header = [h.strip() for h in rows[0]]
    for col in ("prnr", "isnr", "pcom", "rp", "out"):
        if col not in header:
            raise BargainInputError(f"{path}: missing column {col!r}")
    actors = [h[1:] for h in header if h.startswith("p") and "s" + h[1:] in header and h != "prnr"]
    actors = [a for a in actors if a not in ("rname",)]
    idx = {h: k for k, h in enumerate(header)}
    gdp_row = rows[1]
    capability = {}
    for a in actors:
        v = _cell(path, 2, "p" + a, gdp_row[idx["p" + a]] if idx["p" + a] < len(gdp_row) else "")
        if v is None or v < 0:
            raise BargainInputError(f"{path}: line 2 (GDP) has no valid capability for {a!r}")
        capability[a] = v
    issues: list[DeuIssue] = []
    skipped = 0
    for line, row in enumerate(rows[2:], start=3):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise BargainInputError(
                f"{path}: line {line} has {len(row)} cells, header {len(header)}"
            )
        out = _cell(path, line, "out", row[idx["out"]])
        if out is None:
            skipped += 1
            continue
        names, pos, sal = [], [], []
        for a in actors:
            p = _cell(path, line, "p" + a, row[idx["p" + a]])
            if p is None:
                continue
            s = _cell(path, line, "s" + a, row[idx["s" + a]])
            if s is not None and not 0 <= s <= 100:
                raise BargainInputError(f"{path}: line {line}, column 's{a}': {s:g} not in 0-100")
            names.append(a)
            pos.append(p)
            sal.append(np.nan if s is None else s / 100.0)
        if not names:
            skipped += 1
            continue
        sal_arr = np.array(sal)
        missing = np.isnan(sal_arr)
        if missing.any():
            fill = float(np.nanmean(sal_arr)) if (~missing).any() else 0.5
            sal_arr[missing] = fill
        issues.append(
            DeuIssue(
                issue=row[idx["isnr"]].strip(),
                proposal=row[idx["prnr"]].strip(),
                actors=names,
                position=np.array(pos),
                salience=sal_arr,
                capability=np.array([capability[a] for a in names]),
                reference=_cell(path, line, "rp", row[idx["rp"]]),
                outcome=out,
                commission=_cell(path, line, "pcom", row[idx["pcom"]]),
                imputed_salience=int(missing.sum()),
            )
        )
    if not issues:
        raise BargainInputError(f"{path}: no issue row has an outcome")
    return issues, skipped


def split_by_proposal(issues: list[DeuIssue], seed: int = SPLIT_SEED) -> NDArray[np.bool_]:
    """True for test issues: a seeded 30% of proposals, fixed before any model sees the data."""
    proposals = sorted({i.proposal for i in issues})
    gen = np.random.default_rng(seed)
    shuffled = gen.permutation(len(proposals))
    n_test = round(TEST_FRACTION * len(proposals))
    test = {proposals[k] for k in shuffled[:n_test]}
    return np.array([i.proposal in test for i in issues])


def _weighted(i: DeuIssue, w: F, fn: Any) -> float:
    """A weighted statistic; an issue whose weights are all zero falls back to equal weights."""
    if w.sum() <= 0:
        w = np.ones_like(w)
    return float(fn(i.position, w))


def model_forecasts(
    issues: list[DeuIssue], rounds: int = 10, settings: ChallengeSettings | None = None
) -> dict[str, F]:
    """Every model's forecast per issue (NaN where a baseline has no value, e.g. no `rp`)."""
    settings = settings or ChallengeSettings()
    out: dict[str, list[float]] = {
        k: []
        for k in (
            "salience_mean",
            "compromise",
            "median",
            "nash",
            "eu",
            "eu_mean",
            "commission",
            "reference_point",
        )
    }
    for i in issues:
        ws = i.salience
        wcs = i.capability * i.salience
        out["salience_mean"].append(_weighted(i, ws, weighted_mean))
        out["compromise"].append(_weighted(i, wcs, weighted_mean))
        out["median"].append(_weighted(i, wcs, weighted_median))
        wn = wcs if wcs.sum() > 0 else np.ones_like(wcs)
        out["nash"].append(float(nash_solution(i.position, wn, 0.0, 100.0)))
        cap = i.capability if wcs.sum() > 0 else np.ones_like(wcs)
        traj = challenge_rounds(i.position[None], i.salience[None], cap[None], rounds, settings)
        out["eu"].append(float(traj.medians[-1, 0]))
        out["eu_mean"].append(float(traj.means[-1, 0]))
        out["commission"].append(np.nan if i.commission is None else i.commission)
        out["reference_point"].append(np.nan if i.reference is None else i.reference)
    return {k: np.array(v) for k, v in out.items()}


def _mae_ci(err: F, gen: np.random.Generator) -> tuple[float, list[float]]:
    err = err[np.isfinite(err)]
    boot = gen.integers(0, err.size, size=(BOOTSTRAP, err.size))
    means = err[boot].mean(axis=1)
    lo, hi = np.quantile(means, [0.025, 0.975])
    return float(err.mean()), [float(lo), float(hi)]


def fit_sq_pull(compromise: F, reference: F, outcome: F) -> float:
    """The weight on the reference point (status quo) that minimises train MAE, on a 0.01 grid.

    forecast = (1 - lam) * compromise + lam * reference; issues without `rp` keep the compromise.
    """
    grid = np.linspace(0.0, 1.0, 101)
    ref = np.where(np.isfinite(reference), reference, compromise)
    preds = (1 - grid[:, None]) * compromise[None] + grid[:, None] * ref[None]
    mae = np.abs(preds - outcome[None]).mean(axis=1)
    return float(grid[np.argmin(mae)])


BLEND_INPUTS = ("compromise", "median", "nash", "eu", "eu_mean", "commission", "reference_point")


def fit_blend(preds: dict[str, F], outcome: F) -> dict[str, float]:
    """Convex weights over the models' forecasts minimising absolute error (a linear programme).

    A missing baseline value (no `rp`, no Commission position) is replaced by the compromise.
    """
    from scipy.optimize import linprog  # imported here: `bargain` alone must not pay for scipy

    cols = _blend_matrix(preds)
    n, k = cols.shape
    # variables: k weights, n positive errors, n negative errors
    cost = np.concatenate([np.zeros(k), np.ones(2 * n)])
    a_eq = np.hstack([cols, np.eye(n), -np.eye(n)])
    a_eq = np.vstack([a_eq, np.concatenate([np.ones(k), np.zeros(2 * n)])])
    b_eq = np.concatenate([outcome, [1.0]])
    res = linprog(cost, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    if not res.success:
        raise BargainInputError(f"blend fit failed: {res.message}")
    return {name: float(w) for name, w in zip(BLEND_INPUTS, res.x[:k], strict=True)}


def _blend_matrix(preds: dict[str, F]) -> F:
    base = preds["compromise"]
    return np.column_stack([np.where(np.isfinite(preds[m]), preds[m], base) for m in BLEND_INPUTS])


def backtest_deu(
    path: str | Path,
    rounds: int = 10,
    seed: int = SPLIT_SEED,
    settings: ChallengeSettings | None = None,
) -> dict[str, Any]:
    """MAE (0-100 scale) of every model with a bootstrap 95% interval, on all issues and test."""
    issues, skipped = load_deu(path)
    test = split_by_proposal(issues, seed)
    y = np.array([i.outcome for i in issues])
    preds = model_forecasts(issues, rounds, settings)
    train = ~test
    lam = fit_sq_pull(preds["compromise"][train], preds["reference_point"][train], y[train])
    ref = np.where(
        np.isfinite(preds["reference_point"]), preds["reference_point"], preds["compromise"]
    )
    preds["sq_pull"] = (1 - lam) * preds["compromise"] + lam * ref
    blend = fit_blend({k: v[train] for k, v in preds.items()}, y[train])
    preds["blend"] = _blend_matrix(preds) @ np.array([blend[m] for m in BLEND_INPUTS])
    gen = np.random.default_rng(seed)
    models: dict[str, Any] = {}
    for name, p in preds.items():
        err = np.abs(p - y)
        mae, ci = _mae_ci(err, gen)
        err_test = err[test]
        models[name] = {
            "mae": mae,
            "ci95": ci,
            "mae_test": float(np.nanmean(err_test)),
            "ci95_test": _mae_ci(err_test, gen)[1],
            "n": int(np.isfinite(err).sum()),
            "n_test": int(np.isfinite(err_test).sum()),
        }
    models["sq_pull"]["fitted_on"] = "train"
    models["sq_pull"]["lambda"] = lam
    models["blend"]["fitted_on"] = "train"
    models["blend"]["weights"] = blend
    return {
        "n_issues": len(issues),
        "skipped_no_outcome": skipped,
        "imputed_saliences": int(sum(i.imputed_salience for i in issues)),
        "split": {
            "by": "proposal",
            "seed": seed,
            "test_fraction": TEST_FRACTION,
            "n_train": int(train.sum()),
            "n_test": int(test.sum()),
        },
        "rounds": rounds,
        "models": models,
    }
