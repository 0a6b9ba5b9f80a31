"""The one-shot spatial models: weighted mean (compromise), weighted median and Nash bargaining.

Every function takes arrays whose last axis is the actors, so the same code serves one issue
(`(n,)`) and a batch of Monte Carlo draws (`(draws, n)`). The classes wrap them in the
scikit-learn manner: `fit(positions, salience, capability)` then `predict()`.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dualtrack.errors import DualtrackError

Weighting = Literal["capability_salience", "salience", "capability", "equal"]

F = NDArray[np.float64]


class BargainInputError(DualtrackError, ValueError):
    """Inputs a bargaining model cannot use; the message says which field and why."""


def as_inputs(positions: ArrayLike, salience: ArrayLike, capability: ArrayLike) -> tuple[F, F, F]:
    """Check and broadcast the three actor arrays (last axis = actors)."""
    x = np.asarray(positions, dtype=float)
    s = np.asarray(salience, dtype=float)
    c = np.asarray(capability, dtype=float)
    try:
        x, s, c = np.broadcast_arrays(x, s, c)
    except ValueError as exc:
        raise BargainInputError(
            f"positions {x.shape}, salience {s.shape} and capability {c.shape} differ in shape"
        ) from exc
    if x.ndim == 0 or x.shape[-1] == 0:
        raise BargainInputError("no actors: an issue needs at least one actor with a position")
    for name, arr in (("position", x), ("salience", s), ("capability", c)):
        if not np.all(np.isfinite(arr)):
            raise BargainInputError(f"{name} has a missing or non-finite value (NaN/inf)")
    if np.any(s < 0):
        raise BargainInputError("salience must be >= 0")
    if np.any(c < 0):
        raise BargainInputError("capability must be >= 0")
    return x, s, c


def weights_of(salience: F, capability: F, weighting: Weighting) -> F:
    if weighting == "capability_salience":
        w = capability * salience
    elif weighting == "salience":
        w = salience.copy()
    elif weighting == "capability":
        w = capability.copy()
    elif weighting == "equal":
        w = np.ones_like(salience)
    else:
        raise BargainInputError(f"unknown weighting {weighting!r}")
    if np.any(w.sum(axis=-1) <= 0):
        raise BargainInputError(
            f"every actor's {weighting.replace('_', ' x ')} weight is zero: nothing to average"
        )
    return w


def weighted_mean(x: F, w: F) -> F:
    return (w * x).sum(axis=-1) / w.sum(axis=-1)


def weighted_median(x: F, w: F) -> F:
    """The lowest position holding at least half the weight on or below it.

    It is also the position that minimises the weighted sum of distances, i.e. the Condorcet
    winner of the intensity-weighted pairwise votes the challenge model reports as its median.
    """
    order = np.argsort(x, axis=-1, kind="stable")
    xs = np.take_along_axis(x, order, axis=-1)
    cw = np.cumsum(np.take_along_axis(w, order, axis=-1), axis=-1)
    half = 0.5 * cw[..., -1:]
    # Tolerance so that an exact half (e.g. 0.3385 of 0.677) is not missed by rounding.
    idx = np.argmax(cw >= half * (1 - 1e-12), axis=-1)
    return np.take_along_axis(xs, idx[..., None], axis=-1)[..., 0]


def nash_solution(x: F, w: F, lo: F, hi: F, iterations: int = 60) -> F:
    """Maximise prod_i u_i(y)^w_i over y in [lo, hi], with u_i(y) = 1 - |y - x_i| / (hi - lo).

    The disagreement point is the worst outcome on the scale (utility 0), so every actor's
    factor is positive inside the scale. The log-objective is concave, so bisection on the sign
    of its (sub)gradient, vectorised over the batch, finds the maximiser.
    """
    lo = np.broadcast_to(np.asarray(lo, dtype=float), x.shape[:-1]).copy()
    hi = np.broadcast_to(np.asarray(hi, dtype=float), x.shape[:-1]).copy()
    width = np.where(hi > lo, hi - lo, 1.0)[..., None]
    a, b = lo, hi
    for _ in range(iterations):
        y = 0.5 * (a + b)
        gap = y[..., None] - x
        slack = np.maximum(width - np.abs(gap), 1e-300)
        rising = (w * -np.sign(gap) / slack).sum(axis=-1) > 0
        a = np.where(rising, y, a)
        b = np.where(rising, b, y)
    return 0.5 * (a + b)


class _SpatialModel:
    weighting: Weighting

    def fit(
        self, positions: ArrayLike, salience: ArrayLike, capability: ArrayLike
    ) -> _SpatialModel:
        self.positions_, self.salience_, self.capability_ = as_inputs(
            positions, salience, capability
        )
        self.weights_ = weights_of(self.salience_, self.capability_, self.weighting)
        self.forecast_ = self._solve()
        return self

    def predict(self) -> F:
        """The forecast: a float array of shape `positions.shape[:-1]` (0-d for one issue)."""
        return self.forecast_

    def _solve(self) -> F:
        raise NotImplementedError


class WeightedMean(_SpatialModel):
    """The compromise model: the weighted mean of positions, weighted by capability x salience."""

    def __init__(self, weighting: Weighting = "capability_salience") -> None:
        self.weighting = weighting

    def _solve(self) -> F:
        return weighted_mean(self.positions_, self.weights_)


class WeightedMedian(_SpatialModel):
    """The weighted median voter position (default weight capability x salience)."""

    def __init__(self, weighting: Weighting = "capability_salience") -> None:
        self.weighting = weighting

    def _solve(self) -> F:
        return weighted_median(self.positions_, self.weights_)


class NashBargaining(_SpatialModel):
    """The asymmetric Nash bargaining solution with bargaining power capability x salience.

    `scale` is the issue's (min, max); by default the span of the actors' positions.
    """

    def __init__(
        self,
        scale: tuple[float, float] | None = None,
        weighting: Weighting = "capability_salience",
    ) -> None:
        self.scale = scale
        self.weighting = weighting

    def _solve(self) -> F:
        x = self.positions_
        if self.scale is None:
            lo, hi = x.min(axis=-1), x.max(axis=-1)
        else:
            lo, hi = np.full(x.shape[:-1], self.scale[0]), np.full(x.shape[:-1], self.scale[1])
        return nash_solution(x, self.weights_, lo, hi)
