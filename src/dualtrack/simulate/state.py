"""The crisis as it stands on the forecast date: where each track starts, read from the case.

The reading itself is `dualtrack.analyze` (escalation level, rounds of talks, agenda gap); this
module turns that picture into the simulation's start state. Only events and stances dated on or
before `asof` are read, and positions whose `as_of` is later are ignored, so nothing after the
forecast date can move the forecast.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from functools import cache
from importlib import resources
from typing import Any

import yaml
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
from dualtrack.analyze.inputs import acts_for, known_on, report_dates
from dualtrack.model import Case, Event, Issue, IssueKind, Role
from dualtrack.ontology import Category
from dualtrack.simulate.forces import Level, combined, force_kinds


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
    """Start of every run, with the reasons behind each number (shown in briefs) and the
    events behind each field (`moved_by`: field name -> event or stance ids), which is what a
    replay shows when a field changes between two dates."""

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
    forces: float | None = None  # forces in proximity (major warships' worth), when reported
    next_round: dt.date | None = None  # the date of an announced next round, if one is dated
    moved_by: dict[str, list[str]] = Field(default_factory=dict)


class TalksRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    next_round: dict[str, list[Category]]
    broken_off: list[dict[str, Any]]


class ForcesRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    categories: list[Category]
    count: dict[str, dict[str, float]]  # kind -> reported thing -> how many make one unit


class SpoilerRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    threat_rung: int
    force_rung: int


class StartRules(BaseModel):
    """`start_rules.yaml`: how reported events move the start state."""

    model_config = ConfigDict(extra="forbid")

    talks: TalksRules
    forces: ForcesRules
    spoilers: SpoilerRules


@cache
def start_rules() -> StartRules:
    path = resources.files("dualtrack.simulate") / "start_rules.yaml"
    return StartRules.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


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


def _matches(e: Event, rules: list[dict[str, Any]]) -> bool:
    """Does `e` match one of `rules` ({category, modes})? A mode list may hold null (no mode)."""
    return any(
        e.category.value == r["category"] and ("modes" not in r or e.mode in r["modes"])
        for r in rules
    )


class _Talks(BaseModel):
    stage: Stage
    next_round: dt.date | None
    ids: list[str]
    notes: list[str]


def _talks(
    case: Case, events: list[Event], asof: dt.date, memory_start: dt.date, parties: set[str]
) -> _Talks:
    """The talks stage from reports: a round held in the memory window opens the channel; a
    next round announced (an agreement to meet again, or a meeting reported ahead of its date)
    opens it too; a refusal to meet after both breaks it off. The latest of these wins."""
    rules = start_rules().talks
    reported = report_dates(case)

    def between(e: Event) -> bool:
        pair = {acts_for(case, e.actor), acts_for(case, e.target)}
        return len(pair) == 2 and pair <= parties

    talks = negotiation_state(case, [e for e in events if e.date and e.date <= asof])
    # (rounds held: only what happened by `asof`; announcements below may be dated later)
    marks: list[tuple[dt.date, str, Event | None]] = []  # (known on, what, event)
    if talks.last_round is not None and talks.last_round >= memory_start:
        marks.append((talks.last_round, "round", None))
    ahead = [
        e
        for e in events
        if e.category in rules.next_round["categories"]
        and between(e)
        and not e.flags.negated
        and e.date is not None
        and ((known := known_on(e, reported)) is not None)
        and memory_start <= known <= asof
        and (e.date > asof or (e.category is Category.AGREE and modality(e) is Modality.ACT))
        and (talks.last_round is None or e.date > talks.last_round)
    ]
    for e in ahead:
        marks.append((known_on(e, reported), "next", e))  # type: ignore[arg-type]
    for e in events:
        if (
            e.date is not None
            and memory_start <= e.date <= asof
            and between(e)
            and modality(e) is Modality.ACT
            and _matches(e, rules.broken_off)
        ):
            marks.append((e.date, "broken", e))
    if not marks:
        note = f"no round of talks between the parties in the {(asof - memory_start).days} days"
        return _Talks(stage=Stage.NO_CHANNEL, next_round=None, ids=[], notes=[f"{note} to {asof}"])
    order = {"next": 0, "broken": 1, "round": 2}  # the same day: a round outlasts a refusal,
    # which outlasts an invitation
    day, what, ev = max(marks, key=lambda m: (m[0], order[m[1]]))
    dated = sorted(e.date for e in ahead if e.date and e.date > asof)  # type: ignore[misc]
    next_round = dated[0] if dated and what != "broken" else None
    if what == "broken":
        who = ev.actor if ev else "a party"
        return _Talks(
            stage=Stage.COLLAPSED,
            next_round=None,
            ids=[ev.id] if ev else [],
            notes=[f"talks broken off: {who} refused to meet on {day}"],
        )
    if what == "round":
        notes = [f"talks open: last round between the parties on {talks.last_round}"]
        ids = [talks.rounds[-1]]
    else:
        notes = [f"talks open: a next round between the parties announced on {day}"]
        ids = [ev.id] if ev else []
    if next_round is not None:
        notes.append(f"next round dated {next_round}")
        ids += [e.id for e in ahead if e.date == next_round and e.id not in ids]
    return _Talks(stage=Stage.INDIRECT_TALKS, next_round=next_round, ids=ids, notes=notes)


def reported_forces(
    case: Case, asof: dt.date, given: dict[str, Level]
) -> tuple[dict[str, Level], list[str]]:
    """Forces in proximity by kind, (point, low, high, source) each, and the events that set
    them: for each kind, each party's latest deployment report counting that kind (by
    `start_rules.yaml`), summed over the parties, dated after the case file's `asof` when the
    case gives forces (its `forces_in_proximity` is read as of that date), else `given`. A
    report keeps the case's relative range for its kind, if it gives one."""
    rules = start_rules().forces
    parties = {a.acts_for for a in case.with_role(Role.PARTY)}
    since = case.asof if case.parameters.get("forces_in_proximity") else None
    latest: dict[tuple[str, str], tuple[dt.date, str, float]] = {}  # (kind, party) -> report
    for e in case.events:
        party = acts_for(case, e.actor)
        if (
            e.category in rules.categories
            and e.date is not None
            and e.date <= asof
            and (since is None or e.date > since)
            and party in parties
            and modality(e) is Modality.ACT
        ):
            for kind, per_unit in rules.count.items():
                n = sum(q.value / per_unit[q.what] for q in e.quantities if q.what in per_unit)
                key = (kind, party)
                if n > 0 and (key not in latest or (e.date, e.id) > latest[key][:2]):
                    latest[key] = (e.date, e.id, n)
    out = dict(given)
    for kind in dict.fromkeys(k for k, _ in latest):
        reports = [r for (k, _), r in latest.items() if k == kind]
        n = sum(r[2] for r in reports)
        value, lo, hi, _ = given.get(kind, (0.0, 0.0, 0.0, ""))
        scale = (lo / value, hi / value) if value > 0 else (1.0, 1.0)
        days = ", ".join(f"{r[0]} ({r[1]})" for r in reports)
        unit = force_kinds()[kind].unit
        source = f"reported deployment: {n:g} {unit} ({days})"
        if kind == "naval" and len(reports) == 1:
            source = f"reported deployment on {reports[0][0]}: {n:g} {unit} ({reports[0][1]})"
        out[kind] = (n, n * scale[0], n * scale[1], source)
    return out, sorted({r[1] for r in latest.values()})


