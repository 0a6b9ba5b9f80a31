"""A case: one crisis with its actors, issues, positions, events and model parameters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from dualtrack.model.actors import Actor, Role
from dualtrack.model.events import Event, Stance
from dualtrack.model.issues import Issue, Position


class SourceRef(BaseModel):
    """A document a case cites: its id (SHA-256 of the text) plus what a reader needs to find it."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    url: str | None = None
    lang: str | None = None


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str
    title: str
    description: str | None = None
    asof: dt.date | None = None
    actors: list[Actor] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    parameters: dict[str, Any] = Field(default_factory=dict)

    def actor(self, actor_id: str) -> Actor:
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(f"case {self.id!r} has no actor {actor_id!r}")

    def issue(self, issue_id: str) -> Issue:
        for i in self.issues:
            if i.id == issue_id:
                return i
        raise KeyError(f"case {self.id!r} has no issue {issue_id!r}")

    def with_role(self, role: Role) -> list[Actor]:
        return [a for a in self.actors if a.role is role]

    def positions_on(self, issue_id: str) -> list[Position]:
        return [p for p in self.positions if p.issue == issue_id]

    def events_until(self, asof: dt.date | None) -> list[Event]:
        """Events known by `asof` (undated events are kept: they come from the case's sources)."""
        if asof is None:
            return list(self.events)
        return [e for e in self.events if e.date is None or e.date <= asof]
