"""The simulation judged on history: a forecast for every ICB v14 crisis from its trigger date.

Protocol, fixed before any number was seen. The crises with complete early features are split
as the ICB logits' back-test splits them (`calibrate.icb_fit.split`, seeded random hold-out).
The logits are refitted on the training part alone; for each crisis they give the base rates
its `derive: icb` parameters are solved from, exactly as a live forecast's are. The start state
is what the features say on the trigger date: the incident rung after a violent trigger,
military signalling otherwise, indirect talks open, a mediator when ICB codes one, forces and
agenda gap at their references, no spoiler. Every other parameter is drawn over its range, as
in a forecast; the `derive: estimated` ones are the committed estimates (or, while estimating,
the candidate values).

ICB records crises, not days: whether and when a crisis ended (BREXIT), whether by agreement
(formal or semi-formal) and the highest violence reached. So a simulated run is read as a crisis
(`engine.run_paths(settle=...)`): it ends when an agreement is signed, or at the settle hazard
on a day without fighting (by agreement if a ceasefire is then in force), and its violence is
the highest before it ended. The settle hazard scales with the crisis's ICB median duration and
varies between runs (`OBSERVATION`); a per-outcome logistic calibration (`fit_calibration`)
then maps the simulated frequency onto ICB's codes, shrunk toward climatology where the training
crises cannot tell the simulation's information from noise. Both are fitted on training crises
only.
Scored at 30, 90 and 365 days: `ended`, `ended_agreement`, `ended_violent` (serious clashes or
war) and `ended_war` (full-scale war), each beside climatology (the training part's frequency)
and the ICB logit (log-normal duration x outcome or violence class, assumed independent).
This checks crisis-level outcomes only, never the day-level paths in between. The development
loop is `cross_validate` (k folds within the training part); the held-out part is for one
final reading.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np
from pydantic import BaseModel

from dualtrack.calibrate import BaseRates, CrisisFeatures, IcbCrisis
from dualtrack.calibrate.icb_fit import (
    CV_FOLDS,
    CV_SEED,
    complete,
    fitted_base_rates,
    split,
    split_description,
)
from dualtrack.calibrate.regression import (
    cv_binary_logit,
    fit_binary_logit,
    fit_offset_intercept,
    kfold_indices,
)
from dualtrack.simulate import params as P
from dualtrack.simulate.baserate import derived_values
from dualtrack.simulate.engine import INCIDENT_RUNG, Start, run_paths
from dualtrack.simulate.state import Stage

HORIZONS = (30, 90, 365)
TARGETS = ("ended", "ended_agreement", "ended_violent", "ended_war")
RUNS = 1000
"""Runs per crisis behind the calibration and the back-test: at 200, a 2% outcome's simulated
frequency rests on a handful of runs, and that noise is what the calibration's slope then fits."""
SEED = 11
SETTLE_SCALE, SETTLE_SPREAD = "crisis.settle_scale", "crisis.settle_spread"
OBSERVATION = (SETTLE_SCALE, SETTLE_SPREAD)
"""The observation model's parameters. A run's daily hazard that its crisis ends without an
agreement is scale x ln2 / T x exp(spread x z): T the ICB logit's median duration for the
crisis's features (the same T its talks rates are derived from), z a standard normal per run. The
spread makes the crises' durations a mixture, as ICB's are (long-tailed), not one exponential."""
Calibration = dict[str, dict[str, dict[str, float]]]
"""horizon -> target -> intercept, slope (on the logit of the simulated probability), l2; the
shipped `shrink` form adds weight and climatology (`calibrate`)."""
BINS = (0.0, 0.1, 0.2, 0.4, 0.6, 1.0)
LN2 = float(np.log(2))
AGREEMENTS = ("formal_agreement", "semi_formal")
VIOLENT = ("serious_clashes", "full_scale_war")


class Prepared(BaseModel):
    """One ICB crisis as the back-test forecasts it."""

    crisno: int
    rates: BaseRates
    derived: dict[str, float]
    features: CrisisFeatures
    labels: dict[str, dict[str, float | None]]  # horizon -> target -> 0/1 (None: not coded)


