"""Calibration against history: ICB base rates (outcome, violence, duration) and their back-test."""

from dualtrack.calibrate.base_rates import (
    BaseRates,
    DurationForecast,
    climatology,
    load_models,
    predict_base_rates,
)
from dualtrack.calibrate.features import CrisisFeatures
from dualtrack.calibrate.icb_fit import BacktestReport, MetricRow, fit_models, run_backtest
from dualtrack.calibrate.icb_loader import IcbCrisis, IcbDataError, load_icb

__all__ = [
    "BacktestReport",
    "BaseRates",
    "CrisisFeatures",
    "DurationForecast",
    "IcbCrisis",
    "IcbDataError",
    "MetricRow",
    "climatology",
    "fit_models",
    "load_icb",
    "load_models",
    "predict_base_rates",
    "run_backtest",
]
