"""Chinese wordings of acts the coders still did not see (s23z): balloons of refuse and
loudspeaker broadcasts sent at the other side (COERCE), attacks paused by one side (暂停…袭击)
(RETREAT), heavy fighting (激战) (ASSAULT), peace talks held and discussions with a party
(举行和谈, 与…讨论) (CONSULT), and the hope that another party does something (希望X落实/遵守…)
(REQUEST). Sentences written for these tests; both coders."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor
from dualtrack.model import Document

D = dt.date(2026, 3, 4)

# (text, an event (actor country, category, target country) both coders must find)
CASES = [
    ("朝鲜4日再次向韩国放飞200多个装有垃圾的气球。", ("PRK", "COERCE", "KOR")),
    ("北韓4日向南韓空飄數百個氣球。", ("PRK", "COERCE", "KOR")),
    ("韩国4日起对朝鲜恢复前线扩音广播。", ("KOR", "COERCE", "PRK")),
    ("缅军4日与德昂民族解放军激战。", ("MMR", "ASSAULT", "MMR")),
    ("朝鲜4日宣布暂停向韩国空飘气球。", ("PRK", "RETREAT", "KOR")),
    ("缅军4日与德昂民族解放军举行和谈。", ("MMR", "CONSULT", "MMR")),
    ("美国总统4日与北约秘书长讨论了对乌援助。", ("USA", "CONSULT", "NATO")),
    ("中方4日希望缅甸冲突双方落实停火安排。", ("CHN", "REQUEST", "MMR")),
    ("巴西4日希望委內瑞拉切实履行法院的裁决。", ("BRA", "REQUEST", "VEN")),
]


@pytest.fixture(scope="module")
def coders() -> dict[str, Extractor]:
    return {c: Extractor(case=None, lang="auto", coder=c) for c in ("rules", "learned")}


def _tuples(ex: Extractor, text: str) -> set[tuple]:
    res = ex.extract(Document(text=text, date=dt.date(2026, 3, 5)))
    return {
        (e.date, ex.country(e.actor), e.category.value, ex.country(e.target))
        for e in res.events
        if not e.flags.negated
    }


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(("text", "event"), CASES)
def test_an_unseen_wording_is_coded(coders, coder: str, text: str, event: tuple) -> None:
    assert (D, *event) in _tuples(coders[coder], text)


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    "text",
    [
        "以色列军队4日被调往已被占领多年的戈兰高地。",  # an occupied place is no capture
        "伊朗4日希望避免战争。",  # a hope about no other party is no request
        "专家认为各方希望和平。",
    ],
)
def test_a_description_is_no_act(coders, coder: str, text: str) -> None:
    got = _tuples(coders[coder], text)
    assert not any(c in ("ASSAULT", "REQUEST") for _, _, c, _ in got), got


def test_a_paused_attack_is_one_sided_and_no_attack(coders) -> None:
    """The pause is the event, of the side that pauses only; the attacks paused are not."""
    got = _tuples(coders["rules"], "朝鲜4日宣布暂停向韩国空飘气球。")
    assert (D, "PRK", "RETREAT", "KOR") in got
    assert (D, "KOR", "RETREAT", "PRK") not in got
    assert not any(c in ("COERCE", "ASSAULT") for _, _, c, _ in got), got
