"""Third parties: the mediators, supporters and spoilers of a case with what they did last.

An actor's role comes from the case; sub-actors (`ISR.netanyahu`) count for the state they act for.
`lean` is the mean ontology score of their acts toward the crisis (positive: pushing the talks,
negative: pushing pressure), so a supporter that starts threatening shows up as such.
"""

from __future__ import annotations

from pydantic import BaseModel

from dualtrack.analyze.inputs import Modality, acts_for, modality
from dualtrack.model import Case, Event, Role

THIRD_PARTY_ROLES = (Role.MEDIATOR, Role.SUPPORTER, Role.SPOILER)


class ThirdParty(BaseModel):
    actor: str
    role: Role
    n_events: int
    lean: float | None  # mean score of its counted events (-10..10), None without events
    latest: list[str]  # ids of its latest events, newest first


def third_parties(case: Case, events: list[Event], latest_n: int = 3) -> list[ThirdParty]:
    out: list[ThirdParty] = []
    by_party: dict[str | None, list[Event]] = {}  # one pass over the events, not one per party
    for ev in events:
        if modality(ev) in (Modality.ACT, Modality.THREAT):
            by_party.setdefault(acts_for(case, ev.actor), []).append(ev)
    for role in THIRD_PARTY_ROLES:
        for actor in case.with_role(role):
            own = list(by_party.get(actor.id, []))
            own.sort(key=lambda e: (e.date, e.id), reverse=True)
            scores = [ev.score for ev in own if ev.score is not None]
            out.append(
                ThirdParty(
                    actor=actor.id,
                    role=role,
                    n_events=len(own),
                    lean=round(sum(scores) / len(scores), 6) if scores else None,
                    latest=[ev.id for ev in own[:latest_n]],
                )
            )
    return out
