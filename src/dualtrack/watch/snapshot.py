"""The crisis at one date as a plain snapshot that alert rules compare poll to poll.

`snapshot(case, events, stances, asof)` reads the situation picture and runs the forecast once,
and keeps only what a rule can watch, each with the ids of the events (or stances) behind it:
end-state probabilities per horizon, the escalation rung, the red lines crossed, the status of
the talks, and which actors act as mediators or spoilers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel

from dualtrack.analyze import Modality, SituationPicture, build_picture, modality
from dualtrack.analyze.escalation import event_rung
from dualtrack.analyze.inputs import acts_for
from dualtrack.model import Case, Event, Role, Stance
from dualtrack.ontology import Category
from dualtrack.store import Correction

TalksStatus = Literal["none", "held", "announced", "scheduled", "cancelled"]
# An outside actor "acts as a spoiler" once it uses or threatens military force (ladder rung 3,
# military signalling, or above) against a party; an actor the case names as a spoiler already
# does so with any coercive act or threat.
SPOILER_RUNG = 3


class Escalation(BaseModel):
    rung: int
    rung_id: str
    event_ids: list[str]  # the acts that set the rung in the trailing window


class RedLine(BaseModel):
    key: str  # issue:holder<by, stable between polls
    issue: str
    holder: str
    by: str
    items: list[str] = []
    stance_ids: list[str]  # the stances behind both positions


class Talks(BaseModel):
    status: TalksStatus
    last_round: dt.date | None
    next_round_date: dt.date | None
    event_ids: list[str]  # the reports that set the status


class ActorActing(BaseModel):
    actor: str
    event_ids: list[str]


class Snapshot(BaseModel):
    case_id: str
    asof: dt.date
    forecast: dict[str, dict[str, float]]  # horizon (days, as text) -> end state -> p
    forecast_error: str | None = None
    forecast_event_ids: list[str]  # what set the forecast's start state (rung and talks)
    escalation: Escalation
    red_lines: list[RedLine]
    talks: Talks
    mediators: list[ActorActing]
    spoilers: list[ActorActing]


def _escalation(picture: SituationPicture) -> Escalation:
    level = picture.level
    if level is None:
        return Escalation(rung=0, rung_id="calm", event_ids=[])
    window = picture.escalation[-picture.level_window_days :]
    ids = [i for p in window if p.peak == level.level and level.level > 0 for i in p.event_ids]
    return Escalation(rung=level.level, rung_id=level.rung_id, event_ids=ids)


def _red_lines(picture: SituationPicture) -> list[RedLine]:
    out = []
    for gap in picture.agenda:
        by_actor = {p.actor: p for p in gap.positions}
        for touch in gap.red_lines:
            ids = [*by_actor[touch.holder].stance_ids, *by_actor[touch.by].stance_ids]
            out.append(
                RedLine(
                    key=f"{gap.issue}:{touch.holder}<{touch.by}",
                    issue=gap.issue,
                    holder=touch.holder,
                    by=touch.by,
                    items=touch.items,
                    stance_ids=sorted(set(ids)),
                )
            )
    return out


def _talks(case: Case, picture: SituationPicture) -> Talks:
    """The talks' status: a meeting refused after the last round or announcement cancels it
    (before any round or announcement there is nothing to cancel)."""
    neg = picture.negotiation
    parties = {a.acts_for for a in case.with_role(Role.PARTY)}
    since = max(
        [d for d in (neg.last_round, *(picture.events[i].date for i in neg.next_round)) if d],
        default=None,
    )
    refused = [
        e
        for e in picture.events.values()
        if since is not None
        and e.category is Category.REJECT
        and e.mode == "meet"
        and modality(e) is Modality.ACT
        and {acts_for(case, e.actor), acts_for(case, e.target)} <= parties
        and e.date is not None
        and e.date >= since
    ]
    status: TalksStatus
    if refused:
        status, ids = "cancelled", [e.id for e in refused]
    elif neg.next_round_fixed:
        status, ids = "scheduled", neg.next_round
    elif neg.next_round:
        status, ids = "announced", neg.next_round
    elif neg.rounds:
        status, ids = "held", neg.rounds[-1:]
    else:
        status, ids = "none", []
    return Talks(
        status=status,
        last_round=neg.last_round,
        next_round_date=neg.next_round_date,
        event_ids=list(ids),
    )


def _acting(case: Case, events: Iterable[Event]) -> tuple[list[ActorActing], list[ActorActing]]:
    """Who carries messages between the parties (mediators) and who uses or threatens force
    against one of them from outside (spoilers), with the events that show it."""
    parties = {a.acts_for for a in case.with_role(Role.PARTY)}
    named_spoilers = {a.acts_for for a in case.with_role(Role.SPOILER)}
    mediators: dict[str, list[str]] = {}
    spoilers: dict[str, list[str]] = {}
    for e in events:
        if modality(e) in (Modality.NONE, Modality.RUMOUR):
            continue
        actor, target = acts_for(case, e.actor), acts_for(case, e.target)
        via = acts_for(case, e.via)
        if via and via not in parties and actor in parties and target in parties:
            mediators.setdefault(via, []).append(e.id)
        rung = event_rung(e) or 0
        force = rung >= SPOILER_RUNG or (actor in named_spoilers and rung >= 1)
        if actor and actor not in parties and target in parties and force:
            spoilers.setdefault(actor, []).append(e.id)
    return (
        [ActorActing(actor=a, event_ids=ids) for a, ids in sorted(mediators.items())],
        [ActorActing(actor=a, event_ids=ids) for a, ids in sorted(spoilers.items())],
    )


def _forecast(
    known: Case, asof: dt.date, runs: int, seed: int
) -> tuple[dict[str, dict[str, float]], str | None]:
    from dualtrack.simulate import InputError, forecast

    try:
        result = forecast(known, asof=asof, runs=runs, seed=seed, drivers="none")
    except InputError as exc:
        return {}, str(exc)
    return result.horizons, None


def snapshot(
    case: Case,
    events: Iterable[Event],
    stances: Iterable[Stance],
    asof: dt.date | None = None,
    *,
    runs: int = 4000,
    seed: int = 0,
    corrections: Iterable[Correction] = (),
) -> Snapshot:
    """The snapshot of `case` with `events`/`stances` (merged with the case's own by id) as of
    `asof`: by default the latest date something was reported to happen (an act, threat or
    rumour, or the case's own as-of date), never today's date, and never the date a round is
    only planned for. Nothing dated later is read. Analyst `corrections` apply, as they do
    for every command."""
    from dualtrack.app import combine, corrected

    events, corrections = list(events), list(corrections)
    if asof is None:
        all_events = corrected(case, events, corrections)
        reported = [e.date for e in all_events if e.date and modality(e) is not Modality.NONE]
        asof = max([*reported, case.asof or dt.date.min])
        if asof == dt.date.min:
            raise ValueError(f"case {case.id!r} has no dated events to take a snapshot of")
    known, _ = combine(case, events, stances, asof, corrections)  # the one set all commands read
    used = [e for e in known.events if e.date is not None and e.date <= asof]
    picture = build_picture(known, used, known.stances, asof=asof)
    escalation = _escalation(picture)
    talks = _talks(known, picture)
    mediators, spoilers = _acting(known, used)
    probs, error = _forecast(known, asof, runs, seed)
    return Snapshot(
        case_id=case.id,
        asof=asof,
        forecast=probs,
        forecast_error=error,
        forecast_event_ids=sorted({*escalation.event_ids, *talks.event_ids}),
        escalation=escalation,
        red_lines=_red_lines(picture),
        talks=talks,
        mediators=mediators,
        spoilers=spoilers,
    )
