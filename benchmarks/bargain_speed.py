"""Speed of the vectorised challenge model against a plain-loop implementation of the same model.

    .venv/bin/python benchmarks/bargain_speed.py [--quick]

Times: one issue with 10, 100 and 1,000 actors for 100 rounds (the round function called 100
times, so no early stop at a fixed point flatters it); 10,000 Monte Carlo draws of the BDM 1994
10-actor case and of a random 30-actor issue (all four models, 10 eu rounds). The loop version
below follows the same equations with Python loops over actors, pairs and third actors (as a
straightforward replication does); it is checked against the vectorised one first, then timed on
a few rounds or draws and scaled up linearly (marked "est.") where a full run would take minutes.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from dualtrack.bargain import ChallengeModel, ChallengeSettings
from dualtrack.bargain.challenge import _round, _Scratch
from dualtrack.bargain.forecast import forecast_issue
from dualtrack.bargain.inputs import IssueInput

EMISSIONS = (
    np.array([4, 7, 4, 4, 10, 10, 10, 7, 4, 7], float),
    np.array([0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7]),
    np.array([0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08]),
)


def _u(dist: float, r: float) -> float:
    return 2 - 4 * max(0.5 + dist, 0.0) ** r


def loop_round(x: list[float], s: list[float], c: list[float], span: float) -> list[float]:
    """One round, default settings, with plain loops (the comparison implementation)."""
    n = len(x)
    w = [c[k] * s[k] for k in range(n)]

    def probs(r: list[float]) -> list[list[float]]:
        denom = 0.0
        for k in range(n):
            for a in range(n):
                for b in range(n):
                    denom += abs(
                        w[k] * (abs(x[k] - x[a]) / span) ** r[k]
                        - w[k] * (abs(x[k] - x[b]) / span) ** r[k]
                    )
        p = [[0.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(n):
                num = 0.0
                for k in range(n):
                    gain = w[k] * (
                        (abs(x[k] - x[j]) / span) ** r[k] - (abs(x[k] - x[i]) / span) ** r[k]
                    )
                    num += max(0.0, gain)
                p[i][j] = num / denom if denom > 0 else 0.0
        return p

    def eu(i: int, j: int, p: float, s_target: float, r: float) -> float:
        d = abs(x[i] - x[j]) / span
        us, uf = _u(-0.5 * d, r), _u(0.5 * d, r)
        return s_target * (p * us + (1 - p) * uf) + (1 - s_target) * us - (2 - 4 * 0.5**r)

    p1 = probs([1.0] * n)
    danger = [sum(eu(j, i, p1[j][i], s[i], 1.0) for j in range(n) if j != i) for i in range(n)]
    hi, lo = max(danger), min(danger)
    big = [(2 * dg - hi - lo) / (hi - lo) if hi > lo else 0.0 for dg in danger]
    r = [(1 - b / 3) / (1 + b / 3) for b in big]
    p = probs(r)
    new_x = list(x)
    for i in range(n):
        best: dict[str, tuple[float, float]] = {}
        for j in range(n):
            if j == i or x[j] == x[i]:
                continue
            eij = eu(i, j, p[i][j], s[j], r[i])
            eji = eu(j, i, p[j][i], s[i], r[i])
            if eji > eij > 0:
                kind, key, pos = "confront", abs(x[j] - x[i]), x[j]
            elif eji > 0 > eij and eji > abs(eij):
                kind, pos = "compromise", x[i] + (x[j] - x[i]) * abs(eij / eji)
                key = (abs(eij) * x[i] + abs(eji) * x[j]) / (abs(eij) + abs(eji))
            elif eji > 0 > eij and eji < abs(eij):
                kind, key, pos = "capitulate", abs(x[j] - x[i]), x[j]
            else:
                continue
            if kind not in best or key < best[kind][0]:
                best[kind] = (key, pos)
        for kind in ("confront", "compromise", "capitulate"):
            if kind in best:
                new_x[i] = best[kind][1]
                break
    return new_x


def random_issue(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    gen = np.random.default_rng(seed)
    return gen.uniform(0, 100, n), gen.uniform(0.1, 1, n), gen.uniform(0.1, 1, n)


def time_vectorised(x: np.ndarray, s: np.ndarray, c: np.ndarray, rounds: int) -> float:
    cfg = ChallengeSettings()
    xb, sb = x[None].copy(), s[None]
    wb = (c * s)[None]
    span = np.array([[x.max() - x.min()]])
    r = np.ones_like(xb)
    ws = _Scratch()  # as in challenge_rounds: the rounds reuse their work arrays
    t0 = time.perf_counter()
    for _ in range(rounds):
        xb, r = _round(xb, sb, wb, span, r, cfg, ws)
    return time.perf_counter() - t0


def time_loop(x: np.ndarray, s: np.ndarray, c: np.ndarray, rounds: int) -> float:
    xl, sl, cl = list(map(float, x)), list(map(float, s)), list(map(float, c))
    span = float(x.max() - x.min())
    t0 = time.perf_counter()
    for _ in range(rounds):
        xl = loop_round(xl, sl, cl, span)
    return time.perf_counter() - t0


def check_same_model() -> None:
    x, s, c = EMISSIONS
    vec = ChallengeModel(rounds=8).fit(x, s, c).positions_
    xl = list(map(float, x))
    for k in range(1, 9):
        xl = loop_round(xl, list(s), list(c), 6.0)
        assert np.allclose(vec[k], xl), f"loop and vectorised differ in round {k}"
    xr, sr, cr = random_issue(15, 3)
    vec = ChallengeModel(rounds=5).fit(xr, sr, cr).positions_
    xl = list(map(float, xr))
    for k in range(1, 6):
        xl = loop_round(xl, list(sr), list(cr), float(xr.max() - xr.min()))
        assert np.allclose(vec[k], xl), f"loop and vectorised differ in round {k} (random)"


def ranged(x: np.ndarray, s: np.ndarray, c: np.ndarray, name: str) -> IssueInput:
    span = x.max() - x.min()
    return IssueInput(
        issue=name,
        actors=[f"a{k}" for k in range(len(x))],
        position=x,
        salience=s,
        capability=c,
        ranges={
            "position": np.column_stack([x - 0.1 * span, x + 0.1 * span]),
            "salience": np.column_stack([np.clip(s - 0.1, 0, 1), np.clip(s + 0.1, 0, 1)]),
            "capability": np.column_stack([0.8 * c, 1.2 * c]),
        },
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the 1,000-actor run")
    args = ap.parse_args()
    check_same_model()
    print("loop and vectorised implementations agree (BDM 1994 case, 8 rounds; random 15, 5)\n")
    rows = []
    for n in (10, 100) + (() if args.quick else (1000,)):
        x, s, c = random_issue(n, n) if n != 10 else EMISSIONS
        vec = time_vectorised(x, s, c, 100)
        loop_rounds = {10: 100, 100: 1, 1000: 0}[n]
        if loop_rounds:
            per = time_loop(x, s, c, loop_rounds) / loop_rounds
            loop_txt = f"{per * 100:9.2f} s" + ("" if loop_rounds == 100 else " est.")
            speed = f"{per * 100 / vec:9.0f}x"
        else:
            per100 = time_loop(*random_issue(100, 100), 1)
            est = per100 * 1000 * 100  # O(n^3): x1000 per round from 100 to 1,000 actors
            loop_txt, speed = f"{est:9.0f} s est.", f"{est / vec:9.0f}x"
        per_round = time_loop(x, s, c, 1) if n == 10 else None
        rows.append((f"{n} actors x 100 rounds", f"{vec:9.3f} s", loop_txt, speed))
        if per_round is not None:
            rows.append(("  (loop: one round at 10 actors)", "", f"{per_round:9.4f} s", ""))
    gen = np.random.default_rng(0)
    for name, (x, s, c) in (
        ("BDM 1994 (10 actors)", EMISSIONS),
        ("30 actors", random_issue(30, 30)),
    ):
        inp = ranged(x, s, c, name)
        t0 = time.perf_counter()
        forecast_issue(inp, draws=10_000, gen=gen, rounds=10)
        allm = time.perf_counter() - t0
        t0 = time.perf_counter()
        forecast_issue(inp, models=("eu",), draws=10_000, gen=gen, rounds=10)
        eu_only = time.perf_counter() - t0
        t0 = time.perf_counter()
        k = 3
        for _ in range(k):
            time_loop(x, s, c, 10)
        loop_est = (time.perf_counter() - t0) / k * 10_000
        rows.append((f"10,000 draws, {name}, all 4 models", f"{allm:9.3f} s", "", ""))
        rows.append(
            (
                f"10,000 draws, {name}, eu only",
                f"{eu_only:9.3f} s",
                f"{loop_est:9.0f} s est.",
                f"{loop_est / eu_only:9.0f}x",
            )
        )
    width = max(len(r[0]) for r in rows)
    print(f"{'case':{width}}  {'vectorised':>11}  {'plain loop':>15}  {'speed-up':>9}")
    for r in rows:
        print(f"{r[0]:{width}}  {r[1]:>11}  {r[2]:>15}  {r[3]:>9}")


if __name__ == "__main__":
    main()
