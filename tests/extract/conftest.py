"""One extractor per test session: loading the language data takes a fraction of a second."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dualtrack.extract import Extraction, Extractor
from dualtrack.model import Document, Event, Evidence
from dualtrack.ontology import is_symmetric


def load_script(name: str) -> ModuleType:
    """scripts/NAME.py as a module (registered, so its dataclasses resolve their types)."""
    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def train_coder() -> ModuleType:
    """scripts/train_coder.py as a module, for tests of its fitting functions."""
    return load_script("train_coder")


@pytest.fixture(scope="session")
def ex() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def coders() -> dict[str, Extractor]:
    """The rule and the learned coder, with the built-in gazetteer only (no case)."""
    return {c: Extractor(case=None, lang="auto", coder=c) for c in ("rules", "learned")}


@pytest.fixture(scope="session")
def run(ex: Extractor):
    def _run(text: str, date: dt.date | None = dt.date(2026, 3, 5)) -> Extraction:
        return ex.extract(Document(text=text, date=date))

    return _run


def event_tuples(ex: Extractor, res: Extraction) -> set[tuple]:
    """(date, actor country, category, target country) of each event; a symmetric event (one
    meeting of A and B) holds both ways round, so it yields both tuples."""
    out = set()
    for e in res.events:
        a, t = ex.country(e.actor), ex.country(e.target)
        out.add((e.date, a, e.category.value, t))
        if t is not None and is_symmetric(e.category):
            out.add((e.date, t, e.category.value, a))
    return out


def triples(ex: Extractor, text: str, date: dt.date | None = dt.date(2026, 3, 5)) -> set[tuple]:
    """`event_tuples` of `text` without their dates: (actor country, category, target)."""
    return {t[1:] for t in event_tuples(ex, ex.extract(Document(text=text, date=date)))}


def asserted_tuples(ex: Extractor, text: str, date: dt.date = dt.date(2026, 3, 5)) -> set[tuple]:
    """(date, actor country, category, target country) of the events `text` asserts (negated
    ones left out), each as coded: no symmetric twin."""
    res = ex.extract(Document(text=text, date=date))
    return {
        (e.date, ex.country(e.actor), e.category.value, ex.country(e.target))
        for e in res.events
        if not e.flags.negated
    }


@pytest.fixture(scope="session")
def tuples(ex: Extractor):
    """`event_tuples` of an extraction by the default extractor."""
    return lambda res: event_tuples(ex, res)


def act(
    category: str, mode: str | None, start: int, doc: str = "d1", end: int | None = None
) -> Event:
    """One event of AAA against BBB on 6 March 2026, of a category and mode, told at `start` of
    `doc`: what the merge tests fold or keep apart."""
    return Event(
        mode=mode,
        date=dt.date(2026, 3, 6),
        actor="AAA",
        target="BBB",
        category=category,
        evidence=[Evidence(doc_id=doc, start=start, end=end or start + 10)],
    )
