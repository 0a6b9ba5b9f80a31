"""The situation picture on a small hand-made case, checked against numbers worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.analyze import (
    LedgerKind,
    build_picture,
    coercion_ledger,
    daily_series,
    dyad_series,
    escalation_series,
    merge_events,
)
from dualtrack.model import (
    Actor,
    Case,
    Event,
    EventFlags,
    Evidence,
    Issue,
    Position,
    Quantity,
    Stance,
)

D = dt.date


def ev(day: int, actor: str, cat: str, target: str | None = "IRN", **kw) -> Event:
    doc = kw.pop("doc", "d1")
    return Event(
        date=D(2026, 2, day),
        actor=actor,
        target=target,
        category=cat,
        evidence=[Evidence(doc_id=doc, start=day, end=day + 5)],
        **kw,
    )


@pytest.fixture
def case() -> Case:
    actors = [
        Actor(id="USA", kind="state", role="party", names={"en": "United States"}),
        Actor(id="IRN", kind="state", role="party", names={"en": "Iran"}),
        Actor(id="OMN", kind="state", role="mediator"),
        Actor(id="ISR", kind="state", role="spoiler"),
        Actor(id="UN", kind="igo", role="supporter"),
        Actor(id="USA.trump", kind="person", country="USA"),
        Actor(id="ISR.pm", kind="person", country="ISR"),
    ]
    issues = [
        Issue(
            id="agenda",
            name="Scope of talks",
            kind="set",
            options=["nuclear", "missiles", "proxies", "internal"],
        ),
        Issue(id="enrichment", name="Enrichment level"),
    ]
    positions = [
        Position(actor="IRN", issue="agenda", items=["nuclear"], salience=1, capability=1,
                 red_line=True),
        Position(actor="USA", issue="agenda", items=["nuclear", "missiles", "proxies", "internal"],
                 salience=1, capability=1),
        Position(actor="IRN", issue="enrichment", value=60, salience=1, capability=1,
                 red_line=True, as_of=D(2026, 2, 1)),
        Position(actor="USA", issue="enrichment", value=0, salience=1, capability=1),
    ]  # fmt: skip
    events = [
        ev(1, "USA", "SANCTION", mode="economic", quantities=[
            Quantity(value=15, unit="entities"), Quantity(value=2, unit="individual"),
            Quantity(value=14, unit="vessels", what="tanker")]),
        ev(2, "USA", "SANCTION", flags=EventFlags(hypothetical=True)),
        ev(3, "USA", "ASSAULT", mode="intercept"),
        ev(3, "IRN", "CONSULT", target="USA", via="OMN", mode="mediated"),
        ev(3, "USA.trump", "SANCTION", context="tariffs on trading partners",
           flags=EventFlags(threatened=True)),
        ev(3, "IRN", "MOBILIZE", target="USA", mode="alert"),
        ev(5, "USA", "SANCTION", quantities=[Quantity(value=3, unit="entity")]),
        ev(4, "USA", "MOBILIZE", mode="troops", quantities=[
            Quantity(value=10, unit="warship", qualifier="at_least")]),
        ev(6, "USA", "MOBILIZE", mode="troops", quantities=[Quantity(value=12, unit="warships")]),
        ev(6, "ISR.pm", "THREATEN", mode="violence"),
        ev(6, "UN", "REQUEST", target="USA", mode="appeal"),
        ev(6, "USA", "ASSAULT", mode="aerial", flags=EventFlags(unconfirmed=True)),
    ]  # fmt: skip
    return Case(
        id="t", title="test", actors=actors, issues=issues, positions=positions, events=events,
        asof=D(2026, 2, 6),
    )  # fmt: skip


def test_indices_decay_by_half_life(case: Case) -> None:
    events = merge_events(case)
    pts = daily_series(events, D(2026, 2, 1), D(2026, 2, 4), half_life_days=2)
    by = {p.date.day: p for p in pts}
    # Feb 1: one sanction act, |score| 6.0. Feb 2: the hypothetical sanction counts for nothing.
    assert by[1].confrontation == pytest.approx(6.0)
    assert by[2].confrontation == pytest.approx(6.0 * 0.5**0.5)
    # Feb 3: intercept 9.6 + threatened sanction as THREATEN/restrict 6.1 + alert 7.2 = 22.9
    assert by[3].confrontation_raw == pytest.approx(22.9)
    assert by[3].confrontation == pytest.approx(6.0 * 0.5 + 22.9)
    assert by[4].confrontation == pytest.approx(6.0 * 0.5**1.5 + 22.9 * 0.5**0.5 + 7.2)
    # mediated consultation: CONSULT score 3.0 on the negotiation track
    assert by[3].negotiation == pytest.approx(3.0)
    assert by[4].negotiation == pytest.approx(3.0 * 0.5**0.5)
    assert by[3].n_events == 4 and by[3].n_sources == 1


def test_duplicate_reports_count_once_with_all_sources(case: Case) -> None:
    again = ev(1, "USA", "SANCTION", mode="economic", doc="d2")
    events = merge_events(case, [again])
    sanctions_feb1 = [e for e in events if e.date == D(2026, 2, 1)]
    assert len(sanctions_feb1) == 1
    assert {e.doc_id for e in sanctions_feb1[0].evidence} == {"d1", "d2"}
    p = daily_series(events, D(2026, 2, 1), D(2026, 2, 1))[0]
    assert p.confrontation == pytest.approx(6.0)
    assert p.n_sources == 2


def test_escalation_ignores_unconfirmed_and_holds_for_window(case: Case) -> None:
    pts = escalation_series(merge_events(case), D(2026, 2, 1), D(2026, 2, 10), window_days=3)
    by = {p.date.day: p for p in pts}
    assert by[1].peak == 2 and by[2].peak == 0  # hypothetical sanction: nothing
    assert by[3].peak == 4 and by[3].rung_id == "incident"  # the intercept
    assert by[5].level == 4 and by[6].level == 3  # window of 3 days: Feb 3 drops out on Feb 6
    # Feb 6: Israel's threat of violence (rung 3) and a deployment (3); the rumoured strike is out
    assert by[6].peak == 3
    assert by[9].level == 0 and by[9].rung_id == "calm"


def test_ledger_sums_flows_and_keeps_latest_stock(case: Case) -> None:
    led = coercion_ledger(case, merge_events(case))
    sanc = {(e.unit, e.what): e.total for e in led.of_kind(LedgerKind.SANCTIONS)}
    assert sanc == {("entity", None): 18, ("individual", None): 2, ("vessel", "tanker"): 14}
    dep = led.of_kind(LedgerKind.DEPLOYMENTS)
    assert [(d.unit, d.total, d.aggregation, d.at_least) for d in dep] == [
        ("warship", 12, "latest", True)
    ]
    assert [(a.actor, a.unit, a.total) for a in led.of_kind(LedgerKind.ALERTS)] == [
        ("IRN", "alert", 1)
    ]
    assert [(a.actor, a.unit, a.total) for a in led.of_kind(LedgerKind.INCIDENTS)] == [
        ("USA", "incident", 1)
    ]
    assert led.of_kind(LedgerKind.TARIFFS) == []  # only threatened so far
    assert len(led.threats) == 2  # the tariff threat and Israel's threat
    assert len(led.excluded) == 2  # hypothetical sanction, unconfirmed strike


def test_agenda_gap_distance_common_items_and_red_lines(case: Case) -> None:
    pic = build_picture(case)
    gaps = {g.issue: g for g in pic.agenda}
    ag = gaps["agenda"]
    assert ag.distance == pytest.approx(75.0)  # 1 of 4 options vs 4 of 4
    assert ag.common_items == ["nuclear"]
    assert [(t.holder, t.by, t.items) for t in ag.red_lines] == [
        ("IRN", "USA", ["missiles", "proxies", "internal"])
    ]
    en = gaps["enrichment"]
    assert en.distance == pytest.approx(60.0) and en.distance_share == pytest.approx(0.6)
    assert [(t.holder, t.distance) for t in en.red_lines] == [("IRN", 60.0)]


def test_later_stance_moves_position(case: Case) -> None:
    st = Stance(actor="USA", issue="enrichment", value=20, date=D(2026, 2, 5))
    pic = build_picture(case, stances=[st])
    en = next(g for g in pic.agenda if g.issue == "enrichment")
    assert en.distance == pytest.approx(40.0)
    assert {p.actor: p.source for p in en.positions} == {"IRN": "case", "USA": "stance"}


def test_third_parties_and_negotiation_state(case: Case) -> None:
    pic = build_picture(case)
    tp = {t.actor: t for t in pic.third_parties}
    assert tp["ISR"].role == "spoiler" and tp["ISR"].n_events == 1
    assert tp["ISR"].lean == pytest.approx(-7.0)
    assert tp["UN"].lean == pytest.approx(1.8)
    assert tp["OMN"].n_events == 0 and tp["OMN"].lean is None
    assert pic.negotiation.last_round == D(2026, 2, 3)
    assert pic.negotiation.mediators == ["OMN"]
    assert not pic.negotiation.next_round_fixed


def test_asof_cuts_later_events(case: Case) -> None:
    pic = build_picture(case, asof=D(2026, 2, 3))
    assert pic.tracks[-1].date == D(2026, 2, 3)
    assert all(e.date <= D(2026, 2, 3) for e in pic.events.values())
    assert pic.level is not None and pic.level.level == 4


def test_dyad_indices(case: Case) -> None:
    series = dyad_series(case, merge_events(case), D(2026, 2, 1), D(2026, 2, 6), half_life_days=2)
    by = {d.dyad: {p.date.day: p for p in d.points} for d in series}
    assert list(by) == [("IRN", "USA"), ("IRN", "ISR"), ("UN", "USA")]  # busiest first
    # sub-actors count for their state: USA.trump's threat is in the IRN-USA pair
    assert by[("IRN", "USA")][3].confrontation == pytest.approx(6.0 * 0.5 + 22.9)
    assert by[("IRN", "USA")][3].negotiation == pytest.approx(3.0)
    assert by[("IRN", "ISR")][6].confrontation == pytest.approx(7.0)
    assert by[("IRN", "ISR")][5].confrontation == 0
    assert by[("UN", "USA")][6].negotiation == pytest.approx(1.8)


def test_places_do_not_act(case: Case) -> None:
    place = Actor(id="PLACE.gulf", kind="place")
    c = case.model_copy(update={"actors": [*case.actors, place]})
    misread = ev(4, "PLACE.gulf", "MOBILIZE", mode="troops")
    assert misread.id not in {e.id for e in merge_events(c, [misread])}


def test_negated_and_conditional_acts_count_nowhere(case: Case) -> None:
    denied = ev(9, "USA", "ASSAULT", mode="aerial", flags=EventFlags(negated=True))
    iffy = ev(9, "USA", "SANCTION", quantities=[Quantity(value=99, unit="entity")],
              flags=EventFlags(conditional=True))  # fmt: skip
    events = merge_events(case, [denied, iffy])
    led = coercion_ledger(case, events)
    assert {denied.id, iffy.id} <= set(led.excluded)
    assert sum(e.total for e in led.of_kind(LedgerKind.SANCTIONS) if e.unit == "entity") == 18
    day9 = escalation_series(events, D(2026, 2, 9), D(2026, 2, 9))[0]
    assert day9.peak == 0
    assert daily_series(events, D(2026, 2, 9), D(2026, 2, 9))[0].confrontation_raw == 0


def test_a_rumoured_round_fixes_no_date_an_announced_one_does(case: Case) -> None:
    from dualtrack.analyze.negotiation import negotiation_state

    held = ev(3, "USA", "CONSULT", via="OMN")
    planned = EventFlags(hypothetical=True)
    rumoured = EventFlags(hypothetical=True, unconfirmed=True)
    state = negotiation_state(case, [held, ev(8, "USA", "CONSULT", flags=rumoured)])
    assert not state.next_round_fixed and state.next_round_date is None
    state = negotiation_state(case, [held, ev(8, "USA", "CONSULT", flags=planned)])
    assert state.next_round_fixed and state.next_round_date == D(2026, 2, 8)
