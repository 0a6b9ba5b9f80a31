"""Inside one state, a government and an armed group both score as that state: the merge keeps
their acts on each other apart by side (two sides of a ceasefire, two directions of a clash are
two events, as between two states), while reports of one act still fold."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract import Extractor
from dualtrack.extract.dedup import merge_events
from dualtrack.model import Event, Evidence


def _event(actor: str, target: str | None, start: int, category: str = "RETREAT") -> Event:
    return Event(
        mode="ceasefire" if category == "RETREAT" else None,
        date=dt.date(2026, 3, 6),
        actor=actor,
        target=target,
        category=category,
        evidence=[Evidence(doc_id="d1", start=start, end=start + 10)],
    )


def _country(actor: str | None) -> str | None:
    return actor.split(".")[0] if actor else None


def _side(actor: str | None) -> str | None:
    return actor if actor and actor.endswith(".rebels") else _country(actor)


def test_the_two_sides_of_a_ceasefire_inside_one_state_stay_two_events() -> None:
    events = [_event("AAA", "AAA.rebels", 0), _event("AAA.rebels", "AAA", 0)]
    assert len(merge_events(events, _country, within_doc=True, side=_side)) == 2
    assert len(merge_events(events, _country, within_doc=True)) == 1  # without sides: one


def test_reports_of_one_side_still_fold_and_a_ministry_acts_for_its_state() -> None:
    events = [_event("AAA", "AAA.rebels", 0), _event("AAA.army", "AAA.rebels", 40)]
    assert len(merge_events(events, _country, within_doc=True, side=_side)) == 1


def test_an_act_without_addressee_folds_into_its_addressed_twin() -> None:
    events = [_event("AAA.rebels", "AAA", 0, "ASSAULT"), _event("AAA.rebels", None, 40, "ASSAULT")]
    assert len(merge_events(events, _country, within_doc=True, side=_side)) == 1


def test_the_extractor_tells_an_armed_group_from_its_state() -> None:
    ex = Extractor(case=None, lang="en")
    assert ex.side("TUR.pkk") == "TUR.pkk"
    assert ex.side("TUR") == "TUR"
    assert ex.side(None) is None
