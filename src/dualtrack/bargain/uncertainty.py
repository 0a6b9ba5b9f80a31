"""Monte Carlo over the analyst's ranges: draw every ranged actor field, rerun the models.

A field's range is read as (low, high) around its point value, which is the mode. PERT (a beta
distribution with the mode weighted 4:1, the project-estimation default) keeps most draws near
the analyst's best guess; the triangular is the flatter alternative.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import NDArray

from dualtrack.bargain.inputs import FIELDS, IssueInput
from dualtrack.bargain.spatial import BargainInputError

F = NDArray[np.float64]
Distribution = Literal["pert", "triangular"]


def draw_field(
    point: F, rng_lohi: F | None, draws: int, gen: np.random.Generator, dist: Distribution
) -> F:
    """`draws` samples of one field for every actor: shape (draws, n)."""
    n = point.shape[0]
    if rng_lohi is None:
        return np.broadcast_to(point, (draws, n)).copy()
    lo, hi = rng_lohi[:, 0], rng_lohi[:, 1]
    width = hi - lo
    mode = np.clip(point, lo, hi)
    safe = np.where(width > 0, width, 1.0)
    if dist == "pert":
        alpha = 1 + 4 * (mode - lo) / safe
        beta = 1 + 4 * (hi - mode) / safe
        unit = gen.beta(np.broadcast_to(alpha, (draws, n)), np.broadcast_to(beta, (draws, n)))
        out = lo + unit * width
    elif dist == "triangular":
        u = gen.random((draws, n))
        f = (mode - lo) / safe
        left = lo + np.sqrt(u * width * (mode - lo))
        right = hi - np.sqrt((1 - u) * width * (hi - mode))
        out = np.where(u < f, left, right)
    else:
        raise BargainInputError(f"distribution must be 'pert' or 'triangular', got {dist!r}")
    return np.where(width > 0, out, point)


def draw_inputs(
    inp: IssueInput, draws: int, gen: np.random.Generator, dist: Distribution = "pert"
) -> dict[str, F]:
    """Draws of position, salience (kept in [0, 1]) and capability (kept >= 0), each (draws, n)."""
    if draws < 1:
        raise BargainInputError(f"draws must be >= 1, got {draws}")
    assert inp.ranges is not None
    out = {f: draw_field(getattr(inp, f), inp.ranges[f], draws, gen, dist) for f in FIELDS}
    out["salience"] = np.clip(out["salience"], 0.0, 1.0)
    out["capability"] = np.maximum(out["capability"], 0.0)
    return out


def summarise(samples: F) -> dict[str, float | list[float]]:
    """Median and central 80% / 90% intervals of a model's forecasts over the draws."""
    q = np.quantile(samples, [0.05, 0.10, 0.5, 0.90, 0.95])
    return {
        "median": float(q[2]),
        "interval80": [float(q[1]), float(q[3])],
        "interval90": [float(q[0]), float(q[4])],
    }
