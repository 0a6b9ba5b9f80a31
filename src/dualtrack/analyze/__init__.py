"""Situation picture: track indices, escalation level, agenda gap, coercion ledger, third parties.

`build_picture(case, events, stances, asof=...)` computes all of it as pydantic data; the parts are
importable on their own for analysts who want one series.
"""

from dualtrack.analyze.agenda import IssueGap, PartyPosition, RedLineTouch, agenda_gap
from dualtrack.analyze.escalation import (
    DEFAULT_LEVEL_WINDOW_DAYS,
    EscalationPoint,
    escalation_series,
)
from dualtrack.analyze.indices import (
    DEFAULT_HALF_LIFE_DAYS,
    DyadSeries,
    TrackPoint,
    contribution,
    daily_series,
    dyad_series,
)
from dualtrack.analyze.inputs import Modality, merge_events, merge_stances, modality
from dualtrack.analyze.ledger import Ledger, LedgerEntry, LedgerKind, coercion_ledger
from dualtrack.analyze.negotiation import NegotiationState, negotiation_state
from dualtrack.analyze.picture import SituationPicture, build_picture
from dualtrack.analyze.third_parties import ThirdParty, third_parties

__all__ = [
    "DEFAULT_HALF_LIFE_DAYS",
    "DEFAULT_LEVEL_WINDOW_DAYS",
    "DyadSeries",
    "EscalationPoint",
    "IssueGap",
    "Ledger",
    "LedgerEntry",
    "LedgerKind",
    "Modality",
    "NegotiationState",
    "PartyPosition",
    "RedLineTouch",
    "SituationPicture",
    "ThirdParty",
    "TrackPoint",
    "agenda_gap",
    "build_picture",
    "coercion_ledger",
    "contribution",
    "daily_series",
    "dyad_series",
    "escalation_series",
    "merge_events",
    "merge_stances",
    "modality",
    "negotiation_state",
    "third_parties",
]
