"""Crisis features knowable early in a crisis, in ICB codebook terms, and their design vector.

A forecast as of a date can only condition on what is known then, so the base-rate models use the
structural ICB variables that are fixed by the trigger or visible within the first days (gravity,
protracted conflict, nuclear actors, power discrepancy, trigger type, who is involved) plus the one
process variable the issue asks for as a lever: whether a third party mediates, and how.

Caveat: ICB codes mediation, superpower activity and the number of involved actors over the whole
crisis, not as of its first days. The fitted effects therefore describe crises in which these
things happened at some point; a forecaster should set them to what is visible by the forecast date.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

Activity = Literal["none", "political", "semi_military", "direct_military"]
MediationStyle = Literal["facilitation", "formulation", "manipulation"]

ACTIVITY_LEVELS: tuple[Activity, ...] = ("none", "political", "semi_military", "direct_military")
"""ICB1 USINV/SUINV codes 1-4, in order."""

FEATURE_NAMES: tuple[str, ...] = (
    "gravity",
    "mediation",
    "style_formulation",
    "style_manipulation",
    "great_power_involvement",
    "us_involvement",
    "protracted",
    "nuclear_any",
    "nuclear_two_plus",
    "log1p_power_discrepancy",
    "log_n_actors",
    "violent_trigger",
    "military_trigger",
)


class CrisisFeatures(BaseModel):
    """What an analyst can say about a crisis early on, in the ICB codebook's terms."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    gravity: int = Field(
        ge=0,
        le=6,
        description=(
            "Gravity of the threat, ICB1 GRAVCR (highest for any crisis actor): 0 economic, "
            "1 limited military, 2 political, 3 territorial, 4 threat to influence in the "
            "international system or region, 5 threat of grave damage, 6 threat to existence. "
            "(Code 7 'other' has no place on this scale; the loader reads it as missing.)"
        ),
    )
    mediation: bool = Field(
        description="A third party mediates: ICB1 MEDIATE = 4 (mediation occurred); codes 1-3 "
        "mean no mediation was carried out."
    )
    mediation_style: MediationStyle | None = Field(
        default=None,
        description=(
            "Most intrusive mediation style, ICB1 MEDSTYLE: 2 facilitation (communication, "
            "channel), 3 formulation (proposes solutions), 4 manipulation (leverage: rewards, "
            "penalties). None when there is no mediation, or mediation of unknown style "
            "(then the training share of each style among mediated crises is used)."
        ),
    )
    great_power_involvement: Activity = Field(
        description=(
            "Highest activity of a superpower (the US or the USSR/Russia), max of ICB1 USINV and "
            "SUINV: 1 none or neutral, 2 political/economic/propaganda, 3 covert or "
            "semi-military, 4 direct military."
        ),
    )
    us_involvement: Activity = Field(
        description="Activity of the United States, ICB1 USINV, same 1-4 scale as above.",
    )
    protracted: bool = Field(
        description="Part of a protracted conflict, ICB1 PROTRAC 2 (protracted conflict) or 3 "
        "(long-war protracted conflict); 1 = not protracted."
    )
    nuclear_actors: int = Field(
        ge=0,
        description="Number of crisis actors that possess nuclear weapons, from ICB2 NUCLEAR "
        "3 (possesses nuclear capability) or 4 (second-strike capability).",
    )
    power_discrepancy: float | None = Field(
        default=None,
        ge=0,
        description=(
            "Power discrepancy between the adversaries, ICB1 POWDISSY (0 = parity; the ICB "
            "power score sums size, population, GNP, alliance and nuclear capability; v14 range "
            "0-179, median about 5). None = unknown: the training median is used."
        ),
    )
    n_actors: int = Field(
        ge=1,
        description="Number of actors involved in the crisis, ICB1 NOACTR (crisis actors plus "
        "involved states).",
    )
    violent_trigger: bool = Field(
        description="The crisis was triggered by violence, ICB1 BREAK 8 (indirect violent act) "
        "or 9 (violent act)."
    )
    military_trigger: bool = Field(
        default=False,
        description="The crisis was triggered by a non-violent military act (deployment, alert, "
        "manoeuvre), ICB1 BREAK 7.",
    )


class Imputation(BaseModel):
    """Training-set values used when a feature is unknown (stored with the fitted models)."""

    model_config = ConfigDict(frozen=True)

    power_discrepancy_median: float
    style_formulation_share: float
    style_manipulation_share: float


def design_row(f: CrisisFeatures, imp: Imputation) -> np.ndarray:
    """Turn features into the model's numeric vector (order = FEATURE_NAMES)."""
    if f.mediation and f.mediation_style is None:
        formulation, manipulation = imp.style_formulation_share, imp.style_manipulation_share
    else:
        formulation = float(f.mediation and f.mediation_style == "formulation")
        manipulation = float(f.mediation and f.mediation_style == "manipulation")
    powdis = imp.power_discrepancy_median if f.power_discrepancy is None else f.power_discrepancy
    return np.array(
        [
            f.gravity / 6.0,
            float(f.mediation),
            formulation,
            manipulation,
            ACTIVITY_LEVELS.index(f.great_power_involvement) / 3.0,
            ACTIVITY_LEVELS.index(f.us_involvement) / 3.0,
            float(f.protracted),
            float(f.nuclear_actors >= 1),
            float(f.nuclear_actors >= 2),
            math.log1p(powdis),
            math.log(f.n_actors),
            float(f.violent_trigger),
            float(f.military_trigger),
        ]
    )


def design_matrix(rows: list[CrisisFeatures], imp: Imputation) -> np.ndarray:
    return np.vstack([design_row(f, imp) for f in rows]) if rows else np.zeros((0, 13))
