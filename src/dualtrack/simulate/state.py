"""The crisis as it stands on the forecast date: where each track starts, read from the case.

The reading itself is `dualtrack.analyze` (escalation level, rounds of talks, agenda gap); this
module turns that picture into the simulation's start state. Only events and stances dated on or
before `asof` are read, and positions whose `as_of` is later are ignored, so nothing after the
forecast date can move the forecast.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from pydantic import BaseModel, ConfigDict, Field

from dualtrack.analyze import (
    DEFAULT_LEVEL_WINDOW_DAYS,
    Modality,
    agenda_gap,
    escalation_series,
    merge_events,
    merge_stances,
    modality,
    negotiation_state,
)
from dualtrack.analyze.escalation import event_rung
from dualtrack.analyze.inputs import acts_for
from dualtrack.model import Case, Event, Issue, IssueKind, Role
from dualtrack.ontology import Category


class Stage(IntEnum):
    """Negotiation track states (agreement is absorbing; collapsed talks may resume)."""

    NO_CHANNEL = 0
    INDIRECT_TALKS = 1
    AGENDA_AGREED = 2
    FRAMEWORK = 3
    AGREEMENT = 4
    COLLAPSED = 5


RESTRAINTS = ("low", "medium", "high")


class SpoilerState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    restraint: str  # low | medium | high
    threatened: bool  # threatened or used force within the memory window


class InitialState(BaseModel):
    """Start of every run, with the reasons behind each number (shown in briefs)."""

    model_config = ConfigDict(extra="forbid")

    asof: dt.date
    rung: int = Field(ge=0, le=6)
    floor: int = Field(ge=0, le=6)
    stage: Stage
    gap: float = Field(ge=0.0, le=1.0)
    mediated: bool
    ceasefire: bool = False  # a ceasefire between the parties in force (see `with_ceasefire`)
    spoilers: list[SpoilerState]
    notes: list[str]


def data_span(case: Case) -> tuple[dt.date, dt.date]:
    """First event date and the end of the case's data (its `asof`, or its last event)."""
    dates = [e.date for e in case.events if e.date is not None]
    if not dates:
        raise ValueError(f"case {case.id!r} has no dated events to start a forecast from")
    end = max(dates) if case.asof is None else max(max(dates), case.asof)
    return min(dates), end


def agenda_issue(case: Case) -> Issue | None:
    """The issue that lists agenda items (the first set-kind issue), if the case has one."""
    return next((i for i in case.issues if i.kind is IssueKind.SET), None)


def with_agenda(case: Case, agenda: dict[str, list[str]]) -> Case:
    """The case with some parties' agenda positions replaced (the `agenda.<party>` lever)."""
    issue = agenda_issue(case)
    if issue is None or not agenda:
        return case
    positions = [
        p.model_copy(update={"items": agenda[acts_for(case, p.actor)]})  # type: ignore[index]
        if p.issue == issue.id and acts_for(case, p.actor) in agenda
        else p
        for p in case.positions
    ]
    stances = [
        s for s in case.stances if not (s.issue == issue.id and acts_for(case, s.actor) in agenda)
    ]
    return case.model_copy(update={"positions": positions, "stances": stances})


def _gap(case: Case, asof: dt.date) -> tuple[float | None, bool, list[str]]:
    """Salience-weighted share of each issue's scale between the parties; agenda identical?"""
    known = case.model_copy(
        update={"positions": [p for p in case.positions if p.as_of is None or p.as_of <= asof]}
    )
    parties = {a.acts_for for a in case.with_role(Role.PARTY)}
    num = den = 0.0
    notes: list[str] = []
    same_agenda = False
    agenda = agenda_issue(case)
    for g in agenda_gap(known, merge_stances(known, asof=asof)):
        if g.distance_share is None:
            continue
        held = [p for p in known.positions_on(g.issue) if acts_for(case, p.actor) in parties]
        weight = sum(p.salience for p in held) / len(held) if held else 1.0
        num += weight * g.distance_share
        den += weight
        notes.append(
            f"gap on {g.issue}: {g.distance_share:.2f} of the scale (salience {weight:.2f})"
        )
        if agenda is not None and g.issue == agenda.id:
            sets = {frozenset(p.items) for p in g.positions if p.items is not None}
            same_agenda = len(sets) == 1
    return (num / den if den else None), same_agenda, notes


