"""The same documents in any order, in any batches, store the same events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dualtrack.cases import load_case
from dualtrack.extract import Extractor
from dualtrack.extract.ingest import ingest
from dualtrack.model import Document
from dualtrack.store import Workspace

D = dt.date(2026, 2, 6)
TEXTS = [
    "The United States imposed sanctions on Iran on Friday, the Treasury said.",
    "Trump imposed new sanctions on Iran on Friday and warned of more.",
    "Washington announced sanctions on Friday, officials said, without naming a target.",
    "Iran's foreign minister met Oman's foreign minister in Muscat on Friday.",
    "Araghchi held talks with the Omani foreign minister in Muscat on Friday.",
    "Iran warned the United States on Friday that it would respond to any attack.",
    "Iran warned on Friday that it would respond to any attack.",
    "Israel said on Friday it was ready to strike Iran harder than before.",
]


def _stored(tmp_path: Path, name: str, docs: list[Document], batch: int) -> list[tuple]:
    case = load_case("us-iran-2026")
    folder = tmp_path / name
    folder.mkdir()
    for i, d in enumerate(docs):
        (folder / f"{i:02d}.txt").write_text(d.text, encoding="utf-8")
    with Workspace.open(tmp_path / f"ws-{name}") as ws:
        ingest([folder], ws, case.id, Extractor(case, lang="en"), date=D, batch_size=batch)
        return sorted(
            (e.id, e.date, e.category.value, tuple(sorted((v.doc_id, v.start) for v in e.evidence)))
            for e in ws.events(case.id)
        )


def test_reverse_order_and_other_batches_store_the_same_events(tmp_path: Path) -> None:
    docs = [Document(text=t, date=D) for t in TEXTS]
    forward = _stored(tmp_path, "fwd", docs, batch=3)
    assert forward
    assert _stored(tmp_path, "rev", docs[::-1], batch=3) == forward
    assert _stored(tmp_path, "one", docs, batch=100) == forward


def test_extract_many_is_order_independent() -> None:
    ex = Extractor(load_case("us-iran-2026"), lang="en")
    docs = [Document(text=t, date=D) for t in TEXTS]

    def shape(events):  # type: ignore[no-untyped-def]
        return sorted(e.model_dump_json(exclude={"evidence"}) for e in events)

    assert shape(ex.extract_many(docs).events) == shape(ex.extract_many(docs[::-1]).events)
