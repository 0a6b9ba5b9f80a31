"""The situation picture: everything the brief and the dashboard show, computed once, as data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel

from dualtrack.analyze.agenda import IssueGap, agenda_gap
from dualtrack.analyze.escalation import (
    DEFAULT_LEVEL_WINDOW_DAYS,
    EscalationPoint,
    escalation_series,
)
from dualtrack.analyze.indices import (
    DEFAULT_HALF_LIFE_DAYS,
    DyadSeries,
    TrackPoint,
    daily_series,
    dyad_series,
)
from dualtrack.analyze.inputs import known_on, merge_events, merge_stances, report_dates
from dualtrack.analyze.ledger import Ledger, coercion_ledger
from dualtrack.analyze.negotiation import NegotiationState, negotiation_state
from dualtrack.analyze.third_parties import ThirdParty, third_parties
from dualtrack.model import Case, Event, Stance

# How far back the daily series reach when no start is given: long enough to show the run-up to
# the latest round, short enough to read day by day.
DEFAULT_WINDOW_DAYS = 30


class SituationPicture(BaseModel):
    case_id: str
    asof: dt.date
    start: dt.date
    half_life_days: float
    level_window_days: int
    tracks: list[TrackPoint]
    dyads: list[DyadSeries]
    escalation: list[EscalationPoint]
    agenda: list[IssueGap]
    ledger: Ledger
    negotiation: NegotiationState
    third_parties: list[ThirdParty]
    events: dict[str, Event]  # every event the picture used, by id
    stances: dict[str, Stance]

    def event(self, event_id: str) -> Event:
        return self.events[event_id]

    @property
    def level(self) -> EscalationPoint | None:
        return self.escalation[-1] if self.escalation else None


def announced(case: Case, events: list[Event], asof: dt.date) -> list[Event]:
    """Events dated after `asof` but reported by then (a round announced for a later day)."""
    reported = report_dates(case)
    return [
        e
        for e in events
        if e.date is not None and e.date > asof and (known_on(e, reported) or e.date) <= asof
    ]


def build_picture(
    case: Case,
    events: Iterable[Event] = (),
    stances: Iterable[Stance] = (),
    *,
    asof: dt.date | None = None,
    start: dt.date | None = None,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    level_window_days: int = DEFAULT_LEVEL_WINDOW_DAYS,
) -> SituationPicture:
    """The picture of `case` as of `asof` (default: the case's asof, else its latest event).

    `events` and `stances` are extra ones (from the store or an extraction run); they are merged
    with the case's own by id.
    """
    all_events = merge_events(case, events)
    if asof is None:
        asof = case.asof or max((e.date for e in all_events if e.date), default=dt.date.today())
    used = [e for e in all_events if e.date is not None and e.date <= asof]
    used_stances = merge_stances(case, stances, asof)
    if start is None:
        first = min((e.date for e in used if e.date), default=asof)
        start = max(first, asof - dt.timedelta(days=DEFAULT_WINDOW_DAYS - 1))
    if start > asof:
        raise ValueError(f"start {start} is after asof {asof}")
    return SituationPicture(
        case_id=case.id,
        asof=asof,
        start=start,
        half_life_days=half_life_days,
        level_window_days=level_window_days,
        tracks=daily_series(used, start, asof, half_life_days),
        dyads=dyad_series(case, used, start, asof, half_life_days),
        escalation=escalation_series(used, start, asof, level_window_days),
        agenda=agenda_gap(case, used_stances),
        ledger=coercion_ledger(case, used),
        negotiation=negotiation_state(case, [*used, *announced(case, all_events, asof)]),
        third_parties=third_parties(case, used),
        events={e.id: e for e in used},
        stances={s.id: s for s in used_stances},
    )
