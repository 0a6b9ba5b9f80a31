"""Store fixtures: a real DuckDB workspace in a temporary directory and a small hand-made case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dualtrack.model import Actor, Case, Event, Evidence, Quantity, Stance
from dualtrack.store import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws") as workspace:
        yield workspace


def span(doc: str, start: int, end: int) -> Evidence:
    return Evidence(doc_id=doc, start=start, end=end)


@pytest.fixture
def small_case() -> Case:
    """Three dated events, one undated, one stance: enough to see ordering and filters."""
    return Case(
        id="test-case",
        title="A test crisis",
        actors=[
            Actor(id="AAA", kind="state"),
            Actor(id="BBB", kind="state"),
            Actor(id="CCC", kind="state"),
        ],
        events=[
            Event(
                date="2026-02-06",
                actor="AAA",
                target="BBB",
                category="SANCTION",
                quantities=[Quantity(value=15, unit="entity"), Quantity(value=14, unit="vessel")],
                evidence=[span("d1", 10, 20)],
                summary="AAA sanctions BBB entities",
            ),
            Event(
                date="2026-02-03",
                actor="AAA",
                target="BBB",
                category="ASSAULT",
                evidence=[span("d1", 30, 40)],
            ),
            Event(
                date="2026-02-06",
                actor="AAA",
                target="BBB",
                via="CCC",
                category="CONSULT",
                flags={"unconfirmed": True},
            ),
            Event(actor="BBB", target="AAA", category="THREATEN", date=None),
        ],
        stances=[Stance(actor="BBB", issue="agenda", items=["nuclear"], red_line=True)],
    )
