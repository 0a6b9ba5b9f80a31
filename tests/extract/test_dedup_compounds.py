"""Within one document, one sentence's act coded under two categories of the same two parties
keeps the category the guide keeps (compounds.yaml); the table's schema is checked. Events
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract.compounds import check, preferred
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
    assert (Category.AGREE, Category.SUPPORT) in preferred()
    assert (Category.SUPPORT, Category.AGREE) not in preferred()


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
        check(raw)


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
    # a ceasefire as AGREE and RETREAT: gold keeps both too often for a rule
    assert _cats([_event("AGREE", (0,)), _event("RETREAT", (0,))]) == ["AGREE", "RETREAT"]
