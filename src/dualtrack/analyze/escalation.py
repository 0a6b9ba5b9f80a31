"""Escalation level over time on the ontology's ladder.

A day's peak is the highest rung any act reached that day (threats count as THREATEN; unconfirmed,
negated and hypothetical reports count for nothing). The level on a day is the highest peak over
the trailing `window_days`: an escalation is a state that outlives the day of the act, and a week
is how long a shoot-down or an alert keeps shaping both sides' moves in the reporting.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from dualtrack.analyze.inputs import Modality, as_threat, modality
from dualtrack.model import Event
from dualtrack.ontology import ladder, rung_of

DEFAULT_LEVEL_WINDOW_DAYS = 7


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


def escalation_series(
    events: list[Event],
    start: dt.date,
    end: dt.date,
    window_days: int = DEFAULT_LEVEL_WINDOW_DAYS,
) -> list[EscalationPoint]:
    if window_days < 1:
        raise ValueError("window_days must be at least 1")
    rungs = {r.rung: r.id for r in ladder()}
    peaks: dict[dt.date, tuple[int, list[str]]] = {}
    for ev in events:
        if ev.date is None:
            continue
        r = event_rung(ev)
        if r is None:
            continue
        best, ids = peaks.get(ev.date, (0, []))
        if r > best:
            peaks[ev.date] = (r, [ev.id])
        elif r == best:
            peaks[ev.date] = (best, [*ids, ev.id])
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
