"""Spatial bargaining models: where does a negotiation settle?

Compromise (weighted mean), weighted median, Nash bargaining and Bueno de Mesquita's
expected-utility challenge model (as replicated by Scholz, Calbert & Smith 2011), each a class
with `fit(positions, salience, capability)` / `predict()`; Monte Carlo over analysts' ranges;
`forecast()` for a case or CSV; `backtest_deu()` on the DEU III EU legislative data.
"""

from dualtrack.bargain.challenge import (
    ChallengeModel,
    ChallengeSettings,
    ChallengeTrajectory,
    challenge_rounds,
)
from dualtrack.bargain.deu import DeuIssue, backtest_deu, load_deu
from dualtrack.bargain.forecast import MODELS, forecast, forecast_issue, load_inputs
from dualtrack.bargain.inputs import IssueInput, from_case, read_csv
from dualtrack.bargain.spatial import (
    BargainInputError,
    NashBargaining,
    WeightedMean,
    WeightedMedian,
    weighted_mean,
    weighted_median,
)
from dualtrack.bargain.uncertainty import draw_inputs

__all__ = [
    "MODELS",
    "BargainInputError",
    "ChallengeModel",
    "ChallengeSettings",
    "ChallengeTrajectory",
    "DeuIssue",
    "IssueInput",
    "NashBargaining",
    "WeightedMean",
    "WeightedMedian",
    "backtest_deu",
    "challenge_rounds",
    "draw_inputs",
    "forecast",
    "forecast_issue",
    "from_case",
    "load_deu",
    "load_inputs",
    "read_csv",
    "weighted_mean",
    "weighted_median",
]
