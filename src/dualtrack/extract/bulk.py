"""Bulk extraction: a stream of documents through the extractor on every core, in input order.

Documents are cut into batches of `BATCH_SIZE` in reading order; a batch is extracted (with its
cross-document merge) by one worker, and batches come back in reading order, so any number of
workers and either engine give the same events in the same order as one worker. Only a few
batches per worker are in flight, and what has been extracted goes to a DuckDB workspace as it
arrives (the analyst's for `ingest`, a temporary one for `extract`), where reports of one event
from different batches merge by id: memory stays flat however many articles stream through.
"""

from __future__ import annotations

import datetime as dt
import gc
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dualtrack.extract.pipeline import Extraction, Extractor
from dualtrack.extract.reader import DEFAULT_MAX_CHARS, ReadError, read_paths
from dualtrack.model import Document, Event
from dualtrack.parallel import Engine, ordered_map
from dualtrack.store import Workspace

BATCH_SIZE = 50
# DuckDB's buffer pool during bulk writes: beyond it DuckDB evicts or spills to disk. Writes need
# little (a group of batches, the rows written since the last checkpoint; checkpoints get more,
# see `Workspace.limit_memory`), and what the pool caches beyond that grew about 1 KB per article
# stored, so a low cap is what keeps a bulk run's memory flat. Reading everything back
# (`Workspace.iter_events`) works within the same cap: DuckDB only filters and orders there.
MEMORY_LIMIT_MB = 64
WRITE_EVERY = 500  # documents per write transaction (see GroupWriter)
WRITE_BYTES = 8 * 2**20  # or this much text (UTF-8), whichever comes first
# Young objects between the collector's passes in a bulk worker (Python's default: 700).
GC_YOUNG = 20_000


