"""Event confidence: one Platt map with an offset per category (`learned.calibrated`), fitted by
`train_coder.platt_by_category` on the fresh dev crises' events (out of fold where there are
none) with each offset shrunk toward the common map. Synthetic outcomes only: no article text."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from dualtrack.extract import learned as L


def _outcomes(seed: int = 7) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Raw probabilities of two categories, equal in spread, where ASSAULT events are right
    far less often than AGREE events of the same probability."""
    rng = np.random.default_rng(seed)
    n = 1500
    conf = rng.uniform(0.05, 0.95, 2 * n)
    cats = np.array(["AGREE"] * n + ["ASSAULT"] * n)
    z = np.log(conf / (1 - conf)) + np.where(cats == "ASSAULT", -1.0, 0.5)
    right = (rng.random(2 * n) < 1 / (1 + np.exp(-z))).astype(float)
    return conf, right, cats


def test_category_offset_moves_only_its_category() -> None:
    th = {"calib_a": 0.5, "calib_b": -0.2, "calib_b:ASSAULT": -0.8}
    assert L.calibrated(0.7, th, "ASSAULT") < L.calibrated(0.7, th, "AGREE")
    assert L.calibrated(0.7, th, "AGREE") == L.calibrated(0.7, th)  # no offset: the common map
    assert L.calibrated(0.7, {}) == L.calibrated(0.7, {}, "ASSAULT")  # no map: the identity
    assert abs(L.calibrated(0.7, {}) - 0.7) < 1e-9


def test_fit_learns_each_category_bias_and_holds_per_category(train_coder: ModuleType) -> None:
    tc = train_coder
    conf, right, cats = _outcomes()
    th = tc.platt_by_category(conf, right, cats, 1.0)
    assert th["calib_b:ASSAULT"] < -0.5 < 0.0 < th["calib_b:AGREE"]
    q = np.array([L.calibrated(p, th, c) for p, c in zip(conf, cats, strict=True)])
    for c in ("AGREE", "ASSAULT"):  # each category's mean confidence is its share right
        assert abs(q[cats == c].mean() - right[cats == c].mean()) < 0.02


def test_shrinkage_pulls_offsets_to_the_common_map(train_coder: ModuleType) -> None:
    tc = train_coder
    conf, right, cats = _outcomes()
    loose = tc.platt_by_category(conf, right, cats, 1.0)
    tight = tc.platt_by_category(conf, right, cats, 1e6)
    assert abs(tight["calib_b:ASSAULT"]) < 0.01 and abs(tight["calib_b:AGREE"]) < 0.01
    assert abs(loose["calib_b:ASSAULT"]) > 10 * abs(tight["calib_b:ASSAULT"])


def test_fit_is_deterministic_and_rounded(train_coder: ModuleType) -> None:
    tc = train_coder
    conf, right, cats = _outcomes()
    th = tc.platt_by_category(conf, right, cats, 30.0)
    assert th == tc.platt_by_category(conf, right, cats, 30.0)
    assert all(round(v, 6) == v for v in th.values())


def test_packaged_weights_have_a_map_per_category() -> None:
    models = L.packaged()
    assert models is not None
    th = models.thresholds
    assert 0.0 < th["calib_a"] < 1.0  # on crises nobody read, the verifier is overconfident
    assert sum(k.startswith("calib_b:") for k in th) >= 8  # offsets of the common categories
    for c in L.CATEGORIES:  # each category's map keeps the verifier's order, inside (0, 1)
        assert 0.0 < L.calibrated(0.2, th, c) < L.calibrated(0.9, th, c) < 1.0


def test_fit_counts_what_merging_adds_after_the_map(train_coder: ModuleType) -> None:
    """Twins merged in a document add 0.05 each after the map: fitted with those bumps in the
    likelihood, the map plus its bumps matches how often events are right, where a map fitted
    without them leaves the merged events overconfident."""
    tc = train_coder
    rng = np.random.default_rng(11)
    n = 4000
    conf = rng.uniform(0.05, 0.95, n)
    bump = np.where(rng.random(n) < 0.3, 0.15, 0.0)
    cats = np.array(["AGREE"] * n)
    truth = 1 / (1 + np.exp(-(0.5 * np.log(conf / (1 - conf)) - 0.5))) + bump
    right = (rng.random(n) < truth).astype(float)

    def final(th: dict[str, float]) -> np.ndarray:
        return np.array([L.calibrated(p, th, "AGREE") for p in conf]) + bump

    merged = bump > 0
    with_bumps = final(tc.platt_by_category(conf, right, cats, 30.0, bump))
    without = final(tc.platt_by_category(conf, right, cats, 30.0))
    assert abs(with_bumps[merged].mean() - right[merged].mean()) < 0.03
    assert without[merged].mean() - right[merged].mean() > 0.05
