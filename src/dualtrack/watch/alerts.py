"""Alert rules: a checked YAML file, evaluated over successive snapshots, each change alerted once.

Every rule keeps a small state in the workspace (the probability's side of its threshold, the
rung, the red lines, the talks' status, the actors seen). A rule fires when a new snapshot moves
that state the way the rule asks, and the new state is stored with the alert in one transaction,
so polling again without news fires nothing. A threshold rule fires on the first snapshot if it is
already past its threshold; the other rules take the first snapshot as their baseline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dualtrack.cases.problems import Problem, format_path
from dualtrack.cases.yamlmap import load_with_lines
from dualtrack.model import Document, Event, Stance
from dualtrack.simulate import HORIZONS, OUTCOMES
from dualtrack.watch.errors import RulesError
from dualtrack.watch.snapshot import ActorActing, Snapshot

Claims = Mapping[str, Event | Stance]


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    description: str | None = None


class ProbabilityRule(_Rule):
    """P(end state within `horizon` days) passes `above` (rising) or `below` (falling).

    Once past, the rule re-arms only when the probability is back by `hysteresis` on the other
    side: a forecast that moves by Monte Carlo noise around the threshold does not alert on
    every poll.
    """

    when: Literal["probability"]
    end_state: str  # one of the forecast's end states, or several joined by '+'
    horizon: int = Field(gt=0)
    above: float | None = Field(default=None, ge=0, le=1)
    below: float | None = Field(default=None, ge=0, le=1)
    hysteresis: float = Field(default=0.02, ge=0, le=0.5)

    @model_validator(mode="after")
    def _check(self) -> ProbabilityRule:
        unknown = [s for s in self.end_state.split("+") if s not in OUTCOMES]
        if unknown:
            raise ValueError(
                f"end_state {self.end_state!r}: unknown {', '.join(unknown)} "
                f"(choose from {', '.join(OUTCOMES)}, or join them with '+')"
            )
        if self.horizon not in HORIZONS:
            raise ValueError(
                f"horizon {self.horizon}: the forecast gives {', '.join(map(str, HORIZONS))} days"
            )
        if (self.above is None) == (self.below is None):
            raise ValueError("give exactly one of 'above' or 'below'")
        return self


class EscalationRule(_Rule):
    """The escalation rung changes (`direction` up, down or any), optionally only to `at_least`."""

    when: Literal["escalation"]
    direction: Literal["up", "down", "any"] = "any"
    at_least: int | None = Field(default=None, ge=0, le=6)


class RedLineRule(_Rule):
    """A red line is newly crossed (optionally only one held by `holder`)."""

    when: Literal["red_line"]
    holder: str | None = None


class NextRoundRule(_Rule):
    """The talks' status becomes one of `on` (a next round scheduled with a date, or cancelled)."""

    when: Literal["next_round"]
    on: list[Literal["announced", "scheduled", "cancelled", "held"]] = ["scheduled", "cancelled"]


class NewActorRule(_Rule):
    """An actor not seen before acts as a mediator or a spoiler."""

    when: Literal["new_actor"]
    role: Literal["mediator", "spoiler"]


Rule = Annotated[
    ProbabilityRule | EscalationRule | RedLineRule | NextRoundRule | NewActorRule,
    Field(discriminator="when"),
]


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> RuleSet:
        seen: set[str] = set()
        for r in self.rules:
            if r.id in seen:
                raise ValueError(f"rule id {r.id!r} is used twice")
            seen.add(r.id)
        return self


