"""The kernel, its ICB anchoring, its parameters file and the Ray engine."""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from dualtrack.calibrate import climatology
from dualtrack.simulate import forecast, specs
from dualtrack.simulate import params as P
from dualtrack.simulate.baserate import derived_values, end_state_rates
from dualtrack.simulate.engine import Start, run_paths
from dualtrack.simulate.state import Stage

ROOT = Path(__file__).resolve().parents[2]


def _judgement() -> dict[str, float]:
    return {n: s.value for n, s in specs().items() if s.derive == "judgement"}  # type: ignore[misc]


def _reference_inputs(n: int, derived: dict[str, float]) -> dict[str, np.ndarray]:
    """Kernel inputs for the reference conditions of the ICB derivation (no ceasefires)."""
    j = _judgement()
    d = {k: np.full(n, float(v)) for k, v in {**j, **derived}.items()}
    d["case.forces"] = np.full(n, j["conflict.forces_reference"])
    d["spoiler.hazard"] = np.zeros(n)
    d["case.mediated"] = np.zeros(n)
    for name in ("exchange_rate", "war_rate", "mediation_boost"):
        d[f"ceasefire.{name}"] = np.zeros(n)
    return d


def test_icb_derivation_is_reproduced_by_the_kernel() -> None:
    """With the solved rates, the Monte Carlo kernel under reference conditions reaches strikes
    and war within the ICB median duration at the ICB rates (the exact chain they were solved
    on stands for the kernel)."""
    br = climatology()
    j = _judgement()
    derived = derived_values(br, j)
    days = round(br.duration.median_days)
    n = 40_000
    paths = run_paths(
        _reference_inputs(n, derived),
        Start(rung=3, floor=0, stage=int(Stage.INDIRECT_TALKS), gap=j["talks.gap_reference"]),
        (days,),
        np.random.default_rng(0),
    )
    strikes = float(np.mean(paths.event("first_strike")[0]))
    war = float(np.mean(paths.end[0] == 4))  # without ceasefires war does not end
    v = br.violence
    se = 3 * math.sqrt(0.25 / n)
    assert strikes == pytest.approx(v["serious_clashes"] + v["full_scale_war"], abs=se)
    assert war == pytest.approx(v["full_scale_war"], abs=se)


def test_talks_rates_follow_the_icb_agreement_rate() -> None:
    br = climatology()
    d = derived_values(br, _judgement())
    p_agree = br.outcome["formal_agreement"] + br.outcome["semi_formal"]
    # three stages each won before collapse with probability 1 / (1 + ratio)
    assert (1 / (1 + d["talks.collapse_ratio"])) ** 3 == pytest.approx(p_agree)
    assert 3 / d["talks.stage_rate"] == pytest.approx(br.duration.median_days / math.log(2))


def test_base_rate_line_tends_to_the_icb_outcome_mix() -> None:
    br = climatology()
    rates = end_state_rates(br, (7, 90, 100_000))
    assert rates["7"]["talks_continue"] > rates["90"]["talks_continue"]
    long = rates["100000"]
    assert long["major_war"] == pytest.approx(br.violence["full_scale_war"], abs=1e-3)
    assert long["limited_strikes"] == pytest.approx(br.violence["serious_clashes"], abs=1e-3)


def test_common_random_numbers_repeat_blocks() -> None:
    d = _reference_inputs(200, derived_values(climatology(), _judgement()))
    tiled = {k: np.tile(v, 3) for k, v in d.items()}
    start = Start(rung=4, floor=2, stage=1, gap=0.6)
    one = run_paths(d, start, (30,), np.random.default_rng(9))
    three = run_paths(tiled, start, (30,), np.random.default_rng(9), reps=3)
    for b in range(3):
        assert np.array_equal(three.joint[:, b * 200 : (b + 1) * 200], one.joint)
        assert np.array_equal(three.events[:, b * 200 : (b + 1) * 200], one.events)


def test_parameter_draws_stay_in_their_ranges() -> None:
    params = P.resolve(derived_values(climatology(), _judgement()))
    draws = P.sample(params, np.random.default_rng(0), 2000)
    for name, p in params.items():
        assert p.low <= p.value <= p.high, name
        assert np.all((draws[name] >= p.low) & (draws[name] <= p.high)), name


def test_every_parameter_is_documented() -> None:
    doc = (ROOT / "docs" / "forecast.md").read_text(encoding="utf-8")
    for name, spec in specs().items():
        assert spec.doc and f"`{name}`" in doc, name
    assert re.search(r"`case\.forces`", doc)


def test_ray_engine_gives_the_local_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ray")
    monkeypatch.setattr(sys.modules["dualtrack.simulate.forecast"], "RAY_MIN_RUNS", 0)
    kwargs = {"runs": 21_000, "horizon": 30, "seed": 8, "levers": ["incident_rate=x2"]}
    local = forecast("us-iran-2026", engine="local", **kwargs)
    ray = forecast("us-iran-2026", engine="ray", workers=2, **kwargs)
    assert ray.to_json() == local.to_json()
