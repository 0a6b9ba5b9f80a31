"""Measures that had no trigger of their own, found where they stand beside another measure:
a treaty put on hold, envoys told to leave, persona non grata, the suspension of aid told as a
noun; in Chinese trade or visas named before their cancelling (贸易将取消, 签证都将取消), payments
halted (中断支付) and a bounty (悬赏). The sentences are made up."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract.langdata import build
from dualtrack.extract.pipeline import Extractor
from dualtrack.model import Document


def _sanctions(text: str) -> list[tuple[str | None, str | None, str | None]]:
    ex = Extractor(case=None, lang="auto", coder="rules")
    doc = Document(text=text, date=dt.date(2026, 3, 3), source="own")
    return [
        (e.actor, e.target, e.mode)
        for e in ex.extract(doc).events
        if e.category.value == "SANCTION"
    ]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Chile on Monday put its border accord with Peru on hold.", "withdraw"),
        ("Chile on Monday asked the Peruvian defence advisers in Santiago to leave.", "expel"),
        ("Chile on Monday declared two Peruvian diplomats persona non grata.", "expel"),
        ("Chile on Monday announced the suspension of development aid to Peru.", "economic"),
        ("智利3月2日中断支付给秘鲁的500万美元。", "economic"),
    ],
)
def test_a_measure_with_no_trigger_before_is_found(text: str, mode: str) -> None:
    found = _sanctions(text)
    assert any(m == mode for _, _, m in found), found


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("两国贸易将取消", "economic"),
        ("向该国商人发放的签证都将取消", "expel"),
        ("对其首领的悬赏金加倍", "economic"),
    ],
)
def test_chinese_measures_named_object_first_are_triggers(text: str, mode: str) -> None:
    lang = build("zh")
    m = lang.find_verb(text)
    assert m is not None
    rule = lang.verb_rules[m.lastgroup]
    assert (rule.category.value, rule.mode) == ("SANCTION", mode)
