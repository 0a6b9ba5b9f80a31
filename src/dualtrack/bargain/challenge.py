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
from functools import lru_cache
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dualtrack.bargain.spatial import (
    BargainInputError,
    as_inputs,
    weighted_mean,
    weighted_median,
)

F = NDArray[np.float64]

# A batch runs in chunks of about this many pair-matrix cells (draws x n x n): small enough that
# a round's work arrays stay in cache (measured faster than one big batch).
_CELLS_PER_CHUNK = 60_000
MAX_ROUNDS = 1_000  # the model settles within tens of rounds; more is only memory and time

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


class _Scratch:
    """Work arrays reused by every round of a batch, looked up by name.

    A round makes a few dozen `(B, n, n)` intermediates. Allocated afresh each time, they cost
    more than the arithmetic: the allocator hands freed blocks back to the OS and every page
    faults in again on the next round. Writing into these (`out=`) keeps the memory mapped.
    """

    def __init__(self) -> None:
        self._arrays: dict[str, NDArray[np.generic]] = {}

    def __call__(self, name: str, shape: tuple[int, ...], dtype: type = np.float64) -> Any:
        arr = self._arrays.get(name)
        if arr is None or arr.shape != shape or arr.dtype != dtype:
            arr = self._arrays[name] = np.empty(shape, dtype=dtype)
        return arr


@dataclass
class _Geometry:
    """What one round needs from its positions, shared by both vote passes and the offers."""

    gap: F  # [b, i, j] |x_i - x_j|: how far i moves to reach j
    d: F  # gap / span
    d_rows: F  # d with its rows (third actors k) in position order, for the prefix sums
    d_sorted: F  # d sorted along j: k's losses in rank order, for the all-pairs denominator
    order: NDArray[np.intp]  # (B, n) actors by position
    at_mid: NDArray[np.intp]  # flat index of prefix[b, t_ij, j], t_ij = #{k: x_k < mid_ij}
    left: NDArray[np.bool_]  # x_i < x_j


# sum over ordered pairs of |v_a - v_b| = 2 sum_p v_(p) (2p - n + 1) for v sorted ascending
def _pair_ranks(n: int) -> F:
    return 2.0 * (2.0 * np.arange(n) - n + 1)


@lru_cache(maxsize=16)
def _pairs(n: int) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.intp]]:
    """The upper-triangle pairs (iu, ju) and, for every cell [i, j], the index of its pair."""
    iu, ju = np.triu_indices(n, 1)
    pair_of = np.zeros((n, n), dtype=np.intp)  # the diagonal reads pair 0: any t gives 0 there
    pair_of[iu, ju] = pair_of[ju, iu] = np.arange(iu.size)
    return iu, ju, pair_of


def _geometry(x: F, span: F, ws: _Scratch | None = None) -> _Geometry:
    ws = ws or _Scratch()
    bsz, n = x.shape
    cube = (bsz, n, n)
    gap = np.subtract(x[:, :, None], x[:, None, :], out=ws("gap", cube))
    np.abs(gap, out=gap)
    d = np.divide(gap, span[:, :, None], out=ws("d", cube))
    u = (x - x.min(axis=1, keepdims=True)) / span  # in [0, 1]
    order = np.argsort(u, axis=1, kind="stable")
    # Batched searchsorted over the pairs (midpoints are symmetric): shift each draw's positions
    # by 3 per batch row. A third actor exactly at a midpoint is indifferent (its vote is 0), so
    # which side it lands on does not matter. Needles in position order rise along each row of
    # pairs, which the binary search predicts far better than input order (same needles).
    iu, ju, pair_of = _pairs(n)
    rows = np.arange(bsz)[:, None]
    offset = 3.0 * rows
    u_sorted = np.take_along_axis(u, order, axis=1)
    half = (bsz, iu.size)
    mid = np.take(u_sorted, iu, axis=1, out=ws("mid", half), mode="clip")
    mid += np.take(u_sorted, ju, axis=1, out=ws("mid_j", half), mode="clip")
    mid *= 0.5
    mid += offset
    found = np.searchsorted((u_sorted + offset).ravel(), mid.ravel(), side="left").reshape(half)
    # found = b n + t; prefix[b, t, j] sits at b (n + 1) n + t n + j = found n + b n + j
    found *= n
    found += n * rows
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(n)[None, :], axis=1)
    cell = np.multiply(rank[:, :, None], n, out=ws("cell", cube, np.intp))
    cell += rank[:, None, :]
    pair = np.take(pair_of, cell, out=ws("pair", cube, np.intp), mode="clip")  # sorted pair
    pair += (iu.size * rows)[:, :, None]
    at_mid = np.take(found, pair, out=cell, mode="clip")
    at_mid += np.arange(n)
    d_rows = ws("d_rows", cube)
    np.take(d.reshape(bsz * n, n), (order + n * rows).ravel(), axis=0, out=d_rows.reshape(-1, n))
    d_sorted = ws("d_sorted", cube)
    d_sorted[...] = d
    d_sorted.sort(axis=2)
    return _Geometry(
        gap=gap,
        d=d,
        d_rows=d_rows,
        d_sorted=d_sorted,
        order=order,
        at_mid=at_mid,
        left=np.less(u[:, :, None], u[:, None, :], out=ws("left", cube, np.bool_)),
    )


