"""The outlook section's inputs: the crisis forecast and the bargaining forecast, as the brief
needs them, taken from `dualtrack.simulate` and `dualtrack.bargain`.

The brief must render even when an engine fails on a case (bad inputs, missing positions): that
engine's part then says it is unavailable and why, and the rest of the brief stands.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from dualtrack.model import Case


class StateProb(BaseModel):
    state: str
    p: float
    lo: float
    hi: float


class Horizon(BaseModel):
    days: int
    states: list[StateProb]  # the five-way view on that day
    events: list[StateProb] = []  # what happened within the window (ceasefire reached, ...)


class Driver(BaseModel):
    name: str
    effect: float | None = None  # change in a probability (0..1) or a sensitivity index
    detail: str | None = None


class ForecastView(BaseModel):
    horizons: list[Horizon]
    drivers: list[Driver] = []
    driver_target: str | None = None  # the probability the drivers move (e.g. strikes or war)
    base_rate: dict[int, dict[str, float]] = {}  # ICB base rate per horizon, same end states
    base_rate_source: str | None = None
    first_strike: list[tuple[int, float]] = []  # (days, P(first major strike by then))
    runs: int | None = None
    seed: int | None = None


class IssueForecast(BaseModel):
    issue: str
    model: str
    value: float
    lo: float | None = None
    hi: float | None = None


class Outlook(BaseModel):
    forecast: ForecastView | None = None
    forecast_error: str | None = None
    bargaining: list[IssueForecast] = []
    bargaining_error: str | None = None


def bargaining_rows(result: dict[str, Any]) -> list[IssueForecast]:
    """Rows from `dualtrack.bargain.forecast(...)`'s JSON: one per issue and model."""
    rows: list[IssueForecast] = []
    for issue in result.get("issues", []):
        for model, entry in issue.get("models", {}).items():
            if entry.get("forecast") is None:
                continue
            iv = entry.get("interval90") or (None, None)
            rows.append(
                IssueForecast(
                    issue=issue["issue"], model=model, value=entry["forecast"], lo=iv[0], hi=iv[1]
                )
            )
    return rows


def failure_sentence(exc: Exception) -> str:
    """Why an engine did not run, as a reader's sentence: a bad input is the engine's own
    message; anything else says the inputs could not be used, never an exception's class."""
    text = str(exc).strip() or "no reason given"
    if isinstance(exc, ValueError):
        return text + ("" if text.endswith(".") else ".")
    return f"the inputs could not be used ({text})."


def run_bargaining(
    case: Case, draws: int = 300, seed: int = 0
) -> tuple[list[IssueForecast], str | None]:
    try:
        from dualtrack.bargain.forecast import forecast
    except ImportError as e:
        return [], f"the bargaining engine is not installed ({e})"
    try:
        return bargaining_rows(forecast(case, draws=draws, seed=seed)), None
    except Exception as e:  # an engine failure must not take the brief down; it is reported
        return [], failure_sentence(e)


def forecast_view(result: Any) -> ForecastView:
    """A ForecastView from a `dualtrack.simulate.Forecast`."""
    from dualtrack.simulate import EVENTS, OUTCOMES

    horizons = []
    for key, probs in sorted(result.horizons.items(), key=lambda kv: int(kv[0])):
        iv = result.intervals90[key]

        def rows(keys: tuple[str, ...], probs: dict = probs, iv: dict = iv) -> list[StateProb]:
            return [StateProb(state=k, p=probs[k], lo=iv[k][0], hi=iv[k][1]) for k in keys]

        events = ("ceasefire_reached", *(e for e in EVENTS if e != "ceasefire_reached"))
        horizons.append(Horizon(days=int(key), states=rows(OUTCOMES), events=rows(events)))
    drivers = [
        Driver(
            name=d.name,
            effect=d.effect,
            detail=f"{d.p_low * 100:.0f}% → {d.p_high * 100:.0f}% ({d.low:.3g} → {d.high:.3g})",
        )
        for d in result.drivers
    ]
    curve = result.strike_curve
    return ForecastView(
        horizons=horizons,
        drivers=drivers,
        driver_target=result.driver_target,
        base_rate={int(k): v for k, v in result.base_rate.items()},
        base_rate_source=result.base_rate_source,
        first_strike=[(h.days, curve[h.days]) for h in horizons if h.days < len(curve)],
        runs=result.runs,
        seed=result.seed,
    )


def run_forecast(
    case: Case, asof: dt.date | None, runs: int = 2000, seed: int = 0
) -> tuple[ForecastView | None, str | None]:
    try:
        from dualtrack.simulate import forecast
    except ImportError as e:
        return None, f"the crisis forecast engine is not installed ({e})"
    try:
        return forecast_view(forecast(case, asof=asof, runs=runs, seed=seed)), None
    except Exception as e:  # an engine failure must not take the brief down; it is reported
        return None, failure_sentence(e)


def compute_outlook(
    case: Case, asof: dt.date | None, *, runs: int = 2000, draws: int = 300, seed: int = 0
) -> Outlook:
    view, ferr = run_forecast(case, asof, runs=runs, seed=seed)
    rows, berr = run_bargaining(case, draws=draws, seed=seed)
    return Outlook(forecast=view, forecast_error=ferr, bargaining=rows, bargaining_error=berr)
