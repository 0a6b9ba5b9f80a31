"""Citations: every factual line of the brief points to numbered evidence spans.

A span's text is the evidence's own `text` when the extractor kept it, else the slice of the
document's original text when the document is at hand (store, sample bundle, a sources folder);
otherwise the brief shows the document id and character offsets so a reader can still find it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel

from dualtrack.model import Case, Document, Event, Evidence, Stance

SPAN_LIMIT = 400  # characters of a span shown; longer spans are cut with an ellipsis


class EvidenceRef(BaseModel):
    n: int
    doc_id: str
    doc_title: str | None
    doc_outlet: str | None
    doc_date: dt.date | None
    doc_url: str | None
    start: int
    end: int
    span: str | None  # None when neither the evidence nor the document text is available
    claim: str  # id of the event or stance it supports


class EvidenceBook:
    """Numbers evidence spans in order of first citation, one number per distinct span."""

    def __init__(self, case: Case, documents: Mapping[str, Document]) -> None:
        self._docs = documents
        self._sources = {s.id: s for s in case.sources}
        self._numbers: dict[tuple[str, int, int], int] = {}
        self.refs: list[EvidenceRef] = []

    def _ref(self, ev: Evidence, claim: str) -> int:
        key = (ev.doc_id, ev.start, ev.end)
        if key in self._numbers:
            return self._numbers[key]
        doc = self._docs.get(ev.doc_id)
        src = self._sources.get(ev.doc_id)
        span = ev.text
        if span is None and doc is not None and ev.end <= len(doc.text):
            span = doc.text[ev.start : ev.end]
        if span is not None and len(span) > SPAN_LIMIT:
            span = span[:SPAN_LIMIT] + "…"
        n = len(self.refs) + 1
        self.refs.append(
            EvidenceRef(
                n=n,
                doc_id=ev.doc_id,
                doc_title=(doc.title if doc else None) or (src.title if src else None),
                doc_outlet=(doc.source if doc else None) or (src.outlet if src else None),
                doc_date=(doc.date if doc else None) or (src.date if src else None),
                doc_url=(doc.url if doc else None) or (src.url if src else None),
                start=ev.start,
                end=ev.end,
                span=span,
                claim=claim,
            )
        )
        self._numbers[key] = n
        return n

    def cite(self, *claims: Event | Stance) -> list[int]:
        out: list[int] = []
        for c in claims:
            for ev in c.evidence:
                n = self._ref(ev, c.id)
                if n not in out:
                    out.append(n)
        return out

    def ref(self, n: int) -> EvidenceRef:
        return self.refs[n - 1]

    @property
    def n_documents(self) -> int:
        return len({r.doc_id for r in self.refs})


SOURCES_ENV = "DUALTRACK_SOURCES"


def default_source_dirs() -> list[Path]:
    """Folders of source texts named by $DUALTRACK_SOURCES (os.pathsep-separated), if set."""
    value = os.environ.get(SOURCES_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def read_source_dirs(dirs: Iterable[Path]) -> dict[str, Document]:
    """Documents from the `.txt`/`.md` files in `dirs`, keyed by id (the SHA-256 of the text), so
    case evidence that names a document by id finds its text when the file is at hand."""
    out: dict[str, Document] = {}
    for d in dirs:
        if not d.is_dir():
            raise FileNotFoundError(f"{d}: sources folder not found")
        for p in sorted(d.iterdir()):
            if p.suffix.lower() not in {".txt", ".md"} or not p.is_file():
                continue
            try:
                text = p.read_text(encoding="utf-8")
            except UnicodeDecodeError as e:
                raise ValueError(f"{p}: not UTF-8 text ({e})") from e
            doc = Document(text=text, source=str(p), title=p.stem)
            out[doc.id] = doc
    return out
