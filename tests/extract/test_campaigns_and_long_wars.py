"""Two readings that are no act of the day (s36x, redone in s38q): 打击 of a crime, an ideology
or a group fought everywhere (打击恐怖主义, 打击毒品走私) is a policy or a joint campaign, no
attack on a state; 交战 told with its length (交战多年) is the background of the news, no clash
of the day. Positives: 打击 of fighters in a named place, a strike on a state, a clash of the
day. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor
from dualtrack.model import Document

NO_ATTACK = [
    "中国与巴基斯坦5日同意加强合作，共同打击恐怖主义。",
    "越南与老挝4日宣布联合打击毒品走私。",
    "亚美尼亚与阿塞拜疆交战多年，两国4日在华盛顿签署和平协议。",
]

ATTACK = [
    ("美军4日打击了叙利亚境内的恐怖分子。", {("USA", "SYR")}),
    ("以色列4日对黎巴嫩南部发动打击。", {("ISR", "LBN")}),
    ("亚美尼亚与阿塞拜疆军队4日在边境交战。", {("ARM", "AZE"), ("AZE", "ARM")}),
]


@pytest.fixture(scope="module", params=["rules", "learned"])
def ex(request) -> Extractor:
    return Extractor(case=None, lang="auto", coder=request.param)


def _assaults(ex: Extractor, text: str) -> set[tuple[str | None, str | None]]:
    res = ex.extract(Document(text=text, date=dt.date(2026, 3, 5)))
    return {
        (ex.country(e.actor), ex.country(e.target))
        for e in res.events
        if e.category.value == "ASSAULT"
    }


@pytest.mark.parametrize("text", NO_ATTACK)
def test_a_campaign_or_a_long_war_is_no_attack_of_the_day(ex, text) -> None:
    assert not _assaults(ex, text)


@pytest.mark.parametrize(("text", "pairs"), ATTACK)
def test_a_strike_or_a_clash_of_the_day_stays(ex, text, pairs) -> None:
    assert _assaults(ex, text) == pairs
