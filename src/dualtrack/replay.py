"""Replay: the forecast and the picture's headline numbers at each date of a span, as the news
stood on that date, and what moved between one date and the next.

Each date reads the case's one event set as of that date (`dualtrack.app.CaseHistory`), so
nothing reported later leaks in; each point is stored as a run in the workspace (kind
`replay`), which is what the brief's probability-over-time chart draws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from rich import box
from rich.table import Table

from dualtrack.analyze import build_picture
from dualtrack.app import REPLAY_RUN, CaseData, CaseDataError, CaseHistory
from dualtrack.model import Case
from dualtrack.simulate import forecast
from dualtrack.simulate.state import InitialState
from dualtrack.store import Workspace

STEPS = {"1d": 1, "7d": 7}
STRIKES_OR_WAR = "limited_strikes+major_war"


class MovedEvent(BaseModel):
    id: str
    date: dt.date | None
    category: str
    actor: str
    target: str | None
    summary: str | None


class Move(BaseModel):
    """A start-state field that changed since the previous date, and the events behind it."""

    field: str
    before: Any
    after: Any
    events: list[MovedEvent]


class ReplayPoint(BaseModel):
    asof: dt.date
    horizons: dict[str, dict[str, float]]  # end-state probabilities per horizon (days)
    headline: dict[str, Any]  # the picture's headline numbers on that date
    start: dict[str, Any]  # the simulation's start state
    moved: list[Move]  # what changed since the previous date
    delta: dict[str, dict[str, float]]  # probability change since the previous date
    run_id: str | None = None


class Replay(BaseModel):
    case: str
    start: dt.date
    end: dt.date
    every: str
    runs: int
    seed: int
    points: list[ReplayPoint]

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per date (CSV and table): probabilities per horizon and state, the
        headline numbers, and the fields that moved."""
        out = []
        for p in self.points:
            row: dict[str, Any] = {"asof": p.asof.isoformat()}
            for h, probs in p.horizons.items():
                for state, v in probs.items():
                    row[f"p{h}_{state}"] = round(v, 4)
                row[f"p{h}_{STRIKES_OR_WAR}"] = round(strikes_or_war(probs), 4)
            row.update(p.headline)
            row["moved"] = "; ".join(
                f"{m.field}: {m.before} -> {m.after} ({', '.join(e.id for e in m.events)})"
                for m in p.moved
            )
            out.append(row)
        return out


def strikes_or_war(probs: dict[str, float]) -> float:
    return probs.get("limited_strikes", 0.0) + probs.get("major_war", 0.0)


def parse_every(every: str) -> int:
    if every not in STEPS:
        raise CaseDataError(f"--every must be one of {', '.join(STEPS)}, not {every!r}")
    return STEPS[every]


def _start_fields(s: InitialState) -> dict[str, Any]:
    """The start state as flat, comparable fields (spoilers one field each)."""
    fields: dict[str, Any] = {
        "rung": s.rung,
        "floor": s.floor,
        "stage": s.stage.name.lower(),
        "gap": round(s.gap, 4),
        "mediated": s.mediated,
        "forces": s.forces,
        "next_round": s.next_round.isoformat() if s.next_round else None,
    }
    for sp in s.spoilers:
        fields[f"spoiler.{sp.id}"] = f"{sp.restraint}{', threatened' if sp.threatened else ''}"
    return fields


def _headline(data: CaseData) -> dict[str, Any]:
    pic = build_picture(data.case, asof=data.asof)
    now = pic.tracks[-1] if pic.tracks else None
    level = pic.level
    gaps = [g.distance_share for g in pic.agenda if g.distance_share is not None]
    return {
        "events": len(pic.events),
        "negotiation": round(now.negotiation, 3) if now else 0.0,
        "confrontation": round(now.confrontation, 3) if now else 0.0,
        "escalation": level.level if level else 0,
        "escalation_rung": level.rung_id if level else "calm",
        "widest_gap": round(max(gaps), 3) if gaps else None,
        "rounds": len(pic.negotiation.rounds),
        "next_round_fixed": pic.negotiation.next_round_fixed,
    }


def _moves(
    case: Case, before: InitialState | None, after: InitialState, since: dt.date | None
) -> list[Move]:
    """Fields that differ from the previous date's start state, each with the events behind its
    new value that were reported since then (or all of them, when none was)."""
    if before is None:
        return []
    by_id: dict[str, MovedEvent] = {
        e.id: MovedEvent(
            id=e.id,
            date=e.date,
            category=e.category.value,
            actor=e.actor,
            target=e.target,
            summary=e.summary,
        )
        for e in case.events
    }
    for s in case.stances:
        by_id[s.id] = MovedEvent(
            id=s.id, date=s.date, category="stance", actor=s.actor, target=None, summary=s.summary
        )
    old, new = _start_fields(before), _start_fields(after)
    moves = []
    for name in sorted(set(old) | set(new)):
        if old.get(name) == new.get(name):
            continue
        key = name.split(".", 1)[0] if name.startswith("spoiler.") else name
        key = {"next_round": "stage", "mediated": "stage", "floor": "rung"}.get(key, key)
        ids = after.moved_by.get(name, after.moved_by.get(key, []))
        found = [by_id[i] for i in ids if i in by_id]
        fresh = [e for e in found if since is None or e.date is None or e.date > since]
        moves.append(
            Move(
                field=name,
                before=old.get(name),
                after=new.get(name),
                events=fresh or found,
            )
        )
    return moves


