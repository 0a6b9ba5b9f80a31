"""Bulk extraction and ingest: the same events in the same order on any number of workers and on
Ray, a resumed ingest ending where an uninterrupted one does, `extract` streamed from disk."""

from __future__ import annotations

import json
import operator
import os
import random
from pathlib import Path

import pytest

from dualtrack.extract import Extractor
from dualtrack.extract.bulk import GroupWriter, spilled_extraction
from dualtrack.extract.ingest import ingest
from dualtrack.model import Document
from dualtrack.parallel import EngineError, ordered_map
from dualtrack.store import Workspace

STATES = ["Iran", "Israel", "the United States", "Oman", "Qatar", "Saudi Arabia"]
SENTENCES = [
    "{a} warned {b} on February {d}, 2026 that it would strike back.",
    "{a} imposed sanctions on {n} entities linked to {b} on February {d}, 2026.",
    "{a} accused {b} of building missiles on February {d}, 2026.",
    "{a} and {b} held talks in Muscat on February {d}, 2026.",
]


def corpus(n: int, seed: int = 3) -> list[dict[str, str]]:
    """Short articles written for this test; few enough distinct events that they repeat."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lines = []
        for _ in range(3):
            a, b = rng.sample(STATES, 2)
            line = rng.choice(SENTENCES).format(a=a, b=b, d=rng.randint(1, 2), n=rng.randint(2, 9))
            lines.append(line[0].upper() + line[1:])
        out.append({"text": " ".join(lines) + f" (report {i})", "title": f"report {i}"})
    return out


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(None, lang="en")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in corpus(70)) + "\n", encoding="utf-8")
    return path


def _state(ws: Workspace) -> tuple:
    return (
        [e.model_dump() for e in ws.events("c")],
        [s.model_dump() for s in ws.stances("c")],
        sorted(d.id for d in ws.documents()),
    )


def test_ordered_map_keeps_order_on_a_process_pool() -> None:
    got = list(
        ordered_map(operator.add, 1, range(30), workers=2, pool_from=1, skip={7}.__contains__)
    )
    assert got == [(x, None if x == 7 else 1 + x) for x in range(30)]
    with pytest.raises(EngineError, match="--workers"):
        list(ordered_map(operator.add, 0, [1], workers=0))
    with pytest.raises(EngineError, match="--engine"):
        list(ordered_map(operator.add, 0, [1], engine="spark"))  # type: ignore[arg-type]


def _die_on_five(_state: object, item: int) -> int:
    if item == 5:
        os._exit(9)  # as the OOM killer would end it
    return item


def test_a_worker_killed_mid_stream_is_a_clear_error() -> None:
    with pytest.raises(EngineError, match="worker process ended abruptly"):
        list(ordered_map(_die_on_five, None, range(20), workers=2, pool_from=1))


def test_parallel_ingest_stores_what_one_worker_stores(
    tmp_path: Path, articles: Path, ex: Extractor
) -> None:
    states = []
    for workers in (1, 2):
        with Workspace.open(tmp_path / f"ws{workers}") as ws:
            summary = ingest([articles], ws, "c", ex, batch_size=10, workers=workers)
            assert summary.documents_new == 70
            states.append(_state(ws))
    assert states[0] == states[1]
    events = states[0][0]
    assert len(events) > 10 and any(len(e["evidence"]) > 3 for e in events)


def test_interrupted_ingest_resumes_where_it_stopped(
    tmp_path: Path, articles: Path, ex: Extractor
) -> None:
    with Workspace.open(tmp_path / "clean") as ws:
        ingest([articles], ws, "c", ex, batch_size=10)
        clean = _state(ws)

    class Stop(Exception):
        pass

    done = []

    def interrupt(doc: Document) -> None:
        done.append(doc.id)
        if len(done) == 25:  # in the middle of the third batch
            raise Stop

    with Workspace.open(tmp_path / "resumed") as ws:
        with pytest.raises(Stop):
            ingest([articles], ws, "c", ex, batch_size=10, write_every=20, on_document=interrupt)
        assert len(ws.documents()) == 20  # the first group of two batches, not the third batch
        summary = ingest([articles], ws, "c", ex, batch_size=10)
        assert (summary.documents_seen, summary.documents_new) == (20, 50)
        assert summary.events_found > 0
        assert _state(ws) == clean


def test_ray_engine_gives_the_local_events(tmp_path: Path, articles: Path, ex: Extractor) -> None:
    """A real local Ray runtime (Ray 2.x no longer has a local mode), shared with the forecast
    tests: it starts once per test session."""
    pytest.importorskip("ray")
    with Workspace.open(tmp_path / "ray") as ws:
        ingest([articles], ws, "c", ex, batch_size=1, workers=2, engine="ray")
        on_ray = _state(ws)
    with Workspace.open(tmp_path / "local") as ws:
        ingest([articles], ws, "c", ex, batch_size=1, workers=1)
        assert _state(ws) == on_ray


def test_a_ray_worker_killed_mid_stream_is_the_same_clear_error() -> None:
    pytest.importorskip("ray")
    with pytest.raises(EngineError, match="worker process ended abruptly"):
        list(ordered_map(_die_on_five, None, range(20), workers=2, engine="ray", ray_from=1))


def test_spilled_extraction_matches_one_batch_in_memory(tmp_path: Path, ex: Extractor) -> None:
    """Under one batch, `extract` prints exactly what the in-memory merge finds, in its order."""
    docs = [Document(text=a["text"]) for a in corpus(12, seed=5)]
    path = tmp_path / "few.jsonl"
    path.write_text("\n".join(json.dumps({"text": d.text}) for d in docs), encoding="utf-8")
    expected = ex.extract_many(docs).events
    with spilled_extraction([path], ex, workers=2) as spill:
        got = list(spill.events())
        assert spill.documents == 12
    assert [e.id for e in got] == [e.id for e in expected]
    assert [e.evidence for e in got] == [e.evidence for e in expected]


def test_long_documents_are_committed_within_the_memory_cap(tmp_path: Path) -> None:
    """DuckDB holds a transaction's rows until the commit: 24 MB of text in one group under a
    16 MB cap failed the commit. Groups close at a size too, and a group larger than the cap
    allows gets a cap of its own; every document is stored and the cap is back after."""
    rng = random.Random(5)
    docs = [Document(text="".join(rng.choices("abcdefghij klmnop", k=600_000))) for _ in range(40)]
    with Workspace.open(tmp_path) as ws:
        with GroupWriter(ws, lambda batch, _res: ws.add_documents(batch), memory_mb=16) as out:
            for k in range(0, 40, 10):
                out.add(docs[k : k + 10], None)
        assert ws.known_documents([d.id for d in docs]) == {d.id for d in docs}
        limit = ws._query("SELECT current_setting('memory_limit') AS m")[0]["m"]
        assert limit.startswith("15.") or limit.startswith("16.")


def test_a_bulk_run_in_this_process_gives_the_collector_back(
    tmp_path: Path, articles: Path, ex: Extractor
) -> None:
    """A bulk run in the caller's process relaxes the garbage collector while it runs (`_settle`)
    and puts back the caller's settings afterwards: a server that extracts once keeps its own."""
    import gc

    before = (gc.get_threshold(), gc.get_freeze_count())
    with spilled_extraction([articles], ex, workers=1) as spill:
        assert spill.documents == 70
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
