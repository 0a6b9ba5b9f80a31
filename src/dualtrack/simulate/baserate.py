"""The simulation's link to history: ICB base rates for this crisis, as rates and as end states.

Two uses of `dualtrack.calibrate.predict_base_rates` for the case's structural features:
- `derived_values` turns them into the point values of the `derive: icb` parameters;
- `end_state_rates` maps them onto the five end states at each horizon, the comparison line that
  shows how far the current events move the forecast away from history.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from dualtrack.calibrate import BaseRates, CrisisFeatures, climatology, predict_base_rates
from dualtrack.model import Case, Role
from dualtrack.simulate.engine import OUTCOMES, PROGRESS
from dualtrack.simulate.errors import InputError
from dualtrack.simulate.forces import FORCE_KINDS, Level
from dualtrack.simulate.state import RESTRAINTS


class CaseInput(BaseModel):
    """One analyst input in a case's `parameters:` block."""

    model_config = ConfigDict(extra="forbid")

    value: Any
    range: list[Any] | None = None
    source: str
    unit: str | None = None


class Forces(BaseModel):
    """`forces_in_proximity`: the parties' forces in contact, by kind, each in its unit
    (`simulate/forces.yaml`). The older form, one input with value, range, unit and source,
    counted major warships and still reads as `naval`."""

    model_config = ConfigDict(extra="forbid")

    naval: CaseInput | None = None
    air: CaseInput | None = None
    ground: CaseInput | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_input_is_naval(cls, data: Any) -> Any:
        return {"naval": data} if isinstance(data, dict) and "value" in data else data

    def levels(self) -> dict[str, Level]:
        """Each kind the case gives: point, low, high, source."""
        out: dict[str, Level] = {}
        for kind in FORCE_KINDS:
            f = getattr(self, kind)
            if f is not None:
                lo, hi = (f.range or [f.value, f.value])[:2]
                out[kind] = (float(f.value), float(lo), float(hi), f"case parameter: {f.source}")
        return out


def old_forces(case: Case) -> bool:
    """Does the case give `forces_in_proximity` in the older one-input (naval) form?"""
    raw = case.parameters.get("forces_in_proximity")
    return isinstance(raw, dict) and "value" in raw


class CaseInputs(BaseModel):
    """The case-specific inputs the simulation reads from the case's `parameters:` block."""

    model_config = ConfigDict(extra="forbid")

    icb_features: dict[str, CaseInput] = {}
    forces_in_proximity: Forces | None = None
    spoiler_restraint: dict[str, CaseInput] = {}

    def features(self, overrides: dict[str, Any] | None = None) -> CrisisFeatures | None:
        """The ICB features at their point values, with what-if `overrides` (`icb.*` levers)."""
        if not self.icb_features:
            return None
        values = {k: v.value for k, v in self.icb_features.items()}
        return CrisisFeatures(**{**values, **(overrides or {})})

    def forces(self) -> dict[str, Level]:
        """Forces in proximity by kind as the case gives them (none given: no kinds)."""
        f = self.forces_in_proximity
        return {} if f is None else f.levels()

    def restraint(self) -> dict[str, str]:
        return {k: str(v.value) for k, v in self.spoiler_restraint.items()}


def _first(exc: ValidationError) -> tuple[str, str]:
    err = exc.errors()[0]
    return ".".join(str(x) for x in err["loc"]), err["msg"]


