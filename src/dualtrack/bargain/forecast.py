"""The function layer: a case, a case id or a CSV in, every model's forecast per issue out.

The returned dict is the JSON the CLI prints (`dualtrack bargain ... --format json`):
`{"issues": [{"issue": ID, "actors": N, "models": {MODEL: {"forecast": x, "interval90": [lo, hi]
or null, ...}}}]}`; the challenge model ("eu") also gives its `rounds`.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from dualtrack.bargain.challenge import MAX_ROUNDS, ChallengeSettings, challenge_rounds
from dualtrack.bargain.inputs import IssueInput, from_case, read_csv
from dualtrack.bargain.spatial import (
    BargainInputError,
    as_inputs,
    nash_solution,
    weighted_mean,
    weighted_median,
    weights_of,
)
from dualtrack.bargain.uncertainty import Distribution, draw_inputs, summarise
from dualtrack.model import Case

F = NDArray[np.float64]

MODELS = ("compromise", "median", "nash", "eu")

# Work refused up front rather than discovered as a 75 GB allocation minutes in: the challenge
# model holds a few actors x actors arrays per draw, and every model keeps draws x actors values.
MAX_DRAWS = 200_000
MAX_EU_ACTORS = 2_000
MAX_CELLS = 40_000_000  # floats held at once (about 320 MB)


def check_size(inp: IssueInput, models: tuple[str, ...], rounds: int, draws: int) -> None:
    """Refuse, before any work, an issue whose run would not fit in memory."""
    n = len(inp.actors)
    kept = draws * n * (3 + len(models)) if draws and inp.has_ranges else 0
    if "eu" in models:
        if n > MAX_EU_ACTORS:
            raise BargainInputError(
                f"{n:,} actors is too many for the challenge (eu) model (at most "
                f"{MAX_EU_ACTORS:,}: it compares every pair); "
                "use --model compromise, median or nash"
            )
        kept += (rounds + 1) * 2 * n * max(1, draws if inp.has_ranges else 1)
    if kept > MAX_CELLS:
        raise BargainInputError(
            f"{n:,} actors x {draws:,} draws x {rounds:,} rounds needs about "
            f"{kept * 8 / 2**30:.1f} GB; lower --draws or --rounds"
        )


def load_inputs(source: str | Path | Case, issue: str | None = None) -> list[IssueInput]:
    """Resolve a Case, a `.csv` path, a case file path or a built-in case id to issue inputs."""
    if isinstance(source, Case):
        return from_case(source, issue)
    path = Path(source)
    if path.suffix.lower() == ".csv":
        if not path.exists():
            raise BargainInputError(f"{path}: no such file")
        inputs = read_csv(path)
        if issue is None:
            return inputs
        chosen = [i for i in inputs if i.issue == issue]
        if not chosen:
            known = ", ".join(i.issue for i in inputs)
            raise BargainInputError(f"{path}: no issue {issue!r} (issues: {known})")
        return chosen
    from dualtrack.cases import load_case

    case = load_case(source)
    try:
        return from_case(case, issue)
    except KeyError as exc:
        raise BargainInputError(str(exc.args[0])) from None


def _scale(inp: IssueInput, x: F) -> tuple[F, F]:
    if inp.scale is not None:
        return np.full(x.shape[:-1], inp.scale[0]), np.full(x.shape[:-1], inp.scale[1])
    return x.min(axis=-1), x.max(axis=-1)


def solve(
    model: str,
    inp: IssueInput,
    x: F,
    s: F,
    c: F,
    rounds: int,
    settings: ChallengeSettings,
) -> F:
    """One model's forecasts for arrays with actors on the last axis (batch in front)."""
    w = weights_of(s, c, "capability_salience")
    if model == "compromise":
        return weighted_mean(x, w)
    if model == "median":
        return weighted_median(x, w)
    if model == "nash":
        lo, hi = _scale(inp, x)
        return nash_solution(x, w, lo, hi)
    if model == "eu":
        x2, s2, c2 = np.atleast_2d(x), np.atleast_2d(s), np.atleast_2d(c)
        final = challenge_rounds(x2, s2, c2, rounds, settings).medians[-1]
        return final.reshape(x.shape[:-1])
    raise BargainInputError(f"unknown model {model!r} (choose from {', '.join(MODELS)}, all)")


