"""Bargaining and back-test inputs that would blow up are refused up front, saying why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.bargain import BargainInputError, forecast
from dualtrack.bargain.forecast import MAX_DRAWS, MAX_EU_ACTORS, MAX_ROUNDS
from dualtrack.bargain.inputs import read_csv
from dualtrack.cli import app

runner = CliRunner()


def _csv(path: Path, n: int) -> Path:
    rows = ["Actor,Capability,Position,Salience"]
    rows += [f"A{i},{1 + i % 7},{(i * 37) % 100},{0.1 + (i % 9) / 10}" for i in range(n)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_draws_and_rounds_past_their_limits_are_refused() -> None:
    with pytest.raises(BargainInputError, match="--draws"):
        forecast("us-iran-2026", draws=MAX_DRAWS + 1)
    with pytest.raises(BargainInputError, match="--rounds"):
        forecast("us-iran-2026", rounds=MAX_ROUNDS + 1)
    res = runner.invoke(app, ["bargain", "us-iran-2026", "--draws", "1000000"])
    assert res.exit_code == 1 and "--draws" in res.output and "Traceback" not in res.output


def test_many_actors_are_read_linearly_and_eu_is_refused_before_work(tmp_path: Path) -> None:
    path = _csv(tmp_path / "many.csv", 20_000)
    (issue,) = read_csv(path)  # an O(n^2) duplicate check would take minutes here
    assert len(issue.actors) == 20_000
    with pytest.raises(BargainInputError, match=f"at most {MAX_EU_ACTORS:,}"):
        forecast(path, model="eu")
    out = forecast(path, model="median")
    assert 0 <= out["issues"][0]["models"]["median"]["forecast"] <= 100


def test_a_duplicate_actor_is_still_caught(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("Actor,Capability,Position,Salience\nA,1,2,0.5\nA,1,3,0.5\n", encoding="utf-8")
    with pytest.raises(BargainInputError, match="line 3: actor 'A' repeats"):
        read_csv(path)


def test_overflowing_inputs_give_an_error_not_nan(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        "Actor,Capability,Position,Salience\nA,1e308,1e308,0.5\nB,1e308,-1e308,0.5\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["bargain", str(path), "--format", "json"])
    assert res.exit_code == 1
    assert "overflows" in res.stderr and "NaN" not in res.stdout and res.stdout == ""


def test_a_latin1_csv_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"Actor,Capability,Position,Salience\nZ\xfcrich,1,2,0.5\n")
    res = runner.invoke(app, ["bargain", str(path)])
    assert res.exit_code == 1
    assert str(path) in res.stderr and "UTF-8" in res.stderr


def test_backtest_deu_on_a_binary_file_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "deu3.csv"
    path.write_bytes(bytes(range(256)) * 20)
    res = runner.invoke(app, ["backtest", "deu", str(path)])
    assert res.exit_code == 1
    assert res.stderr.count("\n") == 1 and str(path) in res.stderr


def test_backtest_icb_on_too_few_crises_is_an_error_not_nan(
    tmp_path: Path, shared_data: Path
) -> None:
    icb = shared_data / "icb"
    for name, n in (("icb1v14.csv", 8), ("icb2v14.csv", 20)):
        lines = (icb / name).read_text(encoding="utf-8", errors="replace").splitlines()[:n]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["backtest", "icb", str(tmp_path), "--format", "json"])
    assert res.exit_code == 1
    assert "split leaves" in res.stderr and res.stdout == ""


def test_json_output_never_carries_nan() -> None:
    from dualtrack.outputs import OutputError, finite_json

    assert json.loads(finite_json({"x": 1.5})) == {"x": 1.5}
    with pytest.raises(OutputError, match="non-finite"):
        finite_json({"x": float("nan")})