def case_inputs(case: Case) -> CaseInputs:
    """Validate the case's `parameters:` block; errors name the case and the field."""
    where = f"case {case.id!r}: parameters"
    try:
        inputs = CaseInputs.model_validate(case.parameters)
    except ValidationError as exc:
        raise InputError("{}.{}: {}".format(where, *_first(exc))) from None
    try:
        inputs.features()
    except (ValidationError, TypeError) as exc:
        field, msg = _first(exc) if isinstance(exc, ValidationError) else ("", str(exc))
        raise InputError(f"{where}.icb_features.{field}: {msg}") from None
    for name, item in inputs.icb_features.items():
        for v in item.range or []:
            try:
                inputs.features({name: v})
            except ValidationError as exc:
                raise InputError(
                    f"{where}.icb_features.{name}.range: {v!r}: {_first(exc)[1]}"
                ) from None
    for kind in FORCE_KINDS if inputs.forces_in_proximity is not None else ():
        f = getattr(inputs.forces_in_proximity, kind)
        if f is None:
            continue
        at = f"{where}.forces_in_proximity" + ("" if old_forces(case) else f".{kind}")
        numbers = [f.value, *(f.range or [])]
        if not all(isinstance(x, int | float) and not isinstance(x, bool) and x >= 0
                   for x in numbers):  # fmt: skip
            raise InputError(f"{at}: value and range must be numbers >= 0")
        if f.range is not None and not (len(f.range) == 2 and f.range[0] <= f.value <= f.range[1]):
            raise InputError(f"{at}.range: must be [low, high] around the value")
    for actor, level in inputs.restraint().items():
        if level not in RESTRAINTS:
            raise InputError(
                f"{where}.spoiler_restraint.{actor}: {level!r} is not one "
                f"of {', '.join(RESTRAINTS)}"
            )
    return inputs


def _valid_names(where: tuple[str | int, ...]) -> list[str]:
    """The names allowed at `where` inside `parameters:` (its top level, an input, a feature)."""
    if not where:
        return list(CaseInputs.model_fields)
    if where == ("icb_features",):
        return list(CrisisFeatures.model_fields)
    if where == ("forces_in_proximity",):
        return list(FORCE_KINDS)
    if len(where) == 1 or (where[0] in ("icb_features", "forces_in_proximity") and len(where) == 2):
        return list(CaseInput.model_fields)
    return []


def input_problems(case: Case) -> list[tuple[tuple[str | int, ...], str]]:
    """Every problem in the case's `parameters:` block as (path, message), each unknown name
    with the closest valid one and the list of valid names: what `case validate` reports, so a
    misspelt input is caught before a forecast silently runs without it."""
    from dualtrack.cases.checks import closest

    def unknown(name: str, valid: list[str], what: str = "parameter") -> str:
        hint = closest(name, valid)
        tip = f"did you mean {hint!r}? " if hint else ""
        return f"unknown {what} {name!r} ({tip}valid: {', '.join(valid)})"

    out: list[tuple[tuple[str | int, ...], str]] = []
    try:
        inputs = CaseInputs.model_validate(case.parameters)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            if old_forces(case) and loc[:2] == ("forces_in_proximity", "naval"):
                loc = loc[:1] + loc[2:]  # the one-input form has no `naval:` line
            if err["type"] == "extra_forbidden":
                kinds = loc[:-1] == ("forces_in_proximity",) and not old_forces(case)
                valid = _valid_names(loc[:-1]) if not old_forces(case) or not kinds else []
                valid = valid or list(CaseInput.model_fields)
                message = unknown(str(loc[-1]), valid, "force kind" if kinds else "parameter")
                out.append((("parameters", *loc), message))
            else:
                out.append((("parameters", *loc), str(err["msg"])))
        return out
    features = list(CrisisFeatures.model_fields)
    for name in inputs.icb_features:
        if name not in features:
            loc = ("parameters", "icb_features", name)
            out.append((loc, unknown(name, features)))
    spoilers = [a.id for a in case.with_role(Role.SPOILER)]
    for name in inputs.spoiler_restraint:
        if name not in spoilers:
            loc = ("parameters", "spoiler_restraint", name)
            out.append((loc, f"{name!r} is not a spoiler of this case (spoilers: "
                             f"{', '.join(spoilers) or 'none'})"))  # fmt: skip
    out.extend(_feature_problems(inputs))
    if not out:
        try:
            case_inputs(case)
        except InputError as exc:
            out.append((("parameters",), str(exc).removeprefix(f"case {case.id!r}: ")))
    return out


