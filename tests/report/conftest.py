"""A small hand-made crisis with documents whose text holds markup, for the brief tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.model import (
    Actor,
    Case,
    Document,
    Event,
    EventFlags,
    Evidence,
    Issue,
    Position,
    Quantity,
    SourceRef,
    Stance,
)

D = dt.date

HOSTILE = (
    "Officials said <script>alert('x')</script> the talks & the sanctions "
    "&amp; &lt;b&gt; continue. Ruritania sanctioned 4 firms on Monday."
)
PLAIN = "Mediators from Grand Fenwick carried messages between the two delegations for hours."
ZH = "據報導,魯里塔尼亞宣布將對八家企業實施制裁,並稱談判仍將繼續。"


def _span(doc: Document, needle: str) -> Evidence:
    start = doc.text.index(needle)
    return Evidence(doc_id=doc.id, start=start, end=start + len(needle))


def make_docs() -> dict[str, Document]:
    out = [
        Document(text=HOSTILE, title="<i>Wire</i> & co", date=D(2026, 3, 3), lang="en"),
        Document(text=PLAIN, title="Talks report", date=D(2026, 3, 2), lang="en"),
        Document(text=ZH, title="中文報導", date=D(2026, 3, 4), lang="zh-Hant"),
    ]
    return {d.id: d for d in out}


def make_case(docs: dict[str, Document]) -> Case:
    hostile, plain, zh = list(docs.values())
    actors = [
        Actor(
            id="RUR",
            kind="state",
            role="party",
            names={"en": "Ruritania <b>", "zh-Hant": "魯里塔尼亞", "zh-Hans": "鲁里塔尼亚"},
        ),
        Actor(
            id="FRE",
            kind="state",
            role="party",
            names={"en": "Freedonia", "zh-Hant": "自由尼亞", "zh-Hans": "自由尼亚"},
        ),
        Actor(
            id="GFW",
            kind="state",
            role="mediator",
            names={"en": "Grand Fenwick", "zh-Hant": "芬威克", "zh-Hans": "芬威克"},
        ),
        Actor(id="SYL", kind="state", role="spoiler", names={"en": "Sylvania"}),
    ]
    issues = [
        Issue(id="scope", name="Scope of talks", kind="set", options=["nuclear", "missiles"]),
        Issue(id="level", name="Enrichment cap <%>"),
    ]
    positions = [
        Position(
            actor="RUR", issue="scope", items=["nuclear", "missiles"], salience=0.8, capability=0.9
        ),
        Position(
            actor="FRE",
            issue="scope",
            items=["nuclear"],
            salience=0.9,
            capability=0.5,
            red_line=True,
            red_line_text="nuclear only",
        ),
        Position(actor="RUR", issue="level", value=0, salience=0.7, capability=0.9),
        Position(actor="FRE", issue="level", value=60, salience=0.8, capability=0.5),
    ]
    events = [
        Event(date=D(2026, 3, 2), actor="FRE", target="RUR", via="GFW", category="CONSULT",
              mode="mediated", evidence=[_span(plain, "Mediators from Grand Fenwick")]),
        Event(date=D(2026, 3, 2), actor="RUR", target="FRE", category="SANCTION",
              quantities=[Quantity(value=4, unit="entity")],
              evidence=[_span(hostile, "<script>alert('x')</script>"),
                        _span(hostile, "Ruritania sanctioned 4 firms")]),
        Event(date=D(2026, 3, 3), actor="RUR", target="FRE", category="SANCTION",
              quantities=[Quantity(value=8, unit="entity")],
              evidence=[_span(zh, "對八家企業實施制裁")]),
        Event(date=D(2026, 3, 1), actor="FRE", target="RUR", category="ASSAULT", mode="intercept",
              evidence=[Evidence(doc_id="f" * 64, start=10, end=20)]),
        Event(date=D(2026, 3, 3), actor="SYL", target="FRE", category="THREATEN", mode="violence",
              evidence=[_span(hostile, "the talks & the sanctions")]),
        Event(date=D(2026, 3, 4), actor="FRE", target="RUR", category="AGREE",
              flags=EventFlags(unconfirmed=True), evidence=[_span(zh, "談判仍將繼續")]),
    ]  # fmt: skip
    stances = [
        Stance(actor="RUR", issue="level", value=10, date=D(2026, 3, 3),
               evidence=[_span(hostile, "&amp; &lt;b&gt; continue")]),
    ]  # fmt: skip
    return Case(
        id="ruritania", title="Ruritania–Freedonia <crisis> & talks", actors=actors,
        issues=issues, positions=positions, events=events, stances=stances, asof=D(2026, 3, 4),
        sources=[SourceRef(id="f" * 64, title="Offline source", date=D(2026, 3, 1))],
    )  # fmt: skip


@pytest.fixture
def docs() -> dict[str, Document]:
    return make_docs()


@pytest.fixture
def case(docs: dict[str, Document]) -> Case:
    return make_case(docs)