def _delta(
    before: dict[str, dict[str, float]] | None, after: dict[str, dict[str, float]]
) -> dict[str, dict[str, float]]:
    if before is None:
        return {}
    out = {}
    for h, probs in after.items():
        row = {k: round(v - before[h][k], 4) for k, v in probs.items()}
        row[STRIKES_OR_WAR] = round(strikes_or_war(probs) - strikes_or_war(before[h]), 4)
        out[h] = row
    return out


def dates(start: dt.date, end: dt.date, step: int) -> list[dt.date]:
    if start > end:
        raise CaseDataError(f"--from {start} is after --to {end}")
    n = (end - start).days // step
    return [start + dt.timedelta(days=i * step) for i in range(n + 1)]


def replay(
    ref: str | Path | Case,
    start: dt.date,
    end: dt.date,
    *,
    every: str = "1d",
    data_dir: Path | str | None = None,
    runs: int = 2000,
    seed: int = 0,
    horizon: int = 90,
    store: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Replay:
    """Forecast and headline numbers at every `every` from `start` to `end`, stored as runs in
    the workspace (unless `store` is False). Raises `CaseDataError`, `CaseError`,
    `FileNotFoundError`, `StoreError` or `simulate.InputError` on bad input."""
    days = dates(start, end, parse_every(every))
    with Workspace.open(data_dir) as ws:
        history = CaseHistory(ref, ws)
        points: list[ReplayPoint] = []
        prev: InitialState | None = None
        for n, day in enumerate(days):
            data = history.at(day, documents=False)
            fc = forecast(
                data.case,
                asof=day,
                horizon=horizon,
                runs=runs,
                seed=seed,
                drivers="none",
                data_end=day,  # a day without news of its own is still a day of the replay
            )
            last = points[-1] if points else None
            point = ReplayPoint(
                asof=day,
                horizons=fc.horizons,
                headline=_headline(data),
                start=_start_fields(fc.start),
                moved=_moves(data.case, prev, fc.start, last.asof if last else None),
                delta=_delta(last.horizons if last else None, fc.horizons),
            )
            if store:
                point.run_id = ws.record_run(
                    REPLAY_RUN,
                    history.case.id,
                    {"asof": day, "runs": runs, "seed": seed, "horizon": horizon},
                    point.model_dump(mode="json", exclude={"run_id"}),
                )
            points.append(point)
            prev = fc.start
            if progress:
                progress(n + 1, len(days))
    return Replay(
        case=history.case.id,
        start=start,
        end=end,
        every=every,
        runs=runs,
        seed=seed,
        points=points,
    )


def replay_table(r: Replay) -> Table:
    """Per date: the start stage and rung, P(talks continue) and P(strikes or war) at each
    horizon with the change since the previous date, and what moved."""
    table = Table(
        title=f"{r.case}: replay {r.start} to {r.end} every {r.every} ({r.runs:,} runs, seed "
        f"{r.seed})",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        caption="talks = talks continue; strikes/war = limited strikes or major war; "
        "moved = start-state fields that changed, with the events behind them",
    )
    horizons = list(r.points[0].horizons) if r.points else []
    for col in ("date", "stage", "rung", *(f"{h}d talks" for h in horizons)):
        table.add_column(col, justify="left" if col in ("date", "stage") else "right")
    for h in horizons:
        table.add_column(f"{h}d strikes/war", justify="right")
    table.add_column("moved")

    def cell(p: float, d: float | None) -> str:
        return f"{100 * p:.0f}%" + (f" ({100 * d:+.0f})" if d else "")

    for p in r.points:
        talks = [
            cell(p.horizons[h]["talks_continue"], p.delta.get(h, {}).get("talks_continue"))
            for h in horizons
        ]
        war = [
            cell(strikes_or_war(p.horizons[h]), p.delta.get(h, {}).get(STRIKES_OR_WAR))
            for h in horizons
        ]
        moved = "; ".join(
            f"{m.field} {m.before}→{m.after}"
            + (f" ({', '.join(e.summary or e.category for e in m.events[:2])})" if m.events else "")
            for m in p.moved
        )
        table.add_row(
            p.asof.isoformat(), str(p.start["stage"]), str(p.start["rung"]), *talks, *war, moved
        )
    return table


__all__ = ["Move", "Replay", "ReplayPoint", "replay", "replay_table"]
