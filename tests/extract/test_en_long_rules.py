"""English rules from long wire articles: asides after a subject, crossheads, offers to host
talks, refusals in the future tense, time frames, peacekeeping missions. Texts written for these
tests (the document date is Thursday 2026-03-05)."""

from __future__ import annotations

import datetime as dt

MON, TUE, WED = dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 4)


def test_apposition_after_the_subject_is_not_the_subject(run, tuples) -> None:
    res = run("Russia, a close ally of Serbia, blamed Kosovo for the crisis on Monday.")
    assert tuples(res) == {(MON, "RUS", "ACCUSE", "XKX")}


def test_relative_clause_names_are_neither_subject_nor_target(run, tuples) -> None:
    res = run(
        "Thailand and Cambodia agreed on Wednesday to extend the truce. "
        "China, which has close ties to Phnom Penh, welcomed the agreement."
    )
    support = {x for x in tuples(res) if x[2] == "SUPPORT"}
    assert support == {(WED, "CHN", "SUPPORT", "THA"), (WED, "CHN", "SUPPORT", "KHM")}


def test_welcoming_a_deal_targets_both_parties_not_the_last_actor(run, tuples) -> None:
    res = run(
        "Thailand and Cambodia declared a ceasefire on Monday. China welcomed the truce. "
        "Japan welcomed the ceasefire."
    )
    japan = {x for x in tuples(res) if x[1] == "JPN"}
    assert japan == {(MON, "JPN", "SUPPORT", "THA"), (MON, "JPN", "SUPPORT", "KHM")}


def test_a_relative_clause_keeps_its_date_to_itself(run, tuples) -> None:
    res = run("Egypt, which sent troops to Somalia last month, welcomed the deal on Tuesday.")
    found = tuples(res)
    assert (TUE, "EGY", "SUPPORT", None) in found or any(
        x[0] == TUE and x[2] == "SUPPORT" for x in found
    )
    mobilize = [e for e in res.events if e.category.value == "MOBILIZE"]
    assert mobilize and mobilize[0].date == dt.date(2026, 2, 1)


def test_crosshead_line_yields_no_event_and_a_condemned_deed_is_the_doers(run, tuples) -> None:
    res = run(
        "Guyana accused Venezuela of an incursion on Monday.\n\n- US pressure -\n\n"
        "Washington condemned the incursion on Tuesday."
    )
    assert "REQUEST" not in {x[2] for x in tuples(res)}
    assert (TUE, "USA", "ACCUSE", "VEN") in tuples(res)


def test_offer_to_host_talks_is_the_hosts_alone_and_names_the_pair(run, tuples) -> None:
    res = run(
        "Brazil said on Monday it was willing to host talks between Caracas and Georgetown. "
        "The two countries' presidents met in St Vincent on December 14, 2023."
    )
    found = tuples(res)
    agree = {x for x in found if x[2] == "AGREE"}
    assert agree == {(MON, "BRA", "AGREE", "VEN"), (MON, "BRA", "AGREE", "GUY")}
    assert (dt.date(2023, 12, 14), "VEN", "CONSULT", "GUY") in found


def test_refusal_in_future_tense_is_reject_not_negated_act(run) -> None:
    res = run("Thailand said on Tuesday that it would not accept third-party mediation.")
    assert [(e.category.value, e.flags.negated) for e in res.events] == [("REJECT", False)]


def test_since_the_ceasefire_is_a_time_frame(run, tuples) -> None:
    res = run("On Monday Israel struck Lebanon, its first raid since the ceasefire took effect.")
    assert "RETREAT" not in {x[2] for x in tuples(res)}


def test_peacekeeping_missions_act_for_their_organisation(run, tuples) -> None:
    res = run(
        "KFOR sent additional patrols to the north on Monday. UNIFIL accused Israel on Monday."
    )
    found = tuples(res)
    assert (MON, "NATO", "MOBILIZE", None) in found
    assert (MON, "UN", "ACCUSE", "ISR") in found
