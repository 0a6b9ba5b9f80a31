"""Bargaining inputs as arrays: from a case's issues and positions, or from an analyst's CSV.

The CSV is the format analysts already keep for BDM-style models: one row per actor with
`Actor, Capability, Position, Salience`, optionally an `Issue` column for several issues in one
file, and optional `<Field>Low` / `<Field>High` columns (e.g. `PositionLow`) giving a range for
the Monte Carlo draws. An empty Position cell means the actor takes no part in that issue.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from dualtrack.bargain.spatial import BargainInputError
from dualtrack.model import Case
from dualtrack.textfiles import read_utf8

F = NDArray[np.float64]

FIELDS = ("position", "salience", "capability")
REQUIRED = ("Actor", "Capability", "Position", "Salience")


@dataclass
class IssueInput:
    """One issue's actors as arrays; `ranges[field]` is `(n, 2)` low/high, or None if exact."""

    issue: str
    actors: list[str]
    position: F
    salience: F
    capability: F
    scale: tuple[float, float] | None = None
    ranges: dict[str, F | None] | None = None

    def __post_init__(self) -> None:
        if self.ranges is None:
            self.ranges = {f: None for f in FIELDS}

    @property
    def has_ranges(self) -> bool:
        assert self.ranges is not None
        return any(r is not None and np.any(r[:, 1] > r[:, 0]) for r in self.ranges.values())


