from __future__ import annotations

import json

from typer.testing import CliRunner

from dualtrack.cli import app

runner = CliRunner()


def test_bargain_json_is_the_documented_shape(emissions_csv):
    res = runner.invoke(
        app, ["bargain", str(emissions_csv), "--model", "eu", "--rounds", "8", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    eu = out["issues"][0]["models"]["eu"]
    assert eu["interval90"] is None
    assert round(eu["rounds"][0]["median"], 1) == 8.4
    assert len(eu["rounds"]) == 8


def test_bargain_table_lists_every_model(emissions_csv):
    res = runner.invoke(app, ["bargain", str(emissions_csv)])
    assert res.exit_code == 0, res.output
    for name in ("compromise", "median", "nash", "eu"):
        assert name in res.stdout


def test_bargain_bad_csv_exits_1_with_the_reason(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Actor,Position,Salience\nA,1,0.5\n", encoding="utf-8")
    res = runner.invoke(app, ["bargain", str(path)])
    assert res.exit_code == 1
    assert "missing column(s) Capability" in res.stderr


def test_bargain_unknown_model_and_case(emissions_csv):
    res = runner.invoke(app, ["bargain", str(emissions_csv), "--model", "magic"])
    assert res.exit_code == 1
    assert "unknown model 'magic'" in res.stderr
    res = runner.invoke(app, ["bargain", "no-such-case"])
    assert res.exit_code == 1
    assert "neither a case file nor a built-in case" in res.stderr


def test_backtest_deu_json(shared_data):
    path = shared_data / "deu3" / "deu3.csv"
    res = runner.invoke(app, ["backtest", "deu", str(path), "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert {"n_issues", "split", "models"} <= set(out)
    assert {"mae", "ci95", "mae_test"} <= set(out["models"]["compromise"])


def test_backtest_deu_missing_file_exits_1(tmp_path):
    res = runner.invoke(app, ["backtest", "deu", str(tmp_path / "nope.csv")])
    assert res.exit_code == 1
    assert "no such file" in res.stderr


def test_bargain_builtin_case_json():
    from dualtrack.cases import builtin_ids

    if "us-iran-2026" not in builtin_ids():
        import pytest

        pytest.skip("built-in case not present yet")
    res = runner.invoke(app, ["bargain", "us-iran-2026", "--draws", "100", "--format", "json"])
    assert res.exit_code == 0, res.output
    issues = json.loads(res.stdout)["issues"]
    assert issues
    assert all(set(i["models"]) == {"compromise", "median", "nash", "eu"} for i in issues)