def _votes(
    g: _Geometry, w: F, r: F | None, denominator: Denominator, ws: _Scratch | None = None
) -> tuple[F, F]:
    """Votes for i over j, N[b, i, j] = sum_k max(0, a_kj - a_ki), and sum_k sum_ab |a_ka - a_kb|.

    a_kj = w_k d_kj^r_k is third actor k's loss at j (r None: exponent 1). Because k prefers i
    exactly when it sits on i's side of the midpoint of i and j (whatever its exponent), N is a
    prefix sum over the actors sorted by position, read at the midpoint. The all-pairs sum is
    only computed for the all-pairs denominator (zeros otherwise). The votes are written into
    a scratch array named after whether r is given, so each of a round's two passes keeps its own.
    """
    ws = ws or _Scratch()
    bsz, n = w.shape
    cube = (bsz, n, n)
    tag = "neutral" if r is None else "risk"
    w_k = np.take_along_axis(w, g.order, 1)[:, :, None]
    a = ws("a", cube)  # [b, k, j], k in position order
    if r is None:
        np.multiply(g.d_rows, w_k, out=a)
    else:
        _power(g.d_rows, np.take_along_axis(r, g.order, 1)[:, :, None], a, ws)
        a *= w_k
    prefix = ws("prefix", (bsz, n + 1, n))
    prefix[:, 0] = 0.0
    for k in range(n):  # a running sum over third actors, vectorised over draws and columns
        np.add(prefix[:, k], a[:, k], out=prefix[:, k + 1])
    # at_mid[b, i, j]: the sum over k below mid_ij of a_kj; the midpoint is symmetric, so
    # at_mid[b, j, i] is the same sum of a_ki.
    at_mid = np.take(prefix.reshape(-1), g.at_mid, out=ws("votes_" + tag, cube), mode="clip")
    diff = np.subtract(at_mid, at_mid.transpose(0, 2, 1), out=ws("diff", cube))
    total = prefix[:, -1, :]
    # i left of j: the k below the midpoint side with i.  i right of j: the k above it do.
    # (Where x_i = x_j both sums are exactly 0: every a_kj equals a_ki.)
    votes = np.subtract(total[:, None, :], total[:, :, None], out=at_mid)
    votes -= diff
    np.copyto(votes, diff, where=g.left)
    np.maximum(votes, 0.0, out=votes)
    if denominator != "all_pairs":
        return votes, np.zeros(bsz)
    ranked = g.d_sorted if r is None else _power(g.d_sorted, r[:, :, None], ws("a", cube), ws)
    all_pairs = (w * (ranked @ _pair_ranks(n))).sum(axis=1)
    return votes, all_pairs


def _power(d: F, r: F, out: F, ws: _Scratch) -> F:
    """d ** r for distances d >= 0 into `out`: the numbers of `d ** r`, without its slow path.

    NumPy's vectorised power falls back to a scalar loop for a block holding an exact 0, and
    tied positions make many zero distances; 0 ** r = 0 is put back by the mask instead.
    """
    zero = np.equal(d, 0.0, out=ws("zero", d.shape, np.bool_))
    np.add(d, zero, out=out)  # 1 ** r where d = 0
    np.power(out, r, out=out)
    np.copyto(out, 0.0, where=zero)
    return out


def _probability(votes: F, all_pairs: F, denominator: Denominator) -> F:
    """Probabilities of success (for the all-pairs denominator, in place of `votes`)."""
    if denominator == "all_pairs":
        # no votes anywhere (one position, or no weight) leaves every probability at 0
        votes /= np.where(all_pairs > 0, all_pairs, np.inf)[:, None, None]
        return votes
    denom = votes + votes.transpose(0, 2, 1)
    return np.divide(votes, denom, out=np.zeros_like(votes), where=denom > 0)


