"""Wordings of SUPPORT, and names of COOPERATE's parties, that the rules did not read out of fold
(benchmarks/real/GUIDE.md: praise of another party is SUPPORT; arms sales are COOPERATE). Every
sentence here is written for the test."""

from __future__ import annotations

import datetime as dt

D = dt.date


def test_credit_for_a_role_is_praise_by_the_speaker(run, tuples) -> None:
    """X said Y and Z played an important role in the deal: X praises each (speaker_acts: the one
    who says it acts on the subject credited)."""
    for text in (
        "巴基斯坦外长4日表示,沙特和土耳其在促成这项协议方面发挥了重要作用。",
        "Pakistan's foreign minister said on Wednesday that Saudi Arabia and Turkey played an"
        " important role in the deal.",
    ):
        found = tuples(run(text))
        assert (D(2026, 3, 4), "PAK", "SUPPORT", "SAU") in found, text
        assert (D(2026, 3, 4), "PAK", "SUPPORT", "TUR") in found, text


def test_credit_with_no_speaker_and_an_offer_of_a_role_praise_no_one(run, tuples) -> None:
    for text in (
        "沙特4日在促成协议方面发挥了重要作用。",
        "中方4日表示愿为此发挥建设性作用。",
        "Saudi Arabia played a key role in the talks on Wednesday.",
    ):
        assert "SUPPORT" not in {c for _, _, c, _ in tuples(run(text))}, text
