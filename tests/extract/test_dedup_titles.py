"""Within one document, the title's act folds into the body's report of it on another day (the
title dated as the report, the body naming the act's own day). Events and sentences written for
this test."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract.dedup import merge_events
from dualtrack.extract.pipeline import Extractor, _title_acts
from dualtrack.model import Document, Event, Evidence


def _event(start: int, day: int | None, target: str = "BBB") -> Event:
    return Event(
        date=dt.date(2026, 3, day) if day else None,
        actor="AAA",
        target=target,
        category="RETREAT",
        evidence=[Evidence(doc_id="d1", start=start, end=start + 10)],
    )


def _country(actor: str | None) -> str | None:
    return actor


def test_the_titles_act_takes_the_bodys_day() -> None:
    # title dated as the report (the 9th), the body says the withdrawal began on the 8th
    title, body = _event(0, 9), _event(40, 8)
    merged = merge_events([title, body], _country, within_doc=True, titled=frozenset({0}))
    assert [e.date for e in merged] == [dt.date(2026, 3, 8)]
    assert len(merged[0].evidence) == 2


def test_of_several_body_days_the_latest_up_to_the_titles() -> None:
    events = [_event(0, 9), _event(40, 5), _event(80, 8), _event(120, 10)]
    merged = merge_events(events, _country, within_doc=True, titled=frozenset({0}))
    assert sorted(e.date.day for e in merged if e.date) == [5, 8, 10]
    eighth = next(e for e in merged if e.date == dt.date(2026, 3, 8))
    assert len(eighth.evidence) == 2


def test_a_title_stays_where_the_body_tells_no_such_act_or_it_is_not_the_title() -> None:
    other = [_event(0, 9), _event(40, 8, target="CCC")]
    assert len(merge_events(other, _country, within_doc=True, titled=frozenset({0}))) == 2
    body_only = [_event(0, 9), _event(40, 8)]
    assert len(merge_events(body_only, _country, within_doc=True)) == 2


def test_the_title_acts_are_the_drafts_of_a_first_line_of_its_own() -> None:
    ex = Extractor(lang="en", coder="rules")
    body = "Armenia withdrew its troops from the border with Azerbaijan on Sunday, officials said."
    titled = "Armenia pulls its troops back from the Azerbaijani border\n" + body
    for text, has_title in ((titled, True), (body, False)):
        _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 10)))
        first = view.sents[0].start
        got = _title_acts(view, view.drafts)
        want = {i for i, d in enumerate(view.drafts) if d.sentence.start == first and has_title}
        assert got == frozenset(want)
        assert bool(got) is has_title


def test_short_lines_above_the_title_are_passed_over() -> None:
    ex = Extractor(lang="en", coder="rules")
    body = "Armenia withdrew its troops from the border with Azerbaijan on Sunday, officials said."
    title = "Armenia pulls its troops back from the Azerbaijani border\n"
    for top in ("WORLD\n3 min read\n", "Officials say\n", "March 10, 2026\n"):
        _, view = ex.analyse(Document(text=top + title + body, date=dt.date(2026, 3, 10)))
        line = next(s.start for s in view.sents if view.text.startswith("Armenia pulls", s.start))
        got = _title_acts(view, view.drafts)
        want = {i for i, d in enumerate(view.drafts) if d.sentence.start == line}
        assert want and got == frozenset(want)


def test_a_long_line_without_acts_is_the_title_and_a_caption_below_it_is_not() -> None:
    ex = Extractor(lang="en", coder="rules")
    text = (
        "Border towns wait anxiously as the long winter talks drag on\n"
        "Armenia pulls its troops back from the Azerbaijani border\n"
        "Armenia withdrew its troops from the border with Azerbaijan on Sunday, officials said."
    )
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 10)))
    assert _title_acts(view, view.drafts) == frozenset()