def initial_state(
    case: Case,
    asof: dt.date,
    memory_days: int,
    gap_default: float,
    spoiler_restraint: dict[str, str] | None = None,
    mediated: bool | None = None,
) -> InitialState:
    """Read the start state from the case as of `asof` (levers may override spoilers, mediator)."""
    events = merge_events(case, asof=asof)
    memory_start = asof - dt.timedelta(days=memory_days)
    recent = [e for e in events if e.date is not None and e.date >= memory_start]
    parties = {a.acts_for for a in case.with_role(Role.PARTY)}
    notes: list[str] = []

    def between(e: Event) -> bool:
        return acts_for(case, e.actor) in parties or acts_for(case, e.target) in parties

    level = escalation_series([e for e in events if between(e)], asof, asof)[-1]
    rung = level.level
    notes.append(
        f"ladder rung {rung} ({level.rung_id}): highest act or threat between the parties in the "
        f"{DEFAULT_LEVEL_WINDOW_DAYS} days to {asof}"
    )
    floor = 0
    for e in events:
        if between(e) and event_rung(e) is not None:
            floor = max(floor, 1)
            if e.category is Category.SANCTION and modality(e) is Modality.ACT:
                floor = 2
    floor = min(floor, rung)

    talks = negotiation_state(case, events)
    stage = Stage.NO_CHANNEL
    if talks.last_round is not None and talks.last_round >= memory_start:
        stage = Stage.INDIRECT_TALKS
        notes.append(f"talks open: last round between the parties on {talks.last_round}")
        rejected = [
            e
            for e in recent
            if e.category is Category.REJECT
            and e.mode == "meet"
            and modality(e) is Modality.ACT
            and {acts_for(case, e.actor), acts_for(case, e.target)} <= parties
            and e.date > talks.last_round  # type: ignore[operator]
        ]
        if rejected:
            stage = Stage.COLLAPSED
            notes.append(
                f"talks collapsed: {rejected[-1].actor} refused to meet on {rejected[-1].date}"
            )
    else:
        notes.append(f"no round of talks between the parties in the {memory_days} days to {asof}")

    gap, same_agenda, gap_notes = _gap(case, asof)
    notes.extend(gap_notes)
    if gap is None:
        gap = gap_default
        notes.append(f"no party positions: agenda gap set to the reference {gap_default:.2f}")
    if stage is Stage.INDIRECT_TALKS and same_agenda:
        stage = Stage.AGENDA_AGREED
        notes.append("the parties hold the same agenda: talks start at agenda agreed")

    mediators = {a.acts_for for a in case.with_role(Role.MEDIATOR)}
    if mediated is None:
        mediated = any(acts_for(case, m) in mediators for m in talks.mediators) or any(
            acts_for(case, e.actor) in mediators and e.category is Category.CONSULT for e in recent
        )
    restraint = spoiler_restraint or {}
    spoilers = []
    for s in case.with_role(Role.SPOILER):
        threatened = any(
            acts_for(case, e.actor) == s.acts_for and (event_rung(e) or 0) >= 3 for e in recent
        )
        spoilers.append(
            SpoilerState(id=s.id, restraint=restraint.get(s.id, "medium"), threatened=threatened)
        )
        notes.append(
            f"spoiler {s.id}: restraint {spoilers[-1].restraint}"
            + (", threatened force recently" if threatened else "")
        )
    return InitialState(
        asof=asof,
        rung=rung,
        floor=floor,
        stage=stage,
        gap=min(1.0, gap),
        mediated=mediated,
        spoilers=spoilers,
        notes=notes,
    )


CEASEFIRE_MODE = "ceasefire"
CEASEFIRE_CATEGORIES = (Category.RETREAT, Category.AGREE)
"""Acts that put a ceasefire in force: the ontology's RETREAT mode `ceasefire` (AGREE with the
same mode, should a coder give one)."""
CEASEFIRE_RUNG = 3
"""Where a ceasefire in force leaves the ladder: forces stay deployed and signal."""


def with_ceasefire(case: Case, state: InitialState) -> InitialState:
    """The start state with the ceasefire track read from the events up to `state.asof`.

    A ceasefire act between the parties (or by one of them) is in force when no strike between
    them came after it; then the ladder stands at most at military signalling, whatever the
    strikes of the days before. Kept apart from `initial_state` so the talks' reading and the
    fighting's reading evolve separately.
    """
    events = merge_events(case, asof=state.asof)
    parties = {a.acts_for for a in case.with_role(Role.PARTY)}

    def between(e: Event) -> bool:
        return acts_for(case, e.actor) in parties or acts_for(case, e.target) in parties

    acts = [e for e in events if between(e) and e.date is not None and modality(e) is Modality.ACT]
    truce = [e for e in acts if e.category in CEASEFIRE_CATEGORIES and e.mode == CEASEFIRE_MODE]
    if not truce:
        return state
    last = max(truce, key=lambda e: e.date)  # type: ignore[arg-type,return-value]
    strikes = [e for e in acts if (event_rung(e) or 0) >= 5 and e.date > last.date]  # type: ignore[operator]
    if strikes:
        note = f"ceasefire of {last.date} broken: strikes on {min(e.date for e in strikes)}"  # type: ignore[type-var]
        return state.model_copy(update={"notes": [*state.notes, note]})
    note = f"ceasefire in force since {last.date} ({last.actor}): the ladder stands at signalling"
    return state.model_copy(
        update={
            "ceasefire": True,
            "rung": min(state.rung, CEASEFIRE_RUNG),
            "floor": min(state.floor, CEASEFIRE_RUNG),
            "notes": [*state.notes, note],
        }
    )
