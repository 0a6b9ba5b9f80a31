"""`dualtrack backtest icb`: model scores beside climatology, JSON on demand, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dualtrack.cli import app

runner = CliRunner()


def test_json_reports_every_model_beside_climatology(shared_data: Path) -> None:
    result = runner.invoke(app, ["backtest", "icb", str(shared_data / "icb"), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)  # nothing else on stdout
    assert payload["n_crises"] == 487 and payload["n_complete"] == 478
    assert set(payload["backtests"]) == {"random", "temporal"}
    for kind, report in payload["backtests"].items():
        assert report["split"] == kind and "climatology" in report["description"]
        metrics = {(r["model"], r["metric"]) for r in report["rows"]}
        assert {
            ("outcome", "brier"),
            ("outcome", "log_loss"),
            ("violence", "brier"),
            ("violence", "log_loss"),
            ("duration", "brier_30d"),
            ("duration", "brier_90d"),
            ("duration", "mae_log_days"),
        } <= metrics
        for row in report["rows"]:
            assert row["model_score"] > 0 and row["climatology_score"] > 0
            skill = 1 - row["model_score"] / row["climatology_score"]
            assert abs(row["skill"] - skill) < 1e-3  # scores are rounded to 4 places
            assert row["n_train"] > row["n_test"] > 50
    # The random split holds out a quarter of the complete crises.
    random_rows = payload["backtests"]["random"]["rows"]
    assert {(r["n_train"], r["n_test"]) for r in random_rows} == {(358, 120)}


def test_json_matches_the_committed_backtest(shared_data: Path) -> None:
    from dualtrack.calibrate import load_models

    result = runner.invoke(
        app, ["backtest", "icb", str(shared_data / "icb"), "--split", "random", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["backtests"]["random"] == load_models()["backtest"]["random"]


def test_table_output(shared_data: Path) -> None:
    result = runner.invoke(
        app, ["backtest", "icb", str(shared_data / "icb"), "--split", "temporal"]
    )
    assert result.exit_code == 0, result.output
    assert "temporal split" in result.stdout and "climatology" in result.stdout
    assert "before 1990" in result.stdout


def test_bad_path_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["backtest", "icb", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.stderr and str(tmp_path / "missing") in result.stderr


def test_missing_column_exits_1(tmp_path: Path) -> None:
    (tmp_path / "icb1v14.csv").write_text("crisno,crisname\n1,A\n", encoding="utf-8")
    (tmp_path / "icb2v14.csv").write_text("crisno,nuclear\n1,1\n", encoding="utf-8")
    result = runner.invoke(app, ["backtest", "icb", str(tmp_path)])
    assert result.exit_code == 1
    assert "icb1v14.csv: missing column 'yrtrig'" in result.stderr


def test_bad_options_exit_1(tmp_path: Path) -> None:
    for args in (["--format", "xml"], ["--split", "decade"]):
        result = runner.invoke(app, ["backtest", "icb", str(tmp_path), *args])
        assert result.exit_code == 1, args
