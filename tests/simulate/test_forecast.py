"""The forecast engine end to end: coherent probabilities, determinism, levers, no hindsight."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from dualtrack.cases import load_case
from dualtrack.model import Case, Event
from dualtrack.ontology import Category
from dualtrack.simulate import EVENTS, JOINT, OUTCOMES, InputError, Stage, forecast
from dualtrack.simulate.engine import TALKS

MINI = Path(__file__).with_name("mini_case.yaml")


@pytest.fixture(scope="module")
def mini() -> Case:
    return load_case(MINI)


@pytest.fixture(scope="module")
def iran() -> Case:
    return load_case("us-iran-2026")


def _escalation(f_horizons: dict[str, dict[str, float]], h: str = "90") -> float:
    return f_horizons[h]["limited_strikes"] + f_horizons[h]["major_war"]


def test_probabilities_sum_to_one_at_every_horizon(iran: Case) -> None:
    f = forecast(iran, runs=3000, seed=3, levers=["incident_rate=x2"], drivers=False)
    assert list(f.horizons) == ["7", "30", "90"]
    for scenario in (f, f.levers):
        assert scenario is not None
        for h, row in scenario.horizons.items():
            assert list(row) == [*OUTCOMES, *EVENTS]
            assert sum(row[k] for k in OUTCOMES) == pytest.approx(1.0, abs=1e-12), h
            assert list(scenario.joint[h]) == list(JOINT)
            assert sum(scenario.joint[h].values()) == pytest.approx(1.0, abs=1e-12), h
            for k, (lo, hi) in [*scenario.intervals90[h].items(),
                                *scenario.joint_intervals90[h].items()]:  # fmt: skip
                assert 0.0 <= lo <= hi <= 1.0, (h, k)
            # the five-way view is a sum of joint states
            joint = scenario.joint[h]
            assert row["major_war"] == pytest.approx(sum(joint[f"war|{t}"] for t in TALKS))
            assert row["agreement"] == pytest.approx(joint["none|agreement"])
            assert row["talks_continue"] == pytest.approx(
                joint["none|ceasefire"] + joint["none|talks"]
            )
    for row in f.base_rate.values():
        assert sum(row.values()) == pytest.approx(1.0, abs=1e-9)


def test_json_has_the_documented_shape(iran: Case) -> None:
    d = json.loads(forecast(iran, runs=2000, seed=1).to_json())
    assert list(d) == [
        "case", "asof", "runs", "seed", "horizons", "intervals90", "base_rate", "joint",
        "joint_intervals90", "drivers", "drivers_method", "levers",
    ]  # fmt: skip
    assert {"ceasefire_reached", "first_strike", "agreement_signed", "round_held"} <= set(
        d["horizons"]["30"]
    )
    assert d["case"] == "us-iran-2026" and d["asof"] == "2026-02-08" and d["runs"] == 2000
    assert set(d["intervals90"]["30"]["major_war"].__class__.__mro__) >= {list}
    assert all(set(x) == {"name", "effect"} for x in d["drivers"]) and d["drivers"]
    assert d["levers"] == {} and d["drivers_method"] == "tornado"


def test_same_seed_same_json_and_other_seed_differs(mini: Case) -> None:
    a = forecast(mini, runs=2500, seed=11).to_json()
    b = forecast(mini, runs=2500, seed=11).to_json()
    c = forecast(mini, runs=2500, seed=12).to_json()
    assert a == b
    assert a != c


def test_strike_curve_bounds_the_war_going_on(mini: Case) -> None:
    f = forecast(mini, runs=4000, seed=2, drivers=False)
    curve = np.array(f.strike_curve)
    assert len(curve) == 91 and np.all(np.diff(curve) >= 0)
    for h in ("7", "30", "90"):
        # war on the day had a first major strike by then; wars can end in a ceasefire
        assert curve[int(h)] >= f.horizons[h]["major_war"] - 1e-12
        assert f.horizons[h]["first_strike"] >= _escalation(f.horizons, h) - 1e-12
    # window events count once they happen: they can only grow with the horizon
    for e in EVENTS:
        assert f.horizons["7"][e] <= f.horizons["30"][e] <= f.horizons["90"][e], e


def test_horizon_adds_its_own_key(mini: Case) -> None:
    f = forecast(mini, runs=1000, horizon=45, drivers=False)
    assert list(f.horizons) == ["7", "30", "45"]
    assert len(f.strike_curve) == 46


@pytest.mark.parametrize(
    ("lever", "measure", "direction"),
    [
        ("mediator=none", lambda h: h["90"]["agreement"], -1),
        ("incident_rate=x2", _escalation, +1),
        ("spoiler.ISR.restraint=high", lambda h: h["90"]["major_war"], -1),
        ("spoiler.ISR.restraint=low", lambda h: h["90"]["major_war"], +1),
        ("agenda.USA=nuclear_only", lambda h: h["90"]["agreement"], +1),
        ("forces=2", _escalation, -1),
    ],
)
def test_lever_moves_outcome_the_way_it_says(iran: Case, lever, measure, direction) -> None:
    f = forecast(iran, runs=20_000, seed=5, levers=[lever], drivers=False)
    assert f.levers is not None and f.levers.set == dict([lever.split("=")])
    change = measure(f.levers.horizons) - measure(f.horizons)
    assert direction * change > 0.005, (lever, change)


def test_icb_lever_recodes_a_feature_and_moves_the_base_rate_line(iran: Case) -> None:
    f = forecast(iran, runs=5000, seed=5, levers=["icb.violent_trigger=true"], drivers=False)
    assert f.levers is not None
    # ICB: violently triggered crises see more war, so both the line and the forecast rise
    assert f.levers.base_rate["90"]["major_war"] > f.base_rate["90"]["major_war"]
    assert f.levers.horizons["90"]["major_war"] > f.horizons["90"]["major_war"]
    plain = forecast(iran, runs=500, seed=5, levers=["incident_rate=x2"], drivers=False)
    assert plain.levers is not None and plain.levers.base_rate == plain.base_rate
    assert json.loads(f.to_json())["levers"]["base_rate"] == f.levers.base_rate


def test_icb_lever_needs_case_features(mini: Case) -> None:
    bare = mini.model_copy(update={"parameters": {}})
    assert forecast(bare, runs=200, drivers=False).base_rate_source.startswith("ICB v14 clim")
    with pytest.raises(InputError, match=r"no parameters\.icb_features"):
        forecast(bare, runs=200, levers=["mediator=none"])


def test_parameter_lever_fixes_or_scales_a_parameter(mini: Case) -> None:
    fixed = forecast(mini, runs=2000, levers={"conflict.misperception": "0.5"}, drivers=False)
    assert fixed.levers is not None
    assert _escalation(fixed.levers.horizons) > _escalation(fixed.horizons)


def test_events_after_asof_do_not_change_the_forecast(iran: Case) -> None:
    asof = dt.date(2026, 2, 8)
    later = [
        Event(date=dt.date(2026, 2, 20), actor="USA", target="IRN", category=Category.ASSAULT,
              mode="war"),
        Event(date=dt.date(2026, 2, 21), actor="IRN", target="USA", category=Category.AGREE),
    ]  # fmt: skip
    grown = iran.model_copy(update={"events": [*iran.events, *later], "asof": dt.date(2026, 3, 1)})
    base = forecast(iran, asof=asof, runs=3000, seed=4).to_json()
    assert forecast(grown, asof=asof, runs=3000, seed=4).to_json() == base
    # the same kind of event before asof does move it: the check above can fail
    earlier = later[0].model_copy(update={"date": dt.date(2026, 2, 7), "id": ""})
    moved = iran.model_copy(update={"events": [*iran.events, Event(**earlier.model_dump())]})
    assert forecast(moved, asof=asof, runs=3000, seed=4).to_json() != base


def test_start_state_read_from_the_case(mini: Case) -> None:
    f = forecast(mini, runs=200, drivers=False)
    s = f.start
    assert (s.rung, s.floor, s.stage, s.mediated) == (4, 2, Stage.INDIRECT_TALKS, True)
    # agenda: {all three} vs {nuclear} -> 2/3 of the scale; enrichment 0 vs 60 -> 0.6
    assert s.gap == pytest.approx((0.9 * 2 / 3 + 0.85 * 0.6) / (0.9 + 0.85))
    assert s.spoilers[0].threatened and s.spoilers[0].restraint == "medium"
    same = forecast(mini, runs=200, drivers=False, levers=["agenda.ALA=nuclear_only"])
    assert same.levers is not None
    early = forecast(mini, asof=dt.date(2030, 3, 5), runs=200, drivers=False).start
    assert (early.rung, early.stage) == (2, Stage.NO_CHANNEL)


def test_drivers_are_sorted_and_name_parameters(iran: Case) -> None:
    f = forecast(iran, runs=1000, seed=0)
    effects = [abs(d.effect) for d in f.drivers]
    assert effects == sorted(effects, reverse=True) and len(f.drivers) == 10
    assert all(d.name in f.parameters for d in f.drivers)
    by_name = {d.name: d for d in f.drivers}
    if "conflict.incident_rate" in by_name:
        assert by_name["conflict.incident_rate"].effect > 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"levers": ["nonsense=1"]}, "unknown lever 'nonsense'; valid levers: mediator"),
        ({"levers": ["incident_rate=abc"]}, "expected a number (e.g. 0.05) or a multiplier"),
        ({"levers": ["spoiler.ISR.restraint=maybe"]}, "expected one of low, medium, high"),
        ({"levers": ["agenda.USA=tariffs_only"]}, "names no agenda item"),
        ({"levers": ["conflict.misperception=2"]}, "must be in [0, 1]"),
        ({"levers": ["mediator"]}, "expected KEY=VALUE"),
        ({"levers": ["icb.gravity=9"]}, "lever icb.gravity: Input should be less than or equal"),
        ({"levers": ["icb.protracted=maybe"]}, "lever icb.protracted"),
        ({"asof": dt.date(2025, 1, 1)}, "before the case's first event"),
        ({"asof": dt.date(2026, 3, 1)}, "after the end of the case's data (2026-02-08)"),
        ({"runs": 0}, "runs must be at least 1"),
        ({"horizon": 1096}, "horizon must be 1 to 1095 days"),
    ],
)
def test_bad_input_is_a_clear_error(iran: Case, kwargs, message) -> None:
    with pytest.raises(InputError) as exc:
        forecast(iran, **{"runs": 100, **kwargs})
    assert message in str(exc.value)


def test_unknown_lever_lists_case_specific_levers(iran: Case) -> None:
    with pytest.raises(InputError) as exc:
        forecast(iran, runs=100, levers=["spoiler.XXX.restraint=high"])
    assert "spoilers: ISR" in str(exc.value)
    with pytest.raises(InputError) as exc:
        forecast(iran, runs=100, levers=["bogus=1"])
    for key in ("agenda.IRN", "agenda.USA", "spoiler.ISR.restraint", "conflict.incident_rate"):
        assert key in str(exc.value)


def test_missing_ray_says_how_to_install(iran: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # what an environment without Ray looks like
    with pytest.raises(InputError, match=r"pip install 'dualtrack\[ray\]'"):
        forecast(iran, runs=100, engine="ray", drivers=False)


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"icb_features": {"gravity": {"value": 8, "source": "x"}}}, "icb_features.gravity"),
        (
            {"icb_features": {"gravity": {"value": 5, "range": [4, 9], "source": "x"}}},
            "icb_features.gravity.range: 9",
        ),
        ({"forces_in_proximity": {"value": "many", "source": "x"}}, "forces_in_proximity"),
        (
            {"forces_in_proximity": {"value": 10, "range": [12, 14], "source": "x"}},
            "forces_in_proximity.range",
        ),
        ({"spoiler_restraint": {"SPO": {"value": "none", "source": "x"}}}, "spoiler_restraint.SPO"),
        ({"weather": {"value": 1, "source": "x"}}, "parameters.weather"),
    ],
)
def test_bad_case_parameters_name_the_field(mini: Case, parameters: dict, message: str) -> None:
    params = {**mini.parameters, **parameters}
    if "icb_features" in parameters:
        params["icb_features"] = {**mini.parameters["icb_features"], **parameters["icb_features"]}
    with pytest.raises(InputError) as exc:
        forecast(mini.model_copy(update={"parameters": params}), runs=100)
    assert message in str(exc.value) and "case 'mini-crisis'" in str(exc.value)