def _feature_problems(inputs: CaseInputs) -> list[tuple[tuple[str | int, ...], str]]:
    """Each ICB feature value the codebook does not allow, at its own `value:` line, with the
    allowed values pydantic names (e.g. a mediation style that is not one of ICB's three)."""
    if not inputs.icb_features:
        return []  # no features: the forecast uses plain ICB frequencies
    known = {k: v.value for k, v in inputs.icb_features.items() if k in CrisisFeatures.model_fields}
    try:
        CrisisFeatures(**known)
    except ValidationError as exc:
        out: list[tuple[tuple[str | int, ...], str]] = []
        misspelt = set(inputs.icb_features) - set(known)
        for err in exc.errors(include_url=False):
            if err["type"] == "missing" and misspelt:
                continue  # the misspelt name, reported above, is the missing one
            name = str(err["loc"][0]) if err["loc"] else ""
            at = ("value",) if name in inputs.icb_features else ()
            loc = ("parameters", "icb_features", *((name, *at) if name else ()))
            out.append((loc, str(err["msg"])))
        return out
    return []


def base_rates(inputs: CaseInputs, overrides: dict[str, Any] | None = None) -> BaseRates:
    """Base rates for crises like this one (plain ICB frequencies when the case has no features).

    `overrides` are what-if feature values; a bad one raises InputError naming its lever."""
    try:
        features = inputs.features(overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(x) for x in first["loc"])
        raise InputError(f"lever icb.{field}: {first['msg']}") from None
    return climatology() if features is None else predict_base_rates(features)


_STAGES = 6


def _branches(
    r: int, g: int, e: int, j: dict[str, float], h: dict[str, float]
) -> Iterator[tuple[float, int, int, int]]:
    """(probability, rung, stage, ever-strike) after one day from (r, g, e): the kernel's moves
    in the kernel's order, with no spoiler, reference forces and gap, and no standing floor."""
    inc = -math.expm1(-j["conflict.incident_rate"])
    up = [j["conflict.escalation_rate"]] * 4 + [h["strike"], h["war"], 0.0]
    down = [0.0] + [j["conflict.deescalation_rate"]] * 4 + [j["conflict.strike_end_rate"], 0.0]
    damp = j["conflict.talks_damping"] * PROGRESS[g]
    esc = (1 - damp) * (j["conflict.collapse_boost"] if g in (0, 5) else 1.0)
    for p_inc, r1 in ((1 - inc, r), (inc, max(r, 4))):
        mis = j["conflict.misperception"] if p_inc == inc else 0.0
        for p_mis, r2 in ((1 - mis, r1), (mis, max(r1, 5))):
            if p_inc * p_mis == 0:
                continue
            pu = -math.expm1(-up[r2] * esc)
            pd = min(-math.expm1(-down[r2] * (1 + damp)) if r2 > 0 else 0.0, 1 - pu)
            for p_move, r3 in ((pu, min(r2 + 1, 6)), (pd, max(r2 - 1, 0)), (1 - pu - pd, r2)):
                if p_move == 0:
                    continue
                base = p_inc * p_mis * p_move
                e3 = int(e or r3 >= 5)
                for p_t, g3 in _talks(g, r3, new_strike=r3 >= 5 and not e, j=j, h=h):
                    yield base * p_t, r3, g3, e3


def _talks(
    g: int, r: int, new_strike: bool, j: dict[str, float], h: dict[str, float]
) -> Iterator[tuple[float, int]]:
    """Talks-track moves of one day from stage g (kernel order: a new strike may break talks)."""
    if 1 <= g <= 3:
        broken = j["talks.strike_collapse_prob"] if new_strike else 0.0
        p_prog = -math.expm1(-h["stage"])
        p_col = min(
            -math.expm1(-h["collapse"] * (1 + j["talks.escalation_collapse"] * max(r - 3, 0))),
            1 - p_prog,
        )
        yield broken, 5
        yield (1 - broken) * p_prog, g + 1
        yield (1 - broken) * p_col, 5
        yield (1 - broken) * (1 - p_prog - p_col), g
    elif g in (0, 5):
        p_open = -math.expm1(-j["talks.open_rate" if g == 0 else "talks.reopen_rate"])
        yield p_open, 1
        yield 1 - p_open, g
    else:
        yield 1.0, g


