"""Domain types shared by every layer (the contract in DESIGN.md).

Nothing outside this package defines its own Actor, Issue, Position, Document, Event, Stance or
Case: import them from here.
"""

from dualtrack.model.actors import Actor, ActorKind, Lang, Role
from dualtrack.model.case import Case, SourceRef
from dualtrack.model.documents import Document, text_id
from dualtrack.model.events import (
    LOW_CONFIDENCE,
    DatePrecision,
    Event,
    EventFlags,
    Evidence,
    Quantity,
    Stance,
)
from dualtrack.model.issues import Anchor, Issue, IssueKind, Position

__all__ = [
    "LOW_CONFIDENCE",
    "Actor",
    "ActorKind",
    "Anchor",
    "Case",
    "DatePrecision",
    "Document",
    "Event",
    "EventFlags",
    "Evidence",
    "Issue",
    "IssueKind",
    "Lang",
    "Position",
    "Quantity",
    "Role",
    "SourceRef",
    "Stance",
    "text_id",
]
