from __future__ import annotations

import pydantic
import pytest

from dualtrack.model import Actor, Document, Event, Evidence, Issue, Position, text_id


def test_actor_id_shape_and_acts_for() -> None:
    a = Actor(id="USA.trump", kind="person", country="USA")
    assert a.acts_for == "USA"
    assert Actor(id="IRN.irgc", kind="agency").acts_for == "IRN"
    with pytest.raises(pydantic.ValidationError, match="actor id"):
        Actor(id="usa", kind="state")


def test_event_score_and_id_derived_from_ontology() -> None:
    e = Event(date="2026-02-06", actor="USA", target="IRN", category="SANCTION")
    assert e.score is not None and e.score < 0
    same = Event(date="2026-02-06", actor="USA", target="IRN", category="SANCTION")
    assert e.id == same.id
    other = Event(date="2026-02-06", actor="IRN", target="USA", category="SANCTION")
    assert other.id != e.id
    with pytest.raises(pydantic.ValidationError):
        Event(actor="USA", category="BOMB")


def test_document_id_is_sha256_of_text() -> None:
    d = Document(text="伊朗與美國在馬斯喀特會談")
    assert d.id == text_id(d.text) and len(d.id) == 64
    with pytest.raises(pydantic.ValidationError, match="SHA-256"):
        Document(id="abc", text="x")


def test_evidence_span_ordered() -> None:
    with pytest.raises(pydantic.ValidationError):
        Evidence(doc_id="d", start=5, end=2)


def test_set_issue_numeric_reading() -> None:
    agenda = Issue(
        id="agenda",
        name="Agenda",
        kind="set",
        options=["nuclear", "missiles", "proxies", "internal"],
    )
    nuclear_only = Position(
        actor="IRN", issue="agenda", items=["nuclear"], salience=1, capability=1
    )
    everything = Position(
        actor="USA", issue="agenda", items=agenda.options, salience=1, capability=1
    )
    assert agenda.value_of(nuclear_only) == 25.0
    assert agenda.value_of(everything) == 100.0


def test_position_needs_value_and_valid_salience() -> None:
    with pytest.raises(pydantic.ValidationError, match="needs 'value'"):
        Position(actor="USA", issue="x", salience=0.5, capability=1)
    with pytest.raises(pydantic.ValidationError):
        Position(actor="USA", issue="x", value=1, salience=1.5, capability=1)
