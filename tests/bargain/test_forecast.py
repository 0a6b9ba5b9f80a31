from __future__ import annotations

import numpy as np
import pytest

from dualtrack.bargain import forecast
from dualtrack.bargain.inputs import IssueInput
from dualtrack.bargain.uncertainty import draw_field, draw_inputs
from dualtrack.model import Case, Issue, Position


def _case() -> Case:
    issue = Issue(id="enrichment", name="Enrichment level", scale_min=0, scale_max=100)
    pos = [
        Position(
            actor="USA",
            issue="enrichment",
            value=0,
            salience=0.9,
            capability=1.0,
            value_range=(0, 10),
        ),
        Position(
            actor="IRN",
            issue="enrichment",
            value=60,
            salience=1.0,
            capability=0.4,
            value_range=(40, 80),
            salience_range=(0.8, 1.0),
        ),
        Position(
            actor="OMN",
            issue="enrichment",
            value=20,
            salience=0.5,
            capability=0.1,
            capability_range=(0.05, 0.2),
        ),
        Position(actor="ISR", issue="enrichment", value=0, salience=1.0, capability=0.5),
    ]
    return Case(id="t", title="test", issues=[issue], positions=pos)


def test_case_forecast_json_shape_and_intervals():
    out = forecast(_case(), draws=500, seed=4)
    (item,) = out["issues"]
    assert item["issue"] == "enrichment"
    assert set(item["models"]) == {"compromise", "median", "nash", "eu"}
    for m in item["models"].values():
        lo, hi = m["interval90"]
        lo80, hi80 = m["interval80"]
        assert 0 <= lo <= lo80 <= m["mc_median"] <= hi80 <= hi <= 100
    assert len(item["models"]["eu"]["rounds"]) == 10


def test_same_seed_same_answer_other_seed_other_draws():
    a = forecast(_case(), draws=300, seed=1)
    b = forecast(_case(), draws=300, seed=1)
    c = forecast(_case(), draws=300, seed=2)
    assert a == b
    assert (
        a["issues"][0]["models"]["compromise"]["interval90"]
        != (c["issues"][0]["models"]["compromise"]["interval90"])
    )


def test_exact_inputs_have_no_interval(emissions_csv):
    out = forecast(emissions_csv, model="compromise", draws=1000)
    assert out["issues"][0]["models"]["compromise"]["interval90"] is None


@pytest.mark.parametrize("dist", ["pert", "triangular"])
def test_draws_stay_in_range_and_centre_on_the_mode(dist):
    gen = np.random.default_rng(0)
    point = np.array([2.0, 5.0, 7.0])
    rng = np.array([[0.0, 10.0], [5.0, 5.0], [6.0, 10.0]])
    d = draw_field(point, rng, 20000, gen, dist)
    assert np.all((d >= rng[:, 0]) & (d <= rng[:, 1]))
    assert np.all(d[:, 1] == 5.0)
    # mean of PERT is (a + 4m + b)/6, of the triangular (a + m + b)/3
    expect = (0 + 4 * 2 + 10) / 6 if dist == "pert" else (0 + 2 + 10) / 3
    assert d[:, 0].mean() == pytest.approx(expect, abs=0.05)


def test_drawn_salience_is_clipped_to_a_probability():
    inp = IssueInput(
        issue="x",
        actors=["A", "B"],
        position=np.array([0.0, 1.0]),
        salience=np.array([0.95, 0.5]),
        capability=np.array([1.0, 1.0]),
        ranges={
            "position": None,
            "salience": np.array([[0.9, 1.2], [0.5, 0.5]]),
            "capability": None,
        },
    )
    d = draw_inputs(inp, 1000, np.random.default_rng(0))
    assert d["salience"].max() <= 1.0


def test_eu_monte_carlo_equals_looping_the_draws():
    from dualtrack.bargain import ChallengeModel
    from dualtrack.bargain.challenge import ChallengeSettings
    from dualtrack.bargain.forecast import solve

    gen = np.random.default_rng(5)
    x, s, c = gen.uniform(0, 10, (40, 6)), gen.uniform(0, 1, (40, 6)), gen.uniform(0, 1, (40, 6))
    inp = IssueInput(
        issue="x", actors=list("abcdef"), position=x[0], salience=s[0], capability=c[0]
    )
    batched = solve("eu", inp, x, s, c, 7, ChallengeSettings())
    loop = [ChallengeModel(rounds=7).fit(x[k], s[k], c[k]).predict() for k in range(40)]
    assert np.allclose(batched, loop)


def test_selecting_one_issue_changes_no_number():
    case = _case()
    case.issues.append(Issue(id="other", name="Other", scale_min=0, scale_max=100))
    case.positions += [
        Position(
            actor="USA", issue="other", value=10, salience=0.5, capability=1.0, value_range=(0, 30)
        ),
        Position(actor="IRN", issue="other", value=90, salience=0.5, capability=0.5),
    ]
    full = forecast(case, draws=200, seed=9)
    one = forecast(case, issue="enrichment", draws=200, seed=9)
    assert one["issues"][0] == full["issues"][0]


def test_builtin_case_runs_every_issue():
    from dualtrack.cases import builtin_ids, load_case

    if "us-iran-2026" not in builtin_ids():
        pytest.skip("built-in case not present yet")
    case = load_case("us-iran-2026")
    out = forecast(case, draws=200, seed=0)
    assert [i["issue"] for i in out["issues"]] == [i.id for i in case.issues]
    for item in out["issues"]:
        issue = case.issue(item["issue"])
        for m in item["models"].values():
            assert issue.scale_min <= m["forecast"] <= issue.scale_max
