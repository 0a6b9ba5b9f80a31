"""A response that names no party but refers to an earlier act by a demonstrative and a noun of
an act or decision (谴责这一行动, 拒绝上述要求, 欢迎此项决定: zh modality `anaphoric_objects`), or
fronts that act with 将/把 (将上述行动称为绑架: `anaphoric_before`), is aimed at the actor of the
last act by another side (`events.Coder._anaphor`). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor

from .conftest import triples

DAY = dt.date(2026, 4, 9)

# (text, actor, category, target)
ANSWERED = [
    ("俄罗斯8日扣押了两艘乌克兰货船。乌克兰外交部9日强烈谴责这一行动。", "UKR", "ACCUSE", "RUS"),
    ("美国8日宣布对古巴实施新的制裁。古巴9日谴责上述制裁。", "CUB", "ACCUSE", "USA"),
    ("印度8日逮捕了3名巴基斯坦渔民。巴基斯坦9日将上述行动称为非法绑架。", "PAK", "ACCUSE", "IND"),
    ("美国8日宣布解除对叙利亚的制裁。叙利亚9日欢迎这一决定。", "SYR", "SUPPORT", "USA"),
    ("俄罗斯8日释放了20名乌克兰战俘。烏克蘭9日歡迎此項決定。", "UKR", "SUPPORT", "RUS"),
]  # fmt: skip


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(case=None, lang="auto")


@pytest.mark.parametrize(("text", "actor", "category", "target"), ANSWERED)
def test_a_response_to_an_act_named_by_a_demonstrative_targets_its_author(
    rules, text, actor, category, target
) -> None:
    assert (actor, category, target) in triples(rules, text, DAY)


def test_a_named_target_is_kept(rules) -> None:
    text = "俄罗斯8日扣押了两艘乌克兰货船。乌克兰9日谴责白俄罗斯的这一行动。"
    found = triples(rules, text, DAY)
    assert ("UKR", "ACCUSE", "BLR") in found
