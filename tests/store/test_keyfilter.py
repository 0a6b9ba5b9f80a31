from __future__ import annotations

import random
from pathlib import Path

from dualtrack.model import Document, Event, Evidence
from dualtrack.store import Workspace
from dualtrack.store.keyfilter import KeyFilter


def test_every_added_key_may_be_held_and_few_others() -> None:
    rng = random.Random(3)
    added = [("c", f"{rng.random():.17f}") for _ in range(20_000)]
    others = [("c", f"x{rng.random():.17f}") for _ in range(20_000)]
    keys = KeyFilter(bits_log2=20)
    keys.add(added)
    assert keys.may_hold(added).all()  # never a false negative
    assert keys.may_hold(others).mean() < 0.05  # 3 hashes in 2**20 bits: about 0.2% expected
    assert not KeyFilter().may_hold(added).any()
    assert keys.may_hold([]).shape == (0,)


def test_a_reopened_workspace_still_refuses_what_it_holds(tmp_path: Path) -> None:
    """The filter lives in one open workspace and is filled from the stored keys: after a
    reopen, a document, an event and a span stored before are not stored again."""
    doc = Document(text="a report written for this test", date="2026-02-06")
    span = Evidence(doc_id=doc.id, start=0, end=8, text="a report")
    event = Event(date="2026-02-06", actor="AAA", target="BBB", category="ACCUSE", evidence=[span])
    with Workspace.open(tmp_path) as ws:
        assert ws.add_documents([doc]) == (1, 0)
        assert ws.add_events([event], "c") == 1
    with Workspace.open(tmp_path) as ws:
        assert ws.known_documents([doc.id, "unknown"]) == {doc.id}
        assert ws.add_documents([doc]) == (0, 1)
        assert ws.add_events([event, event], "c") == 0
        (back,) = ws.events("c")
        assert back.evidence == [span]
