"""Model parameters: the documented YAML, their resolved values for one case, and their draws.

Each Monte Carlo parameter draw samples every parameter from its range, so the forecast carries
parameter uncertainty, not only the chance in one run.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, model_validator

Derive = Literal["icb", "estimated", "judgement"]
ESTIMATES_RESOURCE = "estimated.json"
Dist = Literal["uniform", "loguniform"]


class ParamSpec(BaseModel):
    """One entry of `parameters.yaml`: what it is and where its number comes from."""

    model_config = ConfigDict(extra="forbid")

    name: str
    derive: Derive
    value: float | None = None
    range: tuple[float, float]
    dist: Dist
    doc: str

    @model_validator(mode="after")
    def _consistent(self) -> ParamSpec:
        lo, hi = self.range
        if lo > hi:
            raise ValueError(f"parameter {self.name}: range must be [low, high]")
        if self.derive == "judgement" and (self.value is None or not lo <= self.value <= hi):
            raise ValueError(f"parameter {self.name}: judgement value must lie in its range")
        if self.dist == "loguniform" and lo <= 0:
            raise ValueError(f"parameter {self.name}: a log-uniform range must be positive")
        return self


class Param(BaseModel):
    """A parameter resolved for one case: point value, sampling range and its source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    value: float
    low: float
    high: float
    dist: Dist
    source: str

    def fixed(self, value: float, source: str) -> Param:
        return Param(
            name=self.name, value=value, low=value, high=value, dist="uniform", source=source
        )

    def scaled(self, factor: float, source: str) -> Param:
        return Param(
            name=self.name,
            value=self.value * factor,
            low=self.low * factor,
            high=self.high * factor,
            dist=self.dist,
            source=source,
        )


@cache
def estimates() -> dict:
    """The back-test's estimates (`data/estimated.json`, written by scripts/fit_simulation.py):
    point value and range of every `derive: estimated` parameter."""
    path = resources.files("dualtrack.simulate") / "data" / ESTIMATES_RESOURCE
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def specs() -> dict[str, ParamSpec]:
    """The generic model parameters, read once from the package's `parameters.yaml`."""
    path = resources.files("dualtrack.simulate") / "parameters.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {name: ParamSpec(name=name, **body) for name, body in raw.items()}


def resolve(derived: dict[str, float]) -> dict[str, Param]:
    """Point values and ranges for every parameter, given the ICB-derived point values (the
    estimated ones come from the committed estimates)."""
    out: dict[str, Param] = {}
    for name, spec in specs().items():
        if spec.derive == "icb":
            v = derived[name]
            lo, hi = v * spec.range[0], v * spec.range[1]
            source = "derived from ICB base rates (factor range {}-{})".format(*spec.range)
        elif spec.derive == "estimated":
            est = estimates()["parameters"][name]
            v, (lo, hi) = float(est["value"]), est["range"]
            source = "estimated on the ICB v14 training split (data/estimated.json)"
        else:
            v, (lo, hi) = float(spec.value), spec.range  # type: ignore[arg-type]
            source = "analyst judgement (parameters.yaml)"
        out[name] = Param(name=name, value=v, low=lo, high=hi, dist=spec.dist, source=source)
    return out


def from_unit(p: Param, u: np.ndarray) -> np.ndarray:
    """Values of `p` at quantiles `u` in [0, 1] of its draw: one mapping for the Monte Carlo
    draws and the Sobol design, so both sample the same distribution."""
    if p.high == p.low:
        return np.full(len(u), p.value)
    if p.dist == "loguniform":
        return np.exp(np.log(p.low) + u * (np.log(p.high) - np.log(p.low)))
    return p.low + u * (p.high - p.low)


def sample(params: dict[str, Param], rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """`n` joint draws of every parameter (independent across parameters), in name order."""
    return {name: from_unit(params[name], rng.random(n)) for name in sorted(params)}


def point(params: dict[str, Param], n: int) -> dict[str, np.ndarray]:
    """`n` copies of every parameter's point value (the tornado's reference draw)."""
    return {name: np.full(n, p.value) for name, p in sorted(params.items())}
