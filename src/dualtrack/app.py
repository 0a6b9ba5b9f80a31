"""The application layer: a case and its workspace, loaded once, as ONE event set as of a date.

Every command that analyses a case (`events`, `forecast`, `bargain`, `brief`, `replay`, `demo`)
reads its inputs here, so they all see the same thing: the case file's events and stances merged
with what the workspace holds for the case (deduplicated by id, evidence pooled, by
`analyze.merge_events`), with nothing after the date asked: no event, stance or analyst position
dated later, except an event reported by then for a later day (a round announced for the 9th on
the 4th is known on the 4th). Models then get a `Case` whose events and stances are that set,
never a path, so a forecast, a picture and an event list cannot disagree on what happened.

Analyst corrections (`store.corrections`) are part of that set: `combine` applies them to the
merged events (`apply_corrections`: a rejected event leaves, an edited one is read with its new
fields, an added one joins), and `CaseData.review` maps each corrected event's id to its
`ReviewStatus` (status `accepted`, `edited`, `added` or `rejected`, author, UTC time, note; an id
absent from it is `unreviewed`); `CaseData.rejected` holds the rejected events, for whoever
shows them on request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dualtrack.analyze import merge_events, merge_stances
from dualtrack.analyze.agenda import PartyPosition, agenda_gap
from dualtrack.analyze.inputs import known_on, report_dates
from dualtrack.cases import Problem, builtin_ids, load_case, read_case_file
from dualtrack.cases.problems import format_path
from dualtrack.cases.yamlmap import load_with_lines
from dualtrack.errors import DualtrackError
from dualtrack.model import Case, Document, Event, Position, SourceRef, Stance
from dualtrack.store import (
    Correction,
    ReviewStatus,
    UpgradeNeeded,
    Workspace,
    apply_corrections,
    review_status,
)
from dualtrack.store.paths import DB_FILE, workspace_dir


class CaseDataError(DualtrackError, ValueError):
    """A case reference or date the application layer cannot serve (one clear message)."""


@dataclass
class ProbabilityPoint:
    """A stored forecast's end-state probabilities on one date (from `replay` runs)."""

    asof: dt.date
    horizons: dict[str, dict[str, float]]


@dataclass
class CaseData:
    """A case with its one event set, as of `asof`, and the documents its evidence cites."""

    case: Case  # events and stances: case file ∪ workspace, none after `asof`
    asof: dt.date | None  # the date asked, else the end of the data (None: no dated event)
    documents: dict[str, Document] = field(default_factory=dict)
    workspace: Path | None = None  # the DuckDB file read, when one was
    probabilities: list[ProbabilityPoint] = field(default_factory=list)  # replays, by `asof`
    # False when the cited texts were left in the workspace (a large one): readers fetch only
    # those they show, with `report.pipeline.stored_documents`
    documents_read: bool = True
    review: dict[str, ReviewStatus] = field(default_factory=dict)  # corrected events by id
    rejected: list[Event] = field(default_factory=list)  # rejected by an analyst, by `asof`

    @property
    def events(self) -> list[Event]:
        return self.case.events

    @property
    def stances(self) -> list[Stance]:
        return self.case.stances


def data_end(case: Case, events: list[Event]) -> dt.date | None:
    """The end of the data: the latest day an event was known on (`known_on`: its date, or an
    earlier report of it), or the case file's `asof` if later."""
    reported = report_dates(case)
    known = [d for e in events if (d := known_on(e, reported)) is not None]
    candidates = [*known, *([case.asof] if case.asof else [])]
    return max(candidates) if candidates else None


def with_sources(case: Case, refs: Iterable[SourceRef]) -> Case:
    """The case citing these documents too (id, title, outlet, date, url, language), so that
    when each report was published is part of the case the models read."""
    have = {s.id for s in case.sources}
    extra = [r for r in refs if r.id not in have]
    return case.model_copy(update={"sources": [*case.sources, *extra]}) if extra else case


def _moved_positions(case: Case, stances: list[Stance]) -> list[Position]:
    """The case's positions, moved to the latest reported stance of the same actor on the same
    issue (value or agenda items, red line, date): the agenda gap's reading, handed on to the
    bargaining models so both use what the news says, not only what the case file said."""
    latest: dict[tuple[str, str], PartyPosition] = {
        (gap.issue, p.actor): p for gap in agenda_gap(case, stances) for p in gap.positions
    }
    out = []
    for pos in case.positions:
        moved = latest.get((pos.issue, pos.actor))
        kind = "items" if pos.items is not None else "value"
        if moved is None or moved.source != "stance" or getattr(moved, kind) is None:
            out.append(pos)
            continue
        update = {kind: getattr(moved, kind), "red_line": moved.red_line, "as_of": moved.as_of}
        if kind == "value":
            update["value_range"] = None  # the reported value replaces the analyst's range
        out.append(pos.model_copy(update=update))
    return out


