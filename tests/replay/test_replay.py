"""Tracking a crisis from the news: one event set for every command, forecasts at any date, and
replay, over a ten-day feed of short articles written for these tests (a fictional crisis)
ingested through the real extract/ingest path into a real DuckDB workspace."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.app import load_case_data
from dualtrack.cli import app
from dualtrack.report.pipeline import brief_parts
from dualtrack.simulate import forecast
from dualtrack.store import Workspace

HERE = Path(__file__).parent
CASE = HERE / "ember_case.yaml"
FEED = HERE / "ember_feed.jsonl"
RUNS = "300"  # reduced runs: the checks are on moves far larger than the Monte Carlo noise


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The feed ingested with `dualtrack ingest` (the case file's one event is NOT loaded)."""
    home = tmp_path_factory.mktemp("ember")
    code, out, err = run(
        "ingest", str(FEED), "--case", str(CASE), "--data-dir", str(home), "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out)["documents_new"] == 10
    return home


@pytest.fixture(scope="module")
def replayed(workspace: Path) -> dict:
    code, out, err = run(
        "replay", "--case", str(CASE), "--from", "2031-05-01", "--to", "2031-05-10",
        "--data-dir", str(workspace), "--runs", RUNS, "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    return json.loads(out)


def _point(replay: dict, day: str) -> dict:
    return next(p for p in replay["points"] if p["asof"] == day)


def _strikes_or_war(point: dict, h: str = "7") -> float:
    probs = point["horizons"][h]
    return probs["limited_strikes"] + probs["major_war"]


def test_a_reported_strike_raises_strikes_or_war_and_names_the_strike(replayed: dict) -> None:
    before, after = _point(replayed, "2031-05-05"), _point(replayed, "2031-05-06")
    assert _strikes_or_war(after) > _strikes_or_war(before) + 0.2
    assert after["delta"]["7"]["limited_strikes+major_war"] > 0.2
    rung = next(m for m in after["moved"] if m["field"] == "rung")
    assert rung["before"] < rung["after"] == 5
    assert [(e["category"], e["actor"], e["date"]) for e in rung["events"]] == [
        ("ASSAULT", "NRL", "2031-05-06")
    ]


def test_a_round_announced_with_a_date_raises_talks_continuing(replayed: dict) -> None:
    before, after = _point(replayed, "2031-05-03"), _point(replayed, "2031-05-04")
    for h in ("7", "30"):
        assert after["horizons"][h]["talks_continue"] > before["horizons"][h]["talks_continue"]
    assert after["delta"]["7"]["talks_continue"] > 0.2
    assert (before["start"]["stage"], after["start"]["stage"]) == ("no_channel", "indirect_talks")
    assert after["start"]["next_round"] == "2031-05-09"
    assert after["headline"]["next_round_fixed"] and not before["headline"]["next_round_fixed"]
    stage = next(m for m in after["moved"] if m["field"] == "stage")
    # the announcement, reported on the 4th for the 9th, is what moved it
    assert [(e["category"], e["date"]) for e in stage["events"]] == [("CONSULT", "2031-05-09")]


def test_deployments_refusals_and_rounds_reach_the_start_state(replayed: dict) -> None:
    assert _point(replayed, "2031-05-04")["start"]["forces"] is None  # the case's own input
    deployed = _point(replayed, "2031-05-05")
    assert deployed["start"]["forces"] == 8.0  # six warships and two destroyers
    assert any(m["field"] == "forces" for m in deployed["moved"])
    assert "threatened" in _point(replayed, "2031-05-07")["start"]["spoiler.KRS"]
    assert _point(replayed, "2031-05-08")["start"]["stage"] == "collapsed"
    held = _point(replayed, "2031-05-09")
    assert held["start"]["stage"] == "indirect_talks" and held["headline"]["rounds"] == 1
    assert _point(replayed, "2031-05-10")["start"]["next_round"] == "2031-05-16"


def test_replay_is_stored_as_runs_and_shows_in_csv_and_table(
    workspace: Path, replayed: dict
) -> None:
    with Workspace.open(workspace, read_only=True) as ws:
        stored = ws.runs("replay", "ember-2031")
    assert {r.result["asof"] for r in stored} >= {p["asof"] for p in replayed["points"]}
    code, out, err = run(
        "replay", "--case", str(CASE), "--from", "2031-05-01", "--to", "2031-05-10",
        "--every", "7d", "--data-dir", str(workspace), "--runs", "50", "--format", "csv",
    )  # fmt: skip
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["asof"] for r in rows] == ["2031-05-01", "2031-05-08"]
    assert "p7_limited_strikes+major_war" in rows[0]
    res = CliRunner().invoke(
        app,
        ["replay", "--case", str(CASE), "--from", "2031-05-05", "--to", "2031-05-06",
         "--data-dir", str(workspace), "--runs", "50"],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert res.exit_code == 0 and "rung 3→5" in res.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--every", "2w"], "--every must be one of 1d, 7d"),
        (["--from", "2031-05-09", "--to", "2031-05-01"], "is after --to"),
        (["--to", "2031-06-30"], "after the end of the case's data"),
        (["--format", "xml"], "--format must be one of"),
    ],
)
def test_replay_bad_input_is_one_clear_line(workspace: Path, args: list[str], message: str) -> None:
    base = {"--from": "2031-05-01", "--to": "2031-05-03"}
    for k in ("--from", "--to"):
        if k in args:
            base[k] = args[args.index(k) + 1]
    rest = [a for i, a in enumerate(args) if a not in base and (i == 0 or args[i - 1] not in base)]
    code, out, err = run(
        "replay", "--case", str(CASE), "--from", base["--from"], "--to", base["--to"],
        "--data-dir", str(workspace), "--runs", "20", *rest,
    )  # fmt: skip
    assert code == 1 and out == ""
    assert message in " ".join(err.split())


