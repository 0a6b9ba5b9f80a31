"""Historical base rates for a crisis like this one, from the committed ICB model coefficients.

This is what the simulation and the report compare a live forecast with: "of past crises with
these early features, how did they end, how violent did they get, how long did they last?". It
needs no CSV at run time: the coefficients ship in `data/icb_models.json`, produced by
`scripts/fit_icb.py`.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib.resources import files
from statistics import NormalDist

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from dualtrack.calibrate.features import CrisisFeatures, Imputation, design_row

MODELS_RESOURCE = "icb_models.json"
QUANTILES = {"p10": 0.10, "p25": 0.25, "p50": 0.50, "p75": 0.75, "p90": 0.90}


def _normal_sf(z: np.ndarray) -> np.ndarray:
    """P(Z > z) elementwise, from the standard library: the forecast path must not pay the
    seconds scipy.stats takes to import for a few hundred values."""
    sf = np.frompyfunc(lambda v: 0.5 * math.erfc(v / math.sqrt(2.0)), 1, 1)
    return np.asarray(sf(z), dtype=float)


class DurationForecast(BaseModel):
    """Log-normal distribution of days from trigger to termination: log T ~ N(mu, sigma^2)."""

    model_config = ConfigDict(frozen=True)

    mu_log_days: float
    sigma_log_days: float = Field(gt=0)
    median_days: float
    quantiles: dict[str, float]
    """Days at p10/p25/p50/p75/p90."""

    @classmethod
    def from_params(cls, mu: float, sigma: float) -> DurationForecast:
        z = NormalDist().inv_cdf
        q = {k: round(float(np.exp(mu + sigma * z(p))), 1) for k, p in QUANTILES.items()}
        return cls(mu_log_days=mu, sigma_log_days=sigma, median_days=q["p50"], quantiles=q)

    def survival(self, days: float | np.ndarray) -> np.ndarray:
        """S(t) = P(crisis still open after t days)."""
        t = np.maximum(np.asarray(days, dtype=float), 1e-9)
        return _normal_sf((np.log(t) - self.mu_log_days) / self.sigma_log_days)

    def daily_hazard(self, horizon_days: int) -> np.ndarray:
        """h[d] = P(ends on day d+1 | open after d days), d = 0..horizon-1, for a day-step model."""
        s = self.survival(np.arange(horizon_days + 1))
        s[0] = 1.0
        return np.where(s[:-1] > 0, 1.0 - s[1:] / np.where(s[:-1] > 0, s[:-1], 1.0), 1.0)


class BaseRates(BaseModel):
    """Probabilities over the ICB outcome classes; each dict sums to 1."""

    model_config = ConfigDict(frozen=True)

    outcome: dict[str, float]
    """formal_agreement, semi_formal, tacit, unilateral, none_or_imposed (ICB1 FOROUT)."""
    violence: dict[str, float]
    """none, minor_clashes, serious_clashes, full_scale_war (ICB1 VIOL)."""
    duration: DurationForecast
    source: str


@lru_cache(maxsize=1)
def load_models() -> dict:
    """The committed coefficients (package data)."""
    text = files("dualtrack.calibrate").joinpath("data", MODELS_RESOURCE).read_text("utf-8")
    return json.loads(text)


def _logit(spec: dict, x: np.ndarray) -> dict[str, float]:
    z = (x - np.asarray(spec["mean"])) / np.asarray(spec["scale"])
    v = np.asarray(spec["coef"]) @ z + np.asarray(spec["intercept"])
    p = np.exp(v - v.max())
    p /= p.sum()
    return dict(zip(spec["classes"], (float(v) for v in p), strict=True))


def _normalised(freq: dict[str, float]) -> dict[str, float]:
    total = sum(freq.values())
    return {k: v / total for k, v in freq.items()}


def predict_base_rates(features: CrisisFeatures) -> BaseRates:
    """Base rates for crises with these early features (fitted ICB models)."""
    models = load_models()
    x = design_row(features, Imputation(**models["imputation"]))
    dur = models["duration"]
    z = (x - np.asarray(dur["mean"])) / np.asarray(dur["scale"])
    mu = float(np.asarray(dur["coef"]) @ z + dur["intercept"])
    return BaseRates(
        outcome=_logit(models["outcome"], x),
        violence=_logit(models["violence"], x),
        duration=DurationForecast.from_params(mu, float(dur["sigma"])),
        source="ICB v14 fitted models (L2 multinomial logit; log-normal duration)",
    )


def climatology() -> BaseRates:
    """The plain frequencies of all ICB crises used for fitting, ignoring features."""
    models = load_models()
    clim = models["duration"]["climatology"]
    return BaseRates(
        outcome=_normalised(models["outcome"]["climatology"]),
        violence=_normalised(models["violence"]["climatology"]),
        duration=DurationForecast.from_params(float(clim["mu"]), float(clim["sigma"])),
        source="ICB v14 climatology (class frequencies; unconditional log-normal duration)",
    )
