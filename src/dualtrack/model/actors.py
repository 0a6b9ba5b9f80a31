"""Actors: states, organisations, agencies, persons and armed groups, with names per script."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Lang = Literal["en", "zh-Hant", "zh-Hans"]
LANGS: tuple[Lang, ...] = ("en", "zh-Hant", "zh-Hans")

# `USA`, `IRN`, `UN`, `GCC`; sub-actors hang off their state: `USA.trump`, `IRN.irgc`.
ACTOR_ID = re.compile(r"^[A-Z][A-Z0-9]{1,5}(\.[a-z0-9_]+)*$")


class ActorKind(StrEnum):
    STATE = "state"
    IGO = "igo"
    AGENCY = "agency"
    PERSON = "person"
    ARMED_GROUP = "armed_group"
    PLACE = "place"
    OTHER = "other"


class Role(StrEnum):
    """An actor's part in one case's crisis."""

    PARTY = "party"
    MEDIATOR = "mediator"
    SUPPORTER = "supporter"
    SPOILER = "spoiler"
    OBSERVER = "observer"


class Actor(BaseModel):
    """Someone (or somewhere, for places named as event locations) the reporting names.

    `country` is the state or organisation the actor acts for; for a state or IGO it is its own
    id. Every alias in every script is what the extractor matches on.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str
    kind: ActorKind
    country: str | None = None
    role: Role | None = None
    names: dict[Lang, str] = Field(default_factory=dict)
    aliases: dict[Lang, list[str]] = Field(default_factory=dict)
    description: str | None = None

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not ACTOR_ID.match(v):
            raise ValueError(
                f"actor id {v!r} must look like 'USA', 'UN' or 'USA.trump' "
                "(upper-case code, optional lower-case dotted parts)"
            )
        return v

    @property
    def acts_for(self) -> str:
        """The state or organisation this actor acts for (itself when it is one)."""
        if self.country:
            return self.country
        return self.id.split(".", 1)[0]

    def all_names(self, lang: Lang | None = None) -> list[str]:
        """Canonical names and aliases, for one script or all, without duplicates."""
        langs = [lang] if lang else list(LANGS)
        seen: dict[str, None] = {}
        for lg in langs:
            if lg in self.names:
                seen[self.names[lg]] = None
            for a in self.aliases.get(lg, []):
                seen[a] = None
        return list(seen)

    def label(self, lang: Lang = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or self.id
