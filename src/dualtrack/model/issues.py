"""Issues under negotiation and the positions actors hold on them."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class IssueKind(StrEnum):
    SCALE = "scale"  # a number between scale_min and scale_max
    SET = "set"  # a subset of `options` (e.g. agenda items)


class Anchor(BaseModel):
    """A labelled point on an issue's scale (0 = zero enrichment, ...)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    value: float
    label: str


class Issue(BaseModel):
    """A question the parties bargain over.

    A set issue (an agenda) also has a numeric reading for the spatial bargaining models: the
    weighted share of its options a position includes, on 0-100 (see `value_of`).
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str
    name: str
    description: str | None = None
    kind: IssueKind = IssueKind.SCALE
    scale_min: float = 0.0
    scale_max: float = 100.0
    anchors: list[Anchor] = Field(default_factory=list)
    options: list[str] = Field(default_factory=list)
    option_weights: dict[str, float] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Issue:
        if self.scale_max <= self.scale_min:
            raise ValueError("scale_max must be greater than scale_min")
        if self.kind is IssueKind.SET and not self.options:
            raise ValueError("a set issue needs a non-empty 'options' list")
        unknown = set(self.option_weights) - set(self.options)
        if unknown:
            raise ValueError(f"option_weights name unknown options: {sorted(unknown)}")
        return self

    def in_range(self, value: float) -> bool:
        return self.scale_min <= value <= self.scale_max

    def value_of(self, position: Position) -> float | None:
        """The position as a number on the issue's scale (set issues: weighted share 0-100)."""
        if self.kind is IssueKind.SCALE:
            return position.value
        if position.items is None:
            return position.value
        weights = {o: self.option_weights.get(o, 1.0) for o in self.options}
        total = sum(weights.values())
        share = sum(weights[i] for i in position.items if i in weights) / total
        return self.scale_min + share * (self.scale_max - self.scale_min)


class Position(BaseModel):
    """An actor's position on an issue as of a date: the analyst's input to bargaining.

    `value` is on the issue's scale; set issues give `items` instead. Ranges, when given, are the
    analyst's uncertainty and feed the Monte Carlo draws.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    actor: str
    issue: str
    value: float | None = None
    items: list[str] | None = None
    salience: float = Field(ge=0.0, le=1.0)
    capability: float = Field(ge=0.0)
    value_range: tuple[float, float] | None = None
    salience_range: tuple[float, float] | None = None
    capability_range: tuple[float, float] | None = None
    red_line: bool = False
    red_line_text: str | None = None
    as_of: dt.date | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _has_value(self) -> Position:
        if self.value is None and self.items is None:
            raise ValueError("a position needs 'value' (scale issue) or 'items' (set issue)")
        for name in ("value_range", "salience_range", "capability_range"):
            rng = getattr(self, name)
            if rng is not None and rng[0] > rng[1]:
                raise ValueError(f"{name} must be [low, high] with low <= high")
        return self