def _reach(h: dict[str, float], j: dict[str, float], days: int) -> tuple[float, float]:
    """P(strikes by `days`), P(major war by `days`) under reference conditions: start at military
    signalling with indirect talks open, forces and agenda gap at their reference values, no
    spoiler, no standing floor. Exact: a Markov chain over (rung, talks stage, ever-struck) with
    the kernel's daily moves, so the derivation carries no Monte Carlo noise."""
    n = 7 * _STAGES * 2

    def idx(r: int, g: int, e: int) -> int:
        return (r * _STAGES + g) * 2 + e

    step = np.zeros((n, n))
    for r in range(7):
        for g in range(_STAGES):
            for e in (0, 1):
                for p, r3, g3, e3 in _branches(r, g, e, j, h):
                    step[idx(r, g, e), idx(r3, g3, e3)] += p
    v = np.zeros(n)
    v[idx(3, 1, 0)] = 1.0
    for _ in range(days):
        v = v @ step
    mass = v.reshape(7, _STAGES, 2)
    return float(mass[:, :, 1].sum()), float(mass[6].sum())


def _solve(f: Callable[[float], float], target: float) -> float:
    """The daily hazard in [1e-6, 10] at which the increasing f hits target (clamped at the
    ends: a target the other parameters already exceed gives the lower end)."""
    lo, hi = math.log(1e-6), math.log(10.0)
    if f(math.exp(lo)) >= target:
        return math.exp(lo)
    if f(math.exp(hi)) <= target:
        return math.exp(hi)
    from scipy.optimize import brentq  # here: a forecast imports no scipy until it solves

    # Brent's method on the log-hazard: a dozen chain evaluations instead of bisection's thirty
    return math.exp(brentq(lambda x: f(math.exp(x)) - target, lo, hi, xtol=1e-9))


_DERIVED: dict[tuple[str, tuple[tuple[str, float], ...]], dict[str, float]] = {}


def derived_values(br: BaseRates, judgement: dict[str, float]) -> dict[str, float]:
    """Point values of the `derive: icb` parameters, solved once per base rates and judgements."""
    key = (br.model_dump_json(), tuple(sorted(judgement.items())))
    if key not in _DERIVED:
        _DERIVED[key] = _derive(br, judgement)
    return dict(_DERIVED[key])


def _derive(br: BaseRates, judgement: dict[str, float]) -> dict[str, float]:
    """Point values of the `derive: icb` parameters (definitions in parameters.yaml).

    Talks: closed form from the ICB agreement probability and median duration. Confrontation:
    the strike and war rates are solved so that, under reference conditions, the model reaches
    strikes / major war within the ICB median duration with the ICB probabilities of serious
    clashes or war / of full-scale war, the other parameters at their point values.
    """
    p_agree = br.outcome["formal_agreement"] + br.outcome["semi_formal"]
    stage = 3 * math.log(2) / br.duration.median_days
    ratio = p_agree ** (-1 / 3) - 1
    days = max(1, round(br.duration.median_days))
    v = br.violence
    j = judgement
    rates = {"stage": stage, "collapse": stage * ratio, "war": 0.0}

    def hazards(strike: float, war: float) -> dict[str, float]:
        return {**rates, "strike": strike, "war": war}

    strike = _solve(
        lambda k: _reach(hazards(k, 0.0), j, days)[0], v["serious_clashes"] + v["full_scale_war"]
    )
    war = _solve(lambda k: _reach(hazards(strike, k), j, days)[1], v["full_scale_war"])
    return {
        "talks.stage_rate": stage,
        "talks.collapse_ratio": ratio,
        "conflict.strike_rate": strike,
        "conflict.war_rate": war,
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
