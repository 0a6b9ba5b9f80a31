"""ICB v14 codebook codes for the columns dualtrack reads, and how they map to model labels.

Every code here is from the ICB codebook (Brecher, Wilkenfeld, Beardsley, James & Quinn) and was
checked against the value distributions of the v14 CSVs. Where the system-level (ICB1) meaning of
an activity scale was ambiguous, it was cross-checked against the actor-level (ICB2) codes:
actor-level USINV/SUINV = 9 occurs exactly on the rows whose actor is the USA / Russia (crisis
actor), and the system-level USINV/SUINV rise with the highest actor-level activity per crisis.
Keeping the tables in one place lets the loader reject codes the codebook does not define instead
of silently modelling them.
"""

from __future__ import annotations

from typing import Final

SYSTEM_FILE: Final = "icb1v14.csv"
ACTOR_FILE: Final = "icb2v14.csv"

# ICB1 (system level) -------------------------------------------------------------------------
GRAVCR: Final[dict[int, str]] = {
    0: "economic threat",
    1: "limited military threat",
    2: "political threat",
    3: "territorial threat",
    4: "threat to influence in the international system or region",
    5: "threat of grave damage",
    6: "threat to existence",
    7: "other",  # no place on the ordinal scale: read as missing
}
MEDIATE: Final[dict[int, str]] = {
    1: "no mediation",
    # 2 and 3: no mediation carried out; in v14 every such row has mediator, style and timing
    # coded "none", so only 4 counts as mediation here.
    2: "no mediation carried out (code 2)",
    3: "no mediation carried out (code 3)",
    4: "mediation occurred",
}
MEDIATION_OCCURRED: Final = 4
MEDSTYLE: Final[dict[int, str]] = {
    1: "no mediation",
    2: "facilitation",
    3: "formulation",
    4: "manipulation",
}
# USINV / SUINV (system level): highest activity of the US / the USSR-Russia in the crisis.
SUPERPOWER_ACTIVITY: Final[dict[int, str]] = {
    1: "no or neutral activity",
    2: "political, economic or propaganda activity",
    3: "covert or semi-military activity",
    4: "direct military activity",
}
PROTRAC: Final[dict[int, str]] = {
    1: "not part of a protracted conflict",
    2: "protracted conflict",
    3: "long-war protracted conflict",
}
BREAK: Final[dict[int, str]] = {
    1: "verbal act",
    2: "political act",
    3: "economic act",
    4: "external change",
    5: "other non-violent act",
    6: "internal verbal or physical challenge to regime or elite",
    7: "non-violent military act",
    8: "indirect violent act",
    9: "violent act",
}
VIOLENT_TRIGGERS: Final = frozenset({8, 9})
MILITARY_TRIGGER: Final = 7
VIOL: Final[dict[int, str]] = {
    1: "no violence",
    2: "minor clashes",
    3: "serious clashes",
    4: "full-scale war",
}
FOROUT: Final[dict[int, str]] = {
    1: "formal agreement",
    2: "semi-formal agreement",
    3: "tacit understanding",
    4: "unilateral act",
    5: "imposed agreement",
    6: "other",
    7: "crisis faded",
}

# ICB2 (actor level) --------------------------------------------------------------------------
NUCLEAR: Final[dict[int, str]] = {
    1: "no nuclear capability",
    2: "foreseeable nuclear capability",
    3: "possesses nuclear capability",
    4: "second-strike capability",
}
NUCLEAR_ARMED: Final = frozenset({3, 4})

# Model labels --------------------------------------------------------------------------------
OUTCOME_CLASSES: Final = (
    "formal_agreement",
    "semi_formal",
    "tacit",
    "unilateral",
    "none_or_imposed",
)
FOROUT_TO_OUTCOME: Final[dict[int, str]] = {
    1: "formal_agreement",
    2: "semi_formal",
    3: "tacit",
    4: "unilateral",
    5: "none_or_imposed",  # imposed agreement
    6: "none_or_imposed",  # other (e.g. spill-over into another crisis)
    7: "none_or_imposed",  # crisis faded without any agreement
}
VIOLENCE_CLASSES: Final = ("none", "minor_clashes", "serious_clashes", "full_scale_war")
VIOL_TO_VIOLENCE: Final[dict[int, str]] = dict(zip((1, 2, 3, 4), VIOLENCE_CLASSES, strict=True))

# Columns the loader needs, with the codes each may hold (None = any non-negative integer).
SYSTEM_COLUMNS: Final[dict[str, frozenset[int] | None]] = {
    "crisno": None,
    "yrtrig": None,
    "gravcr": frozenset(GRAVCR),
    "mediate": frozenset(MEDIATE),
    "medstyle": frozenset(MEDSTYLE),
    "usinv": frozenset(SUPERPOWER_ACTIVITY),
    "suinv": frozenset(SUPERPOWER_ACTIVITY),
    "protrac": frozenset(PROTRAC),
    "powdissy": None,
    "noactr": None,
    "break": frozenset(BREAK),
    "viol": frozenset(VIOL),
    "forout": frozenset(FOROUT),
    "brexit": None,
}
ACTOR_COLUMNS: Final[dict[str, frozenset[int] | None]] = {
    "crisno": None,
    "nuclear": frozenset(NUCLEAR),
}
