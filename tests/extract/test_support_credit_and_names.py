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
        "秘鲁外长4日表示,巴西和阿根廷为达成停火发挥了重要作用。",
        "Peru's foreign minister said on Wednesday that Brazil and Argentina played an"
        " important role in reaching the truce.",
    ):
        found = tuples(run(text))
        assert (D(2026, 3, 4), "PER", "SUPPORT", "BRA") in found, text
        assert (D(2026, 3, 4), "PER", "SUPPORT", "ARG") in found, text


def test_credit_with_no_speaker_and_an_offer_of_a_role_praise_no_one(run, tuples) -> None:
    for text in (
        "巴西4日为达成停火发挥了重要作用。",
        "中方4日表示愿为此发挥建设性作用。",
        "Brazil played a key role in the talks on Wednesday.",
    ):
        assert "SUPPORT" not in {c for _, _, c, _ in tuples(run(text))}, text


def test_taiwan_named_as_a_region_of_china_is_taiwan(run, tuples) -> None:
    """中国台湾地区 (as mainland outlets name Taiwan) is TWN, not China: an arms sale to it is
    COOPERATE of the seller with Taiwan."""
    for text in (
        "美国4日宣布批准向中国台湾地区出售一批导弹。",
        "美國4日宣布批准向中國台灣地區出售一批飛彈。",
    ):
        found = tuples(run(text))
        assert (D(2026, 3, 4), "USA", "COOPERATE", "TWN") in found, text
        assert "CHN" not in {x for _, a, _, t in found for x in (a, t)}, text
