"""The per-event JSON record shared by `dualtrack extract` and the accuracy benchmark."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dualtrack.model import Event

if TYPE_CHECKING:
    from dualtrack.extract.pipeline import Extractor


def event_record(event: Event, ex: Extractor) -> dict[str, Any]:
    return {
        "date": event.date.isoformat() if event.date else None,
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "date_precision": event.date_precision.value,
        "actor": event.actor,
        "actor_country": ex.country(event.actor),
        "target": event.target,
        "target_country": ex.country(event.target),
        "via": event.via,
        "via_country": ex.country(event.via),
        "category": event.category.value,
        "mode": event.mode,
        "quantities": [q.model_dump(exclude_none=True) for q in event.quantities],
        "negated": event.flags.negated,
        "hypothetical": event.flags.hypothetical,
        "flags": event.flags.names(),
        "evidence": [
            {"doc_id": ev.doc_id, "start": ev.start, "end": ev.end, "text": ev.text}
            for ev in event.evidence
        ],
        "confidence": event.confidence,
        "id": event.id,
    }
