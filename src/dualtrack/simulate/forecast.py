"""The forecast: build the model for a case as of a date, run it on an engine, summarise it.

Runs are cut into fixed chunks of `CHUNK` runs; chunk i always gets the random stream
`SeedSequence(seed, spawn_key=(2 + i,))` and run r always uses parameter draw r % draws, so the
numbers depend on the seed only, never on the engine or the number of workers.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Literal, NamedTuple

import numpy as np
from pydantic import BaseModel, ConfigDict

from dualtrack.calibrate import BaseRates
from dualtrack.cases import load_case
from dualtrack.model import Case
from dualtrack.parallel import EngineError, ray_runtime
from dualtrack.simulate import params as P
from dualtrack.simulate import sobol
from dualtrack.simulate.baserate import (
    base_rates,
    case_inputs,
    derived_values,
    end_state_rates,
)
from dualtrack.simulate.engine import (
    EVENTS,
    FIVE_WAY,
    JOINT,
    OUTCOMES,
    Paths,
    Start,
    run_paths,
)
from dualtrack.simulate.errors import InputError
from dualtrack.simulate.forces import combined
from dualtrack.simulate.levers import PROBABILITIES, Levers, parse_levers
from dualtrack.simulate.state import (
    InitialState,
    data_span,
    initial_state,
    reported_forces,
    with_agenda,
    with_ceasefire,
)

HORIZONS = (7, 30, 90)
MAX_HORIZON = 3 * 365
CHUNK = 10_000
# Below this many runs `engine="ray"` runs locally (same numbers): Ray's start (about 7 s, then
# the workers) costs more than it saves until a run takes about that long on one core.
RAY_MIN_RUNS = 200_000
MAX_DRAWS = 500
RUNS_PER_DRAW = 100
TORNADO_RUNS = 1_000
TOP_DRIVERS = 10
DRIVER_TARGET = "first_strike"
Engine = Literal["local", "ray"]
DriverMethod = Literal["tornado", "sobol", "none"]
DRIVER_METHODS: tuple[str, ...] = ("tornado", "sobol", "none")
Progress = Callable[[int, int], None]


class Driver(BaseModel):
    """One driver of the target probability, by the forecast's `drivers_method`.

    Tornado: `effect` = p_high - p_low, the target with the parameter at its low and at its high
    end, others at their points. Sobol: `effect` = `st`, the total-order index (share of the
    target's variance over the parameter ranges the parameter has a hand in); `s1` the share it
    explains alone; `*_conf` 95% bootstrap half-widths; p_low/p_high are not defined.
    """

    name: str
    effect: float
    low: float  # the parameter's range
    high: float
    p_low: float | None = None
    p_high: float | None = None
    s1: float | None = None
    s1_conf: float | None = None
    st: float | None = None
    st_conf: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON entry: name and effect, plus the Sobol indices when there are any."""
        out: dict[str, Any] = {"name": self.name, "effect": self.effect}
        if self.st is not None:
            out.update(s1=self.s1, s1_conf=self.s1_conf, st=self.st, st_conf=self.st_conf)
        return out


class Scenario(BaseModel):
    """Per horizon: the five-way view plus the window events (`horizons`), the joint end states
    violence x talks (`joint`), their 90% intervals; and the major-strike curve."""

    horizons: dict[str, dict[str, float]]  # OUTCOMES, then EVENTS
    intervals90: dict[str, dict[str, tuple[float, float]]]
    joint: dict[str, dict[str, float]]  # JOINT codes "violence|talks"
    joint_intervals90: dict[str, dict[str, tuple[float, float]]]
    strike_curve: list[float]  # P(first major strike by day d), d = 0..horizon


class WhatIf(Scenario):
    """A what-if run: the levers as given, its scenario and its own ICB base-rate line (which
    moves only when a lever recodes the case's ICB features)."""

    set: dict[str, str]
    base_rate: dict[str, dict[str, float]]


class Forecast(Scenario):
    """A forecast for one case as of one date; `to_json` gives the documented JSON."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    case: str
    asof: dt.date
    runs: int
    seed: int
    horizon: int
    engine: str
    draws: int  # Monte Carlo parameter draws the runs are spread over
    base_rate: dict[str, dict[str, float]]
    base_rate_source: str
    drivers: list[Driver]
    drivers_method: DriverMethod = "tornado"
    sobol_samples: int = 0  # Sobol base samples N and runs per design point (0: not Sobol)
    sobol_runs: int = 0
    driver_target: str
    levers: WhatIf | None
    start: InitialState
    parameters: dict[str, P.Param]

    def to_dict(self) -> dict[str, Any]:
        """The issue's JSON shape: case, asof, runs, seed, horizons, intervals90, base_rate,
        drivers ({name, effect}; Sobol adds s1, s1_conf, st, st_conf), drivers_method, levers
        ({} or {set, horizons, intervals90, base_rate})."""
        levers: dict[str, Any] = {}
        if self.levers is not None:
            levers = {
                "set": self.levers.set,
                "horizons": self.levers.horizons,
                "intervals90": {
                    h: {k: list(v) for k, v in row.items()}
                    for h, row in self.levers.intervals90.items()
                },
                "base_rate": self.levers.base_rate,
                "joint": self.levers.joint,
            }
        return {
            "case": self.case,
            "asof": self.asof.isoformat(),
            "runs": self.runs,
            "seed": self.seed,
            "horizons": self.horizons,
            "intervals90": {
                h: {k: list(v) for k, v in row.items()} for h, row in self.intervals90.items()
            },
            "base_rate": self.base_rate,
            "joint": self.joint,
            "joint_intervals90": {
                h: {k: list(v) for k, v in row.items()} for h, row in self.joint_intervals90.items()
            },
            "drivers": [d.to_dict() for d in self.drivers],
            "drivers_method": self.drivers_method,
            "levers": levers,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)


class _Model(BaseModel):
    """Everything a run needs, for the base case or a what-if."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    params: dict[str, P.Param]
    start: InitialState
    rates: BaseRates


def _spoiler_hazard(d: dict[str, np.ndarray], start: InitialState) -> np.ndarray:
    """Summed spoiler strike hazard per draw (restraint and recent threats, per spoiler)."""
    total = np.zeros_like(d["spoiler.rate"])
    for s in start.spoilers:
        mult = {
            "low": d["spoiler.restraint_low"],
            "medium": 1.0,
            "high": d["spoiler.restraint_high"],
        }[s.restraint]
        total = total + mult * (1 + d["spoiler.threat_boost"] * s.threatened)
    return d["spoiler.rate"] * total


def _kernel_inputs(d: dict[str, np.ndarray], start: InitialState) -> dict[str, np.ndarray]:
    mediated = np.full(len(d["spoiler.rate"]), float(start.mediated))
    return {**d, "spoiler.hazard": _spoiler_hazard(d, start), "case.mediated": mediated}


def _start(s: InitialState) -> Start:
    return Start(rung=s.rung, floor=s.floor, stage=int(s.stage), gap=s.gap, ceasefire=s.ceasefire)


def _counts(paths: Paths, idx: np.ndarray, n_draws: int) -> np.ndarray:
    """Runs per horizon, draw and column [horizons, draws, JOINT then EVENTS]."""
    k = len(JOINT)
    joint = np.stack(
        [
            np.bincount(idx * k + row, minlength=n_draws * k).reshape(n_draws, k)
            for row in paths.joint
        ]
    )
    events = np.stack(
        [
            np.stack(
                [np.bincount(idx, weights=paths.event(e)[j], minlength=n_draws) for e in EVENTS],
                axis=1,
            )
            for j in range(len(paths.joint))
        ]
    ).astype(np.int64)
    return np.concatenate([joint, events], axis=2)


def run_chunk(
    draws: dict[str, np.ndarray],
    start: Start,
    horizons: tuple[int, ...],
    seed: int,
    index: int,
    lo: int,
    hi: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Runs [lo, hi): counts [horizons, draws, JOINT then EVENTS] and first-strike day counts."""
    n_draws = len(draws["talks.stage_rate"])
    idx = np.arange(lo, hi) % n_draws
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(2 + index,)))
    paths = run_paths({k: v[idx] for k, v in draws.items()}, start, horizons, rng)
    return _counts(paths, idx, n_draws), np.bincount(paths.first_major, minlength=max(horizons) + 2)


def _chunks(runs: int) -> list[tuple[int, int, int]]:
    return [(i, lo, min(lo + CHUNK, runs)) for i, lo in enumerate(range(0, runs, CHUNK))]


@cache
def _ray_chunk() -> Any:
    import ray

    return ray.remote(run_chunk)


def _ray(workers: int | None) -> Any:
    try:
        return ray_runtime(workers)
    except EngineError as e:
        raise InputError(str(e)) from None


def _require_ray() -> None:
    """Fail early (before any run) when Ray is asked for but not installed."""
    try:
        found = find_spec("ray") is not None
    except ValueError:  # sys.modules["ray"] is None: importing it is blocked
        found = False
    if not found:
        _ray(None)  # raises the install hint


def _execute(
    draws: dict[str, np.ndarray],
    start: Start,
    horizons: tuple[int, ...],
    seed: int,
    runs: int,
    engine: Engine,
    workers: int | None,
    progress: Progress | None,
) -> tuple[np.ndarray, np.ndarray]:
    parts: list[tuple[np.ndarray, np.ndarray]] = []
    done = 0
    if engine == "local" or runs < RAY_MIN_RUNS:
        for i, lo, hi in _chunks(runs):
            parts.append(run_chunk(draws, start, horizons, seed, i, lo, hi))
            done += hi - lo
            if progress:
                progress(done, runs)
    else:
        ray = _ray(workers)
        remote, shared = _ray_chunk(), ray.put(draws)
        refs = {
            remote.remote(shared, start, horizons, seed, i, lo, hi): (i, hi - lo)
            for i, lo, hi in _chunks(runs)
        }
        results: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        pending = list(refs)
        while pending:
            ready, pending = ray.wait(pending, num_returns=1)
            i, size = refs[ready[0]]
            results[i] = ray.get(ready[0])
            done += size
            if progress:
                progress(done, runs)
        parts = [results[i] for i in sorted(results)]
    counts = np.sum([c for c, _ in parts], axis=0)
    curve = np.sum([c for _, c in parts], axis=0)
    return counts, curve


_FIVE_OF_JOINT = (FIVE_WAY[:, None] == np.arange(len(OUTCOMES))).astype(float)
"""[JOINT, OUTCOMES]: the five-way view as sums of joint states."""


def _summarise(
    counts: np.ndarray, curve: np.ndarray, horizons: tuple[int, ...], runs: int
) -> Scenario:
    """Probabilities over all runs and 90% intervals over the parameter draws, per horizon."""
    k = len(JOINT)
    tables: dict[str, tuple[dict, dict]] = {"view": ({}, {}), "joint": ({}, {})}
    for j, h in enumerate(horizons):
        joint, events = counts[j][:, :k], counts[j][:, k:]
        view = np.concatenate([joint @ _FIVE_OF_JOINT, events], axis=1)
        per_draw_n = np.maximum(joint.sum(axis=1, keepdims=True), 1)
        for name, table, keys in (("view", view, (*OUTCOMES, *EVENTS)), ("joint", joint, JOINT)):
            total = table.sum(axis=0)
            lo, hi = np.quantile(table / per_draw_n, [0.05, 0.95], axis=0)
            tables[name][0][str(h)] = {key: float(total[i] / runs) for i, key in enumerate(keys)}
            tables[name][1][str(h)] = {  # rounded: quantile interpolation leaves float noise
                key: (round(float(lo[i]), 6), round(float(hi[i]), 6)) for i, key in enumerate(keys)
            }
    horizon = max(horizons)
    strike = (np.cumsum(curve)[: horizon + 1] / runs).tolist()
    return Scenario(
        horizons=tables["view"][0],
        intervals90=tables["view"][1],
        joint=tables["joint"][0],
        joint_intervals90=tables["joint"][1],
        strike_curve=strike,
    )


def _drivers(
    model: _Model, horizons: tuple[int, ...], seed: int, runs: int, target: str = DRIVER_TARGET
) -> list[Driver]:
    """One-at-a-time tornado on common random numbers: every other parameter at its point."""
    varied = [n for n, p in sorted(model.params.items()) if p.high > p.low]
    n = min(runs, TORNADO_RUNS)
    blocks = [(name, end) for name in varied for end in ("low", "high")]
    d = P.point(model.params, n * len(blocks))
    for b, (name, end) in enumerate(blocks):
        d[name][b * n : (b + 1) * n] = getattr(model.params[name], end)
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(1,)))
    paths = run_paths(
        _kernel_inputs(d, model.start), _start(model.start), horizons, rng, reps=len(blocks)
    )
    hit = sobol.TARGETS[target](paths)
    share = hit.reshape(len(blocks), n).mean(axis=1)
    out = [
        Driver(
            name=name,
            effect=round(float(share[2 * i + 1] - share[2 * i]), 6),
            low=model.params[name].low,
            high=model.params[name].high,
            p_low=float(share[2 * i]),
            p_high=float(share[2 * i + 1]),
        )
        for i, name in enumerate(varied)
    ]
    out.sort(key=lambda dr: (-abs(dr.effect), dr.name))
    return out[:TOP_DRIVERS]


def _sobol_drivers(
    model: _Model,
    horizons: tuple[int, ...],
    seed: int,
    samples: int,
    runs_per_point: int,
    progress: Callable[[int], None] | None,
    target: str = DRIVER_TARGET,
) -> list[Driver]:
    """Sobol indices (SALib) of the target (by default the tornado's), over the parameters'
    draws: every parameter with a range, by total-order index."""
    rows = sobol.sobol_indices(
        model.params,
        lambda d: _kernel_inputs(d, model.start),
        _start(model.start),
        horizons,
        seed,
        samples,
        runs_per_point,
        progress,
        target,
    )
    out = [
        Driver(
            name=r.name,
            effect=r.st,
            low=model.params[r.name].low,
            high=model.params[r.name].high,
            s1=r.s1,
            s1_conf=r.s1_conf,
            st=r.st,
            st_conf=r.st_conf,
        )
        for r in rows
    ]
    out.sort(key=lambda dr: (-dr.effect, dr.name))
    return out


def _driver_method(drivers: bool | str) -> DriverMethod:
    """`drivers=True/False` (the old switch) means tornado/none."""
    if isinstance(drivers, bool):
        return "tornado" if drivers else "none"
    if drivers not in DRIVER_METHODS:
        raise InputError(f"drivers must be one of {', '.join(DRIVER_METHODS)}, got {drivers!r}")
    return drivers  # type: ignore[return-value]


def _check_sobol(samples: int, runs_per_point: int) -> None:
    if samples < 2 or samples & (samples - 1):
        raise InputError(
            f"Sobol samples must be a power of two of at least 2 (e.g. 64), got {samples}"
        )
    if runs_per_point < 1:
        raise InputError(f"Sobol runs per point must be at least 1, got {runs_per_point}")


def _build(case: Case, asof: dt.date, levers: Levers) -> _Model:
    inputs = case_inputs(case)
    if levers.features and inputs.features() is None:
        raise InputError(
            f"case {case.id!r} has no parameters.icb_features for an icb lever to "
            "change; mediator=none and icb.* need them"
        )
    rates = base_rates(inputs, levers.features)
    judgement = {n: s.value for n, s in P.specs().items() if s.derive == "judgement"}
    params = P.resolve(derived_values(rates, judgement))  # type: ignore[arg-type]
    (f, flo, fhi, fsource) = combined(reported_forces(case, asof, inputs.forces())[0])
    params["case.forces"] = P.Param(
        name="case.forces", value=f, low=flo, high=fhi, dist="uniform", source=fsource
    )
    for name, (kind, number) in levers.params.items():
        p = params[name]
        params[name] = (
            p.fixed(number, f"what-if: set to {number:g}")
            if kind == "set"
            else p.scaled(number, f"what-if: x{number:g} ({p.source})")
        )
        if name in PROBABILITIES and params[name].high > 1:
            raise InputError(
                f"lever {name}: scaling by {number:g} takes it above 1 (it is a "
                "probability or share)"
            )
    restraint = {**inputs.restraint(), **levers.restraint}
    start = initial_state(
        with_agenda(case, levers.agenda),
        asof,
        memory_days=int(params["state.memory_days"].value),
        gap_default=params["talks.gap_reference"].value,
        spoiler_restraint=restraint,
        mediated=False if levers.features.get("mediation") is False else None,
    )
    start = with_ceasefire(case, start)
    return _Model(params=params, start=start, rates=rates)


def _draws(model: _Model, seed: int, n_draws: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(0,)))
    return _kernel_inputs(P.sample(model.params, rng, n_draws), model.start)


def parameter_names() -> list[str]:
    """Every parameter a lever may set by name (the YAML's plus the case's `case.forces`)."""
    return [*P.specs(), "case.forces"]


def _advancing(progress: Progress | None, done: int, total: int) -> Callable[[int], None]:
    """A callback for `n` more model runs done, moving `progress` on from `done` of `total`."""
    count = [done]

    def step(n: int) -> None:
        count[0] += n
        if progress:
            progress(count[0], total)

    return step


def _check_run(engine: Engine, seed: int, driver_target: str) -> None:
    """The run's own settings, before the case is read: engine, seed, what drivers explain."""
    if engine not in ("local", "ray"):
        raise InputError(f"engine must be 'local' or 'ray', got {engine!r}")
    if seed < 0:
        raise InputError(f"--seed must be 0 or more, got {seed}")
    if engine == "ray":
        _require_ray()
    if driver_target not in sobol.TARGETS:
        raise InputError(
            f"driver target must be one of {', '.join(sobol.TARGETS)}, got {driver_target!r}"
        )


def check_inputs(
    case: Case, asof: dt.date | None, horizon: int, runs: int, data_end: dt.date | None = None
) -> dt.date:
    """Validate the run's inputs; return the forecast date (default: the end of the case's data;
    `data_end` extends it: the case was cut from data that run to then)."""
    if runs < 1:
        raise InputError(f"runs must be at least 1, got {runs}")
    if not 1 <= horizon <= MAX_HORIZON:
        raise InputError(f"horizon must be 1 to {MAX_HORIZON} days (3 years), got {horizon}")
    try:
        first, last = data_span(case)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if data_end is not None:
        last = max(last, data_end)
    if asof is None:
        return last
    if asof < first:
        raise InputError(f"asof {asof} is before the case's first event ({first})")
    if asof > last:
        raise InputError(
            f"asof {asof} is after the end of the case's data ({last}); "
            "add the events up to that date first"
        )
    return asof


class _Plan(NamedTuple):
    """What every scenario of one forecast shares (horizons, seed, runs, engine), and the model
    runs of the whole forecast, so each scenario's progress is reported against the same total."""

    horizons: tuple[int, ...]
    seed: int
    runs: int
    n_draws: int
    engine: Engine
    workers: int | None
    progress: Progress | None
    total: int  # base, what-if and Sobol runs together
    sobol_total: int  # of which the Sobol design's


def _horizons(horizon: int) -> tuple[int, ...]:
    """The standard horizons up to `horizon`, and `horizon` itself."""
    return tuple(sorted({h for h in HORIZONS if h <= horizon} | {horizon}))


def _scenario(model: _Model, plan: _Plan, offset: int) -> Scenario:
    """One model run `plan.runs` times and summarised; progress counts on from `offset` runs done
    (a what-if runs after the base), so one bar covers the whole forecast."""
    progress = plan.progress
    step = (lambda d, _t: progress(offset + d, plan.total)) if progress else None
    counts, curve = _execute(
        _draws(model, plan.seed, plan.n_draws),
        _start(model.start),
        plan.horizons,
        plan.seed,
        plan.runs,
        plan.engine,
        plan.workers,
        step,
    )
    return _summarise(counts, curve, plan.horizons, plan.runs)


def _what_if(model: _Model, lev: Levers, plan: _Plan) -> WhatIf:
    """The levers' scenario on the base's seed (so the difference is the levers', not chance),
    with the base rate it implies and the levers as the user typed them."""
    return WhatIf(
        set=lev.given,
        base_rate=end_state_rates(model.rates, plan.horizons),
        **_scenario(model, plan, plan.runs).model_dump(),
    )


def _forecast_drivers(
    base: _Model,
    plan: _Plan,
    method: DriverMethod,
    target: str,
    samples: int,
    runs_per_point: int,
) -> list[Driver]:
    """The forecast's drivers of `target`: the tornado's, or the top Sobol ones (their runs come
    last on the progress bar), or none."""
    if method == "tornado":
        return _drivers(base, plan.horizons, plan.seed, plan.runs, target)
    if method == "sobol":
        step = _advancing(plan.progress, plan.total - plan.sobol_total, plan.total)
        found = _sobol_drivers(
            base, plan.horizons, plan.seed, samples, runs_per_point, step, target
        )
        return found[:TOP_DRIVERS]
    return []


def forecast(
    case: str | Path | Case,
    asof: dt.date | None = None,
    horizon: int = 90,
    runs: int = 10_000,
    seed: int = 0,
    levers: Mapping[str, str] | Iterable[str] | None = None,
    engine: Engine = "local",
    workers: int | None = None,
    drivers: DriverMethod | bool = "tornado",
    progress: Progress | None = None,
    sobol_samples: int = sobol.SAMPLES,
    sobol_runs: int = sobol.RUNS_PER_POINT,
    driver_target: str = DRIVER_TARGET,
    data_end: dt.date | None = None,
) -> Forecast:
    """Forecast the case's end states at 7/30/90 days (those within `horizon`, plus `horizon`).

    `levers` (`["incident_rate=x2"]` or `{"mediator": "none"}`) add a what-if run on the same
    seed, reported beside the base forecast. `engine="ray"` spreads chunks over Ray workers with
    the same numbers as `"local"`. `drivers` is "tornado" (one at a time), "sobol" (variance-
    based, `sobol_samples` base samples N, a power of two, and `sobol_runs` runs per design
    point) or "none"; True/False mean tornado/none; `driver_target` is what they explain, a key
    of `sobol.TARGETS` at the last horizon (e.g. "ceasefire_reached"). Drivers run locally on
    either engine, so the numbers do not depend on it. `data_end`: the case is the data as they
    stood then, cut from data that run later (a replay's day with no events of its own is still
    a day of data). Raises `InputError` on any bad input.
    """
    c = case if isinstance(case, Case) else load_case(case)
    _check_run(engine, seed, driver_target)
    day = check_inputs(c, asof, horizon, runs, data_end)
    method = _driver_method(drivers)
    if method == "sobol":
        _check_sobol(sobol_samples, sobol_runs)
    lev = parse_levers(c, levers or [], parameter_names())
    base = _build(c, day, Levers())
    alt_model = _build(c, day, lev) if lev else None  # bad levers fail before any run
    varied = sum(p.high > p.low for p in base.params.values())
    sobol_total = sobol.model_runs(varied, sobol_samples, sobol_runs) if method == "sobol" else 0
    plan = _Plan(
        horizons=_horizons(horizon),
        seed=seed,
        runs=runs,
        n_draws=int(np.clip(runs // RUNS_PER_DRAW, 1, MAX_DRAWS)),
        engine=engine,
        workers=workers,
        progress=progress,
        total=runs * (2 if lev else 1) + sobol_total,
        sobol_total=sobol_total,
    )
    result = _scenario(base, plan, 0)
    what_if = _what_if(alt_model, lev, plan) if alt_model is not None else None
    found = _forecast_drivers(base, plan, method, driver_target, sobol_samples, sobol_runs)
    return Forecast(
        **result.model_dump(),
        case=c.id,
        asof=day,
        runs=runs,
        seed=seed,
        horizon=horizon,
        engine=engine,
        draws=plan.n_draws,
        base_rate=end_state_rates(base.rates, plan.horizons),
        base_rate_source=base.rates.source,
        drivers=found,
        drivers_method=method,
        sobol_samples=sobol_samples if method == "sobol" else 0,
        sobol_runs=sobol_runs if method == "sobol" else 0,
        driver_target=driver_target,
        levers=what_if,
        start=base.start,
        parameters=base.params,
    )


def sobol_drivers(
    case: str | Path | Case,
    asof: dt.date | None = None,
    horizon: int = 90,
    seed: int = 0,
    levers: Mapping[str, str] | Iterable[str] | None = None,
    samples: int = sobol.SAMPLES,
    runs_per_point: int = sobol.RUNS_PER_POINT,
    target: str = DRIVER_TARGET,
) -> list[Driver]:
    """Sobol indices of P(target by `horizon`) for every parameter with a range (the forecast
    lists the top ten of the default target, limited strikes or major war; `target="agreement"`
    analyses an agreement or framework instead), under `levers` if given: a lever that fixes a
    parameter takes it out of the analysis, one that scales it moves its range."""
    c = case if isinstance(case, Case) else load_case(case)
    day = check_inputs(c, asof, horizon, 1)
    _check_sobol(samples, runs_per_point)
    if target not in sobol.TARGETS:
        raise InputError(f"target must be one of {', '.join(sobol.TARGETS)}, got {target!r}")
    model = _build(c, day, parse_levers(c, levers or [], parameter_names()))
    return _sobol_drivers(model, _horizons(horizon), seed, samples, runs_per_point, None, target)
