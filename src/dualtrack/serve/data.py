"""The dashboard's reads and writes, all through the application layer (`dualtrack.app`).

The workspace is opened per request and closed again, so `dualtrack ingest` or `replay` can write
to it while the server runs; one lock keeps this process's connections from overlapping (DuckDB
refuses a read-only and a writing connection to one file in one process). What costs seconds (the
picture and both forecasts behind the overview) is cached per case, date and language, and
dropped whenever the workspace file changes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dualtrack.app import CaseData, CaseHistory, open_workspace, resolve_case
from dualtrack.model import Document
from dualtrack.report.pipeline import BriefParts, brief_parts
from dualtrack.store import Workspace
from dualtrack.store.paths import DB_FILE, workspace_dir
from dualtrack.store.watchstate import WatchState

# The demo's Monte Carlo sizes and seed: the overview says what `dualtrack demo`'s brief says.
RUNS, DRAWS, SEED = 4000, 500, 0
T = TypeVar("T")


class NotFound(LookupError):
    """A case or document this workspace does not hold (a 404 page)."""


@dataclass
class CaseSummary:
    id: str
    title: str
    n_events: int


class Data:
    def __init__(self, data_dir: Path | str | None) -> None:
        self.data_dir = data_dir
        self._lock = threading.RLock()
        self._cache: dict[tuple[Any, ...], Any] = {}
        self._writes = 0

    def _version(self) -> tuple[Any, ...]:
        folder = workspace_dir(self.data_dir)
        stats = [p.stat() for p in (folder / DB_FILE, folder / f"{DB_FILE}.wal") if p.exists()]
        return (self._writes, *((s.st_mtime_ns, s.st_size) for s in stats))

    def _cached(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        with self._lock:
            key = (*key, self._version())
            if key not in self._cache:
                if len(self._cache) > 64:
                    self._cache.clear()
                self._cache[key] = make()
            return self._cache[key]

    @contextmanager
    def reading(self) -> Iterator[Workspace | None]:
        with self._lock:
            ws = open_workspace(self.data_dir)
            try:
                yield ws
            finally:
                if ws is not None:
                    ws.close()

    @contextmanager
    def writing(self) -> Iterator[Workspace]:
        with self._lock:
            ws = Workspace.open(self.data_dir)
            try:
                yield ws
            finally:
                ws.close()
                self._writes += 1

    def cases(self) -> list[CaseSummary]:
        def make() -> list[CaseSummary]:
            with self.reading() as ws:
                if ws is None:
                    return []
                out = []
                for cid in ws.case_ids():
                    title = resolve_case(cid, ws).title
                    out.append(CaseSummary(cid, title, ws.count_events(cid)))
                return out

        return self._cached(("cases",), make)

    def _check_case(self, case_id: str) -> None:
        # Only ids the workspace holds: a URL never names a case file to read from disk.
        if case_id not in {c.id for c in self.cases()}:
            raise NotFound(f"no case {case_id!r} in this workspace")

    def history(self, case_id: str) -> CaseHistory:
        self._check_case(case_id)

        def make() -> CaseHistory:
            with self.reading() as ws:
                return CaseHistory(case_id, ws)

        return self._cached(("history", case_id), make)

    def at(self, case_id: str, asof: dt.date | None = None) -> CaseData:
        """The case's one event set as of `asof` (`CaseDataError` for a date past the data)."""
        history = self.history(case_id)
        return self._cached(("at", case_id, asof), lambda: history.at(asof))

    def parts(self, case_id: str, asof: dt.date | None, lang: str) -> BriefParts:
        """The picture, the forecasts and the brief, as `dualtrack brief` makes them (the
        forecasts run once per case and date, whatever the language)."""
        data = self.at(case_id, asof)
        first = self._cached(
            ("parts", case_id, asof, "en"),
            lambda: brief_parts(data, runs=RUNS, draws=DRAWS, seed=SEED),
        )
        if lang == "en":
            return first
        return self._cached(  # the same picture and forecasts, in another language
            ("parts", case_id, asof, lang),
            lambda: brief_parts(data, lang=lang, reuse=first),
        )

    def document(self, case_id: str, doc_id: str) -> Document:
        docs = self.history(case_id).documents
        if doc_id not in docs:
            raise NotFound(f"no document {doc_id!r} cited in case {case_id!r}")
        return docs[doc_id]

    def alerts(self, case_id: str) -> list[dict[str, Any]]:
        self._check_case(case_id)

        def make() -> list[dict[str, Any]]:
            with self.reading() as ws:
                return WatchState(ws).alerts(case_id) if ws is not None else []

        return self._cached(("alerts", case_id), make)
