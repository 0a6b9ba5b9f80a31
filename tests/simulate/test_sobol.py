"""Sobol drivers (SALib): deterministic, zero for what the target does not use, sane sums."""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from dualtrack.cases import load_case
from dualtrack.cli import app
from dualtrack.model import Case
from dualtrack.simulate import Driver, InputError, forecast, sobol_drivers

SMALL = {"samples": 32, "runs_per_point": 100}
# Unused for P(limited strikes or major war) in the built-in case: Israel's restraint is medium
# (the low/high multipliers never apply), talks are open at the start (a channel that never
# opened is the only use of the open rate), and talks breaking on a strike day comes after the
# strike the target already counts.
UNUSED = ("spoiler.restraint_low", "spoiler.restraint_high", "talks.open_rate",
          "talks.strike_collapse_prob")  # fmt: skip


@pytest.fixture(scope="module")
def iran() -> Case:
    return load_case("us-iran-2026")


@pytest.fixture(scope="module")
def indices(iran: Case) -> list[Driver]:
    return sobol_drivers(iran, seed=0, **SMALL)


def test_same_seed_same_indices_other_seed_differs(iran: Case, indices: list[Driver]) -> None:
    assert sobol_drivers(iran, seed=0, **SMALL) == indices
    assert sobol_drivers(iran, seed=1, **SMALL) != indices


def test_every_ranged_parameter_once_sorted_by_total_index(indices: list[Driver]) -> None:
    f = forecast("us-iran-2026", runs=100, drivers="none")
    ranged = {n for n, p in f.parameters.items() if p.high > p.low}
    assert {d.name for d in indices} == ranged and len(indices) == len(ranged)
    assert [d.effect for d in indices] == sorted((d.effect for d in indices), reverse=True)
    assert all(d.effect == d.st for d in indices)


def test_parameters_the_target_does_not_use_get_zero(indices: list[Driver]) -> None:
    by_name = {d.name: d for d in indices}
    for name in UNUSED:
        assert by_name[name].st == pytest.approx(0.0, abs=1e-12), name
        assert by_name[name].s1 == pytest.approx(0.0, abs=1e-12), name
    # ... while the parameters that do drive it do not
    assert min(d.st for d in indices[:5]) > 0.05


def test_spoiler_and_strike_rates_lead(indices: list[Driver]) -> None:
    top = [d.name for d in indices[:3]]
    assert "spoiler.rate" in top
    assert set(top) <= {"spoiler.rate", "conflict.strike_rate", "conflict.incident_rate"}


def test_indices_are_sane(indices: list[Driver]) -> None:
    for d in indices:
        assert d.s1 is not None and d.st is not None and d.s1_conf is not None
        assert d.st_conf is not None and d.st_conf >= 0 and d.s1_conf >= 0
        assert d.st >= -d.st_conf, d.name
        assert d.s1 <= d.st + d.s1_conf + d.st_conf, d.name  # S1 <= ST within the intervals
    assert sum(d.s1 for d in indices) <= 1.1  # first-order shares cannot exceed the variance
    assert sum(d.st for d in indices) >= 0.5  # and together the parameters explain most of it


def test_a_parameter_fixed_by_a_lever_drops_out(iran: Case) -> None:
    fixed = sobol_drivers(iran, seed=0, levers=["spoiler.rate=0.002"], **SMALL)
    names = [d.name for d in fixed]
    assert "spoiler.rate" not in names
    assert names[0] == "conflict.strike_rate"  # the next strongest takes the lead


def test_forecast_json_carries_sobol_fields_and_method(iran: Case) -> None:
    f = forecast(iran, runs=500, seed=2, drivers="sobol", sobol_samples=16, sobol_runs=50)
    d = json.loads(f.to_json())
    assert d["drivers_method"] == "sobol" and len(d["drivers"]) == 10
    assert list(d).index("drivers_method") == list(d).index("drivers") + 1
    for row in d["drivers"]:
        assert set(row) == {"name", "effect", "s1", "s1_conf", "st", "st_conf"}
        assert row["effect"] == row["st"]
    assert (f.sobol_samples, f.sobol_runs) == (16, 50)
    # the end-state numbers do not depend on the driver method
    plain = forecast(iran, runs=500, seed=2, drivers="none")
    assert plain.horizons == f.horizons and plain.drivers == []
    assert json.loads(plain.to_json())["drivers_method"] == "none"


