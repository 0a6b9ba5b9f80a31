"""Bueno de Mesquita's expected-utility ("challenge") model, as replicated by Scholz, Calbert &
Smith (2011, Journal of Theoretical Politics 23(4)).

Each round every actor computes, for every rival, its own expected utility of challenging the
rival and (as it perceives it) the rival's expected utility of challenging it; the signs and sizes
of the two decide whether it loses a confrontation, compromises or capitulates, and all actors move
at once. Where the paper's printed equations and the code that produced its published numbers
differ, the choice is a parameter (see docs/bargain.md); the defaults reproduce the published
BDM 1994 car-emissions trajectory.

All arrays carry a leading batch axis (Monte Carlo draws): positions `(B, n)`, pair matrices
`(B, n, n)` indexed `[b, i, j]`. Nothing loops over actors or pairs; pair sums over third actors
use a sort and prefix sums, so a round costs O(B n^2 log n), not O(B n^3).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dualtrack.bargain.spatial import (
    BargainInputError,
    as_inputs,
    weighted_mean,
    weighted_median,
)

F = NDArray[np.float64]

Denominator = Literal["all_pairs", "pairwise"]
VoteRisk = Literal["own", "neutral"]
SecurityRisk = Literal["neutral", "target", "challenger"]
OfferChoice = Literal["replication", "least_move"]
Mu = Literal["median", "mean"]


@dataclass(frozen=True)
class ChallengeSettings:
    """The interpretive choices; defaults are those that produced Scholz et al.'s numbers.

    denominator: "all_pairs" divides the votes for i over j by the sum of |votes| over *every*
        pair of positions (the replication code); "pairwise" by the votes cast in the i-j
        contest only, so P_ij + P_ji = 1 (the paper's printed equation).
    q, t: Q (probability the status quo persists if i does not challenge) and T (probability
        that a change without challenge is for the better). Q = 1 (the replication's value)
        makes T irrelevant.
    vote_risk: whether third actors weigh the i-vs-j contest with their own risk exponent
        ("own", replication code) or risk-neutrally ("neutral").
    security_risk: which risk exponent enters the security (danger) sum that sets risk
        attitudes: "neutral" resets every exponent to 1 each round (replication code);
        "target" / "challenger" use last round's exponent of the challenged / challenging actor.
    offer_choice: "replication" takes a lost confrontation first (the nearest), then the
        compromise with the lowest weighted position, then capitulation (the replication code);
        "least_move" takes whichever offer moves the actor least (the paper's text).
    capitulation: whether capitulation offers exist at all (the paper: yes).
    mu: the reference position in the Q < 1 better/worse utilities: the median (paper) or mean.
    """

    denominator: Denominator = "all_pairs"
    q: float = 1.0
    t: float = 1.0
    vote_risk: VoteRisk = "own"
    security_risk: SecurityRisk = "neutral"
    offer_choice: OfferChoice = "replication"
    capitulation: bool = True
    mu: Mu = "median"

    def __post_init__(self) -> None:
        for name in ("q", "t"):
            v = getattr(self, name)
            if not 0.0 <= v <= 1.0:
                raise BargainInputError(f"{name.upper()} must be a probability in [0, 1], got {v}")
        choices = {
            "denominator": ("all_pairs", "pairwise"),
            "vote_risk": ("own", "neutral"),
            "security_risk": ("neutral", "target", "challenger"),
            "offer_choice": ("replication", "least_move"),
            "mu": ("median", "mean"),
        }
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                raise BargainInputError(
                    f"{name} must be one of {', '.join(allowed)}, got {getattr(self, name)!r}"
                )


@dataclass
class ChallengeTrajectory:
    """Round-by-round state for a batch: index 0 is the start, index k after round k."""

    positions: F  # (rounds + 1, B, n)
    medians: F  # (rounds + 1, B)
    means: F  # (rounds + 1, B)
    risk: F  # (rounds, B, n): risk exponents used in each round


@dataclass
class _Geometry:
    """What the vote sums need from one round's positions, shared by both passes of the round."""

    d: F  # [b, i, j] |x_i - x_j| / span
    d_sorted: F  # d sorted along j: k's losses in rank order, for the all-pairs denominator
    by_position: NDArray[np.intp]  # flat index of a[b, order[b, k], j]: rows sorted by position
    idx_j: NDArray[np.intp]  # flat index of prefix[b, t_ij, j], t_ij = #{k: x_k < mid_ij}
    idx_i: NDArray[np.intp]  # flat index of prefix[b, t_ij, i]
    left: NDArray[np.bool_]  # x_i < x_j


# sum over ordered pairs of |v_a - v_b| = 2 sum_p v_(p) (2p - n + 1) for v sorted ascending
def _pair_ranks(n: int) -> F:
    return 2.0 * (2.0 * np.arange(n) - n + 1)


def _geometry(x: F, span: F) -> _Geometry:
    bsz, n = x.shape
    d = np.abs(x[:, :, None] - x[:, None, :]) / span[:, :, None]
    u = (x - x.min(axis=1, keepdims=True)) / span  # in [0, 1]
    order = np.argsort(u, axis=1, kind="stable")
    # Batched searchsorted over the upper triangle (midpoints are symmetric): shift each draw's
    # positions by 3 per batch row. A third actor exactly at a midpoint is indifferent (its vote
    # is 0), so which side it lands on does not matter.
    iu, ju = np.triu_indices(n, 1)
    offset = 3.0 * np.arange(bsz)[:, None]
    us = np.take_along_axis(u, order, axis=1) + offset
    mid = 0.5 * (u[:, iu] + u[:, ju]) + offset
    found = np.searchsorted(us.ravel(), mid.ravel(), side="left").reshape(bsz, -1)
    found -= (np.arange(bsz) * n)[:, None]
    below = np.zeros((bsz, n, n), dtype=np.intp)
    below[:, iu, ju] = found
    below[:, ju, iu] = found
    row = below * n + (np.arange(bsz) * (n + 1) * n)[:, None, None]
    cols = np.arange(n)
    by_position = (
        (np.arange(bsz) * n * n)[:, None, None] + order[:, :, None] * n + cols[None, None, :]
    )
    return _Geometry(
        d=d,
        d_sorted=np.sort(d, axis=2),
        by_position=by_position,
        idx_j=row + cols[None, None, :],
        idx_i=row + cols[None, :, None],
        left=u[:, :, None] < u[:, None, :],
    )


def _votes(g: _Geometry, w: F, r: F | None, denominator: Denominator) -> tuple[F, F]:
    """Votes for i over j, N[b, i, j] = sum_k max(0, a_kj - a_ki), and sum_k sum_ab |a_ka - a_kb|.

    a_kj = w_k d_kj^r_k is third actor k's loss at j (r None: exponent 1). Because k prefers i
    exactly when it sits on i's side of the midpoint of i and j (whatever its exponent), N is a
    prefix sum over the actors sorted by position, read at the midpoint. The all-pairs sum is
    only computed for the all-pairs denominator (zeros otherwise).
    """
    bsz, n = w.shape
    a = w[:, :, None] * (g.d if r is None else g.d ** r[:, :, None])  # [b, k, j]
    prefix = np.zeros((bsz, n + 1, n))
    np.cumsum(a.ravel()[g.by_position], axis=1, out=prefix[:, 1:])
    total = prefix[:, -1, :]
    flat = prefix.ravel()
    diff = flat[g.idx_j] - flat[g.idx_i]  # sum over k below the midpoint of a_kj - a_ki
    # i left of j: the k below the midpoint side with i.  i right of j: the k above it do.
    # (Where x_i = x_j both sums are exactly 0: every a_kj equals a_ki.)
    votes = np.where(g.left, diff, (total[:, None, :] - total[:, :, None]) - diff)
    np.maximum(votes, 0.0, out=votes)
    if denominator != "all_pairs":
        return votes, np.zeros(bsz)
    ranked = g.d_sorted if r is None else g.d_sorted ** r[:, :, None]
    all_pairs = (w * (ranked @ _pair_ranks(n))).sum(axis=1)
    return votes, all_pairs


def _probability(votes: F, all_pairs: F, denominator: Denominator) -> F:
    if denominator == "all_pairs":
        # no votes anywhere (one position, or no weight) leaves every probability at 0
        return votes / np.where(all_pairs > 0, all_pairs, np.inf)[:, None, None]
    denom = votes + votes.transpose(0, 2, 1)
    return np.divide(votes, denom, out=np.zeros_like(votes), where=denom > 0)


def _utility(dist: F, rho: F | float) -> F:
    """2 - 4 (0.5 + dist)^rho: BDM's utility with the distance term signed by the caller."""
    base = np.maximum(0.5 + dist, 0.0)
    return 2.0 - 4.0 * (base if isinstance(rho, float) and rho == 1.0 else base**rho)


def _expected_utility(
    d: F,
    p: F,
    s_target: F,
    dm_challenger: F,
    rho: F | float,
    cfg: ChallengeSettings,
    us: F | None = None,
    uf: F | None = None,
) -> F:
    """EU of a challenge, for pair matrices: d, p [b, i, j]; s_target, dm_challenger broadcast.

    s_t [P Us + (1 - P) Uf] + (1 - s_t) Us is written Us - s_t (1 - P)(Us - Uf).
    """
    us = _utility(-0.5 * d, rho) if us is None else us
    uf = _utility(0.5 * d, rho) if uf is None else uf
    eu = us - s_target * (1 - p) * (us - uf)
    eu -= cfg.q * (2.0 - 4.0 * np.power(0.5, rho))
    if cfg.q < 1.0:
        spread = 0.25 * (dm_challenger + d)
        ub = _utility(-spread, rho)
        uw = _utility(spread, rho)
        eu -= (1 - cfg.q) * (cfg.t * ub + (1 - cfg.t) * uw)
    return eu


def _risk_exponents(danger: F) -> F:
    hi = danger.max(axis=1, keepdims=True)
    lo = danger.min(axis=1, keepdims=True)
    spread = hi - lo
    big_r = np.divide(2 * danger - hi - lo, spread, out=np.zeros_like(danger), where=spread > 0)
    return (1 - big_r / 3) / (1 + big_r / 3)


def _round(x: F, s: F, w: F, span: F, r_prev: F, cfg: ChallengeSettings) -> tuple[F, F]:
    """One round for a batch: returns (new positions, risk exponents used)."""
    bsz, n = x.shape
    g = _geometry(x, span)
    d = g.d
    mu = weighted_median(x, w) if cfg.mu == "median" else weighted_mean(x, w)
    dm = np.abs(x - mu[:, None]) / span
    not_self = ~np.eye(n, dtype=bool)

    if cfg.security_risk == "neutral":
        votes, all_pairs = _votes(g, w, None, cfg.denominator)
        p = _probability(votes, all_pairs, cfg.denominator)
        if cfg.q == 1.0:
            # With r = 1, Us = 2d, Uf = -2d and Usq = 0: EU_ji = 2 d (1 - 2 s_i (1 - P_ji)).
            danger = 2 * d.sum(axis=1) * (1 - 2 * s) + 4 * s * (d * p).sum(axis=1)
        else:
            e = _expected_utility(d, p, s[:, None, :], dm[:, :, None], 1.0, cfg)
            danger = np.where(not_self, e, 0.0).sum(axis=1)
    else:
        # E[b, j, i] is challenger j against target i
        sec_rho = r_prev[:, None, :] if cfg.security_risk == "target" else r_prev[:, :, None]
        votes, all_pairs = _votes(g, w, r_prev, cfg.denominator)
        p = _probability(votes, all_pairs, cfg.denominator)
        e = _expected_utility(d, p, s[:, None, :], dm[:, :, None], sec_rho, cfg)
        danger = np.where(not_self, e, 0.0).sum(axis=1)  # sum over challengers j of EU_j(vs i)
    r = _risk_exponents(danger)

    if cfg.vote_risk == "own":
        votes, all_pairs = _votes(g, w, r, cfg.denominator)
    elif cfg.security_risk != "neutral":
        votes, all_pairs = _votes(g, w, None, cfg.denominator)
    p = _probability(votes, all_pairs, cfg.denominator)
    rho = r[:, :, None]  # every estimate is actor i's perception: its own exponent
    us = _utility(-0.5 * d, rho)  # shared by i's own EU and its estimate of j's
    uf = _utility(0.5 * d, rho)
    eu_ij = _expected_utility(d, p, s[:, None, :], dm[:, :, None], rho, cfg, us, uf)
    eu_ji = _expected_utility(
        d, p.transpose(0, 2, 1), s[:, :, None], dm[:, None, :], rho, cfg, us, uf
    )

    moved = d > 0  # the diagonal and actors at the same position make no offers
    abs_ij = np.abs(eu_ij)
    confront = moved & (eu_ji > eu_ij) & (eu_ij > 0)
    losing = moved & (eu_ji > 0) & (eu_ij < 0)
    compromise = losing & (eu_ji > abs_ij)
    capitulate = losing & (eu_ji < abs_ij) if cfg.capitulation else np.zeros_like(losing)

    xi = x[:, :, None]
    xj = np.broadcast_to(x[:, None, :], d.shape)
    ratio = np.divide(abs_ij, eu_ji, out=np.zeros_like(eu_ij), where=eu_ji > 0)
    comp_pos = xi + (xj - xi) * ratio
    move = np.abs(xj - xi)
    inf = np.inf
    rows = np.arange(bsz)[:, None]
    cols = np.arange(n)[None, :]
    if cfg.offer_choice == "replication":
        new_x = x.copy()
        abs_ji = np.abs(eu_ji)
        key_comp = (abs_ij * xi + abs_ji * xj) / (abs_ij + abs_ji + 1e-300)
        # later masks win: confrontation over compromise over capitulation
        for mask, cost, target in (
            (capitulate, move, xj),
            (compromise, key_comp, comp_pos),
            (confront, move, xj),
        ):
            has = mask.any(axis=2)
            if not has.any():
                continue
            pick = np.argmin(np.where(mask, cost, inf), axis=2)
            new_x = np.where(has, target[rows, cols, pick], new_x)
    else:
        target = np.where(compromise, comp_pos, xj)
        offered = confront | compromise | capitulate
        cost = np.where(offered, np.abs(target - xi), inf)
        pick = np.argmin(cost, axis=2)
        new_x = np.where(offered.any(axis=2), target[rows, cols, pick], x)
    return new_x, r


def challenge_rounds(
    positions: F,
    salience: F,
    capability: F,
    rounds: int,
    settings: ChallengeSettings | None = None,
    span: F | None = None,
) -> ChallengeTrajectory:
    """Run the model on a batch `(B, n)` for `rounds` rounds.

    `span` (shape `(B,)`) normalises distances; by default each draw's spread of positions, as in
    the replication. An issue where everyone already agrees (or with one actor) stays put.
    """
    cfg = settings or ChallengeSettings()
    if rounds < 0:
        raise BargainInputError(f"rounds must be >= 0, got {rounds}")
    x = np.array(positions, dtype=float, ndmin=2)
    s = np.broadcast_to(np.asarray(salience, dtype=float), x.shape)
    c = np.broadcast_to(np.asarray(capability, dtype=float), x.shape)
    if np.any(s > 1.0):
        raise BargainInputError(
            "salience must be in [0, 1] for the challenge model "
            "(it is the probability of resisting)"
        )
    w = c * s
    if span is None:
        span = x.max(axis=1) - x.min(axis=1)
    span2 = np.where(span > 0, span, 1.0)[:, None]
    bsz, n = x.shape
    hist = np.empty((rounds + 1, bsz, n))
    risk = np.ones((rounds, bsz, n))
    hist[0] = x
    r = np.ones_like(x)
    for k in range(rounds):
        new_x, r_new = _round(x, s, w, span2, r, cfg) if n > 1 else (x, np.ones_like(x))
        risk[k] = r_new
        hist[k + 1] = new_x
        settled = np.array_equal(new_x, x) and (
            cfg.security_risk == "neutral" or np.array_equal(r_new, r)
        )
        x, r = new_x, r_new
        if settled:  # a fixed point: every later round is the same
            hist[k + 1 :] = x
            risk[k + 1 :] = r
            break
    flat = hist.reshape(-1, n)
    wf = np.broadcast_to(w, hist.shape).reshape(-1, n)
    medians = weighted_median(flat, wf).reshape(rounds + 1, bsz)
    means = weighted_mean(flat, wf).reshape(rounds + 1, bsz)
    return ChallengeTrajectory(positions=hist, medians=medians, means=means, risk=risk)


class ChallengeModel:
    """The expected-utility challenge model in the scikit-learn manner.

    `fit(positions, salience, capability)` runs `rounds` rounds; `predict()` is the weighted median
    after the last round (`forecast="mean"` for the weighted mean). Salience is in [0, 1].
    Attributes after fit: `positions_` (rounds + 1, n), `medians_`, `means_`, `risk_`.
    """

    def __init__(
        self,
        rounds: int = 10,
        forecast: Literal["median", "mean"] = "median",
        settings: ChallengeSettings | None = None,
    ) -> None:
        self.rounds = rounds
        self.forecast = forecast
        self.settings = settings or ChallengeSettings()

    def fit(
        self, positions: ArrayLike, salience: ArrayLike, capability: ArrayLike
    ) -> ChallengeModel:
        x, s, c = as_inputs(positions, salience, capability)
        if x.ndim != 1:
            raise BargainInputError("ChallengeModel.fit takes one issue: 1-d arrays over actors")
        if c.sum() * s.sum() <= 0 or (c * s).sum() <= 0:
            raise BargainInputError("every actor's capability x salience is zero")
        traj = challenge_rounds(x[None], s[None], c[None], self.rounds, self.settings)
        self.positions_ = traj.positions[:, 0, :]
        self.medians_ = traj.medians[:, 0]
        self.means_ = traj.means[:, 0]
        self.risk_ = traj.risk[:, 0, :]
        return self

    def predict(self) -> float:
        final = self.medians_[-1] if self.forecast == "median" else self.means_[-1]
        return float(final)
