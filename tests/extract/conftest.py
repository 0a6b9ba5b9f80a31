"""One extractor per test session: loading the language data takes a fraction of a second."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extraction, Extractor
from dualtrack.model import Document


@pytest.fixture(scope="session")
def ex() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def run(ex: Extractor):
    def _run(text: str, date: dt.date | None = dt.date(2026, 3, 5)) -> Extraction:
        return ex.extract(Document(text=text, date=date))

    return _run


@pytest.fixture(scope="session")
def tuples(ex: Extractor):
    """(date, actor country, category, target country) of each event."""

    def _tuples(res: Extraction) -> set[tuple]:
        return {
            (e.date, ex.country(e.actor), e.category.value, ex.country(e.target))
            for e in res.events
        }

    return _tuples