def _spoilers(
    case: Case,
    recent: list[Event],
    restraint: dict[str, str],
    notes: list[str],
    moved_by: dict[str, list[str]],
) -> list[SpoilerState]:
    """Each spoiler's restraint (case or lever; else low after a strike of its own in the memory
    window, else medium) and whether it threatened or used force recently."""
    rules = start_rules().spoilers
    out = []
    for s in case.with_role(Role.SPOILER):
        own = [e for e in recent if acts_for(case, e.actor) == s.acts_for]
        threats = [e.id for e in own if (event_rung(e) or 0) >= rules.threat_rung]
        struck = [
            e.id
            for e in own
            if modality(e) is Modality.ACT and (event_rung(e) or 0) >= rules.force_rung
        ]
        level = restraint.get(s.id) or ("low" if struck else "medium")
        out.append(SpoilerState(id=s.id, restraint=level, threatened=bool(threats)))
        if threats or struck:
            moved_by[f"spoiler.{s.id}"] = sorted({*threats, *struck})
        recently = ", threatened force recently" if threats else ""
        notes.append(f"spoiler {s.id}: restraint {level}{recently}")
    return out


def _between(case: Case, parties: set[str], e: Event) -> bool:
    """An event by or against one of the parties (for whom its actor or target acts)."""
    return acts_for(case, e.actor) in parties or acts_for(case, e.target) in parties