def test_events_forecast_and_brief_read_one_event_set(workspace: Path, tmp_path: Path) -> None:
    """The case file has 1 event, the workspace the feed's (one dated after the brief's date,
    announced before it): every command sees the same set, the case file's own event included
    although the feed was ingested first."""
    day = "2031-05-10"
    code, out, err = run(
        "events", "--case", str(CASE), "--data-dir", str(workspace), "--format", "jsonl",
        "--until", day,
    )  # fmt: skip
    assert code == 0, err
    listed = [json.loads(line) for line in out.splitlines()]
    data = load_case_data(CASE, workspace, asof=dt.date.fromisoformat(day))
    dated = [e for e in data.events if e.date and e.date <= dt.date.fromisoformat(day)]
    assert len(listed) == len(dated) >= 5
    assert sorted(r["id"] for r in listed) == sorted(e.id for e in dated)
    own = load_case_data(CASE, use_store=False).events[0]
    assert own.id in {r["id"] for r in listed}

    brief = tmp_path / "brief.md"
    code, _, err = run(
        "brief", "--case", str(CASE), "--data-dir", str(workspace), "--out", str(brief),
        "--runs", "50", "--asof", day, "--since", "2031-05-01",
    )  # fmt: skip
    assert code == 0, err
    text = brief.read_text(encoding="utf-8")
    assert re.search(rf"from {len(listed)} events in \d+ documents", text)
    assert "forecast unavailable" not in text and "Error" not in text

    # forecast after the case file's last event (2031-05-01), from ingested events only
    code, out, err = run(
        "forecast", "--case", str(CASE), "--data-dir", str(workspace), "--asof", day,
        "--runs", "200", "--format", "json", "--drivers", "none",
    )  # fmt: skip
    assert code == 0, err
    same = forecast(data.case, asof=data.asof, runs=200, drivers="none")
    assert json.loads(out)["horizons"] == json.loads(same.to_json())["horizons"]
    assert same.start.rung == 5 and same.start.forces == 8.0

    # the case file alone still answers, and stops at its own data
    code, out, err = run("events", "--case", str(CASE), "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 1
    code, _, err = run("forecast", "--case", str(CASE), "--asof", day, "--runs", "20")
    assert code == 1 and "after the end of the case's data" in err


def test_brief_outlook_never_prints_an_exception(tmp_path: Path) -> None:
    """A case the forecast cannot run on (no parties) still gets its brief, with a sentence."""
    text = CASE.read_text(encoding="utf-8")
    bare = tmp_path / "bare.yaml"  # no events: nothing to start a forecast from
    bare.write_text(text[: text.index("events:")] + text[text.index("parameters:") :], "utf-8")
    out = tmp_path / "brief.md"
    code, _, err = run("brief", "--case", str(bare), "--out", str(out), "--runs", "20")
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "The crisis forecast unavailable: case 'ember-2031' has no dated events" in text
    assert "Error" not in text and "Traceback" not in text


def test_brief_charts_how_the_outlook_moved_since_a_date(
    workspace: Path, replayed: dict, tmp_path: Path
) -> None:
    out = tmp_path / "brief.html"
    code, _, err = run(
        "brief", "--case", str(CASE), "--data-dir", str(workspace), "--out", str(out),
        "--runs", "50", "--since", "2031-05-01",
    )  # fmt: skip
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "How each end state&#39;s probability moved (within 30 days)" in page
    assert 'data-series="Talks continue"' in page
    # the charts start at --since (a war in July stays visible in a December brief)
    data = load_case_data(CASE, workspace)
    parts = brief_parts(data, since=dt.date(2031, 4, 1), runs=20, draws=20)
    assert parts.picture.tracks[0].date == dt.date(2031, 4, 1)
    assert parts.picture.tracks[-1].date == dt.date(2031, 5, 10)


def test_reported_stances_move_positions_gap_and_bargaining(
    workspace: Path, replayed: dict
) -> None:
    """Sudmark's 'talks limited to sanctions relief, a red line' (3 May) moves its agenda
    position, the start state's gap and the bargaining forecast; before it, nothing moves."""
    moved = next(m for m in _point(replayed, "2031-05-03")["moved"] if m["field"] == "gap")
    assert moved["after"] > moved["before"]
    assert [(e["category"], e["actor"]) for e in moved["events"]] == [("stance", "SDM")]
    early = load_case_data(CASE, workspace, asof=dt.date(2031, 5, 2)).case
    late = load_case_data(CASE, workspace, asof=dt.date(2031, 5, 3)).case
    assert [p.items for p in early.positions if p.actor == "SDM" and p.issue == "agenda"] == [
        ["sanctions", "threats"]
    ]
    sdm = next(p for p in late.positions if p.actor == "SDM" and p.issue == "agenda")
    assert sdm.items == ["sanctions"] and sdm.red_line

    def agenda(*extra: str) -> float:
        code, out, err = run(
            "bargain", str(CASE), "--issue", "agenda", "--model", "compromise", "--draws", "50",
            "--format", "json", *extra,
        )  # fmt: skip
        assert code == 0, err
        return json.loads(out)["issues"][0]["models"]["compromise"]["forecast"]

    assert agenda("--data-dir", str(workspace)) < agenda()
    assert agenda("--data-dir", str(workspace), "--asof", "2031-05-02") == agenda()


def test_a_day_without_news_of_its_own_is_still_replayed(tmp_path: Path) -> None:
    """No article on 3 May: the replay goes on through it (nothing moved that day) instead of
    stopping as if the data ended on the 2nd."""
    quiet = tmp_path / "quiet.jsonl"
    lines = FEED.read_text(encoding="utf-8").splitlines()
    quiet.write_text("\n".join(x for x in lines if '"2031-05-03"' not in x) + "\n")
    home = tmp_path / "ws"
    code, _, err = run("ingest", str(quiet), "--case", str(CASE), "--data-dir", str(home))
    assert code == 0, err
    code, out, err = run(
        "replay", "--case", str(CASE), "--from", "2031-05-02", "--to", "2031-05-04",
        "--data-dir", str(home), "--runs", "50", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    points = json.loads(out)["points"]
    assert [p["asof"] for p in points] == ["2031-05-02", "2031-05-03", "2031-05-04"]
    assert points[1]["moved"] == []
    code, _, err = run(
        "replay", "--case", str(CASE), "--from", "2031-05-02", "--to", "2031-05-30",
        "--data-dir", str(home), "--runs", "50",
    )  # fmt: skip
    assert code != 0 and "after the end of the case's data" in err
