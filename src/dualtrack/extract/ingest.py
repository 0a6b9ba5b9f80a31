"""Ingest: read articles, extract events and stances, store them in a workspace, batch by batch.

Each batch is stored in one transaction (a failed write leaves the workspace as it was before that
batch); inputs that cannot be read are counted and reported, never stop the run. Memory stays
bounded: documents are streamed from `read_paths` and extracted by `extract.bulk` (on several
cores when asked), which holds only a few batches per worker at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dualtrack.extract.bulk import (
    BATCH_SIZE,
    WRITE_EVERY,
    GroupWriter,
    document_batches,
    extract_batches,
    not_coded,
)
from dualtrack.extract.events import Candidate
from dualtrack.extract.pipeline import Extraction, Extractor
from dualtrack.extract.reader import DEFAULT_MAX_CHARS, ReadError, read_paths
from dualtrack.model import Document
from dualtrack.parallel import Engine

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
    unresolved: dict[str, Candidate] = field(default_factory=dict)  # name -> first seen
    skipped: list[ReadError] = field(default_factory=list)
    not_coded: dict[str, str] = field(default_factory=dict)  # id -> "source: why" (LLM coder)

    def as_dict(self) -> dict[str, object]:
        return {
            "documents_new": self.documents_new,
            "documents_seen": self.documents_seen,
            "events_found": self.events_found,
            "events_added": self.events_added,
            "stances_added": self.stances_added,
            "undated_events": self.undated_events,
            "unresolved_actors": sorted(self.unresolved),
            "skipped": [str(e) for e in self.skipped],
            "not_coded": sorted(self.not_coded.values()),
        }


def ingest(
    paths: Iterable[str | Path],
    ws: Workspace,
    case_id: str,
    extractor: Extractor,
    *,
    date: dt.date | None = None,
    lang: str = "auto",
    max_chars: int = DEFAULT_MAX_CHARS,
    batch_size: int = BATCH_SIZE,
    write_every: int = WRITE_EVERY,
    workers: int = 1,
    engine: Engine = "local",
    on_document: Callable[[Document], None] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
) -> IngestSummary:
    """Store the documents under `paths` with their events and stances under `case_id`."""
    items = read_paths(paths, date=date, lang=lang, max_chars=max_chars)
    return ingest_documents(
        items, ws, case_id, extractor, batch_size=batch_size, write_every=write_every,
        workers=workers, engine=engine, on_document=on_document, on_error=on_error,
    )  # fmt: skip


def ingest_documents(
    items: Iterable[Document | ReadError],
    ws: Workspace,
    case_id: str,
    extractor: Extractor,
    *,
    batch_size: int = BATCH_SIZE,
    write_every: int = WRITE_EVERY,
    workers: int = 1,
    engine: Engine = "local",
    on_document: Callable[[Document], None] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
) -> IngestSummary:
    """Store documents read by any means (files, a watch's fetched pages) with their events and
    stances under `case_id`; `ReadError`s among them are counted as skipped.

    A batch whose documents are all stored already (an interrupted run started again) is
    skipped without extracting it: batches are cut the same way every run and each is stored
    whole, in one transaction with the next ones up to `write_every` documents, so a resumed
    ingest ends in the state a run without interruption does.
    """
    summary = IngestSummary()

    def skipped(item: ReadError) -> None:
        summary.skipped.append(item)
        if on_error:
            on_error(item)

    def stored(batch: list[Document]) -> bool:
        ids = {d.id for d in batch}
        return ws.known_documents(sorted(ids)) == ids

    def write(batch: list[Document], res: Extraction | None) -> None:
        if res is None:
            summary.documents_seen += len(batch)
        else:
            _store(ws, case_id, batch, res, summary)

    batches = document_batches(items, skipped, batch_size)
    with GroupWriter(ws, write, write_every) as out:
        for batch, res in extract_batches(
            batches, extractor, workers=workers, engine=engine, skip=stored
        ):
            out.add(batch, res)
            if on_document:
                for doc in batch:
                    on_document(doc)
    return summary


def _store(
    ws: Workspace, case_id: str, batch: list[Document], res: Extraction, summary: IngestSummary
) -> None:
    summary.not_coded.update(not_coded(batch, res))
    with ws.transaction():  # a document not coded is not stored: a re-run codes it
        new, seen = ws.add_documents([d for d in batch if d.id not in res.failed])
        added = ws.add_events(res.events, case_id)
        stances = ws.add_stances(res.stances, case_id)
    summary.documents_new += new
    summary.documents_seen += seen
    summary.events_found += len(res.events)
    summary.events_added += added
    summary.stances_added += stances
    summary.undated_events += len(res.undated)
    for cand in res.unresolved:  # one example per name: bounded by the vocabulary, not the corpus
        summary.unresolved.setdefault(cand.text, cand)
