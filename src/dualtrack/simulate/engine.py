"""The day-step kernel: both tracks of many runs advanced together, one numpy step per day.

Every array has shape [runs]; only days are looped over. A run's parameters are fixed for the
run (one Monte Carlo parameter draw); its randomness comes from the generator it is given, with
seven uniforms per run per day, always drawn in the same order so a seed fixes every path.
"""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict

from dualtrack.simulate.state import Stage

OUTCOMES: tuple[str, ...] = (
    "agreement",
    "talks_continue",
    "collapse",
    "limited_strikes",
    "major_war",
)
"""The five end states, in the order of their integer codes."""

STRIKE_RUNG, WAR_RUNG, INCIDENT_RUNG = 5, 6, 4

PROGRESS = (0.0, 0.25, 0.5, 0.75, 1.0, 0.0)
"""How far talks have come, by Stage code (stage / 4; none when collapsed): what damps deliberate
escalation and draws spoilers."""
_PROGRESS = np.array(PROGRESS)
_UNIFORMS_PER_DAY = 7


class Start(BaseModel):
    """The scalar start state the kernel needs (see `state.InitialState`)."""

    model_config = ConfigDict(frozen=True)

    rung: int
    floor: int
    stage: int
    gap: float


class Paths(BaseModel):
    """What a batch of runs produced: end-state codes per horizon and first-strike days."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    end: np.ndarray  # int8 [len(horizons), runs], codes into OUTCOMES
    first_major: np.ndarray  # int32 [runs], day of first major strike; horizon + 1 = never


def _p(hazard: np.ndarray) -> np.ndarray:
    """Daily probability of an event arriving at a constant daily hazard."""
    return -np.expm1(-hazard)


def end_state(stage: np.ndarray, ever_strike: np.ndarray, ever_war: np.ndarray) -> np.ndarray:
    """End-state codes: war, then strikes (ever, by that day), then the talks' state."""
    code = np.where(
        (stage == Stage.FRAMEWORK) | (stage == Stage.AGREEMENT),
        0,
        np.where((stage == Stage.NO_CHANNEL) | (stage == Stage.COLLAPSED), 2, 1),
    )
    code = np.where(ever_strike, 3, code)
    return np.where(ever_war, 4, code).astype(np.int8)


def run_paths(
    p: dict[str, np.ndarray],
    start: Start,
    horizons: tuple[int, ...],
    rng: np.random.Generator,
    reps: int = 1,
) -> Paths:
    """Simulate `len(p[...])` runs for `max(horizons)` days.

    `reps` > 1 gives common random numbers: the runs are `reps` blocks that share one stream of
    uniforms (block b, run i sees the same draws as block 0, run i), which is how the tornado
    compares parameter values without Monte Carlo noise between them.
    """
    n = len(p["talks.stage_rate"])
    if n % reps:
        raise ValueError("runs must be a multiple of reps")
    base = n // reps
    horizon = max(horizons)

    gapx = start.gap - p["talks.gap_reference"]
    progress_h = p["talks.stage_rate"] * np.exp(-p["talks.gap_sensitivity"] * gapx)
    collapse_h = (
        p["talks.stage_rate"]
        * p["talks.collapse_ratio"]
        * np.exp(p["talks.gap_sensitivity"] * gapx / 2)
    )
    open_p = _p(p["talks.open_rate"])
    reopen_p = _p(p["talks.reopen_rate"])
    forces = p["case.forces"] / p["conflict.forces_reference"]
    incident_p = _p(p["conflict.incident_rate"] * forces ** p["conflict.forces_elasticity"])
    strike_h = p["conflict.strike_rate"]
    war_h = p["conflict.war_rate"]
    up_by_rung = np.stack(
        [p["conflict.escalation_rate"]] * INCIDENT_RUNG + [strike_h, war_h, np.zeros(n)]
    )  # [7, n]: deliberate step-up hazard from each rung
    down_by_rung = np.stack(
        [np.zeros(n)]
        + [p["conflict.deescalation_rate"]] * INCIDENT_RUNG
        + [p["conflict.strike_end_rate"], np.zeros(n)]
    )
    cols = np.arange(n)

    rung = np.full(n, start.rung, dtype=np.int64)
    stage = np.full(n, start.stage, dtype=np.int64)
    ever_strike = rung >= STRIKE_RUNG
    ever_war = rung >= WAR_RUNG
    first_major = np.where(ever_war, 0, horizon + 1).astype(np.int32)
    end = np.empty((len(horizons), n), dtype=np.int8)
    at = {h: i for i, h in enumerate(horizons)}

    for day in range(1, horizon + 1):
        u = rng.random((_UNIFORMS_PER_DAY, base))
        if reps > 1:
            u = np.tile(u, (1, reps))
        progress = _PROGRESS[stage]
        collapsed = stage == Stage.COLLAPSED

        # Confrontation: incidents (undamped), spoilers (drawn by progress), deliberate moves.
        incident = u[0] < incident_p
        rung = np.where(incident, np.maximum(rung, INCIDENT_RUNG), rung)
        misread = incident & (u[1] < p["conflict.misperception"])
        rung = np.where(misread, np.maximum(rung, STRIKE_RUNG), rung)
        spoiler_h = p["spoiler.hazard"] * (1 + p["spoiler.deal_sensitivity"] * progress**2)
        spoiler = u[2] < _p(spoiler_h)
        major = spoiler & (u[3] < p["spoiler.major_share"])
        rung = np.where(spoiler, np.maximum(rung, STRIKE_RUNG), rung)
        rung = np.where(major, WAR_RUNG, rung)

        damp = p["conflict.talks_damping"] * progress
        no_talks = collapsed | (stage == Stage.NO_CHANNEL)
        esc = (1 - damp) * np.where(no_talks, p["conflict.collapse_boost"], 1.0)
        p_up = _p(up_by_rung[rung, cols] * esc)
        can_fall = (rung > start.floor) | (rung == STRIKE_RUNG)
        p_down = np.where(can_fall, _p(down_by_rung[rung, cols] * (1 + damp)), 0.0)
        rung = rung + (u[4] < p_up) - ((u[4] >= p_up) & (u[4] < p_up + p_down))

        new_strike = (rung >= STRIKE_RUNG) & ~ever_strike
        ever_strike |= rung >= STRIKE_RUNG
        newly_war = (rung >= WAR_RUNG) & ~ever_war
        ever_war |= newly_war
        first_major = np.where(newly_war, day, first_major)

        # Negotiation: a strike can break talks at once; otherwise progress, collapse or reopen.
        active = (stage >= Stage.INDIRECT_TALKS) & (stage <= Stage.FRAMEWORK)
        broken = active & new_strike & (u[5] < p["talks.strike_collapse_prob"])
        above = np.maximum(rung - 3, 0)
        p_prog = _p(progress_h)
        p_col = _p(collapse_h * (1 + p["talks.escalation_collapse"] * above))
        step = u[6]
        stage = np.where(
            active & ~broken,
            np.where(
                step < p_prog,
                stage + 1,
                np.where(step < p_prog + p_col, Stage.COLLAPSED, stage),
            ),
            stage,
        )
        stage = np.where(broken, Stage.COLLAPSED, stage)
        stage = np.where(
            ((stage == Stage.NO_CHANNEL) & (step < open_p))
            | (collapsed & ~broken & (step < reopen_p)),
            Stage.INDIRECT_TALKS,
            stage,
        )
        if day in at:
            end[at[day]] = end_state(stage, ever_strike, ever_war)
    return Paths(end=end, first_major=first_major)
