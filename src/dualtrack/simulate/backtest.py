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
the highest before it ended.
Scored at 30, 90 and 365 days: `ended`, `ended_agreement`, `ended_violent` (serious clashes or
war) and `ended_war` (full-scale war), each beside climatology (the training part's frequency)
and the ICB logit (log-normal duration x outcome or violence class, assumed independent).
This checks crisis-level outcomes only, never the day-level paths in between.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np
from pydantic import BaseModel

from dualtrack.calibrate import BaseRates, CrisisFeatures, IcbCrisis
from dualtrack.calibrate.icb_fit import complete, fitted_base_rates, split, split_description
from dualtrack.simulate import params as P
from dualtrack.simulate.baserate import derived_values
from dualtrack.simulate.engine import INCIDENT_RUNG, Start, run_paths
from dualtrack.simulate.state import Stage

HORIZONS = (30, 90, 365)
TARGETS = ("ended", "ended_agreement", "ended_violent", "ended_war")
RUNS = 200
SEED = 11
SETTLE = "crisis.settle_rate"
"""The observation model's one parameter: daily hazard that a crisis ends without agreement."""
BINS = (0.0, 0.1, 0.2, 0.4, 0.6, 1.0)
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
        settle = np.full(len(d["case.forces"]), estimates[SETTLE])
        crisis = run_paths(d, start, HORIZONS, rng, settle=settle).crisis
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


def score(sim: np.ndarray, logit: np.ndarray, y: np.ndarray, clim: np.ndarray) -> list[Score]:
    """Brier and log-loss of the simulation, climatology and the logit per horizon and target."""
    out = []
    for j, h in enumerate(HORIZONS):
        for k, t in enumerate(TARGETS):
            ok = ~np.isnan(y[:, j, k])
            yy = y[ok, j, k]
            s, lg = sim[ok, j, k], logit[ok, j, k]
            c = np.full(len(yy), clim[j, k])
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
    sim = simulate(held, est, runs, seed)
    logit = np.stack([logit_probs(c.rates) for c in held])
    return SimulationBacktest(
        split="random",
        description=split_description("random"),
        n_train=len(train),
        n_test=len(held),
        runs=runs,
        seed=seed,
        estimates=est,
        scores=score(sim, logit, _observed(held), clim),
    )


def prepare_labels_only(crises: list[IcbCrisis]) -> list[_Labels]:
    """Only the records (for climatology): no base rates, no derivation."""
    return [_Labels(labels=labels(c)) for c in crises]


GRIDS: dict[str, tuple[float, ...]] = {
    SETTLE: tuple(float(v) for v in np.round(np.geomspace(0.002, 0.1, 7), 5)),
    "ceasefire.exchange_rate": tuple(float(v) for v in np.round(np.geomspace(0.005, 0.4, 7), 5)),
    "ceasefire.war_rate": tuple(float(v) for v in np.round(np.geomspace(0.001, 0.1, 7), 5)),
    "ceasefire.mediation_boost": (0.0, 0.5, 1.0, 2.0, 3.0, 4.0),
}
"""The search grid of every estimated parameter (the prior ranges of parameters.yaml)."""
START = {SETTLE: 0.01, "ceasefire.exchange_rate": 0.05, "ceasefire.war_rate": 0.01,
         "ceasefire.mediation_boost": 1.0}  # fmt: skip
PASSES = 2
ESTIMATE_RUNS = 100
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


def estimate(
    crises: list[IcbCrisis],
    runs: int = ESTIMATE_RUNS,
    seed: int = SEED,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Estimate the `derive: estimated` parameters and the settle hazard on the training part
    only: coordinate descent over `GRIDS` (PASSES passes, common random numbers: every candidate
    sees the same seed), minimising the training log-loss; ranges are the `BAND` band."""
    train, _ = split(complete(crises), "random")
    prepared = prepare(train, fitted_base_rates(train))
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
    best = loss(est)

    def entry(name: str) -> dict:
        inside = [v for v, loss in profile[name].items() if loss <= best + BAND]
        return {
            "value": est[name],
            "range": [min(inside), max(inside)],
            "profile": {f"{v:g}": round(loss, 3) for v, loss in profile[name].items()},
        }

    return {
        "source": "scripts/fit_simulation.py on ICB v14: training part of the logits' seeded "
        "random split only; regenerate with that script",
        "split": split_description("random"),
        "n_train": len(train),
        "runs_per_crisis": runs,
        "seed": seed,
        "passes": PASSES,
        "train_log_loss": round(best / len(train), 5),
        "parameters": {n: entry(n) for n in GRIDS if n != SETTLE},
        "observation": {SETTLE: entry(SETTLE)},
    }