def _utility(dist: F, rho: F | float) -> F:
    """2 - 4 (0.5 + dist)^rho: BDM's utility with the distance term signed by the caller."""
    base = np.maximum(0.5 + dist, 0.0)
    return 2.0 - 4.0 * (base if isinstance(rho, float) and rho == 1.0 else base**rho)


def _utilities(d: F, rho: F, ws: _Scratch) -> tuple[F, F]:
    """`_utility(-d/2, rho)` and `_utility(d/2, rho)` (Us and Uf), the same numbers in place."""
    half = np.multiply(d, 0.5, out=ws("uf", d.shape))
    us = np.subtract(0.5, half, out=ws("us", d.shape))
    uf = np.add(0.5, half, out=half)
    for base in (us, uf):
        np.maximum(base, 0.0, out=base)
        np.power(base, rho, out=base)
        base *= 4.0
        np.subtract(2.0, base, out=base)
    return us, uf


def _expected_utility(
    d: F,
    p: F,
    s_target: F,
    dm_challenger: F,
    rho: F | float,
    cfg: ChallengeSettings,
    us: F | None = None,
    uf: F | None = None,
    out: F | None = None,
    us_minus_uf: F | None = None,
) -> F:
    """EU of a challenge, for pair matrices: d, p [b, i, j]; s_target, dm_challenger broadcast.

    s_t [P Us + (1 - P) Uf] + (1 - s_t) Us is written Us - s_t (1 - P)(Us - Uf).
    """
    us = _utility(-0.5 * d, rho) if us is None else us
    uf = _utility(0.5 * d, rho) if uf is None else uf
    eu = np.subtract(1.0, p, out=out)
    eu *= s_target
    eu *= us - uf if us_minus_uf is None else us_minus_uf
    np.subtract(us, eu, out=eu)
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


def _round(
    x: F, s: F, w: F, span: F, r_prev: F, cfg: ChallengeSettings, ws: _Scratch | None = None
) -> tuple[F, F]:
    """One round for a batch: returns (new positions, risk exponents used)."""
    ws = ws or _Scratch()
    n = x.shape[1]
    g = _geometry(x, span, ws)
    d = g.d
    dm = np.zeros_like(x)
    if cfg.q < 1.0:
        mu = weighted_median(x, w) if cfg.mu == "median" else weighted_mean(x, w)
        dm = np.abs(x - mu[:, None]) / span
    diagonal = (slice(None), np.arange(n), np.arange(n))

    if cfg.security_risk == "neutral":
        votes, all_pairs = _votes(g, w, None, cfg.denominator, ws)
        p = _probability(votes, all_pairs, cfg.denominator)
        if cfg.q == 1.0:
            # With r = 1, Us = 2d, Uf = -2d and Usq = 0: EU_ji = 2 d (1 - 2 s_i (1 - P_ji)).
            dp = np.multiply(d, p, out=ws("diff", d.shape)).sum(axis=1)
            danger = 2 * d.sum(axis=1) * (1 - 2 * s) + 4 * s * dp
        else:
            e = _expected_utility(d, p, s[:, None, :], dm[:, :, None], 1.0, cfg)
            e[diagonal] = 0.0
            danger = e.sum(axis=1)
    else:
        # E[b, j, i] is challenger j against target i
        sec_rho = r_prev[:, None, :] if cfg.security_risk == "target" else r_prev[:, :, None]
        votes, all_pairs = _votes(g, w, r_prev, cfg.denominator)
        p = _probability(votes, all_pairs, cfg.denominator)
        e = _expected_utility(d, p, s[:, None, :], dm[:, :, None], sec_rho, cfg)
        e[diagonal] = 0.0
        danger = e.sum(axis=1)  # sum over challengers j of EU_j(vs i)
    r = _risk_exponents(danger)

    if cfg.vote_risk == "own":
        p = _probability(*_votes(g, w, r, cfg.denominator, ws), cfg.denominator)
    elif cfg.security_risk != "neutral":
        p = _probability(*_votes(g, w, None, cfg.denominator, ws), cfg.denominator)
    rho = r[:, :, None]  # every estimate is actor i's perception: its own exponent
    us, uf = _utilities(d, rho, ws)  # shared by i's own EU and its estimate of j's
    gain = np.subtract(us, uf, out=ws("gain", d.shape))
    eu_ij = _expected_utility(
        d, p, s[:, None, :], dm[:, :, None], rho, cfg, us, uf, ws("eu_ij", d.shape), gain
    )
    eu_ji = _expected_utility(
        d, p.mT, s[:, :, None], dm[:, None, :], rho, cfg, us, uf, ws("eu_ji", d.shape), gain
    )
    return _offers(x, g, eu_ij, eu_ji, cfg, ws), r


