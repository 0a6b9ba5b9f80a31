"""The simulation's back-test on ICB: labels, scores beside the baselines, determinism, the CLI,
and the committed estimates (re-derived byte for byte in the slow test)."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from dualtrack.calibrate import IcbCrisis, load_icb
from dualtrack.cli import app
from dualtrack.simulate import params as P
from dualtrack.simulate.backtest import (
    GRIDS,
    HORIZONS,
    OBSERVATION,
    TARGETS,
    calibrate,
    committed_calibration,
    committed_estimates,
    cross_validate,
    fit_calibration,
    labels,
    run_simulation_backtest,
)

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _synthetic_icb(folder: Path, n: int = 32) -> Path:
    """Made-up crises in ICB v14's columns and codes (seeded; no real crisis)."""
    rng = np.random.default_rng(5)
    codes = {"gravcr": (0, 7), "mediate": (1, 5), "medstyle": (2, 5), "usinv": (1, 5),
             "suinv": (1, 5), "protrac": (1, 4), "powdissy": (0, 40), "noactr": (1, 8),
             "break": (1, 10), "viol": (1, 5), "forout": (1, 8)}  # fmt: skip
    system = [
        {
            "crisno": str(i + 1),
            "crisname": f"SYNTH {i + 1}",
            "yrtrig": str(1950 + i),
            **{k: str(rng.integers(lo, hi)) for k, (lo, hi) in codes.items()},
            "brexit": str(int(rng.lognormal(4.2, 1.2)) + 1),
        }
        for i in range(n)
    ]
    actors = [{"crisno": str(i + 1), "nuclear": str(rng.integers(1, 5))} for i in range(n)]
    for name, rows in (("icb1v14.csv", system), ("icb2v14.csv", actors)):
        with (folder / name).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return folder


def test_labels_follow_what_icb_records() -> None:
    c = IcbCrisis(crisno=1, name="X", year=1990, features=None, outcome="semi_formal",
                  violence="full_scale_war", duration_days=60)  # fmt: skip
    got = labels(c)
    assert got["30"] == {"ended": 0.0, "ended_agreement": 0.0, "ended_violent": 0.0,
                         "ended_war": 0.0}  # fmt: skip
    assert got["90"] == {"ended": 1.0, "ended_agreement": 1.0, "ended_violent": 1.0,
                         "ended_war": 1.0}  # fmt: skip
    uncoded = labels(c.model_copy(update={"violence": None, "duration_days": None}))
    assert all(v is None for v in uncoded["365"].values())


def test_backtest_scores_every_outcome_beside_both_baselines(tmp_path: Path) -> None:
    crises = load_icb(_synthetic_icb(tmp_path))
    report = run_simulation_backtest(crises, runs=20, seed=3)
    assert report.n_test == 8 and report.n_train == 24
    assert [(s.target, s.horizon) for s in report.scores] == [
        (t, h) for h in HORIZONS for t in TARGETS
    ]
    for s in report.scores:
        for v in (s.brier, s.brier_climatology, s.brier_logit):
            assert 0.0 <= v <= 1.0
        assert s.log_loss > 0 and s.log_loss_climatology > 0 and s.log_loss_logit > 0
        assert sum(r["n"] for r in s.reliability) == s.n
    assert run_simulation_backtest(crises, runs=20, seed=3) == report
    assert run_simulation_backtest(crises, runs=20, seed=4) != report


def test_cli_json_and_table(tmp_path: Path) -> None:
    folder = _synthetic_icb(tmp_path)
    res = runner.invoke(app, ["backtest", "simulation", str(folder), "--runs", "10",
                              "--format", "json"])  # fmt: skip
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    row = next(s for s in d["scores"] if s["target"] == "ended" and s["horizon"] == 30)
    for key in ("brier", "brier_climatology", "brier_logit", "log_loss",
                "log_loss_climatology", "log_loss_logit", "reliability"):  # fmt: skip
        assert key in row, key
    table = runner.invoke(app, ["backtest", "simulation", str(folder), "--runs", "10"],
                          env={"COLUMNS": "140"})  # fmt: skip
    assert table.exit_code == 0 and "Reliability" in table.stdout and "ended_war" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "--format must be 'table' or 'json'"),
        (["--runs", "0"], "--runs must be at least 1"),
    ],
)
def test_cli_bad_options_exit_1(tmp_path: Path, args: list[str], message: str) -> None:
    res = runner.invoke(app, ["backtest", "simulation", str(_synthetic_icb(tmp_path)), *args])
    assert res.exit_code == 1 and message in res.stderr and res.stdout == ""


def test_cli_bad_path_exits_1(tmp_path: Path) -> None:
    res = runner.invoke(app, ["backtest", "simulation", str(tmp_path / "nowhere")])
    assert res.exit_code == 1 and "no such file or folder" in res.stderr


