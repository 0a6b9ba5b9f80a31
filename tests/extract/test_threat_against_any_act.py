"""A threat to answer "any aggression" or "any provocation" (zh modality `any_act`) that names
no one is aimed at the actor of the last act by another side, as a response to an unnamed act
is (`events.Coder._answers_any`), also where the threat's clause inherits its subject from the
clause before. Negatives: no earlier act by another side, and a threat that names its target.
Sentences written for these tests.

Also (sentences written for these tests): adverbs and modals between a clause's start and its
verb (会随时坚决回击, 必将严厉回击) leave the subject slot empty (zh modality `subject_free`), so
the clause inherits the subject of the clause before instead of losing its draft (the 会 of 国会,
议会 or 会谈 is no modal); and an act told as retaliation (报复性打击, "carried out retaliatory
strikes") that names no one is aimed, like such a threat, at the actor of the last act by
another side (modality `retaliation`)."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor

from .conftest import triples

DAY = dt.date(2026, 4, 9)

# (text, threatener, threatened)
ANSWERED = [
    ("以色列8日空袭了黎巴嫩南部的村庄。黎巴嫩国防部9日警告，将对任何侵略行为作出坚决回击。",
     "LBN", "ISR"),
    ("越南渔船8日驶入争议海域。中國海警局9日表示，對任何挑釁侵權舉動都將予以堅決回擊。",
     "CHN", "VNM"),
    ("印度无人机8日越境袭击巴基斯坦哨所。巴基斯坦军方9日称，绝不会对任何入侵置之不理。",
     "PAK", "IND"),
    # the threat's clause has no subject of its own
    ("俄罗斯战机8日闯入爱沙尼亚领空。爱沙尼亚国防部9日予以谴责，并强调将坚决回应任何挑衅。",
     "EST", "RUS"),
]  # fmt: skip

# no act by another side before it
NO_TARGET = [
    "伊朗外交部9日警告，将对任何侵略行为作出坚决回应。",
]


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


@pytest.mark.parametrize(("text", "actor", "target"), ANSWERED)
def test_a_threat_against_any_aggression_is_aimed_at_the_last_aggressor(
    rules, text, actor, target
) -> None:
    assert (actor, "THREATEN", target) in triples(rules, text, DAY)


@pytest.mark.parametrize("text", NO_TARGET)
def test_no_earlier_act_gives_no_target(rules, text) -> None:
    threats = [e for e in triples(rules, text, DAY) if e[1] == "THREATEN"]
    assert threats
    assert all(e[2] is None for e in threats)


def test_a_named_target_is_kept(rules) -> None:
    text = "以色列8日空袭了叙利亚。伊朗9日警告美国，将对任何侵略行为作出回应。"
    assert ("IRN", "THREATEN", "USA") in triples(rules, text, DAY)
    assert ("IRN", "THREATEN", "ISR") not in triples(rules, text, DAY)


@pytest.mark.parametrize(("text", "actor", "category"), ADVERBS)
def test_adverbs_before_the_verb_keep_the_inherited_subject(rules, text, actor, category) -> None:
    assert any(e[0] == actor and e[1] == category for e in triples(rules, text, DAY))


def test_the_hui_of_a_parliament_is_no_modal(rules) -> None:
    text = "俄罗斯8日空袭了乌克兰。国会9日批准了新的制裁。"
    assert all(e[0] != "RUS" or e[1] == "ASSAULT" for e in triples(rules, text, DAY))


@pytest.mark.parametrize(("text", "actor", "target"), RETALIATION)
def test_retaliation_is_aimed_at_the_last_attacker(rules, text, actor, target) -> None:
    assert (actor, "ASSAULT", target) in triples(rules, text, DAY)


def test_retaliation_with_no_earlier_act_has_no_target(rules) -> None:
    text = "Syria carried out retaliatory strikes on Tuesday."
    assert [e for e in triples(rules, text, DAY) if e[1] == "ASSAULT"] == [("SYR", "ASSAULT", None)]


def test_retaliation_against_a_named_side_keeps_it(rules) -> None:
    text = "以色列8日空袭了黎巴嫩。伊朗9日对美国发动报复性打击。"
    assert ("IRN", "ASSAULT", "USA") in triples(rules, text, DAY)
    assert ("IRN", "ASSAULT", "ISR") not in triples(rules, text, DAY)
