"""An undated event recalled as background (此前, last year) stays apart from its dated twin of
the same parties and category: history, which the GUIDE leaves undated, not an undated report of
the dated act (`merge_events(apart=...)`, `pipeline._background_undated`)."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor
from dualtrack.extract.dedup import merge_events
from dualtrack.model import Document, Event, Evidence


def _event(start: int, day: int | None) -> Event:
    return Event(
        date=dt.date(2026, 3, day) if day else None,
        actor="AAA",
        target="BBB",
        category="ASSAULT",
        evidence=[Evidence(doc_id="d1", start=start, end=start + 10)],
    )


def _country(actor: str | None) -> str | None:
    return actor


def test_an_undated_twin_folds_into_the_dated_one_unless_kept_apart() -> None:
    dated, undated = _event(0, 6), _event(40, None)
    assert len(merge_events([dated, undated], _country, within_doc=True)) == 1
    dated, undated = _event(0, 6), _event(40, None)
    kept = merge_events([dated, undated], _country, within_doc=True, apart=frozenset({1}))
    assert sorted(str(e.date) for e in kept) == ["2026-03-06", "None"]


def test_only_an_undated_event_is_kept_apart() -> None:
    a, b = _event(0, 6), _event(40, 6)
    assert len(merge_events([a, b], _country, within_doc=True, apart=frozenset({1}))) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "泰国军队10月20日向柬埔寨军队开火。去年,泰国军队曾向柬埔寨军队开火,造成多人死亡。"),
        (
            "en",
            "Thai troops fired on Cambodian troops on Monday. Last year, Thai troops had "
            "fired on Cambodian troops, killing three.",
        ),
    ],
)
def test_a_clash_recalled_from_last_year_is_not_folded_into_this_weeks(
    lang: str, text: str
) -> None:
    ex = Extractor(lang=lang, coder="learned")
    events = ex.extract(Document(text=text, date=dt.date(2025, 10, 22))).events
    dates = sorted(str(e.date) for e in events if e.category.value == "ASSAULT")
    assert dates == ["2025-10-20", "None"]


def test_a_restated_act_without_a_background_word_still_folds() -> None:
    ex = Extractor(lang="en", coder="learned")
    text = (
        "Thai troops fired on Cambodian troops on Monday. "
        "Officials said Thai troops fired on Cambodian troops near the border."
    )
    events = ex.extract(Document(text=text, date=dt.date(2025, 10, 22))).events
    assert len([e for e in events if e.category.value == "ASSAULT"]) == 1