def test_progress_runs_up_to_its_total_through_the_sobol_runs(iran: Case) -> None:
    seen: list[tuple[int, int]] = []
    forecast(
        iran, runs=500, seed=2, drivers="sobol", sobol_samples=16, sobol_runs=50,
        levers=["mediator=none"], progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and len({t for _, t in seen}) == 1
    assert seen[-1][0] == seen[-1][1] > 2 * 500  # base, what-if and every Sobol run


def test_bool_drivers_still_mean_tornado_and_none(iran: Case) -> None:
    on = forecast(iran, runs=300, seed=1, drivers=True)
    assert on.drivers_method == "tornado" and on.drivers
    assert on.drivers == forecast(iran, runs=300, seed=1, drivers="tornado").drivers
    assert all(set(x) == {"name", "effect"} for x in json.loads(on.to_json())["drivers"])
    off = forecast(iran, runs=300, seed=1, drivers=False)
    assert off.drivers_method == "none" and off.drivers == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"drivers": "morris"}, "drivers must be one of tornado, sobol, none, got 'morris'"),
        ({"drivers": "sobol", "sobol_samples": 48}, "must be a power of two"),
        ({"drivers": "sobol", "sobol_runs": 0}, "runs per point must be at least 1"),
    ],
)
def test_bad_driver_options_are_clear_errors(iran: Case, kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        forecast(iran, runs=100, **kwargs)


def test_cli_sobol_table_and_json() -> None:
    runner = CliRunner()
    args = ["forecast", "--case", "us-iran-2026", "--runs", "500", "--drivers", "sobol"]
    small = ["--sobol-samples", "16", "--sobol-runs", "50"]
    res = runner.invoke(app, [*args, *small], env={"COLUMNS": "120"})
    assert res.exit_code == 0, res.output
    for text in ("Sobol indices", "S1 (alone)", "ST (total)", "spoiler.rate"):
        assert text in res.stdout, text
    js = runner.invoke(app, [*args, *small, "--format", "json"])
    assert js.exit_code == 0 and json.loads(js.stdout)["drivers_method"] == "sobol"
    bad = runner.invoke(app, [*args, "--sobol-samples", "100"])
    assert bad.exit_code == 1 and "power of two" in bad.stderr and bad.stdout == ""


def test_ray_engine_gives_the_same_sobol_drivers(
    iran: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("ray")
    monkeypatch.setattr(sys.modules["dualtrack.simulate.forecast"], "RAY_MIN_RUNS", 0)
    kwargs = {"runs": 10_000, "seed": 4, "drivers": "sobol", "sobol_samples": 16,
              "sobol_runs": 50}  # fmt: skip
    local = forecast(iran, engine="local", **kwargs)
    assert forecast(iran, engine="ray", workers=2, **kwargs).to_json() == local.to_json()


def test_agreement_target_is_driven_by_the_talks(iran: Case, indices: list[Driver]) -> None:
    deal = sobol_drivers(iran, seed=0, target="agreement", **SMALL)
    by_deal = {d.name: d.st for d in deal}
    by_war = {d.name: d.st for d in indices}
    talks = ("talks.stage_rate", "talks.collapse_ratio", "talks.gap_reference")
    assert all(by_deal[n] > by_war[n] + 0.05 for n in talks)
    # a strike no longer rules a deal out (a ceasefire can follow), so talks breaking on the
    # day of a strike matters to the agreement; the rest stays unused
    unused = [n for n in UNUSED if n != "talks.strike_collapse_prob"]
    assert all(by_deal[n] == pytest.approx(0.0, abs=1e-12) for n in unused)
    assert by_deal["talks.strike_collapse_prob"] > 0
    with pytest.raises(InputError, match="target must be one of"):
        sobol_drivers(iran, target="peace", **SMALL)