def labels(c: IcbCrisis) -> dict[str, dict[str, float | None]]:
    """What ICB records of the crisis, as each target at each horizon (None: not coded)."""
    out: dict[str, dict[str, float | None]] = {}
    for h in HORIZONS:
        ended = None if c.duration_days is None else float(c.duration_days <= h)
        row: dict[str, float | None] = {"ended": ended}
        for target, attr, classes in (
            ("ended_agreement", c.outcome, AGREEMENTS),
            ("ended_violent", c.violence, VIOLENT),
            ("ended_war", c.violence, VIOLENT[1:]),
        ):
            row[target] = None if ended is None or attr is None else ended * (attr in classes)
        out[str(h)] = row
    return out


def logit_probs(br: BaseRates) -> np.ndarray:
    """The ICB logits' probability of each target [horizons, targets]."""
    agree = sum(br.outcome[k] for k in AGREEMENTS)
    violent = sum(br.violence[k] for k in VIOLENT)
    out = []
    for h in HORIZONS:
        ended = 1.0 - float(br.duration.survival(h))
        out.append([ended, ended * agree, ended * violent, ended * br.violence[VIOLENT[1]]])
    return np.array(out)


def prepare(
    crises: list[IcbCrisis], predict: Callable[[CrisisFeatures], BaseRates]
) -> list[Prepared]:
    """Base rates and ICB-derived parameter values per crisis (the slow, once-only part)."""
    judgement = {n: s.value for n, s in P.specs().items() if s.derive == "judgement"}
    out = []
    for c in crises:
        assert c.features is not None
        rates = predict(c.features)
        out.append(
            Prepared(
                crisno=c.crisno,
                rates=rates,
                derived=derived_values(rates, judgement),  # type: ignore[arg-type]
                features=c.features,
                labels=labels(c),
            )
        )
    return out


def _draws(c: Prepared, estimates: dict[str, float], runs: int, seed: int) -> dict[str, np.ndarray]:
    """`runs` parameter draws for one crisis, its own seeded stream."""
    params = P.resolve(c.derived)
    for name, value in estimates.items():
        if name in params:
            params[name] = params[name].fixed(value, "back-test estimate")
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(c.crisno,)))
    d = P.sample(params, rng, runs)
    d["case.forces"] = d["conflict.forces_reference"]
    d["spoiler.hazard"] = np.zeros(runs)
    d["case.mediated"] = np.full(runs, float(c.features.mediation))
    spread = estimates[SETTLE_SPREAD] * rng.standard_normal(runs)
    d["crisis.settle"] = (
        estimates[SETTLE_SCALE] * LN2 / c.rates.duration.median_days * np.exp(spread)
    )
    return d


def simulate(
    prepared: list[Prepared], estimates: dict[str, float], runs: int = RUNS, seed: int = SEED
) -> np.ndarray:
    """The simulation's probability of each target, [crises, horizons, targets]: `runs` runs per
    crisis, crises with the same start state in one kernel call on their own seeded stream."""
    out = np.empty((len(prepared), len(HORIZONS), len(TARGETS)))
    for violent in (False, True):
        group = [i for i, c in enumerate(prepared) if c.features.violent_trigger is violent]
        if not group:
            continue
        parts = [_draws(prepared[i], estimates, runs, seed) for i in group]
        d = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
        start = Start(
            rung=INCIDENT_RUNG if violent else INCIDENT_RUNG - 1,
            floor=0,
            stage=int(Stage.INDIRECT_TALKS),
            gap=P.specs()["talks.gap_reference"].value or 0.5,
        )
        rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(0, int(violent))))
        crisis = run_paths(d, start, HORIZONS, rng, settle=d["crisis.settle"]).crisis
        assert crisis is not None
        kind, level = crisis // 3, crisis % 3
        hits = np.stack(
            [kind > 0, kind == 1, (kind > 0) & (level >= 1), (kind > 0) & (level == 2)], axis=-1
        )  # [horizons, runs, targets]
        counts = hits.reshape(len(HORIZONS), len(group), runs, len(TARGETS)).sum(axis=2)
        # (k + 1/2) / (n + 1): no run-count artefact of 0 or 1 in a log-loss
        out[group] = np.moveaxis((counts + 0.5) / (runs + 1), 0, 1)
    return out