def test_committed_estimates_are_on_their_grids_and_used() -> None:
    est = P.estimates()
    estimated = {n for n, s in P.specs().items() if s.derive == "estimated"}
    assert set(est["parameters"]) == estimated and set(est["observation"]) == set(OBSERVATION)
    for name, entry in {**est["parameters"], **est["observation"]}.items():
        lo, hi = entry["range"]
        assert entry["value"] in GRIDS[name] and lo <= entry["value"] <= hi, name
        if name in estimated:
            p = P.resolve({"talks.stage_rate": 1, "talks.collapse_ratio": 1,
                           "conflict.strike_rate": 1, "conflict.war_rate": 1})[name]  # fmt: skip
            assert (p.value, p.low, p.high) == (entry["value"], lo, hi)
            assert P.specs()[name].range[0] <= lo and hi <= P.specs()[name].range[1]
    for name in OBSERVATION:
        assert committed_estimates()[name] == est["observation"][name]["value"]
    cal = committed_calibration()
    assert set(cal) == {str(h) for h in HORIZONS}
    assert all(set(row) == set(TARGETS) for row in cal.values())


def test_calibration_shrinks_a_forecast_without_information_to_the_base_rate() -> None:
    rng = np.random.default_rng(2)
    n = 400
    noise = rng.uniform(0.05, 0.95, (n, len(HORIZONS), len(TARGETS)))
    y = (rng.random(noise.shape) < 0.3).astype(float)
    got = calibrate(noise, fit_calibration(noise, y, "slope"))
    assert np.abs(got - y.mean(axis=0)).max() < 0.1  # no signal: about the base rate
    signal = np.clip(np.where(y == 1, 0.6, 0.2) + rng.normal(0, 0.05, y.shape), 0.01, 0.99)
    cal = fit_calibration(signal, y, "slope")
    assert all(c["slope"] > 0.5 for row in cal.values() for c in row.values())


def test_selected_calibration_keeps_a_calibrated_forecast_and_drops_noise() -> None:
    rng = np.random.default_rng(3)
    n = 400
    calibrated = rng.uniform(0.05, 0.6, (n, len(HORIZONS), len(TARGETS)))
    y = (rng.random(calibrated.shape) < calibrated).astype(float)
    cal = fit_calibration(calibrated, y, "select")
    got = calibrate(calibrated, cal)
    assert np.abs(got - calibrated).max() < 0.1  # about the identity: nothing to correct
    noise = rng.uniform(0.05, 0.95, calibrated.shape)
    got = calibrate(noise, fit_calibration(noise, y, "select"))
    assert np.abs(got - y.mean(axis=0)).mean() < 0.02  # no signal: about the base rate


def test_shrinkage_weighs_the_calibrated_forecast_against_climatology() -> None:
    rng = np.random.default_rng(4)
    n = 160
    signal = rng.uniform(0.05, 0.6, (n, len(HORIZONS), len(TARGETS)))
    y = (rng.random(signal.shape) < signal).astype(float)
    y[:5, 0, 0] = np.nan  # a crisis ICB does not code
    cal = fit_calibration(signal, y, "shrink")
    assert cal == fit_calibration(signal, y, "shrink")  # same rows, same weights
    entries = [c for row in cal.values() for c in row.values()]
    assert all(0.0 <= c["weight"] <= 1.0 for c in entries)
    assert min(c["weight"] for c in entries) > 0.5  # real information is kept
    assert cal["30"]["ended"]["climatology"] == pytest.approx(np.nanmean(y[:, 0, 0]), abs=1e-6)
    noise = rng.uniform(0.05, 0.95, signal.shape)
    got = calibrate(noise, fit_calibration(noise, y, "shrink"))
    assert np.abs(got - np.nanmean(y, axis=0)).mean() < 0.02  # no information: the base rate
    none = {h: {t: {**c, "weight": 0.0} for t, c in row.items()} for h, row in cal.items()}
    clim = np.array([[none[str(h)][t]["climatology"] for t in TARGETS] for h in HORIZONS])
    assert np.array_equal(calibrate(noise, none), np.broadcast_to(clim, noise.shape))


def test_cross_validation_scores_every_training_crisis_once(tmp_path: Path) -> None:
    crises = load_icb(_synthetic_icb(tmp_path, 40))
    cv = cross_validate(crises, folds=2, runs=20, estimate_runs=10, calibration_form="slope")
    assert cv.n_test == 30 and len(cv.fold_estimates) == 2  # the 30 training crises of 40
    assert len(cv.scores) == len(HORIZONS) * len(TARGETS)
    assert all(s.n <= 30 and s.brier_uncalibrated >= 0 for s in cv.scores)
    honest = cross_validate(crises, folds=2, runs=20, estimate_runs=10,
                            calibration_form="select", calibration_oof=True)  # fmt: skip
    assert [s.brier_uncalibrated for s in honest.scores] == [
        s.brier_uncalibrated for s in cv.scores
    ]  # the same simulation; only its calibration differs
    with pytest.raises(ValueError, match="--cv must be between 2"):
        cross_validate(crises, folds=1)


@pytest.mark.slow
def test_fit_script_rewrites_the_committed_estimates(shared_data: Path) -> None:
    spec = importlib.util.spec_from_file_location("fit_simulation", ROOT / "scripts" /
                                                  "fit_simulation.py")  # fmt: skip
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    committed = (ROOT / "src" / "dualtrack" / "simulate" / "data" / "estimated.json").read_text(
        encoding="utf-8"
    )
    assert script.render(shared_data / "icb") == committed


@pytest.mark.slow
def test_cli_on_icb_v14(shared_data: Path) -> None:
    res = runner.invoke(app, ["backtest", "simulation", str(shared_data / "icb"), "--runs", "50",
                              "--format", "json"])  # fmt: skip
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["n_test"] == 120 and len(d["scores"]) == len(HORIZONS) * len(TARGETS)
