"""Ingest: read articles, extract events and stances, store them in a workspace, batch by batch.

Each batch is one store transaction (a failed write leaves the workspace as it was before that
batch); inputs that cannot be read are counted and reported, never stop the run. Memory stays
bounded: documents are streamed from `read_paths` and only one batch is held at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dualtrack.extract.events import Candidate
from dualtrack.extract.pipeline import Extractor
from dualtrack.extract.reader import DEFAULT_MAX_CHARS, ReadError, read_paths
from dualtrack.model import Document

if TYPE_CHECKING:
    from dualtrack.store import Workspace


@dataclass
class IngestSummary:
    documents_new: int = 0
    documents_seen: int = 0
    events_found: int = 0
    events_added: int = 0
    stances_added: int = 0
    undated_events: int = 0
    unresolved: list[Candidate] = field(default_factory=list)
    skipped: list[ReadError] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "documents_new": self.documents_new,
            "documents_seen": self.documents_seen,
            "events_found": self.events_found,
            "events_added": self.events_added,
            "stances_added": self.stances_added,
            "undated_events": self.undated_events,
            "unresolved_actors": sorted({c.text for c in self.unresolved}),
            "skipped": [str(e) for e in self.skipped],
        }


def _batches(
    items: Iterable[Document | ReadError],
    size: int,
    summary: IngestSummary,
    on_error: Callable[[ReadError], None] | None,
) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        if isinstance(item, ReadError):
            summary.skipped.append(item)
            if on_error:
                on_error(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    paths: Iterable[str | Path],
    ws: Workspace,
    case_id: str,
    extractor: Extractor,
    *,
    date: dt.date | None = None,
    lang: str = "auto",
    max_chars: int = DEFAULT_MAX_CHARS,
    batch_size: int = 50,
    on_document: Callable[[Document], None] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
) -> IngestSummary:
    """Store the documents under `paths` with their events and stances under `case_id`."""
    items = read_paths(paths, date=date, lang=lang, max_chars=max_chars)
    return ingest_documents(
        items, ws, case_id, extractor, batch_size=batch_size, on_document=on_document,
        on_error=on_error,
    )  # fmt: skip


def ingest_documents(
    items: Iterable[Document | ReadError],
    ws: Workspace,
    case_id: str,
    extractor: Extractor,
    *,
    batch_size: int = 50,
    on_document: Callable[[Document], None] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
) -> IngestSummary:
    """Store documents read by any means (files, a watch's fetched pages) with their events and
    stances under `case_id`, batch by batch; `ReadError`s among them are counted as skipped."""
    summary = IngestSummary()
    for batch in _batches(items, batch_size, summary, on_error):
        res = extractor.extract_many(batch)
        with ws.transaction():
            new, seen = ws.add_documents(batch)
            added = ws.add_events(res.events, case_id)
            stances = ws.add_stances(res.stances, case_id)
        summary.documents_new += new
        summary.documents_seen += seen
        summary.events_found += len(res.events)
        summary.events_added += added
        summary.stances_added += stances
        summary.undated_events += len(res.undated)
        summary.unresolved.extend(res.unresolved)
        if on_document:
            for doc in batch:
                on_document(doc)
    return summary
