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

from dualtrack.model import Case, Document, Event, Evidence, SourceRef, Stance

SPAN_LIMIT = 400  # characters of a span shown; longer spans are cut with an ellipsis
# An event reported by hundreds of documents is not cited hundreds of times: a line cites at most
# REFS_PER_LINE spans, at most SPANS_PER_CLAIM of each event or stance, so the appendix (and the
# documents a brief must read) stay bounded however large the workspace.
REFS_PER_LINE = 6
SPANS_PER_CLAIM = 2


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
        n = len(self.refs) + 1
        ref = EvidenceRef(
            n=n, doc_id=ev.doc_id, doc_title=None, doc_outlet=None, doc_date=None, doc_url=None,
            start=ev.start, end=ev.end, span=ev.text, claim=claim,
        )  # fmt: skip
        self.refs.append(describe(ref, self._docs.get(ev.doc_id), self._sources.get(ev.doc_id)))
        self._numbers[key] = n
        return n

    def cite(self, *claims: Event | Stance) -> list[int]:
        out: list[int] = []
        for c in claims:
            for ev in c.evidence[:SPANS_PER_CLAIM]:
                if len(out) >= REFS_PER_LINE:
                    return out
                n = self._ref(ev, c.id)
                if n not in out:
                    out.append(n)
        return out

    def ref(self, n: int) -> EvidenceRef:
        return self.refs[n - 1]

    @property
    def n_documents(self) -> int:
        return len({r.doc_id for r in self.refs})


def describe(ref: EvidenceRef, doc: Document | None, src: SourceRef | None) -> EvidenceRef:
    """`ref` with what its document (or the case's source entry) says: title, outlet, date, URL,
    and the span's text when the evidence did not keep it."""
    span = ref.span
    if span is None and doc is not None and ref.end <= len(doc.text):
        span = doc.text[ref.start : ref.end]
    if span is not None and len(span) > SPAN_LIMIT:
        span = span[:SPAN_LIMIT] + "…"
    none = (None, None, None, None)
    d = (doc.title, doc.source, doc.date, doc.url) if doc is not None else none
    c = (src.title, src.outlet, src.date, src.url) if src is not None else none
    have = (ref.doc_title, ref.doc_outlet, ref.doc_date, ref.doc_url)
    names = ("doc_title", "doc_outlet", "doc_date", "doc_url")
    update = {name: h or a or b for name, h, a, b in zip(names, have, d, c, strict=True)}
    return ref.model_copy(update={"span": span, **update})


def fill_refs(refs: list[EvidenceRef], documents: Mapping[str, Document]) -> list[EvidenceRef]:
    """The refs with their documents' details, for documents read after the brief was built
    (only those it cites: a brief never loads a whole workspace's texts)."""
    return [
        describe(r, documents.get(r.doc_id), None) if r.doc_id in documents else r for r in refs
    ]


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
