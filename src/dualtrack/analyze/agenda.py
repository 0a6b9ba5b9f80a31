"""The agenda gap: where each party stands on each issue, how far apart they are, which red lines
the other side's demand crosses, and (for agenda issues) what every party already accepts.

Positions come from the case (the analyst's input) and are overridden by a later reported stance
of the same actor on the same issue, so fresh reporting moves the picture without editing the case.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from dualtrack.analyze.inputs import acts_for
from dualtrack.model import Case, Issue, IssueKind, Position, Role, Stance


class PartyPosition(BaseModel):
    actor: str
    value: float | None  # on the issue's scale (set issues: weighted share, Issue.value_of)
    items: list[str] | None = None
    red_line: bool = False
    red_line_text: str | None = None
    as_of: dt.date | None = None
    source: str  # "case" or "stance" (a later reported stance moved it)
    stance_id: str | None = None  # the stance that set it, when source is "stance"
    stance_ids: list[str] = []  # every reported stance of this actor on this issue (evidence)


class RedLineTouch(BaseModel):
    """`holder`'s red line is crossed by `by`'s position. For set issues `items` are the options
    on which the two differ: what `by` adds beyond a "nothing but" red line, or leaves out of an
    "all of these" one; either way the holder's line is where it is."""

    holder: str
    by: str
    items: list[str] = []
    distance: float | None = None


class IssueGap(BaseModel):
    issue: str
    name: str
    kind: IssueKind
    scale_min: float
    scale_max: float
    positions: list[PartyPosition]
    distance: float | None  # largest gap between parties, on the issue's scale
    distance_share: float | None  # the same as a share of the scale (0..1)
    common_items: list[str] | None = None  # set issues: what every party includes
    red_lines: list[RedLineTouch]


def _latest_positions(case: Case, issue: Issue, stances: list[Stance]) -> list[PartyPosition]:
    """Case positions, moved by later stances; a person's stance counts for the state it serves."""
    out: dict[str, PartyPosition] = {}
    for p in case.positions_on(issue.id):
        out[p.actor] = PartyPosition(
            actor=p.actor,
            value=issue.value_of(p),
            items=p.items,
            red_line=p.red_line,
            red_line_text=p.red_line_text,
            as_of=p.as_of,
            source="case",
        )
    for st in stances:
        if st.issue != issue.id or (st.value is None and st.items is None):
            continue
        actor = acts_for(case, st.actor) or st.actor
        have = out.get(actor)
        seen = [*(have.stance_ids if have else []), st.id]
        if have and have.as_of and st.date and st.date < have.as_of:
            have.stance_ids = seen
            continue
        as_pos = Position(
            actor=actor, issue=issue.id, value=st.value, items=st.items, salience=0.0,
            capability=0.0,
        )  # fmt: skip
        out[actor] = PartyPosition(
            actor=actor,
            value=issue.value_of(as_pos),
            items=st.items,
            red_line=st.red_line or (have.red_line if have else False),
            red_line_text=have.red_line_text if have else None,
            as_of=st.date,
            source="stance",
            stance_id=st.id,
            stance_ids=seen,
        )
    return list(out.values())


def issue_gap(case: Case, issue: Issue, stances: list[Stance]) -> IssueGap:
    parties = {a.id for a in case.with_role(Role.PARTY)}
    positions = _latest_positions(case, issue, stances)
    party_pos = [p for p in positions if p.actor in parties] or positions
    values = [p.value for p in party_pos if p.value is not None]
    distance = max(values) - min(values) if len(values) >= 2 else None
    span = issue.scale_max - issue.scale_min
    common: list[str] | None = None
    if issue.kind is IssueKind.SET:
        sets = [set(p.items) for p in party_pos if p.items is not None]
        common = [o for o in issue.options if sets and all(o in s for s in sets)]
    touches: list[RedLineTouch] = []
    for holder in party_pos:
        if not holder.red_line:
            continue
        for other in party_pos:
            if other.actor == holder.actor:
                continue
            if holder.items is not None and other.items is not None:
                differ = set(other.items) ^ set(holder.items)
                if differ:
                    items = [o for o in issue.options if o in differ]
                    touches.append(RedLineTouch(holder=holder.actor, by=other.actor, items=items))
            elif holder.value is not None and other.value is not None:
                gap = abs(other.value - holder.value)
                if gap > 1e-9:
                    touches.append(
                        RedLineTouch(holder=holder.actor, by=other.actor, distance=round(gap, 6))
                    )
    return IssueGap(
        issue=issue.id,
        name=issue.name,
        kind=issue.kind,
        scale_min=issue.scale_min,
        scale_max=issue.scale_max,
        positions=positions,
        distance=None if distance is None else round(distance, 6),
        distance_share=None if distance is None else round(distance / span, 6),
        common_items=common,
        red_lines=touches,
    )


def agenda_gap(case: Case, stances: list[Stance]) -> list[IssueGap]:
    return [issue_gap(case, issue, stances) for issue in case.issues]