def load_rules(path: Path | str) -> list[Rule]:
    """The rules of a YAML file; `RulesError` lists every problem as file:line: field: message."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(name, [Problem(name, None, "", "no such file")]) from None
    except (OSError, UnicodeDecodeError) as e:
        raise RulesError(name, [Problem(name, None, "", f"cannot read: {e}")]) from None
    try:
        data, lines = load_with_lines(text)
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else None
        raise RulesError(name, [Problem(name, line, "", f"YAML syntax: {e.problem}")]) from None
    if not isinstance(data, dict):
        raise RulesError(name, [Problem(name, 1, "", "expected a mapping with a 'rules' list")])
    try:
        return RuleSet.model_validate(data).rules
    except ValidationError as e:
        problems = []
        for err in e.errors():
            loc = [p for p in err["loc"] if not _is_variant(p)]
            where = loc[:-1] if err["type"] == "extra_forbidden" else loc
            message = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = f"unknown key {loc[-1]!r}"
            elif err["type"] in ("union_tag_invalid", "union_tag_not_found"):
                where = loc = [*loc, "when"]
                message = f"'when' must be one of {', '.join(_KINDS)}"
            problems.append(Problem(name, lines.line_of(tuple(loc)), format_path(where), message))
        raise RulesError(name, problems) from None


_KINDS = ("probability", "escalation", "red_line", "next_round", "new_actor")


def _is_variant(part: object) -> bool:
    """pydantic names the union member in error locations ('probability'); files do not."""
    return isinstance(part, str) and part in _KINDS


# -- evaluation -------------------------------------------------------------------------------


class Fired(BaseModel):
    """What a rule found: a message, the values before and after, the claims behind it."""

    message: str
    before: Any
    after: Any
    event_ids: list[str]


def _probability(rule: ProbabilityRule, snap: Snapshot, old: Any) -> tuple[Any, Fired | None]:
    row = snap.forecast.get(str(rule.horizon))
    if row is None:
        return old, None  # no forecast at this horizon (or none at all): keep the last state
    p = round(sum(row.get(s, 0.0) for s in rule.end_state.split("+")), 6)
    was = bool(old and old.get("past"))
    slack = rule.hysteresis if was else 0.0
    above, below = rule.above, rule.below
    past = p > above - slack if above is not None else p < below + slack  # type: ignore[operator]
    state = {"past": past, "p": p}
    if not past or was:
        return state, None
    side, limit = ("above", rule.above) if rule.above is not None else ("below", rule.below)
    before = old.get("p") if old else None
    msg = f"P({rule.end_state} within {rule.horizon} days) is {p:.2f}, {side} {limit:g}" + (
        f" (was {before:.2f})" if before is not None else ""
    )
    return state, Fired(message=msg, before=before, after=p, event_ids=snap.forecast_event_ids)


def _escalation(rule: EscalationRule, snap: Snapshot, old: Any) -> tuple[Any, Fired | None]:
    rung = snap.escalation.rung
    state = {"rung": rung}
    if old is None or old["rung"] == rung:
        return state, None
    up = rung > old["rung"]
    if (rule.direction == "up" and not up) or (rule.direction == "down" and up):
        return state, None
    if rule.at_least is not None and rung < rule.at_least:
        return state, None
    moved = "rose" if up else "fell"
    msg = f"escalation rung {moved} from {old['rung']} to {rung} ({snap.escalation.rung_id})"
    return state, Fired(message=msg, before=old["rung"], after=rung,
                        event_ids=snap.escalation.event_ids)  # fmt: skip


def _red_line(rule: RedLineRule, snap: Snapshot, old: Any) -> tuple[Any, Fired | None]:
    lines = [r for r in snap.red_lines if rule.holder is None or r.holder == rule.holder]
    state = {"crossed": sorted(r.key for r in lines)}
    if old is None:
        return state, None
    new = [r for r in lines if r.key not in set(old["crossed"])]
    if not new:
        return state, None
    what = "; ".join(
        f"{r.by} crosses {r.holder}'s red line on {r.issue}"
        + (f" ({', '.join(r.items)})" if r.items else "")
        for r in new
    )
    ids = [i for r in new for i in r.stance_ids]
    return state, Fired(message=f"red line crossed: {what}", before=old["crossed"],
                        after=state["crossed"], event_ids=ids)  # fmt: skip


def _next_round(rule: NextRoundRule, snap: Snapshot, old: Any) -> tuple[Any, Fired | None]:
    status = snap.talks.status
    state = {"status": status}
    if old is None or old["status"] == status or status not in rule.on:
        return state, None
    when = f" for {snap.talks.next_round_date}" if status == "scheduled" else ""
    msg = f"next round of talks {status}{when} (was {old['status']})"
    return state, Fired(message=msg, before=old["status"], after=status,
                        event_ids=snap.talks.event_ids)  # fmt: skip


def _new_actor(rule: NewActorRule, snap: Snapshot, old: Any) -> tuple[Any, Fired | None]:
    acting: list[ActorActing] = snap.mediators if rule.role == "mediator" else snap.spoilers
    state = {"actors": sorted(a.actor for a in acting)}
    if old is None:
        return state, None
    new = [a for a in acting if a.actor not in set(old["actors"])]
    if not new:
        return state, None
    msg = f"new {rule.role}: {', '.join(a.actor for a in new)}"
    return state, Fired(message=msg, before=old["actors"], after=state["actors"],
                        event_ids=[i for a in new for i in a.event_ids])  # fmt: skip


_EVALUATORS: dict[str, Callable[[Any, Snapshot, Any], tuple[Any, Fired | None]]] = {
    "probability": _probability,
    "escalation": _escalation,
    "red_line": _red_line,
    "next_round": _next_round,
    "new_actor": _new_actor,
}


def evaluate(
    rules: list[Rule],
    snap: Snapshot,
    states: Mapping[str, Any],
    claims: Claims,
    documents: Mapping[str, Document],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """New state of every rule, and an alert (a JSON-ready dict) for each rule that fired."""
    new_states: dict[str, Any] = {}
    alerts: list[dict[str, Any]] = []
    for rule in rules:
        state, fired = _EVALUATORS[rule.when](rule, snap, states.get(rule.id))
        new_states[rule.id] = state
        if fired is not None:
            alerts.append(_alert(rule, snap, fired, claims, documents))
    return new_states, alerts


def _alert(
    rule: Rule, snap: Snapshot, fired: Fired, claims: Claims, documents: Mapping[str, Document]
) -> dict[str, Any]:
    ids = list(dict.fromkeys(fired.event_ids))
    digest = hashlib.sha1(
        json.dumps([snap.case_id, rule.id, snap.asof.isoformat(), fired.after, ids],
                   default=str).encode()
    ).hexdigest()[:12]  # fmt: skip
    return {
        "id": f"{rule.id}-{digest}",
        "case": snap.case_id,
        "rule": rule.id,
        "when": rule.when,
        "asof": snap.asof.isoformat(),
        "fired_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "message": fired.message,
        "before": fired.before,
        "after": fired.after,
        "events": ids,
        "evidence": _evidence(ids, claims, documents),
    }


def _evidence(
    ids: list[str], claims: Claims, documents: Mapping[str, Document]
) -> list[dict[str, Any]]:
    """Each cited span with its text and the document's date, title and URL when at hand."""
    out = []
    for claim_id in ids:
        claim = claims.get(claim_id)
        for ev in claim.evidence if claim else []:
            doc = documents.get(ev.doc_id)
            text = ev.text
            if text is None and doc is not None and ev.end <= len(doc.text):
                text = doc.text[ev.start : ev.end]
            out.append({
                "claim": claim_id, "doc_id": ev.doc_id, "start": ev.start, "end": ev.end,
                "text": text, "date": doc.date.isoformat() if doc and doc.date else None,
                "title": doc.title if doc else None, "url": doc.url if doc else None,
            })  # fmt: skip
    return out