def forecast_issue(
    inp: IssueInput,
    models: tuple[str, ...] = MODELS,
    rounds: int = 10,
    draws: int = 1000,
    gen: np.random.Generator | None = None,
    distribution: Distribution = "pert",
    settings: ChallengeSettings | None = None,
) -> dict[str, Any]:
    """Every requested model's point forecast, its Monte Carlo spread, and the eu rounds."""
    settings = settings or ChallengeSettings()
    x, s, c = as_inputs(inp.position, inp.salience, inp.capability)
    sampled = None
    if draws > 0 and inp.has_ranges:
        sampled = draw_inputs(inp, draws, gen or np.random.default_rng(0), distribution)
    result: dict[str, Any] = {}
    for model in models:
        entry: dict[str, Any] = {"forecast": None, "interval90": None}
        if model == "eu":
            traj = challenge_rounds(x[None], s[None], c[None], rounds, settings)
            entry["forecast"] = float(traj.medians[-1, 0])
            entry["start"] = {"median": float(traj.medians[0, 0]), "mean": float(traj.means[0, 0])}
            entry["rounds"] = [
                {"median": float(m), "mean": float(a)}
                for m, a in zip(traj.medians[1:, 0], traj.means[1:, 0], strict=True)
            ]
        else:
            entry["forecast"] = float(solve(model, inp, x, s, c, rounds, settings))
        if sampled is not None:
            dist = summarise(
                solve(
                    model,
                    inp,
                    sampled["position"],
                    sampled["salience"],
                    sampled["capability"],
                    rounds,
                    settings,
                )
            )
            entry.update(
                interval90=dist["interval90"],
                interval80=dist["interval80"],
                mc_median=dist["median"],
            )
        result[model] = entry
    return result


def parse_models(model: str) -> tuple[str, ...]:
    if model == "all":
        return MODELS
    if model not in MODELS:
        raise BargainInputError(f"unknown model {model!r} (choose from {', '.join(MODELS)}, all)")
    return (model,)


def forecast(
    source: str | Path | Case,
    issue: str | None = None,
    model: str = "all",
    rounds: int = 10,
    draws: int = 1000,
    seed: int = 0,
    distribution: Distribution = "pert",
    settings: ChallengeSettings | None = None,
) -> dict[str, Any]:
    """Forecast every issue of a case or CSV (or one `issue`) with one model or `all`.

    Monte Carlo runs only for issues whose inputs carry ranges (`draws=0` turns it off); each
    issue gets its own stream from `seed` and its id, so selecting issues changes no number.
    """
    models = parse_models(model)
    if not 0 <= rounds <= MAX_ROUNDS:
        raise BargainInputError(f"--rounds must be 0 to {MAX_ROUNDS:,}, got {rounds:,}")
    if seed < 0:
        raise BargainInputError(f"--seed must be 0 or more, got {seed}")
    if not 0 <= draws <= MAX_DRAWS:
        raise BargainInputError(f"--draws must be 0 to {MAX_DRAWS:,}, got {draws:,}")
    inputs = load_inputs(source, issue)
    for inp in inputs:
        try:
            check_size(inp, models, rounds, draws)
        except BargainInputError as exc:
            raise BargainInputError(f"issue {inp.issue!r}: {exc}") from None
    issues = []
    for inp in inputs:
        # The stream depends on the seed and the issue's id only, not on which issues are run.
        stream = np.random.SeedSequence([seed, zlib.crc32(inp.issue.encode("utf-8"))])
        try:  # an overflow is reported once, by _check_finite, not as numpy warnings
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                models_out = forecast_issue(
                    inp, models, rounds, draws, np.random.default_rng(stream), distribution,
                    settings,
                )  # fmt: skip
        except BargainInputError as exc:
            raise BargainInputError(f"issue {inp.issue!r}: {exc}") from None
        _check_finite(inp.issue, models_out)
        issues.append({"issue": inp.issue, "actors": len(inp.actors), "models": models_out})
    return {"issues": issues}


def _check_finite(issue: str, models_out: dict[str, Any]) -> None:
    """JSON has no NaN or Infinity: inputs so large that a model overflows are an input error."""
    for model, entry in models_out.items():
        values = [entry["forecast"], *(entry.get("interval90") or [])]
        values += [r["median"] for r in entry.get("rounds", [])]
        if not all(np.isfinite(v) for v in values if v is not None):
            raise BargainInputError(
                f"issue {issue!r}: the {model} model overflows on these inputs (numbers too "
                "large to multiply); rescale capabilities and positions, e.g. to 0-100"
            )