def document_batches(
    items: Iterable[Document | ReadError],
    on_error: Callable[[ReadError], None] | None = None,
    size: int = BATCH_SIZE,
) -> Iterator[list[Document]]:
    """Documents in lists of `size`, in reading order; unreadable inputs go to `on_error`."""
    batch: list[Document] = []
    for item in items:
        if isinstance(item, ReadError):
            if on_error:
                on_error(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class GroupWriter:
    """Writes batches in groups of about `every` documents or `size` bytes of text, one
    transaction per group, with DuckDB's memory capped at `memory_mb` (see MEMORY_LIMIT_MB).

    Why groups: a commit waits for the disk (fsync), which on a busy machine takes longer than
    writing the rows; a group of batches is still all-or-nothing, and a resumed ingest redoes at
    most one group. Why a size too: DuckDB holds a transaction's new rows in its buffer pool
    until the commit, and 500 documents of 100,000 characters overran the 64 MB cap and failed
    the commit; a batch that alone holds more text than the cap allows gets a cap raised to fit
    for its own transaction (it is in memory already). Use as a context manager: what is left
    is written on a normal exit, dropped on error.
    """

    def __init__(
        self,
        ws: Workspace,
        write: Callable[[list[Document], Extraction | None], None],
        every: int = WRITE_EVERY,
        size: int = WRITE_BYTES,
        memory_mb: int = MEMORY_LIMIT_MB,
    ) -> None:
        self.ws, self.write, self.every, self.size = ws, write, every, size
        self.memory_mb = memory_mb
        self.pending: list[tuple[list[Document], Extraction | None]] = []
        self.documents = self.bytes = 0
        ws.limit_memory(memory_mb)

    def add(self, docs: list[Document], res: Extraction | None) -> None:
        self.pending.append((docs, res))
        self.documents += len(docs)
        self.bytes += sum(len(d.text.encode("utf-8", "surrogatepass")) for d in docs)
        if self.documents >= self.every or self.bytes >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            need = 4 * self.bytes // 2**20 + self.memory_mb // 2
            if need > self.memory_mb:
                self.ws.limit_memory(need)
            try:
                with self.ws.transaction():
                    for docs, res in self.pending:
                        self.write(docs, res)
            finally:
                if need > self.memory_mb:
                    self.ws.limit_memory(self.memory_mb)
        self.pending, self.documents, self.bytes = [], 0, 0

    def __enter__(self) -> GroupWriter:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.flush()


def not_coded(docs: list[Document], res: Extraction | None) -> dict[str, str]:
    """The documents of a batch the coder could not code: id -> "source: why"."""
    if res is None or not res.failed:
        return {}
    return {d.id: f"{d.source or d.id}: {res.failed[d.id]}" for d in docs if d.id in res.failed}


_SETTLED = False  # whether this process has frozen what it keeps (`_settle`)


def _extract_batch(ex: Extractor, docs: list[Document]) -> Extraction:
    out = ex.extract_many(docs)
    _settle()
    return out


def _settle() -> None:
    """Once per process, after its first batch: what is alive then (the extractor, its
    language data and models, jieba's dictionaries loaded on first use) lives as long as the
    process, so it goes to the collector's permanent generation, and the collector runs on
    every `GC_YOUNG` new objects rather than 700. Why: each full pass traversed those tables
    (about 50 ms each), and the young passes ran every few clauses; on 2,000 articles on one
    core the collector took about 1 s of CPU before and about 0.25 s after. No output changes:
    what is garbage is collected as before, a little later."""
    global _SETTLED
    if not _SETTLED:
        _SETTLED = True
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


def extract_batches(
    batches: Iterable[list[Document]],
    ex: Extractor,
    *,
    workers: int = 1,
    engine: Engine = "local",
    skip: Callable[[list[Document]], bool] | None = None,
) -> Iterator[tuple[list[Document], Extraction | None]]:
    """Each batch with what `ex` finds in it (None for a batch `skip` accepts), in order."""
    if ex.llm is not None:  # the LLM coder's parallelism is its requests, from this process
        workers, engine = 1, "local"
    return _collector_restored(
        ordered_map(_extract_batch, ex, batches, workers=workers, engine=engine, skip=skip)
    )


def _collector_restored(
    results: Iterator[tuple[list[Document], Extraction | None]],
) -> Iterator[tuple[list[Document], Extraction | None]]:
    """`results`, with the collector as the caller had it once they are done: where the
    batches ran in this process, `_settle` changed it for the run, not for the caller's
    other work (a server or a notebook that extracts once must not keep a lazier collector)."""
    global _SETTLED
    threshold = gc.get_threshold()
    try:
        yield from results
    finally:
        if _SETTLED:
            _SETTLED = False
            gc.unfreeze()
            gc.set_threshold(*threshold)


@dataclass
class Spill:
    """The merged events of a bulk extraction, held in a temporary workspace."""

    ws: Workspace
    documents: int
    failed: dict[str, str] = field(default_factory=dict)  # id -> "source: why" not coded

    def events(self) -> Iterator[Event]:
        """Every event once, in the order first reported, read a chunk at a time."""
        return self.ws.iter_events(SPILL_CASE)


SPILL_CASE = "extract"


@contextmanager
def spilled_extraction(
    paths: Iterable[str | Path],
    ex: Extractor,
    *,
    date: dt.date | None = None,
    lang: str = "auto",
    max_chars: int = DEFAULT_MAX_CHARS,
    workers: int = 1,
    engine: Engine = "local",
    on_error: Callable[[ReadError], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> Iterator[Spill]:
    """Extract every document under `paths` into a temporary workspace (removed on exit)."""
    items = read_paths(paths, date=date, lang=lang, max_chars=max_chars)
    with (
        tempfile.TemporaryDirectory(prefix="dualtrack-extract-") as tmp,
        Workspace.open(tmp) as ws,
    ):
        documents = 0
        failed: dict[str, str] = {}
        batches = document_batches(items, on_error)
        with GroupWriter(
            ws, lambda _d, res: ws.add_events(res.events if res else [], SPILL_CASE)
        ) as out:
            for docs, res in extract_batches(batches, ex, workers=workers, engine=engine):
                out.add(docs, res)
                documents += len(docs)
                failed.update(not_coded(docs, res))
                if on_batch:
                    on_batch(len(docs))
        yield Spill(ws, documents, failed)
