"""Ceasefires: read from the events into the start state, reached in runs, moved by mediation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dualtrack.cases import load_case
from dualtrack.model import Case, Event
from dualtrack.ontology import Category
from dualtrack.simulate import InputError, forecast
from dualtrack.simulate.state import with_ceasefire

EXCHANGE = Path(__file__).with_name("exchange_case.yaml")


@pytest.fixture(scope="module")
def exchange() -> Case:
    return load_case(EXCHANGE)


def _with(case: Case, *events: Event) -> Case:
    return case.model_copy(update={"events": [*case.events, *events]})


def _truce(day: int) -> Event:
    return Event(
        date=dt.date(2031, 5, day), actor="DOV", target="CAR", category=Category.RETREAT,
        mode="ceasefire",
    )  # fmt: skip


def test_mid_exchange_case_gives_a_ceasefire_chance_with_interval_and_drivers(
    exchange: Case,
) -> None:
    f = forecast(exchange, runs=4000, seed=3, horizon=30, driver_target="ceasefire_reached",
                 levers=["mediator=none"])  # fmt: skip
    p = f.horizons["30"]["ceasefire_reached"]
    lo, hi = f.intervals90["30"]["ceasefire_reached"]
    assert 0.0 < lo <= p <= hi < 1.0
    assert f.start.rung == 5 and not f.start.ceasefire and f.start.mediated
    assert f.driver_target == "ceasefire_reached" and f.drivers
    assert any(d.name.startswith("ceasefire.") for d in f.drivers[:4])
    assert f.levers is not None
    assert f.levers.horizons["30"]["ceasefire_reached"] < p - 0.02  # no mediator, fewer truces


def test_a_ceasefire_after_the_last_strike_is_in_force(exchange: Case) -> None:
    f = forecast(_with(exchange, _truce(12)), runs=500, seed=1, horizon=30, drivers="none")
    assert f.start.ceasefire and f.start.rung <= 3
    assert any("ceasefire in force" in n for n in f.start.notes)
    assert f.joint["7"]["none|ceasefire"] > 0.3


def test_a_strike_after_the_ceasefire_breaks_it(exchange: Case) -> None:
    case = _with(exchange, _truce(9))  # strikes follow on the 11th and 12th
    start = with_ceasefire(case, forecast(case, runs=50, drivers="none").start)
    assert not start.ceasefire and start.rung == 5
    assert any("broken" in n for n in start.notes)


def test_a_denied_ceasefire_is_no_ceasefire(exchange: Case) -> None:
    said = Event(**{**_truce(12).model_dump(exclude={"id", "score"}), "flags": {"negated": True}})
    assert not forecast(_with(exchange, said), runs=50, drivers="none").start.ceasefire


def test_unknown_driver_target_is_a_clear_error(exchange: Case) -> None:
    with pytest.raises(InputError, match="driver target must be one of"):
        forecast(exchange, runs=50, driver_target="peace")