def corrected(
    case: Case,
    events: Iterable[Event],
    corrections: Iterable[Correction],
    *,
    include_rejected: bool = False,
) -> list[Event]:
    """The case's events merged with `events`, corrections applied, by date then id."""
    merged = merge_events(case, events)
    corrections = list(corrections)
    if not corrections:
        return merged
    fixed = apply_corrections(merged, corrections, include_rejected=include_rejected)
    return merge_events(case.model_copy(update={"events": []}), fixed)


def combine(
    case: Case,
    events: Iterable[Event] = (),
    stances: Iterable[Stance] = (),
    asof: dt.date | None = None,
    corrections: Iterable[Correction] = (),
) -> tuple[Case, dt.date | None]:
    """The case with `events`/`stances` merged into its own and `corrections` applied, as of
    `asof` (default: the end of the data), and that date. Positions dated after it are
    dropped; stances move the rest."""
    all_events = corrected(case, events, corrections)
    end = data_end(case, all_events)
    reported = report_dates(case)
    if asof is not None and end is not None and asof > end:
        raise CaseDataError(
            f"asof {asof} is after the end of the case's data ({end}, case file and workspace "
            f"together): ingest the articles up to that date first (dualtrack ingest --case "
            f"{case.id} --data-dir DIR FILES)"
        )
    if asof is not None and all_events and asof < all_events[0].date:  # type: ignore[operator]
        raise CaseDataError(f"asof {asof} is before the case's first event ({all_events[0].date})")
    day = asof or end
    known = case.model_copy(
        update={
            "positions": [
                p for p in case.positions if day is None or p.as_of is None or p.as_of <= day
            ],
            # known by `day`: happened by then, or reported by then (a round announced ahead)
            "events": [e for e in all_events if day is None or known_on(e, reported) <= day],  # type: ignore[operator]
        }
    )
    known.stances = merge_stances(known, stances, asof=day)
    known.positions = _moved_positions(known, known.stances)
    return known, day


def _workspace_only(ref: str, ws: Workspace | None) -> Case:
    """A bare case for an id the workspace holds events for but no case file defines."""
    cases = ws.case_ids() if ws is not None else []
    if ref not in cases:
        where = (
            f"the workspace {ws.path} has no events for it (cases there: "
            f"{', '.join(cases) or 'none'})"
            if ws is not None
            else "there is no workspace with events for it (--data-dir, $DUALTRACK_HOME)"
        )
        raise CaseDataError(
            f"no case {ref!r}: neither a case file nor a built-in case "
            f"({', '.join(builtin_ids()) or 'none'}), and {where}"
        )
    return Case(id=ref, title=ref)


def resolve_case(ref: str | Path | Case, ws: Workspace | None) -> Case:
    """A case object, a case file, a built-in id, or an id only the workspace knows."""
    if isinstance(ref, Case):
        return ref
    try:
        return load_case(ref)
    except FileNotFoundError:
        return _workspace_only(str(ref), ws)


def open_workspace(data_dir: Path | str | None) -> Workspace | None:
    """The workspace to read, read-only so readers never lock each other out; None if there is
    none yet (a read must not create one)."""
    path = workspace_dir(data_dir) / DB_FILE
    if not path.is_file():
        return None
    try:
        return Workspace.open(data_dir, read_only=True)
    except UpgradeNeeded:  # an older workspace: upgrade it once (a write), then read
        Workspace.open(data_dir).close()
        return Workspace.open(data_dir, read_only=True)


