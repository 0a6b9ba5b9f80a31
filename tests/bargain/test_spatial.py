from __future__ import annotations

import numpy as np
import pytest

from dualtrack.bargain import (
    BargainInputError,
    NashBargaining,
    WeightedMean,
    WeightedMedian,
    weighted_median,
)


def test_compromise_and_median_are_exact_on_the_emissions_case(emissions):
    x, s, c = emissions
    # sum(c s x) = 5.003, sum(c s) = 0.677 (by hand from the published table)
    assert float(WeightedMean().fit(x, s, c).predict()) == pytest.approx(5.003 / 0.677, abs=1e-12)
    assert float(WeightedMedian().fit(x, s, c).predict()) == 7.0


def test_salience_weighting_ignores_capability(emissions):
    x, s, c = emissions
    got = float(WeightedMean("salience").fit(x, s, c * np.arange(1, 11)).predict())
    assert got == pytest.approx((s * x).sum() / s.sum())


def test_weighted_median_minimises_weighted_distance():
    gen = np.random.default_rng(3)
    x = gen.uniform(0, 100, (200, 9))
    w = gen.uniform(0, 1, (200, 9))
    med = weighted_median(x, w)
    cost = lambda y: (w * np.abs(x - y[:, None])).sum(axis=1)  # noqa: E731
    best = np.min(np.stack([cost(x[:, k]) for k in range(9)]), axis=0)
    assert np.allclose(cost(med), best)


def test_nash_maximises_the_weighted_product(emissions):
    x, s, c = emissions
    y = float(NashBargaining(scale=(0, 10)).fit(x, s, c).predict())
    grid = np.linspace(0.001, 9.999, 99981)
    obj = ((c * s) * np.log(1 - np.abs(grid[:, None] - x) / 10)).sum(axis=1)
    assert y == pytest.approx(grid[np.argmax(obj)], abs=1e-3)
    assert x.min() < y < x.max()


def test_batch_equals_row_by_row():
    gen = np.random.default_rng(1)
    x, s, c = gen.uniform(0, 100, (5, 7)), gen.uniform(0, 1, (5, 7)), gen.uniform(0, 1, (5, 7))
    batch = NashBargaining().fit(x, s, c).predict()
    rows = [float(NashBargaining().fit(x[k], s[k], c[k]).predict()) for k in range(5)]
    assert np.allclose(batch, rows)


@pytest.mark.parametrize(
    ("s", "c", "msg"),
    [
        ([0.5, -0.1], [1, 1], "salience must be >= 0"),
        ([0.5, 0.5], [1, -2], "capability must be >= 0"),
        ([0.0, 0.0], [1, 1], "weight is zero"),
        ([0.5, np.nan], [1, 1], "salience has a missing"),
    ],
)
def test_bad_arrays_are_refused(s, c, msg):
    with pytest.raises(BargainInputError, match=msg):
        WeightedMean().fit([10, 20], s, c)


def test_one_actor_and_full_agreement_are_defined():
    for model in (WeightedMean(), WeightedMedian(), NashBargaining()):
        assert float(model.fit([42.0], [0.3], [1.0]).predict()) == 42.0
        assert float(model.fit([5.0, 5.0, 5.0], [0.3, 1, 0.2], [1, 2, 3]).predict()) == 5.0