def _offers(x: F, g: _Geometry, eu_ij: F, eu_ji: F, cfg: ChallengeSettings, ws: _Scratch) -> F:
    """Where each actor moves given every rival's offer: [b, i, j] is j's offer to i."""
    bsz, n = x.shape
    cube = (bsz, n, n)
    moved = np.greater(g.gap, 0.0, out=ws("moved", cube, np.bool_))  # no offers at one position
    test = ws("test", cube, np.bool_)
    abs_ij = np.abs(eu_ij, out=ws("abs_ij", cube))
    confront = np.greater(eu_ji, eu_ij, out=ws("confront", cube, np.bool_))
    confront &= moved
    confront &= np.greater(eu_ij, 0.0, out=test)
    losing = np.greater(eu_ji, 0.0, out=ws("losing", cube, np.bool_))
    losing &= moved
    losing &= np.less(eu_ij, 0.0, out=test)
    compromise = np.greater(eu_ji, abs_ij, out=ws("compromise", cube, np.bool_))
    compromise &= losing
    capitulate = np.less(eu_ji, abs_ij, out=ws("capitulate", cube, np.bool_))
    capitulate &= losing
    if not cfg.capitulation:
        capitulate[...] = False
    xi = x[:, :, None]
    xj = x[:, None, :]
    rows = np.arange(bsz)[:, None]
    cols = np.arange(n)[None, :]
    if cfg.offer_choice == "replication":
        # The nearest lost confrontation, else the compromise with the lowest weighted
        # position, else the nearest capitulation: rank the kinds, keep each actor's best kind.
        kind = np.multiply(confront.view(np.int8), 3, out=ws("kind", cube, np.int8))
        kind += compromise.view(np.int8)
        kind += compromise.view(np.int8)
        kind += capitulate.view(np.int8)
        best = kind.max(axis=2)
        abs_ji = np.abs(eu_ji, out=ws("abs_ji", cube))
        weight = np.add(abs_ij, abs_ji, out=ws("weight", cube))
        weight += 1e-300
        cost = np.multiply(abs_ij, xi, out=ws("cost", cube))  # (|EU_ij| x_i + |EU_ji| x_j) / ...
        cost += np.multiply(abs_ji, xj, out=abs_ji)
        cost /= weight
        np.copyto(cost, g.gap, where=(best != 2)[:, :, None])  # the other kinds: distance
        np.copyto(cost, np.inf, where=np.not_equal(kind, best[:, :, None], out=test))
        pick = np.argmin(cost, axis=2)
        to_j = x[rows, pick]
        ratio = abs_ij[rows, cols, pick] / np.where(best == 2, eu_ji[rows, cols, pick], 1.0)
        to_comp = x + (to_j - x) * ratio
        return np.where(best == 0, x, np.where(best == 2, to_comp, to_j))
    ratio = np.divide(abs_ij, eu_ji, out=np.zeros_like(eu_ij), where=eu_ji > 0)
    comp_pos = xi + (xj - xi) * ratio
    target = np.where(compromise, comp_pos, np.broadcast_to(xj, eu_ij.shape))
    offered = confront | compromise | capitulate
    cost = np.where(offered, np.abs(target - xi), np.inf)
    pick = np.argmin(cost, axis=2)
    return np.where(offered.any(axis=2), target[rows, cols, pick], x)


def _run(s: F, w: F, span: F, cfg: ChallengeSettings, ws: _Scratch, hist: F, risk: F) -> None:
    """The rounds for one chunk of draws, from `hist[0]` into `hist[1:]` and `risk`."""
    x = hist[0]
    r = np.ones_like(x)
    for k in range(risk.shape[0]):
        new_x, r_new = _round(x, s, w, span, r, cfg, ws)
        risk[k] = r_new
        hist[k + 1] = new_x
        settled = np.array_equal(new_x, x) and (
            cfg.security_risk == "neutral" or np.array_equal(r_new, r)
        )
        x, r = new_x, r_new
        if settled:  # a fixed point: every later round is the same
            hist[k + 1 :] = x
            risk[k + 1 :] = r
            return


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
    if not 0 <= rounds <= MAX_ROUNDS:
        raise BargainInputError(f"--rounds must be 0 to {MAX_ROUNDS:,}, got {rounds:,}")
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
    if n > 1:
        # Draws are independent: run them in cache-sized chunks that share one scratch.
        step = max(1, _CELLS_PER_CHUNK // (n * n))
        ws = _Scratch()
        for a in range(0, bsz, step):
            part = slice(a, a + step)
            _run(s[part], w[part], span2[part], cfg, ws, hist[:, part], risk[:, part])
    else:
        hist[1:] = x
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
