"""The coercion ledger: what each side has done to the other, counted from event quantities.

Kinds: sanctions (entities, individuals, vessels...), tariffs, deployments (ships by type,
aircraft), alerts and incidents. Only acts count: threats are listed apart, and negated,
hypothetical, conditional or unconfirmed reports are left out (they are kept, as `excluded`, so a
reader sees what was not counted). Events arrive deduplicated by id, so an event reported by
several documents counts once with all its sources.

Sanctions, tariffs, alerts and incidents are flows and are summed. Deployments are stocks: a later
report of "at least 10 warships" restates the force in place rather than adding to it, so each
(actor, unit, type) keeps its latest reported value.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from enum import StrEnum

from pydantic import BaseModel

from dualtrack.analyze.inputs import Modality, acts_for, modality
from dualtrack.model import Case, Event, Quantity
from dualtrack.ontology import Category


class LedgerKind(StrEnum):
    SANCTIONS = "sanctions"
    TARIFFS = "tariffs"
    DEPLOYMENTS = "deployments"
    ALERTS = "alerts"
    INCIDENTS = "incidents"


class LedgerEntry(BaseModel):
    kind: LedgerKind
    actor: str
    target: str | None
    unit: str
    what: str | None
    total: float
    at_least: bool  # some source gave the figure as a floor ("at least 10")
    aggregation: str  # "sum" or "latest"
    n_events: int
    first: dt.date
    last: dt.date
    event_ids: list[str]


class Ledger(BaseModel):
    entries: list[LedgerEntry]
    threats: list[str]  # ids of threat events (THREATEN acts and threatened acts), not counted
    excluded: list[str]  # ids of coercive reports not counted (unconfirmed, negated, ...)

    def of_kind(self, kind: LedgerKind) -> list[LedgerEntry]:
        return [e for e in self.entries if e.kind is kind]


_TARIFF_WORDS = ("tariff", "duty", "duties")
_ALERT_MODES = {"alert"}


def unit_key(unit: str) -> str:
    """Units compare singular and lower-case: 'Vessels' and 'vessel' are one unit."""
    u = unit.strip().lower()
    if u.endswith("ies") and len(u) > 4:
        return u[:-3] + "y"
    if u.endswith("s") and not u.endswith("ss") and len(u) > 3:
        return u[:-1]
    return u


def kind_of(event: Event) -> LedgerKind | None:
    cat = event.category
    if cat is Category.SANCTION:
        text = " ".join(
            [x for x in (event.mode, event.context, event.summary) if x]
            + [q.unit + " " + (q.what or "") for q in event.quantities]
        ).lower()
        return LedgerKind.TARIFFS if any(w in text for w in _TARIFF_WORDS) else LedgerKind.SANCTIONS
    if cat is Category.MOBILIZE:
        alert = event.mode in _ALERT_MODES or "alert" in (event.context or "").lower()
        return LedgerKind.ALERTS if alert else LedgerKind.DEPLOYMENTS
    if cat in (Category.COERCE, Category.ASSAULT):
        return LedgerKind.INCIDENTS
    return None


# Measures describe a thing (a missile's range, a warhead's mass); they are not counts of
# instruments and are never summed.
MEASURE_UNITS = frozenset(
    {"km", "kg", "m", "mach", "mile", "nm", "nmi", "ton", "tonne", "t", "percent", "%", "km/h",
     "knot", "usd", "dollar", "day", "hour"}
)  # fmt: skip


# The unit an event with nothing counted is tallied in: one alert, one incident, one deployment.
_REPORT_UNIT = {
    LedgerKind.SANCTIONS: "sanctions round",
    LedgerKind.TARIFFS: "tariff measure",
    LedgerKind.DEPLOYMENTS: "deployment",
    LedgerKind.ALERTS: "alert",
    LedgerKind.INCIDENTS: "incident",
}


def _quantities(event: Event, kind: LedgerKind) -> list[Quantity]:
    """The counted quantities of an event; an event with none counts once in its kind's unit."""
    counts = [q for q in event.quantities if unit_key(q.unit) not in MEASURE_UNITS]
    if kind is LedgerKind.ALERTS or not counts:
        return [Quantity(value=1, unit=_REPORT_UNIT[kind])]
    return counts


def coercion_ledger(case: Case, events: list[Event]) -> Ledger:
    groups: dict[tuple, list[tuple[Event, Quantity]]] = defaultdict(list)
    threats: list[str] = []
    excluded: list[str] = []
    for ev in events:
        mod = modality(ev)
        if mod is Modality.THREAT or (mod is Modality.ACT and ev.category is Category.THREATEN):
            threats.append(ev.id)
            continue
        kind = kind_of(ev)
        if kind is None or ev.date is None:
            continue
        if mod is not Modality.ACT:
            excluded.append(ev.id)
            continue
        actor = acts_for(case, ev.actor) or ev.actor
        target = acts_for(case, ev.target)
        for q in _quantities(ev, kind):
            key = (kind, actor, target, unit_key(q.unit), (q.what or "").lower() or None)
            groups[key].append((ev, q))
    entries: list[LedgerEntry] = []
    for (kind, actor, target, unit, what), items in groups.items():
        dates = [ev.date for ev, _ in items]
        if kind is LedgerKind.DEPLOYMENTS and unit != _REPORT_UNIT[kind]:
            last = max(dates)
            total = max(q.value for ev, q in items if ev.date == last)
            aggregation = "latest"
        else:
            total = sum(q.value for _, q in items)
            aggregation = "sum"
        ids = list(dict.fromkeys(ev.id for ev, _ in items))
        entries.append(
            LedgerEntry(
                kind=kind,
                actor=actor,
                target=target,
                unit=unit,
                what=what,
                total=total,
                at_least=any(q.qualifier == "at_least" for _, q in items),
                aggregation=aggregation,
                n_events=len(ids),
                first=min(dates),
                last=max(dates),
                event_ids=ids,
            )
        )
    order = list(LedgerKind)
    entries.sort(key=lambda e: (order.index(e.kind), e.actor, -e.total, e.unit, e.what or ""))
    return Ledger(entries=entries, threats=threats, excluded=excluded)
