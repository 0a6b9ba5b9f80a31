"""The state of the talks: rounds held between the parties, and whether a next round is set.

A round is a CONSULT act between two parties (direct or via a mediator). A next round is "set"
when an AGREE or CONSULT report between the parties is dated after the last round: dated to the day
and confirmed (or a meeting announced for that day), it fixes the date; otherwise it is only
announced (a "next week" or a rumour), which is exactly the distinction analysts draw when they ask
whether a date has been fixed.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from dualtrack.analyze.inputs import Modality, acts_for, modality
from dualtrack.model import Case, DatePrecision, Event, Role
from dualtrack.ontology import Category


class NegotiationState(BaseModel):
    rounds: list[str]  # ids of CONSULT acts between parties, oldest first
    last_round: dt.date | None
    mediators: list[str]  # who carried the last round (`via`), if anyone
    next_round: list[str]  # ids of reports about a further round, newest first
    next_round_date: dt.date | None  # set only by a confirmed, day-precise report
    next_round_fixed: bool


def _between_parties(case: Case, ev: Event, parties: set[str]) -> bool:
    a, b = acts_for(case, ev.actor), acts_for(case, ev.target)
    return a in parties and b in parties and a != b


def _scheduled(ev: Event, last: dt.date | None) -> bool:
    """A meeting reported ahead of its day ("will hold talks on 9 May"): hypothetical only in
    that it has not happened yet, neither denied nor conditional nor a rumour (talks said to
    resume on the 8th, which neither side confirms, fix no date), and after the last round."""
    f = ev.flags
    return (
        f.hypothetical
        and not (f.negated or f.conditional or f.unconfirmed)
        and ev.date is not None
        and (last is None or ev.date > last)
    )


def _once(case: Case, rounds: list[Event]) -> list[Event]:
    """Each round once: reports of the same day between the same two states (either way round,
    from a minister or a ministry) are one meeting; the first report stands for it."""
    seen: set[tuple] = set()
    out = []
    for ev in rounds:
        key = (ev.date, frozenset({acts_for(case, ev.actor), acts_for(case, ev.target)}))
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def negotiation_state(case: Case, events: list[Event]) -> NegotiationState:
    parties = {a.id for a in case.with_role(Role.PARTY)}
    rounds = [
        ev
        for ev in events
        if ev.category is Category.CONSULT
        and modality(ev) is Modality.ACT
        and _between_parties(case, ev, parties)
    ]
    rounds.sort(key=lambda e: (e.date, e.id))
    rounds = _once(case, rounds)
    last = rounds[-1].date if rounds else None
    mediators = sorted({r.via for r in rounds if r.via and r.date == last})
    later = [
        ev
        for ev in events
        if ev.category in (Category.AGREE, Category.CONSULT)
        and (modality(ev) is not Modality.NONE or _scheduled(ev, last))
        and _between_parties(case, ev, parties)
        and ev.id not in {r.id for r in rounds}
        and (last is None or (ev.date is not None and ev.date >= last))
    ]
    later.sort(key=lambda e: (e.date, e.id), reverse=True)
    fixed = [
        ev
        for ev in later
        if ev.category is Category.CONSULT
        and (modality(ev) is Modality.ACT or _scheduled(ev, last))
        and ev.date_precision is DatePrecision.DAY
        and ev.date is not None
        and (last is None or ev.date > last)
    ]
    return NegotiationState(
        rounds=[r.id for r in rounds],
        last_round=last,
        mediators=mediators,
        next_round=[ev.id for ev in later],
        next_round_date=fixed[-1].date if fixed else None,
        next_round_fixed=bool(fixed),
    )