def _number(path: Path, line: int, column: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise BargainInputError(
            f"{path}: line {line}, column {column!r}: {text!r} is not a number"
        ) from None
    if not np.isfinite(value):
        raise BargainInputError(f"{path}: line {line}, column {column!r}: {text!r} is not finite")
    return value


def read_csv(path: str | Path) -> list[IssueInput]:
    """Read an analyst CSV into one IssueInput per issue (file order).

    Saliences above 1 mean the file uses 0-100: they are divided by 100 (a value above 100 is an
    error). Capability may be on any non-negative scale: only ratios matter to the models.
    """
    path = Path(path)
    text = read_utf8(path, error=BargainInputError, what="CSV file")
    reader = csv.DictReader(text.splitlines())
    lookup = _columns(path, reader.fieldnames or [])
    issue_col = lookup.get("issue")
    groups: dict[str, dict[str, list]] = {}
    for line, row in enumerate(reader, start=2):
        if not any((v or "").strip() for v in row.values()):
            continue
        actor = (row[lookup["actor"]] or "").strip()
        if not actor:
            raise BargainInputError(f"{path}: line {line}, column 'Actor' is empty")
        issue = (row[issue_col] or "").strip() if issue_col else "issue"
        if not issue:
            raise BargainInputError(f"{path}: line {line}, column 'Issue' is empty")
        if not (row[lookup["position"]] or "").strip():
            continue  # no position: the actor takes no part in this issue
        g = groups.setdefault(
            issue, {"actors": [], "seen": set(), **{f: [] for f in FIELDS}, "ranges": []}
        )
        if actor in g["seen"]:
            raise BargainInputError(f"{path}: line {line}: actor {actor!r} repeats on {issue!r}")
        values = _values(path, line, row, lookup)
        g["actors"].append(actor)
        g["seen"].add(actor)
        for field in FIELDS:
            g[field].append(values[field])
        g["ranges"].append(_ranges(path, line, row, lookup, values))
    if not groups:
        raise BargainInputError(f"{path}: no rows with a position")
    sal_max = max(max(g["salience"]) for g in groups.values())
    if sal_max > 100:
        raise BargainInputError(f"{path}: column 'Salience' has {sal_max:g}; use 0-1 or 0-100")
    sal_scale = 100.0 if sal_max > 1 else 1.0
    return [_issue_input(issue, g, sal_scale) for issue, g in groups.items()]


def _columns(path: Path, fieldnames: Sequence[str]) -> dict[str, str]:
    """Each column's name in lower case -> its name as written; an error naming the missing."""
    header = [h.strip() for h in fieldnames]
    lookup = {h.lower(): raw for h, raw in zip(header, fieldnames, strict=True)}
    missing = [col for col in REQUIRED if col.lower() not in lookup]
    if missing:
        raise BargainInputError(
            f"{path}: missing column(s) {', '.join(missing)} "
            f"(need {', '.join(REQUIRED)}; optional Issue; found {', '.join(header) or 'none'})"
        )
    return lookup


def _values(path: Path, line: int, row: dict, lookup: dict[str, str]) -> dict[str, float]:
    """A row's position, salience and capability (the last two non-negative)."""
    values: dict[str, float] = {}
    for field in FIELDS:
        col = field.capitalize()
        cell = (row[lookup[field]] or "").strip()
        if not cell:
            raise BargainInputError(f"{path}: line {line}, column {col!r} is empty")
        values[field] = _number(path, line, col, cell)
    for field in ("salience", "capability"):
        if values[field] < 0:
            raise BargainInputError(
                f"{path}: line {line}, column {field.capitalize()!r}: "
                f"{values[field]:g} is negative (must be >= 0)"
            )
    return values


def _ranges(
    path: Path, line: int, row: dict, lookup: dict[str, str], values: dict[str, float]
) -> dict[str, tuple[float, float]]:
    """A row's `<Field>Low` / `<Field>High` ranges (a missing bound is the value itself)."""
    rng = {}
    for field in FIELDS:
        lo_col, hi_col = lookup.get(f"{field}low"), lookup.get(f"{field}high")
        lo_t = (row[lo_col] or "").strip() if lo_col else ""
        hi_t = (row[hi_col] or "").strip() if hi_col else ""
        if lo_t or hi_t:
            lo = _number(path, line, f"{field.capitalize()}Low", lo_t or str(values[field]))
            hi = _number(path, line, f"{field.capitalize()}High", hi_t or str(values[field]))
            if not lo <= values[field] <= hi:
                raise BargainInputError(
                    f"{path}: line {line}: {field} {values[field]:g} is outside its range "
                    f"[{lo:g}, {hi:g}]"
                )
            rng[field] = (lo, hi)
    return rng


def _issue_input(issue: str, g: dict[str, list], sal_scale: float) -> IssueInput:
    """One issue's rows as arrays, saliences on 0-1."""
    ranges: dict[str, F | None] = {}
    for field in FIELDS:
        point = np.array(g[field])
        rows = [r.get(field, (p, p)) for r, p in zip(g["ranges"], point, strict=True)]
        arr = np.array(rows, dtype=float)
        if field == "salience":
            arr = arr / sal_scale
        ranges[field] = arr if any(field in r for r in g["ranges"]) else None
    return IssueInput(
        issue=issue,
        actors=g["actors"],
        position=np.array(g["position"]),
        salience=np.array(g["salience"]) / sal_scale,
        capability=np.array(g["capability"]),
        ranges=ranges,
    )


def from_case(case: Case, issue_id: str | None = None) -> list[IssueInput]:
    """A case's issues (or one of them) as arrays; set issues use their numeric reading."""
    issues = [case.issue(issue_id)] if issue_id else case.issues
    out = []
    for issue in issues:
        actors: list[str] = []
        vals: dict[str, list[float]] = {f: [] for f in FIELDS}
        rngs: dict[str, list[tuple[float, float]]] = {f: [] for f in FIELDS}
        any_range = dict.fromkeys(FIELDS, False)
        for p in case.positions_on(issue.id):
            value = issue.value_of(p)
            if value is None:
                raise BargainInputError(
                    f"case {case.id!r}: position of {p.actor!r} on {issue.id!r} has no value"
                )
            actors.append(p.actor)
            point = {"position": value, "salience": p.salience, "capability": p.capability}
            given = {
                "position": p.value_range,
                "salience": p.salience_range,
                "capability": p.capability_range,
            }
            for field in FIELDS:
                vals[field].append(point[field])
                rng = given[field]
                any_range[field] |= rng is not None
                rngs[field].append(tuple(rng) if rng is not None else (point[field], point[field]))
        if not actors:
            raise BargainInputError(f"case {case.id!r}: issue {issue.id!r} has no positions")
        out.append(
            IssueInput(
                issue=issue.id,
                actors=actors,
                position=np.array(vals["position"]),
                salience=np.array(vals["salience"]),
                capability=np.array(vals["capability"]),
                scale=(issue.scale_min, issue.scale_max),
                ranges={
                    f: np.array(rngs[f], dtype=float) if any_range[f] else None for f in FIELDS
                },
            )
        )
    return out
