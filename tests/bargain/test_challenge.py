from __future__ import annotations

import numpy as np
import pytest

from dualtrack.bargain import BargainInputError, ChallengeModel, ChallengeSettings
from dualtrack.bargain.challenge import _geometry, _votes, challenge_rounds

# Scholz, Calbert & Smith (2011): median and mean after rounds 1-8 (start: 7.0, 7.39).
PUBLISHED_MEDIAN = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6]
PUBLISHED_MEAN = [7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6]


def test_trajectory_matches_the_published_rounds(emissions):
    m = ChallengeModel(rounds=8).fit(*emissions)
    assert m.medians_[0] == 7.0
    assert m.means_[0] == pytest.approx(7.39, abs=0.005)
    dev_median = np.abs(m.medians_[1:] - PUBLISHED_MEDIAN)
    dev_mean = np.abs(m.means_[1:] - PUBLISHED_MEAN)
    assert dev_median.max() < 0.35, dev_median
    assert dev_mean.max() < 0.35, dev_mean
    # Round 2 is the one we cannot reach (9.61 vs 9.9, see docs/bargain.md); the rest are close.
    assert np.delete(dev_median, 1).max() < 0.1
    assert dev_mean.max() < 0.1


def test_risk_exponents_stay_in_bdm_range(emissions):
    m = ChallengeModel(rounds=8).fit(*emissions)
    assert np.all(m.risk_ >= 0.5 - 1e-12)
    assert np.all(m.risk_ <= 2.0 + 1e-12)


def _votes_loop(x, w, r, span):
    n = len(x)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            for k in range(n):
                gain = w[k] * (
                    (abs(x[k] - x[j]) / span) ** r[k] - (abs(x[k] - x[i]) / span) ** r[k]
                )
                out[i, j] += max(0.0, gain)
    return out


def test_prefix_sum_votes_equal_the_triple_loop():
    gen = np.random.default_rng(7)
    x = np.round(gen.uniform(0, 10, 12))  # rounded: ties and midpoints on actors included
    w = gen.uniform(0, 1, 12)
    r = gen.uniform(0.5, 2, 12)
    span = x.max() - x.min()
    votes, all_pairs = _votes(_geometry(x[None], np.array([[span]])), w[None], r[None], "all_pairs")
    assert np.allclose(votes[0], _votes_loop(x, w, r, span))
    a = w[:, None] * (np.abs(x[:, None] - x[None, :]) / span) ** r[:, None]
    assert all_pairs[0] == pytest.approx(np.abs(a[:, :, None] - a[:, None, :]).sum())


def test_pairwise_denominator_gives_complementary_probabilities(emissions):
    x, s, c = emissions
    m = ChallengeModel(rounds=3, settings=ChallengeSettings(denominator="pairwise")).fit(x, s, c)
    assert np.all(np.isfinite(m.medians_))
    g = _geometry(x[None], np.array([[x.max() - x.min()]]))
    votes, _ = _votes(g, (c * s)[None], None, "pairwise")
    tot = votes + votes.transpose(0, 2, 1)
    p = np.divide(votes, tot, out=np.zeros_like(votes), where=tot > 0)
    contested = tot > 0
    assert np.allclose((p + p.transpose(0, 2, 1))[contested], 1.0)


def test_batch_runs_equal_single_runs():
    gen = np.random.default_rng(11)
    x = gen.uniform(0, 100, (6, 8))
    s = gen.uniform(0, 1, (6, 8))
    c = gen.uniform(0, 1, (6, 8))
    batch = challenge_rounds(x, s, c, 6)
    for b in range(6):
        one = ChallengeModel(rounds=6).fit(x[b], s[b], c[b])
        assert np.allclose(batch.medians[:, b], one.medians_)
        assert np.allclose(batch.positions[:, b], one.positions_)


def test_one_actor_and_unanimity_stay_put():
    one = ChallengeModel(rounds=5).fit([30.0], [0.5], [1.0])
    assert one.predict() == 30.0
    same = ChallengeModel(rounds=5).fit([6.0, 6.0, 6.0], [0.2, 0.9, 0.5], [1, 2, 3])
    assert np.all(same.positions_ == 6.0)
    assert same.predict() == 6.0


def test_settings_are_checked():
    with pytest.raises(BargainInputError, match="Q must be a probability"):
        ChallengeSettings(q=1.5)
    with pytest.raises(BargainInputError, match="denominator must be one of"):
        ChallengeSettings(denominator="paper")  # type: ignore[arg-type]
    with pytest.raises(BargainInputError, match="salience must be in"):
        ChallengeModel().fit([1, 2], [0.5, 40], [1, 1])


@pytest.mark.parametrize(
    "kw",
    [
        {"q": 0.5, "t": 0.5},
        {"vote_risk": "neutral"},
        {"security_risk": "target"},
        {"security_risk": "challenger"},
        {"offer_choice": "least_move"},
        {"capitulation": False},
        {"mu": "mean", "q": 0.8},
    ],
)
def test_every_documented_variant_runs_and_stays_on_the_scale(emissions, kw):
    m = ChallengeModel(rounds=8, settings=ChallengeSettings(**kw)).fit(*emissions)
    assert np.all((m.positions_ >= 4) & (m.positions_ <= 10))
