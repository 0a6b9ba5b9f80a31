"""A mediator the text marks as one is no party of the deal or the talks it brokers, and a
speaker who calls on 双方 / both sides is neither side (`events._brokered`, `Coder._pair_at`)."""

from __future__ import annotations

import datetime as dt

MON = dt.date(2026, 3, 2)


def _pairs(res, ex, category: str) -> set[tuple]:
    return {
        (ex.country(e.actor), ex.country(e.target))
        for e in res.events
        if e.category.value == category
    }


def _parties(res, ex, categories: tuple[str, ...]) -> set[str]:
    return {
        c
        for e in res.events
        if e.category.value in categories
        for c in (ex.country(e.actor), ex.country(e.target))
        if c
    }


def test_a_marked_broker_is_no_party_of_the_ceasefire(run, ex) -> None:
    """A headline truce between a government and a group with no country of its own: the only
    other state named is the broker, which is no side of the truce."""
    en = "Truce deal struck between Chilean government, rebel militia under Brazil's mediation"
    assert "BRA" not in _parties(run(en, MON), ex, ("RETREAT", "AGREE"))


def test_the_announcer_of_a_truce_between_two_others_is_no_party(run, ex) -> None:
    """A ceasefire noun followed by "between A and B" names its two sides (`mutual`, as for
    talks): the state that announced it, or a speaker who reports it, ceases no fire."""
    en = "Egypt announced on Monday a truce between Ethiopia and Eritrea."
    assert _pairs(run(en, MON), ex, "RETREAT") == {("ETH", "ERI"), ("ERI", "ETH")}
    en = "Kenya said on Monday that a ceasefire between Sudan and South Sudan had taken effect."
    assert _pairs(run(en, MON), ex, "RETREAT") == {("SDN", "SSD"), ("SSD", "SDN")}


def test_a_ceasefire_one_side_declares_stays_its_own(run, ex) -> None:
    en = "Ethiopia declared a ceasefire on Monday."
    assert _pairs(run(en, MON), ex, "RETREAT") == {("ETH", None)}


def test_talks_under_a_named_broker_are_not_with_it(run, ex) -> None:
    en = (
        "The Chilean government held talks with rebel commanders on Monday "
        "under Brazil's mediation."
    )
    assert ("CHL", "BRA") not in _pairs(run(en, MON), ex, "CONSULT")


def test_a_speaker_urging_both_sides_is_not_one_of_them(run, ex) -> None:
    """The last pair (France's own talks with Thailand) holds the speaker: both sides are the
    pair before it, Thailand and Cambodia."""
    zh = (
        "3月1日,泰国和柬埔寨军队在边境再度交火。3月2日,法国外长与泰国外长举行会谈。"
        "法国随后敦促双方马上停火。"
    )
    assert {("FRA", "THA"), ("FRA", "KHM")} <= _pairs(run(zh, MON), ex, "REQUEST")
    en = (
        "Thailand and Cambodia traded fire along the border on Sunday. On Monday the French "
        "foreign minister met the Thai foreign minister in Paris. France then urged both sides "
        "to halt the fighting at once."
    )
    assert {("FRA", "THA"), ("FRA", "KHM")} <= _pairs(run(en, MON), ex, "REQUEST")
