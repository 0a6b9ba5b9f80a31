"""Crisis dynamics Monte Carlo: the negotiation and confrontation tracks simulated together.

`forecast(case, asof=..., horizon=90, runs=10_000, seed=0, levers=[...], engine="local")` returns
a `Forecast`: end-state probabilities at 7/30/90 days with 90% intervals, the time-to-first-major-
strike curve, the drivers (one-at-a-time tornado, or Sobol indices with `drivers="sobol"`), the
ICB base rate for crises like this one and, when levers are given, the what-if beside the base.
`sobol_drivers(case, ...)` gives the Sobol indices of every parameter. See docs/forecast.md.
"""

from dualtrack.simulate.engine import EVENTS, JOINT, OUTCOMES
from dualtrack.simulate.errors import InputError
from dualtrack.simulate.forecast import (
    HORIZONS,
    MAX_HORIZON,
    Driver,
    Forecast,
    Scenario,
    WhatIf,
    forecast,
    parameter_names,
    sobol_drivers,
)
from dualtrack.simulate.levers import valid_keys
from dualtrack.simulate.params import Param, specs
from dualtrack.simulate.state import InitialState, Stage

__all__ = [
    "EVENTS",
    "HORIZONS",
    "JOINT",
    "MAX_HORIZON",
    "OUTCOMES",
    "Driver",
    "Forecast",
    "InitialState",
    "InputError",
    "Param",
    "Scenario",
    "Stage",
    "WhatIf",
    "forecast",
    "parameter_names",
    "sobol_drivers",
    "specs",
    "valid_keys",
]
