"""What the picture is computed from: a case's events and stances plus extra ones from the store.

Events are merged by id (the model's fingerprint), so a report read twice, or a case event that an
article also yields, counts once; their evidence spans are pooled so every source stays visible.
Modality decides what an event may count as: an act, a threat, or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from dualtrack.model import ActorKind, Case, Event, Stance
from dualtrack.ontology import Category


class Modality(StrEnum):
    ACT = "act"  # it happened (as reported)
    THREAT = "threat"  # it was threatened: counts as a THREATEN event, never as the act
    RUMOUR = "rumour"  # reported but unconfirmed: shown, never counted as an act
    NONE = "none"  # negated, hypothetical or conditional: did not happen


def modality(event: Event) -> Modality:
    f = event.flags
    if f.negated or f.hypothetical or f.conditional:
        return Modality.NONE
    if f.threatened:
        return Modality.THREAT
    if f.unconfirmed:
        return Modality.RUMOUR
    return Modality.ACT


# What a threatened act is a threat *of*: the THREATEN mode whose ladder rung matches it.
_THREAT_MODE: dict[Category, str] = {
    Category.SANCTION: "restrict",
    Category.COERCE: "restrict",
    Category.MOBILIZE: "violence",
    Category.ASSAULT: "violence",
}


def as_threat(event: Event) -> tuple[Category, str | None]:
    """The (category, mode) a threatened event counts as on the confrontation track."""
    if event.category is Category.THREATEN:
        return Category.THREATEN, event.mode
    return Category.THREATEN, _THREAT_MODE.get(event.category)


def merge_events(
    case: Case, extra: Iterable[Event] = (), asof: dt.date | None = None
) -> list[Event]:
    """The case's events and `extra` ones, one per id, evidence pooled, dated by `asof` at latest.

    Undated events are dropped: the picture is a time series and cannot place them. So are
    events whose actor is a place (a misread location, since places do not act).
    """
    places = {a.id for a in case.actors if a.kind is ActorKind.PLACE}
    merged: dict[str, Event] = {}
    for ev in [*case.events, *extra]:
        if ev.date is None or (asof is not None and ev.date > asof):
            continue
        if ev.actor in places or ev.actor.startswith("PLACE."):
            continue
        have = merged.get(ev.id)
        if have is None:
            merged[ev.id] = ev
            continue
        spans = {(e.doc_id, e.start, e.end) for e in have.evidence}
        extra_spans = [e for e in ev.evidence if (e.doc_id, e.start, e.end) not in spans]
        if extra_spans:
            merged[ev.id] = have.model_copy(update={"evidence": [*have.evidence, *extra_spans]})
    return sorted(merged.values(), key=lambda e: (e.date, e.id))


def merge_stances(
    case: Case, extra: Iterable[Stance] = (), asof: dt.date | None = None
) -> list[Stance]:
    merged: dict[str, Stance] = {}
    for st in [*case.stances, *extra]:
        if asof is not None and st.date is not None and st.date > asof:
            continue
        merged.setdefault(st.id, st)
    return sorted(merged.values(), key=lambda s: (s.date or dt.date.min, s.id))


def report_dates(case: Case) -> dict[str, dt.date]:
    """Publication date of each document the case cites (its `sources`), by document id."""
    return {s.id: s.date for s in case.sources if s.date is not None}


def known_on(event: Event, reported: dict[str, dt.date]) -> dt.date | None:
    """When an analyst could first know of `event`: its date, or the date of its earliest
    report if that is earlier (a round announced on the 4th for the 9th is known on the 4th)."""
    dates = [reported[e.doc_id] for e in event.evidence if e.doc_id in reported]
    if event.date is not None:
        dates.append(event.date)
    return min(dates, default=None)


def acts_for(case: Case, actor_id: str | None) -> str | None:
    """The state or organisation an actor id acts for (unknown ids: their leading code)."""
    if actor_id is None:
        return None
    for a in case.actors:
        if a.id == actor_id:
            return a.acts_for
    return actor_id.split(".", 1)[0]
