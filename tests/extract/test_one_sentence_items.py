"""One-sentence items (feed summaries, alerts: what `dualtrack watch` and `ingest` read besides
whole articles) keep their event through the learned coder's verifier, in English and Chinese:
talks via a mediator, a deployment told with counts, a strike.

Why: the verifier learns mostly from whole articles, and in an item of one sentence every party
is named once, so its cues of who the article is about are out of their usual range. This is
the check that the next data, feature or threshold change keeps such items. (An untargeted
deployment in one sentence, "X sent ships to the Y Sea", stays borderline near the common
threshold and is not asserted in English; see the s25s branch's reverted experiment.)
Sentences written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract.pipeline import Extractor
from dualtrack.model import Document

DAY = dt.date(2027, 4, 14)

# (text, category, actor's country, target's country or None: either order for CONSULT)
ITEMS = [
    ("Qatar mediated talks between Egypt and Ethiopia on Sunday.", "CONSULT", "EGY", "ETH"),
    (
        "Israeli jets struck targets in southern Lebanon on Wednesday, the army said.",
        "ASSAULT",
        "ISR",
        "LBN",
    ),
    (
        "Turkey deployed four frigates and 2,000 troops to its border with Greece on Tuesday.",
        "MOBILIZE",
        "TUR",
        "GRC",
    ),
    ("在卡塔尔斡旋下，埃及与埃塞俄比亚周日举行会谈。", "CONSULT", "EGY", "ETH"),
    ("土耳其周二向希腊方向派遣四艘护卫舰和两千名士兵。", "MOBILIZE", "TUR", "GRC"),
    ("俄罗斯周一向波罗的海派遣五艘军舰和两艘潜艇。", "MOBILIZE", "RUS", None),
    ("以色列战机周三空袭黎巴嫩南部目标。", "ASSAULT", "ISR", "LBN"),
]


@pytest.mark.parametrize(("text", "category", "actor", "target"), ITEMS)
def test_the_learned_coder_keeps_a_one_sentence_item(
    coders: dict[str, Extractor], text: str, category: str, actor: str, target: str | None
) -> None:
    ex = coders["learned"]
    events = ex.extract(Document(text=text, date=DAY, source="one-sentence-test")).events
    got = {(e.category.value, ex.country(e.actor), ex.country(e.target)) for e in events}
    want = {(category, actor, target)}
    if category == "CONSULT":
        want.add((category, target, actor))
    assert got & want, got
