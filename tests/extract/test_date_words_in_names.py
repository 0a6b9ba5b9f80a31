"""Date words inside names are no dates (日本周边, 光明日报, 《今日…》, 日本月球), and the same
words beside a name still date (日本本周, 日本周一, 本周遭到). Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract.dates import find_dates
from dualtrack.extract.normalize import normalize

D = dt.date(2026, 3, 5)  # a Thursday


@pytest.fixture(scope="module")
def zh(ex):
    return ex._load("zh")


def _dates(text, lang):
    n = normalize(text, chinese=True, units=lang.unit_chars)
    return [(n.text[d.start : d.end], d.date) for d in find_dates(n.text, lang, D)]


@pytest.mark.parametrize(
    "text",
    ["中方舰艇在日本周边海域航行。", "日本周邊海空域出現多艘船艦。",
     "据《今日印度》消息，双方仍在接触。", "光明日报记者报道了这次会谈。",
     "这周边地区局势紧张。", "日本月球探测器发射成功。"],
)  # fmt: skip
def test_date_word_inside_a_name_is_no_date(zh, text) -> None:
    assert _dates(text, zh) == []


def test_date_words_beside_a_name_still_date(zh) -> None:
    assert _dates("日本本周宣布新的制裁。", zh) == [("本周", dt.date(2026, 3, 2))]
    assert _dates("日本周一宣布新的制裁。", zh) == [("周一", dt.date(2026, 3, 2))]
    assert _dates("美国本月宣布新的制裁。", zh) == [("本月", dt.date(2026, 3, 1))]
    assert _dates("两国明日举行会谈。", zh) == [("明日", dt.date(2026, 3, 6))]
    assert _dates("该港口本周遭到无人机袭击。", zh) == [("本周", dt.date(2026, 3, 2))]
