"""Fit the ICB base-rate models, back-test them against climatology, and serialise the result.

Protocol, fixed in code before any fitting. Two hold-outs of the crises with complete early
features: "random" (a permutation from default_rng(SPLIT_SEED), TEST_FRACTION held out; the main
one) and "temporal" (train on crises triggered before TEMPORAL_CUTOFF, test on the later ones: the
honest check for a forecaster, since base rates drift). On each training part the L2 strength of
every model is chosen by CV_FOLDS-fold cross-validation (seeded folds), the models are refitted on
the training part and scored on the held-out part beside climatology: the plain class frequencies
(for duration, the unconditional log-normal) of the same training part. The coefficients shipped
as package data are refitted on all complete crises with the strengths chosen on the random split's
training part, so the back-test numbers describe the procedure that produced them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from pydantic import BaseModel

from dualtrack.calibrate import icb_codes as codes
from dualtrack.calibrate.base_rates import BaseRates, DurationForecast
from dualtrack.calibrate.features import FEATURE_NAMES, CrisisFeatures, Imputation, design_matrix
from dualtrack.calibrate.icb_loader import IcbCrisis, IcbDataError
from dualtrack.calibrate.regression import (
    LogNormalDuration,
    MultinomialLogit,
    cv_lognormal,
    cv_multinomial,
    fit_lognormal,
    fit_multinomial,
    kfold_indices,
)

SPLIT_SEED = 14
TEST_FRACTION = 0.25
TEMPORAL_CUTOFF = 1990
SPLITS = ("random", "temporal")
CV_FOLDS = 5
CV_SEED = 15
DURATION_CUTOFFS = (30, 90)
ROUND = 8


class MetricRow(BaseModel):
    """One score of one model beside climatology on the held-out crises (lower is better)."""

    model: str
    metric: str
    model_score: float
    climatology_score: float
    skill: float
    """1 - model/climatology: > 0 means the model beats the base rate.

    Metrics: brier / log_loss over the classes; for duration mae_log_days (|log days - predicted
    median|), nll_log_days (log-normal negative log-likelihood of log days) and brier_30d /
    brier_90d (Brier score of P(crisis over within 30 / 90 days)).
    """
    n_train: int
    n_test: int
    lam: float


class BacktestReport(BaseModel):
    split: str
    description: str
    rows: list[MetricRow]


def split_description(kind: str = "random") -> str:
    common = (
        f"L2 strength by {CV_FOLDS}-fold CV on the training part only (folds from "
        f"default_rng({CV_SEED})); climatology = plain frequencies of the training part"
    )
    if kind == "temporal":
        return (
            f"temporal hold-out: train on crises triggered before {TEMPORAL_CUTOFF}, test on "
            f"{TEMPORAL_CUTOFF} and later; {common}"
        )
    return (
        f"seeded random hold-out: numpy default_rng({SPLIT_SEED}) permutation of the crises with "
        f"complete early features, {TEST_FRACTION:.0%} held out; {common}"
    )


def complete(crises: list[IcbCrisis]) -> list[IcbCrisis]:
    return [c for c in crises if c.features is not None]


def split(usable: list[IcbCrisis], kind: str = "random") -> tuple[list[IcbCrisis], list[IcbCrisis]]:
    """(train, test) for a split kind in SPLITS."""
    if kind == "temporal":
        dated = [c for c in usable if c.year is not None]
        return (
            [c for c in dated if c.year < TEMPORAL_CUTOFF],  # type: ignore[operator]
            [c for c in dated if c.year >= TEMPORAL_CUTOFF],
        )  # type: ignore[operator]
    if kind != "random":
        raise ValueError(f"unknown split {kind!r} (choose from {', '.join(SPLITS)})")
    order = np.random.default_rng(SPLIT_SEED).permutation(len(usable))
    n_test = round(len(usable) * TEST_FRACTION)
    return (
        [usable[i] for i in np.sort(order[n_test:])],
        [usable[i] for i in np.sort(order[:n_test])],
    )


def imputation(crises: list[IcbCrisis]) -> Imputation:
    feats = [c.features for c in crises if c.features is not None]
    powdis = [f.power_discrepancy for f in feats if f.power_discrepancy is not None]
    styles = [f.mediation_style for f in feats if f.mediation and f.mediation_style is not None]
    return Imputation(
        power_discrepancy_median=float(np.median(powdis)),
        style_formulation_share=styles.count("formulation") / len(styles),
        style_manipulation_share=styles.count("manipulation") / len(styles),
    )


def _labelled(
    crises: list[IcbCrisis], attr: str, classes: tuple[str, ...], imp: Imputation
) -> tuple[np.ndarray, np.ndarray]:
    rows = [c for c in crises if getattr(c, attr) is not None]
    x = design_matrix([c.features for c in rows], imp)  # type: ignore[misc]
    y = np.array([classes.index(getattr(c, attr)) for c in rows], dtype=int)
    return x, y


def _durations(crises: list[IcbCrisis], imp: Imputation) -> tuple[np.ndarray, np.ndarray]:
    rows = [c for c in crises if c.duration_days is not None]
    x = design_matrix([c.features for c in rows], imp)  # type: ignore[misc]
    return x, np.array([c.duration_days for c in rows], dtype=float)


def brier(prob: np.ndarray, y: np.ndarray) -> float:
    onehot = np.eye(prob.shape[1])[y]
    return float(((prob - onehot) ** 2).sum(axis=1).mean())


def log_loss(prob: np.ndarray, y: np.ndarray) -> float:
    return float(-np.log(np.clip(prob[np.arange(len(y)), y], 1e-12, None)).mean())


def _row(
    model: str, metric: str, score: float, clim: float, n_train: int, n_test: int, lam: float
) -> MetricRow:
    return MetricRow(
        model=model,
        metric=metric,
        model_score=round(score, 4),
        climatology_score=round(clim, 4),
        skill=round(1 - score / clim, 4),
        n_train=n_train,
        n_test=n_test,
        lam=lam,
    )


def _classifier_rows(
    name: str,
    attr: str,
    classes: tuple[str, ...],
    train: list[IcbCrisis],
    test: list[IcbCrisis],
    imp: Imputation,
) -> list[MetricRow]:
    x, y = _labelled(train, attr, classes, imp)
    xt, yt = _labelled(test, attr, classes, imp)
    lam, _ = cv_multinomial(x, y, len(classes), kfold_indices(len(y), CV_FOLDS, CV_SEED))
    prob = fit_multinomial(x, y, len(classes), lam).predict_proba(xt)
    freq = np.bincount(y, minlength=len(classes)) / len(y)
    clim = np.tile(freq, (len(yt), 1))
    return [
        _row(name, "brier", brier(prob, yt), brier(clim, yt), len(y), len(yt), lam),
        _row(name, "log_loss", log_loss(prob, yt), log_loss(clim, yt), len(y), len(yt), lam),
    ]


def _duration_rows(
    train: list[IcbCrisis], test: list[IcbCrisis], imp: Imputation
) -> list[MetricRow]:
    from scipy.stats import norm  # imported here: back-tests only, not at start-up

    x, d = _durations(train, imp)
    xt, dt = _durations(test, imp)
    lam, _ = cv_lognormal(x, d, kfold_indices(len(d), CV_FOLDS, CV_SEED))
    model = fit_lognormal(x, d, lam)
    mu, sigma = model.mu(xt), model.sigma
    t, tt = np.log(d), np.log(dt)
    mu0, sigma0 = float(t.mean()), float(t.std())
    n, m = len(d), len(dt)
    rows = [
        _row(
            "duration",
            "mae_log_days",
            float(np.abs(tt - mu).mean()),
            float(np.abs(tt - mu0).mean()),
            n,
            m,
            lam,
        ),
        _row(
            "duration",
            "nll_log_days",
            float(-norm.logpdf(tt, mu, sigma).mean()),
            float(-norm.logpdf(tt, mu0, sigma0).mean()),
            n,
            m,
            lam,
        ),
    ]
    for cut in DURATION_CUTOFFS:
        ended = (dt <= cut).astype(float)
        p_model = norm.cdf((np.log(cut) - mu) / sigma)
        p_clim = float((d <= cut).mean())
        rows.append(
            _row(
                "duration",
                f"brier_{cut}d",
                float(((p_model - ended) ** 2).mean()),
                float(((p_clim - ended) ** 2).mean()),
                n,
                m,
                lam,
            )
        )
    return rows


# Fewer crises than this make every score (and some fits) undefined rather than merely noisy.
MIN_TRAIN, MIN_TEST = 30, 10


def run_backtest(crises: list[IcbCrisis], kind: str = "random") -> BacktestReport:
    """Hold-out scores of every model beside climatology (see the module docstring)."""
    train, test = split(complete(crises), kind)
    if len(train) < MIN_TRAIN or len(test) < MIN_TEST:
        raise IcbDataError(
            f"the {kind} split leaves {len(train)} training and {len(test)} test crises with "
            f"complete data; a back-test needs at least {MIN_TRAIN} and {MIN_TEST} "
            "(use the full ICB files)"
        )
    imp = imputation(train)
    rows = [
        *_classifier_rows("outcome", "outcome", codes.OUTCOME_CLASSES, train, test, imp),
        *_classifier_rows("violence", "violence", codes.VIOLENCE_CLASSES, train, test, imp),
        *_duration_rows(train, test, imp),
    ]
    return BacktestReport(split=kind, description=split_description(kind), rows=rows)


def _r(a: np.ndarray | float) -> list | float:
    return np.round(a, ROUND).tolist()


def _logit_json(m: MultinomialLogit, classes: tuple[str, ...], y: np.ndarray, lam: float) -> dict:
    freq = np.bincount(y, minlength=len(classes)) / len(y)
    return {
        "classes": list(classes),
        "lambda": lam,
        "n": len(y),
        "mean": _r(m.std.mean),
        "scale": _r(m.std.scale),
        "intercept": _r(m.intercept),
        "coef": _r(m.coef),
        "climatology": {c: round(float(p), ROUND) for c, p in zip(classes, freq, strict=True)},
    }


def _duration_json(m: LogNormalDuration, days: np.ndarray, lam: float) -> dict:
    t = np.log(days)
    return {
        "lambda": lam,
        "n": len(days),
        "mean": _r(m.std.mean),
        "scale": _r(m.std.scale),
        "intercept": _r(m.intercept),
        "coef": _r(m.coef),
        "sigma": _r(m.sigma),
        "climatology": {"mu": _r(float(t.mean())), "sigma": _r(float(t.std()))},
    }


def fit_models(crises: list[IcbCrisis]) -> dict:
    """Everything `icb_models.json` holds: final coefficients, imputation, back-test, protocol."""
    reports = {kind: run_backtest(crises, kind) for kind in SPLITS}
    lam = {r.model: r.lam for r in reports["random"].rows}
    usable = complete(crises)
    imp = imputation(usable)
    xo, yo = _labelled(usable, "outcome", codes.OUTCOME_CLASSES, imp)
    xv, yv = _labelled(usable, "violence", codes.VIOLENCE_CLASSES, imp)
    xd, dd = _durations(usable, imp)
    n_out, n_viol = len(codes.OUTCOME_CLASSES), len(codes.VIOLENCE_CLASSES)
    return {
        "source": f"ICB v14 ({codes.SYSTEM_FILE}, {codes.ACTOR_FILE}); regenerate with "
        "scripts/fit_icb.py",
        "n_crises": len(crises),
        "n_complete": len(usable),
        "features": list(FEATURE_NAMES),
        "imputation": {k: round(v, ROUND) for k, v in imp.model_dump().items()},
        "outcome": _logit_json(
            fit_multinomial(xo, yo, n_out, lam["outcome"]),
            codes.OUTCOME_CLASSES,
            yo,
            lam["outcome"],
        ),
        "violence": _logit_json(
            fit_multinomial(xv, yv, n_viol, lam["violence"]),
            codes.VIOLENCE_CLASSES,
            yv,
            lam["violence"],
        ),
        "duration": _duration_json(fit_lognormal(xd, dd, lam["duration"]), dd, lam["duration"]),
        "backtest": {kind: r.model_dump() for kind, r in reports.items()},
    }


def fitted_base_rates(crises: list[IcbCrisis]) -> Callable[[CrisisFeatures], BaseRates]:
    """The base-rate models fitted on `crises` alone (L2 strengths by CV on them, as in the
    back-test), as a predictor: what the simulation back-test derives its rates from, so the
    held-out crises never inform the forecast that scores them."""
    imp = imputation(crises)
    folds = CV_FOLDS, CV_SEED
    models = {}
    for attr, classes in (
        ("outcome", codes.OUTCOME_CLASSES),
        ("violence", codes.VIOLENCE_CLASSES),
    ):
        x, y = _labelled(crises, attr, classes, imp)
        lam, _ = cv_multinomial(x, y, len(classes), kfold_indices(len(y), *folds))
        models[attr] = (fit_multinomial(x, y, len(classes), lam), classes)
    xd, dd = _durations(crises, imp)
    lam, _ = cv_lognormal(xd, dd, kfold_indices(len(dd), *folds))
    duration = fit_lognormal(xd, dd, lam)

    def predict(features: CrisisFeatures) -> BaseRates:
        x = design_matrix([features], imp)
        probs = {
            attr: dict(zip(classes, map(float, m.predict_proba(x)[0]), strict=True))
            for attr, (m, classes) in models.items()
        }
        return BaseRates(
            outcome=probs["outcome"],
            violence=probs["violence"],
            duration=DurationForecast.from_params(float(duration.mu(x)[0]), duration.sigma),
            source="ICB v14 models fitted on the back-test's training split",
        )

    return predict