class CaseHistory:
    """A case and what a workspace holds for it, read once; `at(date)` gives the one event set
    as of any date (what `replay` walks through without re-reading the store)."""

    def __init__(
        self, ref: str | Path | Case, ws: Workspace | None, *, documents: bool = True
    ) -> None:
        case = resolve_case(ref, ws)
        self.stored: list[Event] = ws.events(case.id) if ws is not None else []
        self.stored_stances: list[Stance] = ws.stances(case.id) if ws is not None else []
        self.corrections: list[Correction] = ws.corrections(case.id) if ws is not None else []
        self.review = review_status(self.corrections)
        self._all_rejected: list[Event] | None = None
        self.documents_read = documents or ws is None
        docs: dict[str, Document] = {}
        refs: list[SourceRef] = []
        if ws is not None:
            items = [*case.events, *case.stances, *self.stored, *self.stored_stances]
            cited = sorted(
                {e.doc_id for item in items for e in item.evidence}
                | {c.fields["doc_id"] for c in self.corrections if c.action == "add"}
            )
            if documents:
                docs = {d.id: d for d in ws.documents(cited)}
                refs = [
                    SourceRef(id=d.id, title=d.title, outlet=d.source, date=d.date, url=d.url,
                              lang=d.lang)
                    for d in docs.values()
                ]  # fmt: skip
            else:
                refs = ws.source_refs(cited)
        self.case = with_sources(case, refs)
        self.documents = docs
        self.workspace = ws.path if ws is not None else None
        self.probabilities = stored_probabilities(ws, case.id) if ws is not None else []

    def at(self, asof: dt.date | None = None, *, documents: bool = True) -> CaseData:
        known, day = combine(self.case, self.stored, self.stored_stances, asof, self.corrections)
        rejected = self._rejected(day)
        docs: dict[str, Document] = {}
        if documents:
            items = [*known.events, *known.stances, *rejected]
            used = {e.doc_id for item in items for e in item.evidence}
            docs = {i: d for i, d in self.documents.items() if i in used}
        return CaseData(
            case=known,
            asof=day,
            documents=docs,
            workspace=self.workspace,
            probabilities=[p for p in self.probabilities if day is None or p.asof <= day],
            documents_read=self.documents_read and documents,
            review=self.review,
            rejected=rejected,
        )

    def _rejected(self, day: dt.date | None) -> list[Event]:
        """The events an analyst rejected, known by `day`, as their corrections left them."""
        if self._all_rejected is None:  # read once: a replay asks for every date
            ids = {i for i, r in self.review.items() if r.status == "rejected"}
            every = (
                corrected(self.case, self.stored, self.corrections, include_rejected=True)
                if ids
                else []
            )
            self._all_rejected = [e for e in every if e.id in ids]
        reported = report_dates(self.case)
        return [
            e for e in self._all_rejected if day is None or (known_on(e, reported) or day) <= day
        ]


REPLAY_RUN = "replay"  # the kind of the runs `dualtrack replay` stores, one per date


def stored_probabilities(ws: Workspace, case_id: str) -> list[ProbabilityPoint]:
    """The end-state probabilities stored by replays of the case, one per date (the latest run
    of a date wins), oldest date first."""
    by_day: dict[dt.date, ProbabilityPoint] = {}
    for run in ws.runs(REPLAY_RUN, case_id):
        try:
            day = dt.date.fromisoformat(str(run.result["asof"]))
            by_day[day] = ProbabilityPoint(asof=day, horizons=run.result["horizons"])
        except (KeyError, ValueError):
            continue  # a run written by another version: not a point of this history
    return [by_day[d] for d in sorted(by_day)]


def from_workspace(
    ref: str | Path | Case,
    ws: Workspace | None,
    asof: dt.date | None = None,
    *,
    documents: bool = True,
) -> CaseData:
    """The case's data from an open workspace (or none): what `load_case_data` returns."""
    return CaseHistory(ref, ws, documents=documents).at(asof, documents=documents)


def load_case_data(
    ref: str | Path | Case,
    data_dir: Path | str | None = None,
    *,
    asof: dt.date | None = None,
    use_store: bool = True,
    documents: bool = True,
) -> CaseData:
    """Load a case and its workspace (`--data-dir`, else $DUALTRACK_HOME, else the user data
    directory) once, as of `asof`. `use_store=False` reads the case file alone.

    Raises `CaseError`/`FileNotFoundError` for a bad case file, `CaseDataError` for an unknown
    case or a date past the data, `StoreError` for the workspace.
    """
    ws = open_workspace(data_dir) if use_store else None
    try:
        return from_workspace(ref, ws, asof, documents=documents)
    finally:
        if ws is not None:
            ws.close()


def check_case_file(path: str | Path) -> tuple[Case | None, list[Problem]]:
    """`cases.read_case_file` plus the forecast's own check of the `parameters:` block (a
    misspelt input or feature, a spoiler that is not one), each problem at its file and line;
    the case is None unless there are no problems at all."""
    from dualtrack.simulate.baserate import input_problems  # the forecast's inputs, only here

    case, problems = read_case_file(path)
    if case is None:
        return None, problems
    _, lines = load_with_lines(Path(path).read_text(encoding="utf-8"))
    found = [
        Problem(str(path), lines.line_of(loc), format_path(loc), message)
        for loc, message in input_problems(case)
    ]
    return (None if found else case), found
