"""Events and stances: what the reporting says happened or was said, with evidence spans."""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dualtrack.ontology import Category, score_of, unordered_pair


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"  # relative date with no document date to resolve it against


class Quantity(BaseModel):
    """A counted or measured thing tied to an event: 15 entities, 2,000 km, at least 10 warships."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    value: float
    unit: str
    what: str | None = None  # e.g. "destroyer", "tanker"; unit stays the measure ("vessel")
    qualifier: str | None = None  # "at_least", "at_most", "about", "exactly"


class Evidence(BaseModel):
    """Where in a document's original text a claim stands: [start, end) character offsets."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end must not be before start")
        return self


class EventFlags(BaseModel):
    """Modality: an event that did not (or not yet, or not surely) happen is still reported."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    negated: bool = False
    hypothetical: bool = False
    threatened: bool = False
    conditional: bool = False
    unconfirmed: bool = False

    def any(self) -> bool:
        return any(self.model_dump().values())

    def names(self) -> list[str]:
        return [k for k, v in self.model_dump().items() if v]


# An extracted event whose confidence is below this is more likely wrong than right: the learned
# coder's confidence is calibrated per category on the real corpus's fresh dev crises (events at
# 0.4-0.6 are right about half the time on crises nobody read), so the brief's line and the event
# table say it is the coder's reading, not a fact. Events from a case file carry 1.0 and are
# stated plainly.
LOW_CONFIDENCE = 0.5


class Event(BaseModel):
    """One real-world event, possibly reported by several documents (several evidence spans)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str = ""
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: DatePrecision = DatePrecision.DAY
    actor: str
    target: str | None = None
    via: str | None = None
    category: Category
    mode: str | None = None
    context: str | None = None
    summary: str | None = None
    location: str | None = None
    quantities: list[Quantity] = Field(default_factory=list)
    score: float | None = None
    flags: EventFlags = Field(default_factory=EventFlags)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    extractor: str = "manual"

    @model_validator(mode="after")
    def _derive(self) -> Event:
        if self.score is None:
            self.score = score_of(self.category, self.mode)
        if not self.id:
            self.id = self.fingerprint()
        return self

    def fingerprint(self) -> str:
        """A stable id from what makes two reports the same event (A meeting B is B meeting A)."""
        actor, target = unordered_pair(self.category, self.actor, self.target)
        key = "|".join(
            str(x)
            for x in (
                self.date,
                actor,
                target,
                self.category.value,
                self.mode,
                self.flags.negated,
            )
        )
        if self.flags.hypothetical:  # talks announced for a day are not the talks held that day
            key += "|hypothetical"
        return "ev_" + hashlib.sha1(key.encode()).hexdigest()[:12]


class Stance(BaseModel):
    """An actor's stated position on a case issue, as reported (extracted or hand-entered)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str = ""
    actor: str
    issue: str
    value: float | None = None
    items: list[str] | None = None
    red_line: bool = False
    date: dt.date | None = None
    date_precision: DatePrecision = DatePrecision.DAY
    summary: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    extractor: str = "manual"

    @model_validator(mode="after")
    def _derive(self) -> Stance:
        if not self.id:
            key = f"{self.date}|{self.actor}|{self.issue}|{self.value}|{self.items}|{self.red_line}"
            self.id = "st_" + hashlib.sha1(key.encode()).hexdigest()[:12]
        return self
