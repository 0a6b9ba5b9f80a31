"""An English report's title in the present tense tells its main act (`title_events`): coded,
one event with the body's report of the same act; a crosshead further down is not coded.
Texts written for these tests."""

from __future__ import annotations

import datetime as dt

DOC = dt.date(2026, 3, 5)
WED = dt.date(2026, 3, 4)


def test_a_title_act_the_body_does_not_repeat_is_coded(run, tuples) -> None:
    text = "India expels Pakistani diplomat\nThe envoy was told to leave within a day."
    assert tuples(run(text)) == {(DOC, "IND", "SANCTION", "PAK")}


def test_a_title_and_its_lead_are_one_event(run, tuples) -> None:
    text = "Peru, Chile hold talks in Lima\nPeruvian and Chilean envoys met in Lima on Thursday."
    got = {(a, c, t) for d, a, c, t in tuples(run(text)) if d == DOC}
    assert got == {("PER", "CONSULT", "CHL"), ("CHL", "CONSULT", "PER")}
    assert len(run(text).events) == 1


def test_a_crosshead_below_the_body_is_not_coded(run, tuples) -> None:
    text = (
        "Kenyan and Ugandan envoys met in Kampala on Thursday to discuss the border.\n"
        "Kenya expels Ugandan diplomat\n"
        "The talks ended without a statement."
    )
    assert {c for _, _, c, _ in tuples(run(text))} == {"CONSULT"}


def test_a_title_without_its_copula_offers_to_mediate(run, tuples) -> None:
    text = "Kenya says ready to mediate between Chad and Sudan\nThe offer came after clashes."
    assert {(a, c, t) for _, a, c, t in tuples(run(text))} == {
        ("KEN", "AGREE", "TCD"),
        ("KEN", "AGREE", "SDN"),
    }


def test_a_title_act_takes_the_day_the_body_gives_it(run, tuples) -> None:
    text = (
        "Peru warns Chile over border remarks\n"
        "Peru's foreign minister on Wednesday warned Chile that it would answer any incursion."
    )
    assert {(d, a, c) for d, a, c, _ in tuples(run(text))} == {(WED, "PER", "THREATEN")}


def test_a_title_header_field_is_not_coded_as_a_title(run, tuples) -> None:
    text = "Title: Talks held in Lima\nDate: 2026-03-05\n\nPeru and Chile held talks in Lima."
    res = run(text)
    assert {a for _, a, _, _ in tuples(res)} <= {"PER", "CHL"}
    assert not [c for c in res.unresolved if c.text == "Title"]
