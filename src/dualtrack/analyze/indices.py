"""Track indices: how intense the negotiation and the confrontation track are, day by day.

Each event adds `|score| x confidence x modality weight` to the index of its track (the
ontology's `track_of`; a threat counts on the confrontation track with THREATEN's score) on its
day, and that contribution then halves every `half_life_days`. The index on day d is

    I(d) = sum over events e dated on or before d of  w_e * 0.5 ** ((d - date_e) / half_life)

The default half-life is 7 days: in a talk-while-fighting crisis rounds of talks and waves of
pressure come about weekly, so an event still weighs half a week later and a quarter after two
weeks, which keeps last week's round visible without letting a month-old incident dominate today.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from pydantic import BaseModel

from dualtrack.analyze.inputs import Modality, acts_for, as_threat, modality
from dualtrack.model import Case, Event
from dualtrack.ontology import Track, score_of, track_of

DEFAULT_HALF_LIFE_DAYS = 7.0
# An unconfirmed report (a rumoured next round) moves the index, but only half as much as a
# confirmed one: analysts act on rumours, discounted.
RUMOUR_WEIGHT = 0.5


class TrackPoint(BaseModel):
    date: dt.date
    negotiation: float
    confrontation: float
    negotiation_raw: float  # that day's contributions, undecayed
    confrontation_raw: float
    n_events: int
    n_sources: int  # distinct documents behind that day's events
    event_ids: list[str]


class DyadSeries(BaseModel):
    """The two indices for one pair of states/organisations (sorted ids, e.g. IRN-USA)."""

    dyad: tuple[str, str]
    points: list[TrackPoint]


def contribution(event: Event) -> tuple[Track, float] | None:
    """The track an event feeds and its undecayed weight, or None when it feeds neither."""
    mod = modality(event)
    if mod is Modality.NONE:
        return None
    if mod is Modality.THREAT:
        cat, mode = as_threat(event)
        return Track.CONFRONTATION, abs(score_of(cat, mode)) * event.confidence
    track = track_of(event.category)
    if track is Track.NEUTRAL:
        return None
    score = event.score if event.score is not None else score_of(event.category, event.mode)
    weight = RUMOUR_WEIGHT if mod is Modality.RUMOUR else 1.0
    return track, abs(score) * event.confidence * weight


def daily_series(
    events: list[Event],
    start: dt.date,
    end: dt.date,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> list[TrackPoint]:
    """One point per day from `start` to `end` inclusive (events before `start` still decay in)."""
    if half_life_days <= 0:
        raise ValueError("half_life_days must be positive")
    raw: dict[dt.date, dict[Track, float]] = defaultdict(lambda: defaultdict(float))
    day_events: dict[dt.date, list[Event]] = defaultdict(list)
    for ev in events:
        if ev.date is None or ev.date > end:
            continue
        c = contribution(ev)
        if c is not None:
            raw[ev.date][c[0]] += c[1]
        day_events[ev.date].append(ev)
    points: list[TrackPoint] = []
    day = start
    while day <= end:
        totals = {Track.NEGOTIATION: 0.0, Track.CONFRONTATION: 0.0}
        for d, by_track in raw.items():
            if d > day:
                continue
            decay = 0.5 ** ((day - d).days / half_life_days)
            for track, w in by_track.items():
                totals[track] += w * decay
        evs = day_events.get(day, [])
        docs = {e.doc_id for ev in evs for e in ev.evidence}
        points.append(
            TrackPoint(
                date=day,
                negotiation=round(totals[Track.NEGOTIATION], 6),
                confrontation=round(totals[Track.CONFRONTATION], 6),
                negotiation_raw=round(raw.get(day, {}).get(Track.NEGOTIATION, 0.0), 6),
                confrontation_raw=round(raw.get(day, {}).get(Track.CONFRONTATION, 0.0), 6),
                n_events=len(evs),
                n_sources=len(docs),
                event_ids=[ev.id for ev in evs],
            )
        )
        day += dt.timedelta(days=1)
    return points


def dyad_of(case: Case, event: Event) -> tuple[str, str] | None:
    a, b = acts_for(case, event.actor), acts_for(case, event.target)
    if a is None or b is None or a == b:
        return None
    return (a, b) if a < b else (b, a)


def dyad_series(
    case: Case,
    events: list[Event],
    start: dt.date,
    end: dt.date,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> list[DyadSeries]:
    """Indices per dyad, busiest dyad first (events with no target belong to no dyad)."""
    by_dyad: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for ev in events:
        d = dyad_of(case, ev)
        if d is not None:
            by_dyad[d].append(ev)
    ordered = sorted(by_dyad.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [
        DyadSeries(dyad=d, points=daily_series(evs, start, end, half_life_days))
        for d, evs in ordered
    ]
