"""The seed article (read from ../shared, never copied): the coder finds its key facts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dualtrack.cases import load_case
from dualtrack.extract import Extractor, read_paths

D = dt.date


@pytest.fixture(scope="module")
def seed(shared_dir: Path):
    path = shared_dir / "seed" / "000_a99ee787700533d8.txt"
    if not path.exists():
        pytest.skip(f"seed article {path} is absent")
    ex = Extractor(load_case("us-iran-2026"))
    (doc,) = list(read_paths([path], date=D(2026, 2, 8)))
    return ex, ex.extract(doc), doc.text


def _has(ex, res, date, actor, cat, target=None):
    return [
        e
        for e in res.events
        if e.date == date
        and ex.country(e.actor) == actor
        and e.category.value == cat
        and (target is None or ex.country(e.target) == target)
    ]


def test_seed_key_events(seed) -> None:
    ex, res, _ = seed
    talks = _has(ex, res, D(2026, 2, 6), "IRN", "CONSULT", "USA")
    assert talks and talks[0].via and ex.country(talks[0].via) == "OMN"
    (sanction,) = _has(ex, res, D(2026, 2, 6), "USA", "SANCTION", "IRN")
    assert {(q.value, q.unit) for q in sanction.quantities} >= {
        (15, "entity"),
        (2, "person"),
        (14, "vessel"),
    }
    assert _has(ex, res, D(2026, 2, 6), "USA", "THREATEN", "IRN")
    assert _has(ex, res, D(2026, 2, 6), "IRN", "MOBILIZE")
    assert _has(ex, res, D(2026, 2, 3), "USA", "ASSAULT", "IRN")
    assert _has(ex, res, D(2026, 2, 5), "ISR", "THREATEN", "IRN")
    (show,) = _has(ex, res, D(2026, 2, 5), "IRN", "MOBILIZE")
    assert {(q.value, q.unit) for q in show.quantities} >= {
        (2000, "km"),
        (1500, "kg"),
        (16, "mach"),
    }


def test_seed_stances(seed) -> None:
    _, res, _ = seed
    agenda = {
        (s.actor.split(".")[0], tuple(s.items or ()))
        for s in res.stances
        if s.issue == "agenda_scope"
    }
    assert ("IRN", ("nuclear",)) in agenda
    assert any(a == "USA" and "ballistic_missiles" in items for a, items in agenda)
    assert any(s.issue == "enrichment" and s.red_line for s in res.stances)


def test_evidence_spans_are_exact(seed) -> None:
    _, res, text = seed
    for e in res.events:
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.text