def _ladder(
    case: Case,
    events: list[Event],
    parties: set[str],
    memory_start: dt.date,
    asof: dt.date,
    notes: list[str],
    moved_by: dict[str, list[str]],
) -> tuple[int, int]:
    """The ladder's rung (the highest act or threat between the parties in the recent window,
    noted with the events at that peak) and its floor: 1 once the parties have met on the ladder
    at all, 2 once one has sanctioned the other, never above the rung."""
    series = escalation_series(
        [e for e in events if _between(case, parties, e)], memory_start, asof
    )
    level = series[-1]
    rung = level.level
    window = series[-DEFAULT_LEVEL_WINDOW_DAYS:]
    peak = next((p for p in reversed(window) if p.peak == rung and p.event_ids), None)
    if peak is not None:
        moved_by["rung"] = peak.event_ids
    notes.append(
        f"ladder rung {rung} ({level.rung_id}): highest act or threat between the parties in the "
        f"{DEFAULT_LEVEL_WINDOW_DAYS} days to {asof}"
    )
    floor = 0
    for e in events:
        if _between(case, parties, e) and event_rung(e) is not None:
            floor = max(floor, 1)
            if e.category is Category.SANCTION and modality(e) is Modality.ACT:
                floor = 2
    return rung, min(floor, rung)


def _talks_track(
    case: Case,
    dated: list[Event],
    asof: dt.date,
    memory_start: dt.date,
    parties: set[str],
    gap_default: float,
    notes: list[str],
    moved_by: dict[str, list[str]],
) -> tuple[_Talks, Stage, float]:
    """The talks as read from the events, their stage (agenda agreed when the parties' positions
    share one agenda) and the agenda gap between the parties (the reference when no party has a
    position)."""
    talks = _talks(case, dated, asof, memory_start, parties)
    stage = talks.stage
    notes.extend(talks.notes)
    if talks.ids:
        moved_by["stage"] = talks.ids
    gap, same_agenda, gap_notes = _gap(case, asof)
    notes.extend(gap_notes)
    if gap is None:
        gap = gap_default
        notes.append(f"no party positions: agenda gap set to the reference {gap_default:.2f}")
    if stage is Stage.INDIRECT_TALKS and same_agenda:
        stage = Stage.AGENDA_AGREED
        notes.append("the parties hold the same agenda: talks start at agenda agreed")
    stance_ids = sorted(
        {st.id for st in merge_stances(case, asof=asof) if acts_for(case, st.actor) in parties}
    )
    if stance_ids:
        moved_by["gap"] = stance_ids
    return talks, stage, gap


def _is_mediated(case: Case, events: list[Event], recent: list[Event]) -> bool:
    """A mediator of the case carries the talks, or consulted recently."""
    mediators = {a.acts_for for a in case.with_role(Role.MEDIATOR)}
    talks_now = negotiation_state(case, events)
    return any(acts_for(case, m) in mediators for m in talks_now.mediators) or any(
        acts_for(case, e.actor) in mediators and e.category is Category.CONSULT for e in recent
    )


def initial_state(
    case: Case,
    asof: dt.date,
    memory_days: int,
    gap_default: float,
    spoiler_restraint: dict[str, str] | None = None,
    mediated: bool | None = None,
) -> InitialState:
    """Read the start state from the case as of `asof` (levers may override spoilers, mediator).

    One step per track (ladder, talks, mediation, spoilers, forces), always in that order: each
    appends its notes and the events that moved its number, so the reasons keep their order."""
    dated = merge_events(case)  # with rounds announced ahead of `asof`, which `_talks` reads
    events = [e for e in dated if e.date <= asof]  # type: ignore[operator]
    memory_start = asof - dt.timedelta(days=memory_days)
    recent = [e for e in events if e.date is not None and e.date >= memory_start]
    parties = {a.acts_for for a in case.with_role(Role.PARTY)}
    notes: list[str] = []
    moved_by: dict[str, list[str]] = {}
    rung, floor = _ladder(case, events, parties, memory_start, asof, notes, moved_by)
    talks, stage, gap = _talks_track(
        case, dated, asof, memory_start, parties, gap_default, notes, moved_by
    )
    if mediated is None:
        mediated = _is_mediated(case, events, recent)
    spoilers = _spoilers(case, recent, spoiler_restraint or {}, notes, moved_by)
    by_kind, forces_events = reported_forces(case, asof, {})
    forces = combined(by_kind)
    if forces_events:
        moved_by["forces"] = forces_events
        notes.append(f"forces in proximity: {forces[3]}")
    return InitialState(
        asof=asof,
        rung=rung,
        floor=floor,
        stage=stage,
        gap=min(1.0, gap),
        mediated=mediated,
        spoilers=spoilers,
        notes=notes,
        forces=forces[0] if forces_events else None,
        next_round=talks.next_round,
        moved_by=moved_by,
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
    acts = [
        e
        for e in events
        if _between(case, parties, e) and e.date is not None and modality(e) is Modality.ACT
    ]
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
