"""A brief over many events summarises: bounded lists, bounded citations, a count of the rest."""

from __future__ import annotations

import datetime as dt

from dualtrack.analyze import build_picture
from dualtrack.cases import load_case
from dualtrack.model import Event, Evidence
from dualtrack.ontology import Category
from dualtrack.report import build_brief
from dualtrack.report.brief import LIST_N
from dualtrack.report.evidence import REFS_PER_LINE


def test_many_threats_show_the_latest_and_count_the_rest() -> None:
    case = load_case("us-iran-2026")
    start = dt.date(2026, 1, 1)
    threats = [
        Event(
            date=start + dt.timedelta(days=i % 30),
            actor="IRN",
            target="USA",
            category=Category.THREATEN,
            summary=f"threat {i}",
            id=f"ev_threat{i:04d}",
            evidence=[Evidence(doc_id=f"doc{i}-{k}", start=0, end=5) for k in range(20)],
        )
        for i in range(300)
    ]
    brief = build_brief(case, build_picture(case, threats, asof=dt.date(2026, 2, 8)))
    blocks = [b for s in brief.sections for b in s.blocks if getattr(b, "items", None)]
    for block in blocks:
        assert len(block.items) <= LIST_N + 1
        assert all(len(line.refs) <= REFS_PER_LINE for line in block.items)
    assert any("more in the workspace" in line.text for b in blocks for line in b.items)
    assert len(brief.evidence) < 400  # 300 events x 20 reports would be 6,000 references
