"""Within one document, an act told as done and again as planned or denied on the same day is one
event; across documents, and on other days, the flags still keep reports apart."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract.dedup import merge_events
from dualtrack.model import Event, EventFlags, Evidence


def _event(doc: str, start: int, day: int = 6, mode: str | None = None, **flags: bool) -> Event:
    return Event(
        mode=mode,
        date=dt.date(2026, 3, day),
        actor="AAA",
        target="BBB",
        category="CONSULT",
        flags=EventFlags(**flags),
        evidence=[Evidence(doc_id=doc, start=start, end=start + 10)],
    )


def _country(actor: str | None) -> str | None:
    return actor


def test_planned_and_held_twins_of_one_document_fold_into_one_held_event() -> None:
    planned, held = _event("d1", 0, hypothetical=True), _event("d1", 40)
    merged = merge_events([planned, held], _country, within_doc=True)
    assert len(merged) == 1
    assert not merged[0].flags.hypothetical
    assert len(merged[0].evidence) == 2


def test_denied_twin_folds_into_the_act_of_the_same_day() -> None:
    done, denied = _event("d1", 0), _event("d1", 40, negated=True)
    merged = merge_events([done, denied], _country, within_doc=True)
    assert len(merged) == 1
    assert not merged[0].flags.negated


def test_flags_still_separate_other_days_and_other_documents() -> None:
    other_day = [_event("d1", 0, hypothetical=True), _event("d1", 40, day=7)]
    assert len(merge_events(other_day, _country, within_doc=True)) == 2
    across = [_event("d1", 0, hypothetical=True), _event("d2", 0)]
    assert len(merge_events(across, _country, within_doc=False)) == 2


def test_a_planned_act_of_another_mode_is_another_act() -> None:
    severed = _event("d1", 0, mode="withdraw")
    recall = _event("d1", 40, mode="expel", hypothetical=True)
    assert len(merge_events([severed, recall], _country, within_doc=True)) == 2
