"""The event taxonomy as data: PLOVER categories, modes, scores, tracks and the escalation ladder.

`data/plover.yaml` holds categories, tracks and ladder rungs (hand-written, documented there);
`data/scores.yaml` holds conflict-cooperation scores derived from CAMEO/Goldstein by
`scripts/derive_ontology_scores.py`. This module is the only place those are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml

_DATA = resources.files("dualtrack.ontology") / "data"


def _load(name: str) -> dict:
    return yaml.safe_load((_DATA / name).read_text(encoding="utf-8"))


class Category(StrEnum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Track(StrEnum):
    NEGOTIATION = "negotiation"
    CONFRONTATION = "confrontation"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Rung:
    rung: int
    id: str
    label: str


@cache
def _taxonomy() -> dict:
    return _load("plover.yaml")


@cache
def _scores() -> dict:
    return _load("scores.yaml")


def modes(category: Category | str) -> list[str]:
    return list(_taxonomy()["categories"][Category(category).value]["modes"])


def describe(category: Category | str) -> str:
    return _taxonomy()["categories"][Category(category).value]["description"]


def score_of(category: Category | str, mode: str | None = None) -> float:
    """Conflict-cooperation score (-10..10) of a category, refined by mode where data has one."""
    table = _scores()[Category(category).value]
    if mode and mode in table:
        return float(table[mode])
    return float(table["*"])


def track_of(category: Category | str) -> Track:
    return _track(str(getattr(category, "value", category)))


@cache
def _track(category: str) -> Track:  # called once per event by every index: looked up once
    return Track(_taxonomy()["categories"][Category(category).value]["track"])


@cache
def is_symmetric(category: Category | str) -> bool:
    """Whether A→B and B→A of this category are one event (a meeting, not an accusation).
    Looked up once per category: every event's dedup key asks (`unordered_pair`)."""
    return bool(_taxonomy()["categories"][Category(category).value].get("symmetric", False))


def carries_quantities(category: Category | str) -> bool:
    """Whether the numbers a report states beside an event of this category are the event's: a
    deed's (a strike's dead, a deployment's ships) and a threat's, demand's or agreement's (what
    is to be done), not an accusation's, whose numbers are the toll of the deed it is about."""
    return _carries(str(getattr(category, "value", category)))


@cache
def _carries(category: str) -> bool:
    return bool(_taxonomy()["categories"][Category(category).value].get("quantities", False))


def unordered_pair(
    category: Category | str, actor: str | None, target: str | None
) -> tuple[str | None, str | None]:
    """(actor, target) in a canonical order for a symmetric category, else as given: the key
    under which A meeting B and B meeting A are the same event."""
    if target is None or actor is None or not is_symmetric(category):
        return actor, target
    a, b = sorted((actor, target))
    return a, b


def rung_of(category: Category | str, mode: str | None = None) -> int | None:
    """The escalation-ladder rung an event reaches, or None when it is not coercive."""
    entry = _taxonomy()["categories"][Category(category).value]
    if mode and mode in entry["modes"] and "rung" in (entry["modes"][mode] or {}):
        return entry["modes"][mode]["rung"]
    return entry["rung"]


@cache
def ladder() -> tuple[Rung, ...]:
    return tuple(Rung(**r) for r in _taxonomy()["ladder"])


def rung_by_id(rung_id: str) -> Rung:
    for r in ladder():
        if r.id == rung_id:
            return r
    raise KeyError(f"no ladder rung {rung_id!r}; known: {[r.id for r in ladder()]}")


__all__ = [
    "Category",
    "Rung",
    "Track",
    "carries_quantities",
    "describe",
    "is_symmetric",
    "ladder",
    "modes",
    "rung_by_id",
    "rung_of",
    "score_of",
    "track_of",
    "unordered_pair",
]
