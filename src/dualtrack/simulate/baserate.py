"""The simulation's link to history: ICB base rates for this crisis, as rates and as end states.

Two uses of `dualtrack.calibrate.predict_base_rates` for the case's structural features:
- `derived_values` turns them into the point values of the `derive: icb` parameters;
- `end_state_rates` maps them onto the five end states at each horizon, the comparison line that
  shows how far the current events move the forecast away from history.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from dualtrack.calibrate import BaseRates, CrisisFeatures, climatology, predict_base_rates
from dualtrack.model import Case
from dualtrack.simulate.engine import OUTCOMES
from dualtrack.simulate.state import RESTRAINTS


class InputError(ValueError):
    """A bad forecast input (case parameter, lever, date, run count): the message says which."""


class CaseInput(BaseModel):
    """One analyst input in a case's `parameters:` block."""

    model_config = ConfigDict(extra="forbid")

    value: Any
    range: list[Any] | None = None
    source: str
    unit: str | None = None


class CaseInputs(BaseModel):
    """The case-specific inputs the simulation reads from the case's `parameters:` block."""

    model_config = ConfigDict(extra="forbid")

    icb_features: dict[str, CaseInput] = {}
    forces_in_proximity: CaseInput | None = None
    spoiler_restraint: dict[str, CaseInput] = {}

    def features(self, mediation: bool | None = None) -> CrisisFeatures | None:
        """The ICB features (point values), with mediation switched off by `mediator=none`."""
        if not self.icb_features:
            return None
        values = {k: v.value for k, v in self.icb_features.items()}
        if mediation is False:
            values.update(mediation=False, mediation_style=None)
        return CrisisFeatures(**values)

    def forces(self) -> tuple[float, float, float, str]:
        """Major warships in proximity: point, low, high, source (none given: zero)."""
        f = self.forces_in_proximity
        if f is None:
            return 0.0, 0.0, 0.0, "case gives no forces_in_proximity: none assumed"
        lo, hi = (f.range or [f.value, f.value])[:2]
        return float(f.value), float(lo), float(hi), f"case parameter: {f.source}"

    def restraint(self) -> dict[str, str]:
        return {k: str(v.value) for k, v in self.spoiler_restraint.items()}


def case_inputs(case: Case) -> CaseInputs:
    """Validate the case's `parameters:` block; errors name the case and the field."""
    try:
        inputs = CaseInputs.model_validate(case.parameters)
        inputs.features()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise InputError(f"case {case.id!r}: parameters.{where}: {first['msg']}") from exc
    except (TypeError, ValueError) as exc:
        raise InputError(f"case {case.id!r}: parameters.icb_features: {exc}") from exc
    for actor, level in inputs.restraint().items():
        if level not in RESTRAINTS:
            raise InputError(
                f"case {case.id!r}: parameters.spoiler_restraint.{actor}: {level!r} is not one "
                f"of {', '.join(RESTRAINTS)}"
            )
    return inputs


def base_rates(inputs: CaseInputs, mediation: bool | None = None) -> BaseRates:
    """Base rates for crises like this one (plain ICB frequencies when the case has no features)."""
    features = inputs.features(mediation)
    return climatology() if features is None else predict_base_rates(features)


