"""Variance-based drivers: Sobol indices of an end-state probability over the parameter ranges.

The tornado moves one parameter at a time with the others at their points; it misses what a
parameter does through its interactions and over the rest of the ranges. Sobol indices split the
variance of the target probability over the joint parameter distribution the forecast samples:
S1 is the share a parameter explains alone, ST the share it has a hand in (alone or with others).

Design (SALib): a scrambled Sobol sequence over the unit hypercube (seeded), Saltelli's radial
scheme without second-order terms (N base points give N·(D+2) parameter vectors), each vector
mapped through the parameters' own draw (`params.from_unit`, uniform or log-uniform). Each vector
is one model evaluation: `runs_per_point` simulation runs on common random numbers, the same
stream of uniforms for every vector, so the estimated probability is a function of the parameters
alone, not of Monte Carlo noise between points.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from pydantic import BaseModel

from dualtrack.simulate import params as P
from dualtrack.simulate.engine import EVENTS, OUTCOMES, Paths, Start, run_paths

SAMPLES = 64
RUNS_PER_POINT = 200
CHUNK_RUNS = 10_000
RESAMPLES = 200
"""Bootstrap resamples for the 95% confidence half-widths."""

KernelInputs = Callable[[dict[str, np.ndarray]], dict[str, np.ndarray]]


class Index(BaseModel):
    """Sobol indices of one parameter, with 95% bootstrap half-widths."""

    name: str
    s1: float
    s1_conf: float
    st: float
    st_conf: float


TARGETS: dict[str, Callable[[Paths], np.ndarray]] = {
    "limited_strikes+major_war": lambda p: p.end[-1] >= OUTCOMES.index("limited_strikes"),
    "agreement": lambda p: p.end[-1] == OUTCOMES.index("agreement"),
    **{e: (lambda p, e=e: p.event(e)[-1]) for e in EVENTS},
}
"""What a run counts for at the last horizon: fighting (a limited exchange or major war going
on), an agreement or framework in force, or a window event (`first_strike`, strikes on some
day by then, is the forecast's default; `ceasefire_reached` a ceasefire reached by then)."""


def design(params: dict[str, P.Param], samples: int, seed: int) -> tuple[list[str], np.ndarray]:
    """The varied parameters (those with a range) and the Saltelli design in the unit cube,
    shape [samples·(D+2), D]."""
    names = [n for n, p in sorted(params.items()) if p.high > p.low]
    problem = {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}
    from SALib.sample import sobol as sobol_sample  # here: only `--drivers sobol` pays for it

    unit = sobol_sample.sample(problem, samples, calc_second_order=False, seed=seed)
    return names, unit


def point_values(
    params: dict[str, P.Param], names: list[str], unit: np.ndarray
) -> dict[str, np.ndarray]:
    """Every parameter at every design point: varied ones through their draw, others at points."""
    out = P.point(params, len(unit))
    for j, name in enumerate(names):
        out[name] = P.from_unit(params[name], unit[:, j])
    return out


def evaluate(
    values: dict[str, np.ndarray],
    inputs: KernelInputs,
    start: Start,
    horizons: tuple[int, ...],
    seed: int,
    runs_per_point: int,
    progress: Callable[[int], None] | None = None,
    target: str = "first_strike",
) -> np.ndarray:
    """P(target) at each design point from `runs_per_point` runs on common random numbers.

    Points go through the kernel in chunks of about `CHUNK_RUNS` runs; every chunk restarts the
    drivers' random stream, so point k sees the same uniforms whichever chunk it falls in.
    """
    n_points = len(next(iter(values.values())))
    per_chunk = max(1, CHUNK_RUNS // runs_per_point)
    y = np.empty(n_points)
    for lo in range(0, n_points, per_chunk):
        hi = min(lo + per_chunk, n_points)
        d = {k: np.repeat(v[lo:hi], runs_per_point) for k, v in values.items()}
        rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(1,)))
        paths = run_paths(inputs(d), start, horizons, rng, reps=hi - lo)
        y[lo:hi] = TARGETS[target](paths).reshape(hi - lo, runs_per_point).mean(axis=1)
        if progress:
            progress((hi - lo) * runs_per_point)
    return y


def _bootstrap_seed(seed: int) -> int:
    """A non-zero seed for SALib's bootstrap, which treats seed 0 as no seed (global state)."""
    state = np.random.SeedSequence(seed, spawn_key=(1, 1)).generate_state(1)[0]
    return int(state) or 1


def indices(names: list[str], y: np.ndarray, seed: int) -> list[Index]:
    """S1 and ST (with 95% bootstrap half-widths) of every varied parameter, by SALib."""
    if not names:
        return []
    if np.ptp(y) == 0:  # the target does not move at all: nothing to apportion
        return [Index(name=n, s1=0.0, s1_conf=0.0, st=0.0, st_conf=0.0) for n in names]
    problem = {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}
    from SALib.analyze import sobol as sobol_analyze

    res = sobol_analyze.analyze(
        problem, y, calc_second_order=False, num_resamples=RESAMPLES, seed=_bootstrap_seed(seed)
    )
    return [
        Index(
            name=n,
            s1=float(res["S1"][j]),
            s1_conf=float(res["S1_conf"][j]),
            st=float(res["ST"][j]),
            st_conf=float(res["ST_conf"][j]),
        )
        for j, n in enumerate(names)
    ]


def sobol_indices(
    params: dict[str, P.Param],
    inputs: KernelInputs,
    start: Start,
    horizons: tuple[int, ...],
    seed: int,
    samples: int = SAMPLES,
    runs_per_point: int = RUNS_PER_POINT,
    progress: Callable[[int], None] | None = None,
    target: str = "first_strike",
) -> list[Index]:
    """Sobol indices of P(target by the last horizon), one per parameter with a range, in name
    order; the target is a key of `TARGETS`. `samples` (N) must be a power of two, as Sobol
    sequences want."""
    names, unit = design(params, samples, seed)
    if not names:
        return []
    values = point_values(params, names, unit)
    y = evaluate(values, inputs, start, horizons, seed, runs_per_point, progress, target)
    return indices(names, y, seed)


def model_runs(n_params: int, samples: int, runs_per_point: int) -> int:
    """How many simulation runs a Sobol analysis of `n_params` varied parameters takes."""
    return samples * (n_params + 2) * runs_per_point if n_params else 0
