"""Two readings added together (sentences written for these tests):

- Adverbs and modals between a clause's start and its verb (会随时坚决回击, 必将严厉回击) leave
  the subject slot empty (zh modality `subject_free`), so the clause inherits the subject of the
  clause before instead of losing its draft; the 会 of 国会, 议会 or 会谈 is no modal.
- An act told as retaliation (报复性打击, "carried out retaliatory strikes") that names no one is
  aimed at the actor of the last act by another side (modality `retaliation`, read by
  `events.Coder._answers_any` as a threat against any aggression is)."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor
from dualtrack.model import Document

DAY = dt.date(2026, 4, 9)

# (text, actor, category, target)
ADVERBS = [
    ("以色列8日空袭了黎巴嫩。黎巴嫩9日表示，会随时坚决回击。", "LBN", "THREATEN"),
    ("以色列8日空袭了黎巴嫩。黎巴嫩9日表示，必将严厉回击。", "LBN", "THREATEN"),
    ("以色列8日空袭了黎巴嫩。黎巴嫩9日谴责此举，并称一定会果断回击。", "LBN", "THREATEN"),
    ("以色列8日空袭了黎巴嫩。黎巴嫩9日表示，將會隨時堅決回擊。", "LBN", "THREATEN"),
]  # fmt: skip

RETALIATION = [
    ("以色列8日空袭了黎巴嫩。黎巴嫩真主党9日发动报复性打击。", "LBN", "ISR"),
    ("以色列8日空襲了敘利亞。敘利亞9日進行了報復性空襲。", "SYR", "ISR"),
    ("Israel struck Lebanon on Monday. Lebanon carried out retaliatory strikes on Tuesday.",
     "LBN", "ISR"),
    ("Israel struck Syria on Monday. Syria fired rockets in retaliation on Tuesday.",
     "SYR", "ISR"),
]  # fmt: skip


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(case=None, lang="auto")


def _events(ex: Extractor, text: str) -> list[tuple[str | None, str, str | None]]:
    res = ex.extract(Document(text=text, date=DAY))
    return [(ex.country(e.actor), e.category.value, ex.country(e.target)) for e in res.events]


@pytest.mark.parametrize(("text", "actor", "category"), ADVERBS)
def test_adverbs_before_the_verb_keep_the_inherited_subject(rules, text, actor, category) -> None:
    assert any(e[0] == actor and e[1] == category for e in _events(rules, text))


def test_the_hui_of_a_parliament_is_no_modal(rules) -> None:
    text = "俄罗斯8日空袭了乌克兰。国会9日批准了新的制裁。"
    assert all(e[0] != "RUS" or e[1] == "ASSAULT" for e in _events(rules, text))


@pytest.mark.parametrize(("text", "actor", "target"), RETALIATION)
def test_retaliation_is_aimed_at_the_last_attacker(rules, text, actor, target) -> None:
    assert (actor, "ASSAULT", target) in _events(rules, text)


def test_retaliation_with_no_earlier_act_has_no_target(rules) -> None:
    text = "Syria carried out retaliatory strikes on Tuesday."
    assert [e for e in _events(rules, text) if e[1] == "ASSAULT"] == [("SYR", "ASSAULT", None)]


def test_retaliation_against_a_named_side_keeps_it(rules) -> None:
    text = "以色列8日空袭了黎巴嫩。伊朗9日对美国发动报复性打击。"
    assert ("IRN", "ASSAULT", "USA") in _events(rules, text)
    assert ("IRN", "ASSAULT", "ISR") not in _events(rules, text)
