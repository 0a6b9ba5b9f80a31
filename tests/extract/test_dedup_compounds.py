"""Within one document, one sentence's act coded under two categories of the same two parties
keeps the category the guide keeps (compounds.yaml); the table's schema is checked. Events
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract.compounds import check_rows, table
from dualtrack.extract.dedup import merge_events
from dualtrack.extract.langdata import LangDataError
from dualtrack.model import Event, Evidence
from dualtrack.ontology import Category


def _event(cat: str, starts: tuple[int, ...], actor: str = "AAA", target: str = "BBB") -> Event:
    return Event(
        date=dt.date(2026, 3, 4),
        actor=actor,
        target=target,
        category=cat,
        evidence=[Evidence(doc_id="d1", start=s, end=s + 30) for s in starts],
    )


def _country(actor: str | None) -> str | None:
    return actor


def _cats(events: list[Event]) -> list[str]:
    merged = merge_events(events, _country, within_doc=True)
    return sorted(str(e.category) for e in merged)


def test_the_table_is_read_and_checked() -> None:
    pairs = {(r.keep, r.over) for r in table()}
    assert (Category.AGREE, Category.SUPPORT) in pairs
    assert (Category.SUPPORT, Category.AGREE) not in pairs


@pytest.mark.parametrize(
    "raw",
    [
        {"prefer": [{"keep": "AGREE", "over": "NOPE", "why": "x"}]},
        {"prefer": [{"keep": "AGREE", "over": "AGREE", "why": "x"}]},
        {"prefer": [{"keep": "AGREE", "over": "SUPPORT"}]},
        {
            "prefer": [
                {"keep": "AGREE", "over": "SUPPORT", "why": "x"},
                {"keep": "SUPPORT", "over": "AGREE", "why": "y"},
            ]
        },
        {"rows": []},
    ],
)
def test_a_bad_table_is_refused(raw: dict) -> None:
    with pytest.raises(LangDataError):
        check_rows(raw)


def test_one_sentence_coded_twice_keeps_the_guides_category() -> None:
    # "The two governments signed the accord and hailed it": AGREE and SUPPORT from one sentence
    assert _cats([_event("AGREE", (0,)), _event("SUPPORT", (0,))]) == ["AGREE"]


def test_the_pair_is_unordered() -> None:
    assert _cats([_event("AGREE", (0,)), _event("SUPPORT", (0,), "BBB", "AAA")]) == ["AGREE"]


def test_a_category_told_in_a_sentence_of_its_own_too_stays() -> None:
    assert _cats([_event("AGREE", (0,)), _event("SUPPORT", (0, 50))]) == ["AGREE", "SUPPORT"]


def test_other_parties_or_pairs_not_in_the_table_stay() -> None:
    assert _cats([_event("AGREE", (0,)), _event("SUPPORT", (0,), "AAA", "CCC")]) == [
        "AGREE",
        "SUPPORT",
    ]
    # AGREE and RETREAT of no ceasefire: the ceasefire row holds for that mode only
    assert _cats([_event("AGREE", (0,)), _event("RETREAT", (0,))]) == ["AGREE", "RETREAT"]


def _told(cat: str, text: str, mode: str | None = None) -> Event:
    return Event(
        date=dt.date(2026, 3, 4),
        actor="AAA",
        target="BBB",
        category=cat,
        mode=mode,
        evidence=[Evidence(doc_id="d1", start=0, end=len(text), text=text)],
    )


def _merged(events: list[Event]) -> list[str]:
    return sorted(str(e.category) for e in merge_events(events, _country, within_doc=True))


@pytest.mark.parametrize(
    "text",
    ["甲乙两国4日达成停火协议,自当晚起停止交火。", "The two sides agreed to a truce on Tuesday."],
)
def test_a_ceasefire_agreed_is_the_halt(text: str) -> None:
    events = [_told("AGREE", text), _told("RETREAT", text, "ceasefire")]
    assert _merged(events) == ["RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        "乙方4日同意甲方提出的停火方案。",
        "The rebels accepted the mediators' proposal for a truce on Tuesday.",
        "Both sides agreed to the ceasefire plan.",
        "甲乙两国外长4日签署和平协议,承诺停止敌对行动。",
        "The two envoys signed a peace deal on Tuesday that commits both sides to a truce.",
    ],
)
def test_a_proposal_accepted_or_a_deal_signed_is_the_agreement(text: str) -> None:
    events = [_told("AGREE", text), _told("RETREAT", text, "ceasefire")]
    assert _merged(events) == ["AGREE"]


def test_an_english_swap_word_is_a_whole_word() -> None:
    # "planes" is no plan: the halt stays the act
    text = "The two sides agreed to a truce after planes struck the town."
    events = [_told("AGREE", text), _told("RETREAT", text, "ceasefire")]
    assert _merged(events) == ["RETREAT"]


def test_a_withdrawal_agreed_is_no_ceasefire_row() -> None:
    # the row holds for the ceasefire mode only
    text = "The two sides agreed that troops would pull back from the pass."
    events = [_told("AGREE", text), _told("RETREAT", text, "withdrawal")]
    assert _merged(events) == ["AGREE", "RETREAT"]


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ({"modes": "ceasefire"}, "modes"),
        ({"modes": []}, "modes"),
        ({"swap_words": ["plan"]}, "swap_words"),
        ({"swap_words": {"fr": ["plan"]}}, "swap_words"),
        ({"swap_words": {"en": []}}, "swap_words en"),
        ({"swap_words": {"en": [" "]}}, "swap_words en"),
        ({"when": "x"}, "optionally"),
    ],
)
def test_a_bad_optional_key_is_refused_naming_the_row(extra: dict, says: str) -> None:
    row = {"keep": "RETREAT", "over": "AGREE", "why": "x", **extra}
    with pytest.raises(LangDataError, match=f"prefer 2: .*{says}"):
        check_rows({"prefer": [{"keep": "AGREE", "over": "SUPPORT", "why": "x"}, row]})


def test_the_optional_keys_are_read() -> None:
    (row,) = check_rows(
        {
            "prefer": [
                {
                    "keep": "RETREAT",
                    "over": "AGREE",
                    "why": "x",
                    "modes": ["ceasefire"],
                    "swap_words": {"zh": ["提议"], "en": ["offer"]},
                }
            ]
        }
    )
    assert row.modes == frozenset({"ceasefire"})
    assert row.swap is not None and row.swap.search("接受提议") and row.swap.search("An Offer")
