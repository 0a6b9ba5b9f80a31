"""Accepting or agreeing to another's proposal, offer or plan is AGREE with the proposer, the
name before the noun ("accepted Peru's proposal"), not an event of the proposer and not the
ceasefire it proposes. Texts written for these tests."""

from __future__ import annotations

import datetime as dt

MON = dt.date(2026, 3, 2)


def _pairs(res, tuples) -> set[tuple[str, str, str | None]]:
    return {(a, c, t) for _, a, c, t in tuples(res)}


def test_accepting_a_named_proposers_proposal_agrees_with_the_proposer(run, tuples) -> None:
    res = run("Ecuador on Monday accepted Brazil's proposal for a truce.")
    assert tuples(res) == {(MON, "ECU", "AGREE", "BRA")}
    res = run("Armenia has accepted Georgia's offer to mediate.")
    assert _pairs(res, tuples) == {("ARM", "AGREE", "GEO")}


def test_agreeing_to_a_proposers_plan_agrees_with_the_proposer(run, tuples) -> None:
    res = run("Hamas agreed to the Qatari ceasefire plan on Monday.")
    assert _pairs(res, tuples) == {("PSE", "AGREE", "QAT")}
    res = run("Kenya agreed to Uganda's proposal on Monday.")
    assert tuples(res) == {(MON, "KEN", "AGREE", "UGA")}


def test_welcoming_and_accepting_an_offer_supports_and_agrees(run, tuples) -> None:
    res = run("Chile welcomed and accepted Peru's offer to host the talks.")
    got = _pairs(res, tuples)
    assert ("CHL", "AGREE", "PER") in got
    assert not any(a == "PER" and c != "AGREE" for a, c, _ in got)
