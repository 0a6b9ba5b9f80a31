"""Charges whose roles the coders read wrongly or never found (s55a): a speaker who calls another
party's act an aggression (称美国的袭击是侵略行径) charges that party, not the other way round (the
words were read as the act of the clause's subject, so the attacker accused the attacked); an
act told as a flagrant breach of the speaker's sovereignty (是对…主权的公然侵犯). Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import asserted_tuples

D = dt.date(2026, 3, 4)

# (text, an event (actor country, category, target country) the rule coder must find)
CASES = [
    ("智利总统4日表示，秘鲁炮击边境哨所是侵略行径。", ("CHL", "ACCUSE", "PER")),
    ("秘魯外交部4日說，智利轟炸邊境村莊是侵略行徑。", ("PER", "ACCUSE", "CHL")),
    ("卡塔尔外交部4日说，伊朗的导弹袭击是对卡塔尔主权的公然侵犯。", ("QAT", "ACCUSE", "IRN")),
]


@pytest.mark.parametrize(("text", "event"), CASES)
def test_a_charge_is_coded_against_the_party_charged(coders, text: str, event: tuple) -> None:
    got = asserted_tuples(coders["rules"], text)
    assert (D, *event) in got
    assert (D, event[2], event[1], event[0]) not in got  # not the charged party's accusation


def test_a_condemned_aggression_stays_the_condemners_charge(coders) -> None:
    got = asserted_tuples(coders["rules"], "叙利亚4日谴责以色列的侵略行径。")
    assert (D, "SYR", "ACCUSE", "ISR") in got


def test_an_aggression_told_by_no_speaker_is_no_charge(coders) -> None:
    got = asserted_tuples(coders["rules"], "以色列的侵略行径4日仍在继续。")
    assert not any(c == "ACCUSE" for _, _, c, _ in got)
