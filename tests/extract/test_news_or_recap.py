"""Whether a clause tells the report's news or recaps history, as cues of the date model
(`learned._news_cues`): a paragraph with a day near the report's, how long ago such a day was
named, whether the last date named was recent, the share of the document's days near the
report's. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract import Extractor, learned
from dualtrack.model import Document

DAY = dt.date(2026, 3, 5)
TEXT = (
    "Japan protested to China on March 4 over the drills.\n\n"
    "Japan had protested to China on June 3, 2024 as well.\n\n"
    "Both sides met later."
)


def _view(text: str) -> learned.DocView:
    ex = Extractor(case=None, lang="en")
    _, view = ex.analyse(Document(text=text, date=DAY, source="news-test"))
    return view


def test_each_sentence_knows_whether_its_paragraph_tells_the_news() -> None:
    view = _view(TEXT)
    first, second, third = (learned._news_cues(view, k) for k in range(3))
    assert "pnews:recent" in first and "since:0" in first and "lastd:recent" in first
    assert "pnews:older" in second and "since:1" in second and "lastd:older" in second
    assert "pnews:none" in third and "since:2" in third and "lastd:older" in third
    assert {c for c in first if c.startswith("share:")} == {"share:mid"}


def test_a_document_with_no_dates_reads_as_no_news_day_named() -> None:
    view = _view("Japan protested to China over the drills.")
    assert learned._news_cues(view, 0) == ["pnews:none", "since:never", "lastd:none", "share:none"]