class _Labels(BaseModel):
    labels: dict[str, dict[str, float | None]]


def _observed(prepared: Sequence[Prepared | _Labels]) -> np.ndarray:
    """ICB's record [crises, horizons, targets], NaN where not coded."""
    return np.array(
        [
            [[np.nan if c.labels[str(h)][t] is None else c.labels[str(h)][t] for t in TARGETS]
             for h in HORIZONS]
            for c in prepared
        ]
    )  # fmt: skip


def log_losses(prob: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per crisis, horizon and target (NaN where not coded)."""
    p = np.clip(prob, 1e-6, 1 - 1e-6)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


class Score(BaseModel):
    """One target at one horizon on the held-out crises (lower is better)."""

    target: str
    horizon: int
    n: int
    base_rate: float  # observed frequency on the held-out crises
    brier: float
    brier_climatology: float
    brier_logit: float
    log_loss: float
    log_loss_climatology: float
    log_loss_logit: float
    brier_uncalibrated: float  # the simulation before the observation calibration
    log_loss_uncalibrated: float
    reliability: list[dict[str, float]]  # per bin of the forecast: range, n, mean p, observed


def _reliability(p: np.ndarray, y: np.ndarray) -> list[dict[str, float]]:
    rows = []
    for lo, hi in itertools.pairwise(BINS):
        m = (p >= lo) & ((p < hi) | (hi == 1.0))
        if m.any():
            rows.append(
                {
                    "low": lo,
                    "high": hi,
                    "n": int(m.sum()),
                    "mean_forecast": round(float(p[m].mean()), 4),
                    "observed": round(float(y[m].mean()), 4),
                }
            )
    return rows


class SimulationBacktest(BaseModel):
    split: str
    description: str
    n_train: int
    n_test: int
    runs: int
    seed: int
    estimates: dict[str, float]
    scores: list[Score]
    fold_estimates: list[dict[str, float]] = []  # cross-validation: each fold's own estimates


def score(
    sim: np.ndarray, logit: np.ndarray, y: np.ndarray, clim: np.ndarray, raw: np.ndarray
) -> list[Score]:
    """Brier and log-loss of the simulation (calibrated and `raw`), climatology and the logit per
    horizon and target; `clim` is [horizons, targets] or, per crisis, [crises, horizons, targets]
    (cross-validation: each fold's own training frequencies)."""
    clim = np.broadcast_to(clim, y.shape)
    out = []
    for j, h in enumerate(HORIZONS):
        for k, t in enumerate(TARGETS):
            ok = ~np.isnan(y[:, j, k])
            yy = y[ok, j, k]
            s, lg, r = sim[ok, j, k], logit[ok, j, k], raw[ok, j, k]
            c = clim[ok, j, k]
            out.append(
                Score(
                    target=t,
                    horizon=h,
                    n=int(ok.sum()),
                    base_rate=round(float(yy.mean()), 4),
                    brier=round(float(((s - yy) ** 2).mean()), 4),
                    brier_climatology=round(float(((c - yy) ** 2).mean()), 4),
                    brier_logit=round(float(((lg - yy) ** 2).mean()), 4),
                    log_loss=round(float(log_losses(s, yy).mean()), 4),
                    log_loss_climatology=round(float(log_losses(c, yy).mean()), 4),
                    log_loss_logit=round(float(log_losses(lg, yy).mean()), 4),
                    brier_uncalibrated=round(float(((r - yy) ** 2).mean()), 4),
                    log_loss_uncalibrated=round(float(log_losses(r, yy).mean()), 4),
                    reliability=_reliability(s, yy),
                )
            )
    return out


def split_prepared(
    crises: list[IcbCrisis],
) -> tuple[list[Prepared], list[Prepared], Callable[[CrisisFeatures], BaseRates]]:
    """(train, test) prepared with logits fitted on the training part only."""
    train, test = split(complete(crises), "random")
    predict = fitted_base_rates(train)
    return prepare(train, predict), prepare(test, predict), predict


def committed_estimates() -> dict[str, float]:
    """The committed point estimates (data/estimated.json), observation model included."""
    est = P.estimates()
    return {k: float(v["value"]) for k, v in {**est["parameters"], **est["observation"]}.items()}


def committed_calibration() -> Calibration:
    """The committed observation calibration (data/estimated.json)."""
    return P.estimates()["calibration"]


def _logit(p: np.ndarray) -> np.ndarray:
    return np.log(p) - np.log1p(-p)


CALIBRATION_FORMS = ("shrink", "slope", "select")
"""`shrink` (the shipped form): the slope form mixed with climatology, w x p + (1 - w) x
climatology, w from an inner CV (`_shrinkage`). `slope`: intercept + penalised slope on every
outcome and horizon. `select`: per outcome and horizon, the form with the lowest inner-CV Brier
among identity, intercept-only, base rate and intercept + slope (`_select_form`)."""
SHRINK_SEED, SHRINK_REPEATS = CV_SEED + 2, 5
"""The inner CV behind the shrinkage weight: K folds from seed SHRINK_SEED + 100 r for r <
SHRINK_REPEATS (not the slope penalty's folds, CV_SEED, nor `select`'s, CV_SEED + 1), its losses
pooled over the repeats, since one split of ~300 rows with 2-6% positives moves w from 0 to 1."""


def _form_fits(x: np.ndarray, y: np.ndarray) -> dict[str, Callable[[], tuple[float, float]]]:
    """The candidate calibrations as (intercept, slope), simplest first (ties go to it)."""
    ybar = (y.sum() + 0.5) / (len(y) + 1)

    def slope() -> tuple[float, float]:
        lam, _ = cv_binary_logit(x, y, kfold_indices(len(y), CV_FOLDS, CV_SEED))
        return fit_binary_logit(x, y, lam)

    return {
        "identity": lambda: (0.0, 1.0),
        "intercept": lambda: (fit_offset_intercept(x, y), 1.0),
        "base_rate": lambda: (float(np.log(ybar / (1 - ybar))), 0.0),
        "slope": slope,
    }


def _select_form(x: np.ndarray, y: np.ndarray) -> str:
    """The form with the lowest held-out Brier in an inner K-fold CV on these (training) rows
    only; the slope form's penalty is chosen inside each inner fold, so nothing is scored on
    rows it was fitted on. Identity and base rate are candidates, so the choice cannot be worse
    than the raw simulation or climatology by more than the selection's noise."""
    from scipy.special import expit  # imported here: fitting only, not at start-up

    brier = dict.fromkeys(_form_fits(x, y), 0.0)
    for test in kfold_indices(len(y), CV_FOLDS, CV_SEED + 1):
        train = np.setdiff1d(np.arange(len(y)), test)
        for form, fitter in _form_fits(x[train], y[train]).items():
            a, b = fitter()
            brier[form] += float(((expit(a + b * x[test]) - y[test]) ** 2).sum())
    return min(brier, key=brier.__getitem__)  # dict order: the simplest of tied forms


def _shrinkage(sim: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per horizon and target, the weight w in [0, 1] of the slope-calibrated forecast against
    climatology that minimises the Brier score of w x p + (1 - w) x c on a repeated inner
    K-fold CV of these (training) rows: p from the slope calibration and c the frequency, both
    fitted without the scored fold (closed form: the least-squares w, clipped). Where a pair's
    simulated signal is weaker than the noise of fitting it (rare outcomes, a few dozen cases),
    w goes toward 0 and the forecast toward the base rate; w = 0 is climatology itself."""
    ok = ~np.isnan(y)
    num, den = np.zeros(sim.shape[1:]), np.zeros(sim.shape[1:])
    for r in range(SHRINK_REPEATS):
        p, c = np.empty_like(sim), np.empty_like(sim)
        for test in kfold_indices(len(y), CV_FOLDS, SHRINK_SEED + 100 * r):
            train = np.setdiff1d(np.arange(len(y)), test)
            p[test] = calibrate(sim[test], fit_calibration(sim[train], y[train], "slope"))
            c[test] = np.nanmean(y[train], axis=0)
        d = np.where(ok, p - c, 0.0)
        num += (np.where(ok, y - c, 0.0) * d).sum(axis=0)
        den += (d * d).sum(axis=0)
    return np.clip(num / np.maximum(den, 1e-12), 0.0, 1.0)


def fit_calibration(sim: np.ndarray, y: np.ndarray, form: str = "shrink") -> Calibration:
    """Per target and horizon, logit(p) = intercept + slope x logit(simulated p), fitted on the
    training crises. `form="slope"`: penalised maximum likelihood (the slope's L2 strength by
    CV; a strong penalty shrinks the forecast to the base rate). `form="select"`: the form an
    inner CV prefers (`_select_form`). It maps a run's crisis-level reading onto what ICB codes,
    the part of the observation model the settle hazard cannot: ICB's agreement and violence
    codes are judgements about a whole crisis, not days of a path. `form="shrink"`: the slope
    form, then a `weight` toward the training `climatology` (`_shrinkage`)."""
    if form == "shrink":
        out = fit_calibration(sim, y, "slope")
        weight, clim = _shrinkage(sim, y), np.nanmean(y, axis=0)
        for j, h in enumerate(HORIZONS):
            for k, t in enumerate(TARGETS):
                out[str(h)][t] |= {"weight": round(float(weight[j, k]), 5),
                                   "climatology": round(float(clim[j, k]), 6)}  # fmt: skip
        return out
    out: Calibration = {}
    for j, h in enumerate(HORIZONS):
        row = {}
        for k, t in enumerate(TARGETS):
            ok = ~np.isnan(y[:, j, k])
            x, yy = _logit(sim[ok, j, k]), y[ok, j, k]
            if form == "select":
                intercept, slope = _form_fits(x, yy)[_select_form(x, yy)]()
                row[t] = {"intercept": round(intercept, 5), "slope": round(slope, 5)}
                continue
            lam, _ = cv_binary_logit(x, yy, kfold_indices(len(yy), CV_FOLDS, CV_SEED))
            intercept, slope = fit_binary_logit(x, yy, lam)
            row[t] = {"intercept": round(intercept, 5), "slope": round(slope, 5), "l2": lam}
        out[str(h)] = row
    return out


def calibrate(sim: np.ndarray, calibration: Calibration) -> np.ndarray:
    """The simulation's probabilities [crises, horizons, targets] through `calibration` (a form
    without a `weight` is not mixed with climatology)."""
    out = np.empty_like(sim)
    for j, h in enumerate(HORIZONS):
        for k, t in enumerate(TARGETS):
            c = calibration[str(h)][t]
            p = 1 / (1 + np.exp(-(c["intercept"] + c["slope"] * _logit(sim[:, j, k]))))
            w = c.get("weight", 1.0)
            out[:, j, k] = w * p + (1 - w) * c.get("climatology", 0.0)
    return out


def run_simulation_backtest(
    crises: list[IcbCrisis], runs: int = RUNS, seed: int = SEED, limit: int | None = None
) -> SimulationBacktest:
    """Score the simulation on the held-out crises (the first `limit` of them, if given) with
    the committed estimates; see the module docstring."""
    train, test = split(complete(crises), "random")
    predict = fitted_base_rates(train)
    held = prepare(test[:limit] if limit else test, predict)
    est = committed_estimates()
    y_train = _observed(prepare_labels_only(train))
    clim = np.nanmean(y_train, axis=0)
    raw = simulate(held, est, runs, seed)
    logit = np.stack([logit_probs(c.rates) for c in held])
    return SimulationBacktest(
        split="random",
        description=split_description("random"),
        n_train=len(train),
        n_test=len(held),
        runs=runs,
        seed=seed,
        estimates=est,
        scores=score(calibrate(raw, committed_calibration()), logit, _observed(held), clim, raw),
    )


def prepare_labels_only(crises: list[IcbCrisis]) -> list[_Labels]:
    """Only the records (for climatology): no base rates, no derivation."""
    return [_Labels(labels=labels(c)) for c in crises]


GRIDS: dict[str, tuple[float, ...]] = {
    SETTLE_SCALE: tuple(float(v) for v in np.round(np.geomspace(0.25, 4.0, 9), 5)),
    SETTLE_SPREAD: (0.0, 0.5, 1.0, 1.5, 2.0),
    "ceasefire.exchange_rate": tuple(float(v) for v in np.round(np.geomspace(0.005, 0.4, 7), 5)),
    "ceasefire.war_rate": tuple(float(v) for v in np.round(np.geomspace(0.001, 0.1, 7), 5)),
    "ceasefire.mediation_boost": (0.0, 0.5, 1.0, 2.0, 3.0, 4.0),
}
"""The search grid of every estimated parameter (the prior ranges of parameters.yaml)."""
START = {SETTLE_SCALE: 1.0, SETTLE_SPREAD: 1.0, "ceasefire.exchange_rate": 0.05,
         "ceasefire.war_rate": 0.01, "ceasefire.mediation_boost": 1.0}  # fmt: skip
PASSES = 1
ESTIMATE_RUNS = 50
"""Runs per training crisis while estimating (common random numbers keep the comparison of
candidates free of Monte Carlo noise between them)."""
BAND = 1.35
"""Half the 90% chi-square(1) quantile: grid values whose summed training log-loss is within
this of the best form the reported range (an approximate likelihood-ratio band)."""


def _total_loss(prepared: list[Prepared], y: np.ndarray, est: dict[str, float], runs: int,
                seed: int) -> float:  # fmt: skip
    """Summed log-loss over crises, horizons and targets, / the number of scores per crisis."""
    losses = log_losses(simulate(prepared, est, runs, seed), y)
    return float(np.nansum(losses) / (len(HORIZONS) * len(TARGETS)))


class Fit(BaseModel):
    """What the training crises decide: point estimates, each grid's loss profile and the best
    summed loss (the observation calibration is fitted after, on the out-of-fold simulation)."""

    estimates: dict[str, float]
    profile: dict[str, dict[float, float]]
    loss: float


def fit(
    prepared: list[Prepared],
    runs: int = ESTIMATE_RUNS,
    seed: int = SEED,
    progress: Callable[[str], None] | None = None,
    profiles: bool = False,
) -> Fit:
    """Coordinate descent over `GRIDS` (PASSES passes, common random numbers: every candidate
    sees the same seed) minimising the training log-loss of the raw simulation. With
    `profiles`, each grid's losses are recomputed with the others at their estimates."""
    y = _observed(prepared)
    est = dict(START)
    seen: dict[tuple[tuple[str, float], ...], float] = {}

    def loss(candidate: dict[str, float]) -> float:
        key = tuple(sorted(candidate.items()))
        if key not in seen:
            seen[key] = _total_loss(prepared, y, candidate, runs, seed)
        return seen[key]

    profile: dict[str, dict[float, float]] = {}
    for _ in range(PASSES):
        for name, grid in GRIDS.items():
            profile[name] = {v: loss({**est, name: v}) for v in grid}
            est[name] = min(grid, key=lambda v: (profile[name][v], v))
            if progress:
                progress(f"{name} = {est[name]:g}")
    if profiles:  # each grid again with the others at their estimates: the bands' profiles
        profile = {name: {v: loss({**est, name: v}) for v in grid} for name, grid in GRIDS.items()}
    return Fit(estimates=est, profile=profile, loss=loss(est))


def estimate(
    crises: list[IcbCrisis],
    runs: int = ESTIMATE_RUNS,
    seed: int = SEED,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Estimate the `derive: estimated` parameters and the observation model on the training
    part only (`fit`; ranges are the `BAND` band of each profile), then the calibration on the
    training crises' out-of-fold simulation (`out_of_fold_simulation`), as CV showed best."""
    train, _ = split(complete(crises), "random")
    f = fit(prepare(train, fitted_base_rates(train)), runs, seed, progress, profiles=True)
    oof = out_of_fold_simulation(train, f.estimates, RUNS, seed)
    calibration = fit_calibration(oof, _observed(prepare_labels_only(train)))

    def entry(name: str) -> dict:
        inside = [v for v, loss in f.profile[name].items() if loss <= f.loss + BAND]
        return {
            "value": f.estimates[name],
            "range": [min(inside), max(inside)],
            "profile": {f"{v:g}": round(loss, 3) for v, loss in f.profile[name].items()},
        }

    return {
        "source": "scripts/fit_simulation.py on ICB v14: training part of the logits' seeded "
        "random split only; regenerate with that script",
        "split": split_description("random"),
        "n_train": len(train),
        "runs_per_crisis": runs,
        "seed": seed,
        "passes": PASSES,
        "train_log_loss": round(f.loss / len(train), 5),
        "parameters": {n: entry(n) for n in GRIDS if n not in OBSERVATION},
        "observation": {n: entry(n) for n in OBSERVATION},
        "calibration": calibration,
    }


def out_of_fold_simulation(
    crises: list[IcbCrisis], estimates: dict[str, float], runs: int = RUNS, seed: int = SEED
) -> np.ndarray:
    """The simulation of each of these (training) crises with the logits refitted without it
    (K folds, CV_SEED): the inputs a calibration sees as a new crisis would see them, where the
    in-sample simulation rests on logits fitted to the very crises it is scored on."""
    out = np.empty((len(crises), len(HORIZONS), len(TARGETS)))
    for held_idx in kfold_indices(len(crises), CV_FOLDS, CV_SEED):
        keep = np.setdiff1d(np.arange(len(crises)), held_idx)
        predict = fitted_base_rates([crises[j] for j in keep])
        out[held_idx] = simulate(prepare([crises[j] for j in held_idx], predict), estimates,
                                 runs, seed)  # fmt: skip
    return out


CV_SPLIT_SEED = 16
"""Seed of the cross-validation folds within the training part (not the logits' CV_SEED)."""


def cross_validate(
    crises: list[IcbCrisis],
    folds: int = 5,
    runs: int = RUNS,
    seed: int = SEED,
    progress: Callable[[str], None] | None = None,
    estimate_runs: int = ESTIMATE_RUNS,
    calibration_form: str = "shrink",
    calibration_oof: bool = True,
) -> SimulationBacktest:
    """The development loop: k-fold cross-validation within the training part only. Each fold
    is scored by the whole procedure refitted on the other folds: the logits, the estimates, the
    calibration and climatology. ICB v14's system file has one row per crisis, so a crisis is
    in exactly one fold. The held-out crises of the split are never read."""
    train, _ = split(complete(crises), "random")
    if folds < 2 or folds > len(train):
        raise ValueError(f"--cv must be between 2 and {len(train)}")
    n = len(train)
    shape = (n, len(HORIZONS), len(TARGETS))
    raw, sim, logit, clim = (np.empty(shape) for _ in range(4))
    held_all: list[Prepared | None] = [None] * n
    fold_estimates = []
    for i, held_idx in enumerate(kfold_indices(n, folds, CV_SPLIT_SEED)):
        keep = np.setdiff1d(np.arange(n), held_idx)
        fit_part = [train[j] for j in keep]
        predict = fitted_base_rates(fit_part)
        prepared = prepare(fit_part, predict)
        f = fit(prepared, estimate_runs, seed)
        held = prepare([train[j] for j in held_idx], predict)
        raw[held_idx] = simulate(held, f.estimates, runs, seed)
        inputs = (out_of_fold_simulation(fit_part, f.estimates, runs, seed) if calibration_oof
                  else simulate(prepared, f.estimates, runs, seed))  # fmt: skip
        cal = fit_calibration(inputs, _observed(prepared), calibration_form)
        sim[held_idx] = calibrate(raw[held_idx], cal)
        logit[held_idx] = np.stack([logit_probs(c.rates) for c in held])
        clim[held_idx] = np.nanmean(_observed(prepare_labels_only(fit_part)), axis=0)
        for j, c in zip(held_idx, held, strict=True):
            held_all[j] = c
        fold_estimates.append(f.estimates)
        if progress:
            progress(f"fold {i + 1}/{folds}: {f.estimates}")
    y = _observed([c for c in held_all if c is not None])
    return SimulationBacktest(
        split=f"cv{folds}",
        description=f"{folds}-fold cross-validation within the training part of the "
        f"{split_description('random')}; folds from default_rng({CV_SPLIT_SEED}); every fold "
        "refits logits, estimates, calibration and climatology on the other folds",
        n_train=n - n // folds,
        n_test=n,
        runs=runs,
        seed=seed,
        estimates={},
        scores=score(sim, logit, y, clim, raw),
        fold_estimates=fold_estimates,
    )
