"""Escalation level over time on the ontology's ladder.

A day's peak is the highest rung that day's acts reached (threats count as THREATEN; unconfirmed,
negated and hypothetical reports count for nothing), where an extracted act counts by its
calibrated confidence: a rung is reached when it is likelier than not that at least one of the
day's acts at it or above happened (`day_peak`). Why: one coder reading at 0.15 (a threat to
strike read as a strike) otherwise set the brief's headline, the forecast's start and the rung
alerts as a fact. The level on a day is the highest peak over the trailing `window_days`: an
escalation is a state that outlives the day of the act, and a week is how long a shoot-down or
an alert keeps shaping both sides' moves in the reporting.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from dualtrack.analyze.inputs import Modality, as_threat, modality
from dualtrack.model import Event
from dualtrack.ontology import ladder, rung_of

DEFAULT_LEVEL_WINDOW_DAYS = 7
REACHED = 0.5  # the chance from which a day's acts reach a rung (`day_peak`)


class EscalationPoint(BaseModel):
    date: dt.date
    peak: int  # highest rung reached by that day's acts (0 = calm)
    level: int  # highest peak over the trailing window
    rung_id: str  # the ladder id of `level`
    event_ids: list[str]  # the acts behind that day's peak


def event_rung(event: Event) -> int | None:
    """The ladder rung an event counts for, or None when it is not a coercive act or threat."""
    mod = modality(event)
    if mod is Modality.ACT:
        return rung_of(event.category, event.mode)
    if mod is Modality.THREAT:
        return rung_of(*as_threat(event))
    return None


def day_peak(acts: list[tuple[int, float, str]]) -> tuple[int, list[str]]:
    """The highest rung one day's acts (rung, confidence, id) reach together, and the ids of its
    acts: going down the rungs, the first at which the chance that at least one act at it or
    above is right, 1 - prod(1 - confidence) over them (separate reports taken as independent),
    is at least `REACHED`. Acts from a case file carry 1.0, so any one of them reaches its rung;
    two coder readings at 0.3 of strikes that day reach it, one alone does not."""
    missed = 1.0
    for rung, conf, _ in sorted(acts, key=lambda a: -a[0]):
        missed *= 1.0 - conf
        if 1.0 - missed >= REACHED:
            return rung, [i for r, _, i in acts if r == rung]
    return 0, []


def escalation_series(
    events: list[Event],
    start: dt.date,
    end: dt.date,
    window_days: int = DEFAULT_LEVEL_WINDOW_DAYS,
) -> list[EscalationPoint]:
    if window_days < 1:
        raise ValueError("window_days must be at least 1")
    rungs = {r.rung: r.id for r in ladder()}
    acts: dict[dt.date, list[tuple[int, float, str]]] = {}
    for ev in events:
        r = event_rung(ev)
        if ev.date is not None and r is not None:
            acts.setdefault(ev.date, []).append((r, ev.confidence, ev.id))
    peaks = {day: day_peak(a) for day, a in acts.items()}
    out: list[EscalationPoint] = []
    day = start
    while day <= end:
        peak, ids = peaks.get(day, (0, []))
        lo = day - dt.timedelta(days=window_days - 1)
        level = max([p for d, (p, _) in peaks.items() if lo <= d <= day], default=0)
        out.append(
            EscalationPoint(date=day, peak=peak, level=level, rung_id=rungs[level], event_ids=ids)
        )
        day += dt.timedelta(days=1)
    return out