def _reach(strike_h: float, war_h: float, j: dict[str, float], days: int) -> tuple[float, float]:
    """P(strikes by `days`), P(major war by `days`) for the confrontation track alone under
    reference conditions: starting at military signalling, forces at the reference level, talks
    neither progressing nor collapsed, no spoiler, no standing floor. Exact (Markov chain over
    rungs, the kernel's daily order of moves), so the derivation has no Monte Carlo noise."""
    n = 7
    inc = -math.expm1(-j["conflict.incident_rate"])
    mis = j["conflict.misperception"]
    up = [j["conflict.escalation_rate"]] * 4 + [strike_h, war_h, 0.0]
    down = [0.0] + [j["conflict.deescalation_rate"]] * 4 + [j["conflict.strike_end_rate"], 0.0]
    a_inc = np.zeros((n, n))
    for r in range(n):
        hit = max(r, 4)
        a_inc[r, r] += 1 - inc
        a_inc[r, hit] += inc * (1 - mis)
        a_inc[r, max(hit, 5)] += inc * mis
    a_move = np.zeros((n, n))
    for r in range(n):
        pu = -math.expm1(-up[r])
        pd = min(-math.expm1(-down[r]), 1 - pu)
        a_move[r, min(r + 1, 6)] += pu
        a_move[r, max(r - 1, 0)] += pd
        a_move[r, r] += 1 - pu - pd
    step = a_inc @ a_move
    first = step.copy()
    first[5:] = 0.0
    first[5, 5] = first[6, 6] = 1.0  # first passage to strikes: absorb there
    v_first = v_all = np.eye(n)[3]
    for _ in range(days):
        v_first, v_all = v_first @ first, v_all @ step
    return float(v_first[5:].sum()), float(v_all[6])


def _solve(f: Callable[[float], float], target: float) -> float:
    """The odds in [1e-4, 1e3] at which the increasing f hits target (clamped at the ends)."""
    lo, hi = math.log(1e-4), math.log(1e3)
    if f(math.exp(lo)) >= target:
        return math.exp(lo)
    if f(math.exp(hi)) <= target:
        return math.exp(hi)
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(math.exp(mid)) < target else (lo, mid)
    return math.exp((lo + hi) / 2)


def derived_values(br: BaseRates, judgement: dict[str, float]) -> dict[str, float]:
    """Point values of the `derive: icb` parameters (definitions in parameters.yaml).

    Talks: closed form from the ICB agreement probability and median duration. Confrontation:
    the strike and war odds are solved so that, under reference conditions, the track reaches
    strikes / major war within the ICB median duration with the ICB probabilities of serious
    clashes or war / of full-scale war, given the other parameters at their point values.
    """
    p_agree = br.outcome["formal_agreement"] + br.outcome["semi_formal"]
    days = max(1, round(br.duration.median_days))
    v = br.violence
    deesc, end = judgement["conflict.deescalation_rate"], judgement["conflict.strike_end_rate"]
    strike_odds = _solve(
        lambda k: _reach(deesc * k, 0.0, judgement, days)[0],
        v["serious_clashes"] + v["full_scale_war"],
    )
    war_odds = _solve(
        lambda k: _reach(deesc * strike_odds, end * k, judgement, days)[1], v["full_scale_war"]
    )
    return {
        "talks.stage_rate": 3 * math.log(2) / br.duration.median_days,
        "talks.collapse_ratio": p_agree ** (-1 / 3) - 1,
        "conflict.strike_odds": strike_odds,
        "conflict.war_odds": war_odds,
    }


def end_state_rates(br: BaseRates, horizons: tuple[int, ...]) -> dict[str, dict[str, float]]:
    """ICB base rates as the five end states at each horizon.

    ICB records a crisis's outcome at its termination; by day h a share F(h) = 1 - S(h) of crises
    like this one have ended (log-normal duration model). Ended crises split as: full-scale war ->
    major_war; serious clashes -> limited_strikes; the rest by form of outcome (formal or
    semi-formal agreement -> agreement, tacit understanding -> talks_continue, unilateral act or
    none/imposed -> collapse). Crises still open at h count as talks_continue. Violence and outcome
    are treated as independent, the one assumption the two marginal models force.
    """
    o, v = br.outcome, br.violence
    calm = 1.0 - v["serious_clashes"] - v["full_scale_war"]
    ended_as = {
        "agreement": calm * (o["formal_agreement"] + o["semi_formal"]),
        "talks_continue": calm * o["tacit"],
        "collapse": calm * (o["unilateral"] + o["none_or_imposed"]),
        "limited_strikes": v["serious_clashes"],
        "major_war": v["full_scale_war"],
    }
    out: dict[str, dict[str, float]] = {}
    for h in horizons:
        ended = 1.0 - float(br.duration.survival(h))
        row = {k: ended * ended_as[k] for k in OUTCOMES}
        row["talks_continue"] += 1.0 - ended
        out[str(h)] = row
    return out
