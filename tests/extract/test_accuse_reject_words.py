"""Accusations and denials the coders never found (s44a): a breach told with its agreement right
after the verb (违反协议, which 协议 made read as a noun it modifies), a party labelled as an
offender (称其为「挑衅」, 形容…危险), a charge pointed at a party (指认), a speaker's rebuttal of
another's charge (称美方颠倒黑白: the speaker rejects its charge), and in English a denial
told after the charge it answers (", which Pakistan denied"), which the charge's verb took as its
content. Sentences written for these tests; both coders."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import asserted_tuples

D = dt.date(2026, 3, 4)

# (text, an event (actor country, category, target country) both coders must find)
CASES = [
    ("印度外交部4日说，巴方一再违反协议。", ("IND", "ACCUSE", "PAK")),
    ("黎巴嫩4日称，以色列多次违反停火协定。", ("LBN", "ACCUSE", "ISR")),
    ("爱沙尼亚外长4日称俄罗斯为「公然的挑衅者」。", ("EST", "ACCUSE", "RUS")),
    ("英國國防大臣4日形容俄羅斯的行動魯莽而危險。", ("GBR", "ACCUSE", "RUS")),
    ("塞尔维亚总统4日指认科索沃当局切断了物资供应。", ("SRB", "ACCUSE", "XKX")),
    ("中国外交部发言人4日表示，美方在此事上颠倒黑白。", ("CHN", "REJECT", "USA")),
    (
        "On Wednesday India blamed Pakistan for the raid on the border post, which Pakistan "
        "denied.",
        ("PAK", "REJECT", "IND"),
    ),
    (
        'On Wednesday Kosovo accused Serbia of arming the "gunmen," an accusation Belgrade '
        "denies, saying they acted alone.",
        ("SRB", "REJECT", "XKX"),
    ),
]


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(("text", "event"), CASES)
def test_an_accusation_or_denial_is_coded(coders, coder: str, text: str, event: tuple) -> None:
    assert (D, *event) in asserted_tuples(coders[coder], text)


def test_a_breach_under_a_condition_is_no_accusation(coders) -> None:
    got = asserted_tuples(coders["rules"], "以色列4日警告，如果真主党违反协议，将予以回击。")
    assert not any(c == "ACCUSE" for _, _, c, _ in got)


def test_a_rebuttal_word_without_a_speaker_is_no_denial(coders) -> None:
    got = asserted_tuples(coders["rules"], "日方4日炒作雷达问题，颠倒黑白。")
    assert not any(c == "REJECT" for _, _, c, _ in got)


def test_a_neutral_label_is_no_accusation(coders) -> None:
    for coder in ("rules", "learned"):
        got = asserted_tuples(coders[coder], "日本首相4日称印度为重要伙伴。")
        assert not any(c == "ACCUSE" for _, _, c, _ in got), coder


def test_a_denial_inside_an_aside_keeps_the_main_clause(coders) -> None:
    got = asserted_tuples(
        coders["rules"], "On Wednesday China, which denied the report, welcomed Japan."
    )
    assert (D, "CHN", "SUPPORT", "JPN") in got
