"""`dualtrack forecast` through the real CLI: JSON alone on stdout, tables, exit 1 on bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dualtrack.cli import app

runner = CliRunner()


def test_json_output_is_the_forecast_and_nothing_else() -> None:
    args = ["forecast", "--case", "us-iran-2026", "--runs", "2000", "--seed", "7"]
    res = runner.invoke(app, [*args, "--format", "json", "--set", "mediator=none"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["runs"] == 2000 and d["seed"] == 7 and d["levers"]["set"] == {"mediator": "none"}
    again = runner.invoke(app, [*args, "--format", "json", "--set", "mediator=none"])
    assert again.stdout == res.stdout


def test_table_shows_base_what_if_and_icb_side_by_side() -> None:
    res = runner.invoke(
        app,
        ["forecast", "--case", "us-iran-2026", "--runs", "1000", "--set", "incident_rate=x2"],
        env={"COLUMNS": "120"},
    )
    assert res.exit_code == 0, res.output
    for text in ("forecast", "what-if", "ICB base", "major war", "Drivers", "first major strike"):
        assert text in res.stdout, text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--set", "warp_speed=9"], "unknown lever 'warp_speed'"),
        (["--set", "incident_rate=lots"], "expected a number"),
        (["--asof", "2020-01-01"], "before the case's first event"),
        (["--asof", "2026-05-01"], "after the end of the case's data"),
        (["--asof", "8 Feb"], "is not a date"),
        (["--runs", "0"], "runs must be at least 1"),
        (["--horizon", "2000"], "horizon must be 1 to 1095 days"),
        (["--engine", "spark"], "--engine must be 'local' or 'ray'"),
        (["--format", "xml"], "--format must be 'table' or 'json'"),
    ],
)
def test_bad_input_exits_1_with_a_clear_message(extra: list[str], message: str) -> None:
    res = runner.invoke(app, ["forecast", "--case", "us-iran-2026", "--runs", "100", *extra])
    assert res.exit_code == 1
    assert message in " ".join(res.stderr.split())
    assert res.stdout == ""


def test_unknown_case_exits_1() -> None:
    res = runner.invoke(app, ["forecast", "--case", "no-such-case"])
    assert res.exit_code == 1
    assert "no-such-case" in res.stderr
