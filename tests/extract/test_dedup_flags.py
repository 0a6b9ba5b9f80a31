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


def test_two_kinds_of_act_of_one_pair_on_one_day_stay_two_events() -> None:
    """Recalling an envoy and suspending a treaty the same day are two acts of one key: kept
    apart (each with its own id) in a document and across documents; a report that names no
    kind folds into the first; one kind told twice is one event."""
    recall, suspend = _event("d1", 0, mode="expel"), _event("d1", 40, mode="discontinue")
    plain, again = _event("d1", 80), _event("d1", 120, mode="expel")
    merged = merge_events([recall, suspend, plain, again], _country, within_doc=True)
    assert sorted(e.mode for e in merged) == ["discontinue", "expel"]
    assert len({e.id for e in merged}) == 2
    assert sum(len(e.evidence) for e in merged) == 4
    across = [_event("d2", 0, mode="discontinue"), _event("d3", 0, mode="expel"), _event("d4", 0)]
    both = merge_events(across, _country, within_doc=False)
    assert sorted(e.mode for e in both) == ["discontinue", "expel"]
    assert {e.id for e in both} == {e.id for e in merged}
    lone = merge_events([_event("d1", 0, mode="expel")], _country, within_doc=True)
    assert lone[0].id == merge_events([_event("d1", 0)], _country, within_doc=True)[0].id


def test_one_clash_told_by_two_means_stays_one_event() -> None:
    """An exchange of fire in the lead and the shelling it was in the next paragraph (modes
    firearms and aerial), or a charge told as an allegation and as a protest: ways of telling
    one act, so one event, in a document and across documents."""
    kinds = (("ASSAULT", ("firearms", "aerial")), ("ACCUSE", ("allege", "disapprove")))
    for cat, modes in kinds:
        told = [_event(f"d{k}", 40 * k, mode=m).model_copy(update={"category": cat})
                for k, m in enumerate(modes)]  # fmt: skip
        assert len(merge_events([e.model_copy() for e in told], _country, within_doc=True)) == 1
        assert len(merge_events(told, _country, within_doc=False)) == 1
