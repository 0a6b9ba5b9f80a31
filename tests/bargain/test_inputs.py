from __future__ import annotations

import numpy as np
import pytest

from dualtrack.bargain import BargainInputError, forecast, read_csv


def _write(tmp_path, text: str):
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_several_issues_and_skips_actors_without_position(tmp_path):
    path = _write(
        tmp_path,
        "Issue,Actor,Capability,Position,Salience\n"
        "a,USA,90,20,80\n"
        "a,IRN,40,80,100\n"
        "b,USA,90,,80\n"
        "b,IRN,40,10,50\n"
        "b,OMN,5,50,30\n",
    )
    issues = read_csv(path)
    assert [i.issue for i in issues] == ["a", "b"]
    assert issues[1].actors == ["IRN", "OMN"]  # USA took no position on b: absent, not zero
    assert np.allclose(issues[0].salience, [0.8, 1.0])  # 0-100 saliences are rescaled


def test_missing_column_names_file_and_column(tmp_path):
    path = _write(tmp_path, "Actor,Capability,Position\nA,1,2\n")
    with pytest.raises(BargainInputError, match=r"in\.csv: missing column\(s\) Salience"):
        read_csv(path)


def test_non_numeric_cell_names_line_and_column(tmp_path):
    path = _write(tmp_path, "Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,high,0.5\n")
    with pytest.raises(BargainInputError, match=r"line 3, column 'Position': 'high' is not a num"):
        read_csv(path)


@pytest.mark.parametrize(("col", "row"), [("Salience", "B,1,3,-0.2"), ("Capability", "B,-1,3,0.2")])
def test_negative_salience_or_capability(tmp_path, col, row):
    path = _write(tmp_path, f"Actor,Capability,Position,Salience\nA,1,2,0.5\n{row}\n")
    with pytest.raises(BargainInputError, match=rf"line 3, column '{col}': .* is negative"):
        read_csv(path)


def test_salience_above_100_is_refused(tmp_path):
    path = _write(tmp_path, "Actor,Capability,Position,Salience\nA,1,2,150\n")
    with pytest.raises(BargainInputError, match="Salience' has 150"):
        read_csv(path)


def test_range_outside_point_is_refused(tmp_path):
    path = _write(
        tmp_path,
        "Actor,Capability,Position,Salience,PositionLow,PositionHigh\nA,1,2,0.5,5,9\n",
    )
    with pytest.raises(BargainInputError, match=r"position 2 is outside its range \[5, 9\]"):
        read_csv(path)


def test_one_actor_issue_gives_its_position(tmp_path):
    path = _write(tmp_path, "Actor,Capability,Position,Salience\nA,1,37,0.5\n")
    out = forecast(path, draws=0)["issues"][0]["models"]
    assert {m: v["forecast"] for m, v in out.items()} == {
        "compromise": 37.0,
        "median": 37.0,
        "nash": 37.0,
        "eu": 37.0,
    }


def test_all_at_one_position_gives_that_position(tmp_path):
    path = _write(tmp_path, "Actor,Capability,Position,Salience\nA,1,60,0.5\nB,3,60,0.9\n")
    out = forecast(path, draws=0)["issues"][0]["models"]
    assert all(v["forecast"] == 60.0 for v in out.values())
    assert all(r == {"median": 60.0, "mean": 60.0} for r in out["eu"]["rounds"])


def test_all_zero_salience_is_an_error_naming_the_issue(tmp_path):
    path = _write(tmp_path, "Issue,Actor,Capability,Position,Salience\nx,A,1,60,0\nx,B,3,20,0\n")
    with pytest.raises(BargainInputError, match=r"issue 'x': .*weight is zero"):
        forecast(path, draws=0)


def test_unknown_issue_lists_the_known_ones(emissions_csv):
    with pytest.raises(BargainInputError, match="no issue 'nope' \\(issues: issue\\)"):
        forecast(emissions_csv, issue="nope")


def test_csv_ranges_feed_the_monte_carlo(tmp_path):
    path = _write(
        tmp_path,
        "Actor,Capability,Position,Salience,PositionLow,PositionHigh,SalienceLow,SalienceHigh\n"
        "A,1,20,0.5,10,30,,\n"
        "B,2,80,0.9,,,0.7,1.0\n",
    )
    (issue,) = read_csv(path)
    assert issue.ranges["position"].tolist() == [[10, 30], [80, 80]]
    assert issue.ranges["salience"].tolist() == [[0.5, 0.5], [0.7, 1.0]]
    assert issue.ranges["capability"] is None
    out = forecast(path, model="compromise", draws=400, seed=3)["issues"][0]["models"]
    lo, hi = out["compromise"]["interval90"]
    assert 20 < lo < out["compromise"]["forecast"] < hi < 80
