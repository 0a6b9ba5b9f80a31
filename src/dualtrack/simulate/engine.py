"""The day-step kernel: both tracks of many runs advanced together, one numpy step per day.

Every array has shape [runs]; only days are looped over. A run's parameters are fixed for the
run (one Monte Carlo parameter draw); its randomness comes from the generator it is given, with
nine uniforms per run per day (ten when it tracks crises), always drawn in the same order so a
seed fixes every path.

What a run is at a horizon is its joint state, violence x talks (`JOINT`), plus what happened
in the window from the forecast date to the horizon (`EVENTS`). The five-way summary
(`OUTCOMES`) is a view of the joint state: violence first, then the talks axis.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, ConfigDict

from dualtrack.simulate.state import CEASEFIRE_RUNG, Stage

OUTCOMES: tuple[str, ...] = (
    "agreement",
    "talks_continue",
    "collapse",
    "limited_strikes",
    "major_war",
)
"""The five-way view, in the order of its integer codes: major war or a limited exchange going
on at the horizon, else the talks axis (agreement or framework in force / talks active or a
ceasefire in force / no talks)."""

VIOLENCE: tuple[str, ...] = ("none", "exchange", "war")
"""Violence at the horizon: no exchange of fire, a limited exchange going on, major war."""
TALKS: tuple[str, ...] = ("agreement", "ceasefire", "talks", "no_talks")
"""Talks at the horizon: an agreement or framework in force / a ceasefire in force (no
agreement) / talks active (indirect talks or agenda agreed) / no talks (no channel, or talks
collapsed). The first two together are the issue's "agreement or ceasefire in force"."""
JOINT: tuple[str, ...] = tuple(f"{v}|{t}" for v in VIOLENCE for t in TALKS)
"""Joint end states, code = 4 * violence + talks."""
EVENTS: tuple[str, ...] = ("first_strike", "ceasefire_reached", "agreement_signed", "round_held")
"""Window events, bit i of a run's event code: strikes on some day of the window (a first
strike, or an exchange that goes on), a ceasefire reached, an agreement signed, talks held."""
CRISIS: tuple[str, ...] = ("open", "ended_agreement", "ended_other")
"""How a run stands as a crisis (ICB's unit) at a horizon, for the back-test: still open, ended
by an agreement (signed, or a ceasefire in force when it ends), ended otherwise
(`run_paths(settle=...)`)."""

STRIKE_RUNG, WAR_RUNG, INCIDENT_RUNG = 5, 6, 4

PROGRESS = (0.0, 0.25, 0.5, 0.75, 1.0, 0.0)
"""How far talks have come, by Stage code (stage / 4; none when collapsed): what damps deliberate
escalation and draws spoilers."""
_PROGRESS = np.array(PROGRESS)
_UNIFORMS_PER_DAY = 9
FIVE_WAY = np.array([0, 1, 1, 2, 3, 3, 3, 3, 4, 4, 4, 4], dtype=np.int8)
"""OUTCOMES code of each JOINT code: violence first; without it, agreement / talks continue
(a ceasefire or talks) / collapse (no talks)."""


class Start(BaseModel):
    """The scalar start state the kernel needs (see `state.InitialState`)."""

    model_config = ConfigDict(frozen=True)

    rung: int
    floor: int
    stage: int
    gap: float
    ceasefire: bool = False


class Paths(BaseModel):
    """What a batch of runs produced, per horizon: joint state, window events, five-way view,
    and (with `settle`) the crisis-level state; plus first-major-strike days."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    joint: np.ndarray  # int8 [len(horizons), runs], codes into JOINT
    events: np.ndarray  # uint8 [len(horizons), runs], bit i = EVENTS[i] happened in the window
    first_major: np.ndarray  # int32 [runs], day of first major strike; horizon + 1 = never
    crisis: np.ndarray | None = None  # int8 [len(horizons), runs]: 3 * CRISIS code + violence

    @property
    def end(self) -> np.ndarray:
        """Five-way codes into OUTCOMES [len(horizons), runs]."""
        return FIVE_WAY[self.joint]

    def event(self, name: str) -> np.ndarray:
        """Bool [len(horizons), runs]: did `name` (one of EVENTS) happen in the window?"""
        return (self.events >> EVENTS.index(name)) & 1 == 1


def _p(hazard: np.ndarray) -> np.ndarray:
    """Daily probability of an event arriving at a constant daily hazard."""
    return -np.expm1(-hazard)


def joint_state(rung: np.ndarray, stage: np.ndarray, ceasefire: np.ndarray) -> np.ndarray:
    """Joint codes (JOINT) from the ladder rung, the talks stage and the ceasefire flag."""
    violence = np.where(rung >= WAR_RUNG, 2, np.where(rung >= STRIKE_RUNG, 1, 0))
    agreed = (stage == Stage.FRAMEWORK) | (stage == Stage.AGREEMENT)
    no_talks = (stage == Stage.NO_CHANNEL) | (stage == Stage.COLLAPSED)
    talks = np.where(agreed, 0, np.where(ceasefire, 1, np.where(no_talks, 3, 2)))
    return (4 * violence + talks).astype(np.int8)


def _ladder(p: dict[str, np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Deliberate step-up and step-down hazards from each rung, [7, n]."""
    up = np.stack(
        [p["conflict.escalation_rate"]] * INCIDENT_RUNG
        + [p["conflict.strike_rate"], p["conflict.war_rate"], np.zeros(n)]
    )
    down = np.stack(
        [np.zeros(n)]
        + [p["conflict.deescalation_rate"]] * INCIDENT_RUNG
        + [p["conflict.strike_end_rate"], np.zeros(n)]
    )
    return up, down


@dataclass
class _Rates:
    """What each run's parameters make of a day, fixed for the whole run: daily probabilities
    (`*_p`), hazards still to be scaled by the day's state (`*_h`), the ladder's hazards by rung."""

    progress_h: np.ndarray
    collapse_h: np.ndarray
    open_p: np.ndarray
    reopen_p: np.ndarray
    incident_p: np.ndarray
    up_by_rung: np.ndarray
    down_by_rung: np.ndarray
    mediation: np.ndarray
    breakdown_p: np.ndarray
    settle_p: np.ndarray | None
    cols: np.ndarray


def _rates(p: dict[str, np.ndarray], start: Start, settle: np.ndarray | None) -> _Rates:
    n = len(p["talks.stage_rate"])
    gapx = start.gap - p["talks.gap_reference"]
    forces = p["case.forces"] / p["conflict.forces_reference"]
    up_by_rung, down_by_rung = _ladder(p, n)
    return _Rates(
        progress_h=p["talks.stage_rate"] * np.exp(-p["talks.gap_sensitivity"] * gapx),
        collapse_h=p["talks.stage_rate"]
        * p["talks.collapse_ratio"]
        * np.exp(p["talks.gap_sensitivity"] * gapx / 2),
        open_p=_p(p["talks.open_rate"]),
        reopen_p=_p(p["talks.reopen_rate"]),
        incident_p=_p(p["conflict.incident_rate"] * forces ** p["conflict.forces_elasticity"]),
        up_by_rung=up_by_rung,
        down_by_rung=down_by_rung,
        mediation=1 + p["ceasefire.mediation_boost"] * p["case.mediated"],
        breakdown_p=_p(p["ceasefire.breakdown_rate"]),
        settle_p=None if settle is None else _p(settle),
        cols=np.arange(n),
    )


@dataclass
class _Runs:
    """The state of every run, advanced in place one day at a time by `_day`."""

    rung: np.ndarray
    stage: np.ndarray
    cease: np.ndarray
    ever_strike: np.ndarray
    ever_war: np.ndarray
    first_major: np.ndarray  # day of the first major strike; horizon + 1 = never
    events: np.ndarray  # bits of EVENTS since the forecast date
    crisis: np.ndarray  # 0 open, 1 ended by agreement/ceasefire, 2 otherwise
    crisis_violence: np.ndarray

    @classmethod
    def at_start(cls, start: Start, n: int, horizon: int) -> _Runs:
        rung = np.full(n, start.rung, dtype=np.int64)
        ever_strike, ever_war = rung >= STRIKE_RUNG, rung >= WAR_RUNG
        return cls(
            rung=rung,
            stage=np.full(n, start.stage, dtype=np.int64),
            cease=np.full(n, start.ceasefire),
            ever_strike=ever_strike,
            ever_war=ever_war,
            first_major=np.where(ever_war, 0, horizon + 1).astype(np.int32),
            events=np.zeros(n, dtype=np.uint8),
            crisis=np.zeros(n, dtype=np.int8),
            crisis_violence=np.where(ever_war, 2, np.where(ever_strike, 1, 0)).astype(np.int8),
        )


def run_paths(
    p: dict[str, np.ndarray],
    start: Start,
    horizons: tuple[int, ...],
    rng: np.random.Generator,
    reps: int = 1,
    settle: np.ndarray | None = None,
) -> Paths:
    """Simulate `len(p[...])` runs for `max(horizons)` days.

    `reps` > 1 gives common random numbers: the runs are `reps` blocks that share one stream of
    uniforms (block b, run i sees the same draws as block 0, run i), which is how the tornado
    compares parameter values without Monte Carlo noise between them. `settle` (daily hazard
    per run) also tracks each run as a crisis: it ends when an agreement is signed, or at that
    hazard on a day without fighting (the back-test's observation model, `_crisis_step`).
    """
    n = len(p["talks.stage_rate"])
    if n % reps:
        raise ValueError("runs must be a multiple of reps")
    horizon = max(horizons)
    rates = _rates(p, start, settle)
    runs = _Runs.at_start(start, n, horizon)
    joint = np.empty((len(horizons), n), dtype=np.int8)
    window = np.empty((len(horizons), n), dtype=np.uint8)
    crisis_at = np.empty((len(horizons), n), dtype=np.int8)
    at = {h: i for i, h in enumerate(horizons)}
    for day in range(1, horizon + 1):
        u = rng.random((_UNIFORMS_PER_DAY + (settle is not None), n // reps))
        _day(p, rates, runs, np.tile(u, (1, reps)) if reps > 1 else u, start, day)
        if day in at:
            joint[at[day]] = joint_state(runs.rung, runs.stage, runs.cease)
            window[at[day]] = runs.events
            crisis_at[at[day]] = 3 * runs.crisis + runs.crisis_violence
    return Paths(
        joint=joint,
        events=window,
        first_major=runs.first_major,
        crisis=crisis_at if settle is not None else None,
    )


def _day(
    p: dict[str, np.ndarray], r: _Rates, s: _Runs, u: np.ndarray, start: Start, day: int
) -> None:
    """One day of every run: confrontation first, then negotiation, then what the day adds to
    the window's events and (with a settle hazard) to the crisis."""
    progress = _PROGRESS[s.stage]
    collapsed = s.stage == Stage.COLLAPSED
    active = (s.stage >= Stage.INDIRECT_TALKS) & (s.stage <= Stage.FRAMEWORK)
    ceasefire = _confront(p, r, s, u, start, progress, active)
    new_strike = (s.rung >= STRIKE_RUNG) & ~s.ever_strike
    s.ever_strike |= s.rung >= STRIKE_RUNG
    newly_war = (s.rung >= WAR_RUNG) & ~s.ever_war
    s.ever_war |= newly_war
    s.first_major = np.where(newly_war, day, s.first_major)
    was_agreed = s.stage == Stage.AGREEMENT
    _negotiate(p, r, s, u, active & new_strike, active, collapsed, ceasefire)
    signed = (s.stage == Stage.AGREEMENT) & ~was_agreed
    held = (s.stage >= Stage.INDIRECT_TALKS) & (s.stage <= Stage.FRAMEWORK)
    s.events |= (
        (s.rung >= STRIKE_RUNG).astype(np.uint8)
        | (ceasefire.astype(np.uint8) << 1)
        | (signed.astype(np.uint8) << 2)
        | ((held | signed).astype(np.uint8) << 3)
    )
    if r.settle_p is not None:
        s.crisis, s.crisis_violence = _crisis_step(
            s.crisis, s.crisis_violence, s.rung, signed, s.cease, u[9] < r.settle_p
        )


def _confront(
    p: dict[str, np.ndarray],
    r: _Rates,
    s: _Runs,
    u: np.ndarray,
    start: Start,
    progress: np.ndarray,
    active: np.ndarray,
) -> np.ndarray:
    """The ladder's day: ceasefire breakdowns, incidents (undamped), spoilers (drawn by the
    talks' progress), deliberate moves up and down, and fighting ending in a ceasefire (faster
    with a mediator and with talks going on). Moves `s.rung` and `s.cease`; returns the runs
    where a ceasefire was reached today."""
    rung = np.where(s.cease & (u[7] < r.breakdown_p), np.maximum(s.rung, STRIKE_RUNG), s.rung)
    incident = u[0] < r.incident_p
    rung = np.where(incident, np.maximum(rung, INCIDENT_RUNG), rung)
    misread = incident & (u[1] < p["conflict.misperception"])
    rung = np.where(misread, np.maximum(rung, STRIKE_RUNG), rung)
    spoiler_h = p["spoiler.hazard"] * (1 + p["spoiler.deal_sensitivity"] * progress**2)
    spoiler = u[2] < _p(spoiler_h)
    rung = np.where(spoiler, np.maximum(rung, STRIKE_RUNG), rung)
    rung = np.where(spoiler & (u[3] < p["spoiler.major_share"]), WAR_RUNG, rung)

    damp = p["conflict.talks_damping"] * progress
    no_talks = (s.stage == Stage.COLLAPSED) | (s.stage == Stage.NO_CHANNEL)
    esc = (1 - damp) * np.where(no_talks, p["conflict.collapse_boost"], 1.0)
    p_up = _p(r.up_by_rung[rung, r.cols] * esc)
    can_fall = (rung > start.floor) | (rung == STRIKE_RUNG)
    p_down = np.where(can_fall, _p(r.down_by_rung[rung, r.cols] * (1 + damp)), 0.0)
    rung = rung + (u[4] < p_up) - ((u[4] >= p_up) & (u[4] < p_up + p_down))

    cf_rate = np.where(rung >= WAR_RUNG, p["ceasefire.war_rate"], p["ceasefire.exchange_rate"])
    cf_h = cf_rate * (r.mediation * (1 + p["ceasefire.talks_boost"] * active))
    ceasefire = (rung >= STRIKE_RUNG) & (u[8] < _p(cf_h))
    s.rung = np.where(ceasefire, CEASEFIRE_RUNG, rung)
    s.cease = (s.cease & (s.rung < STRIKE_RUNG)) | ceasefire
    return ceasefire


def _negotiate(
    p: dict[str, np.ndarray],
    r: _Rates,
    s: _Runs,
    u: np.ndarray,
    struck: np.ndarray,
    active: np.ndarray,
    collapsed: np.ndarray,
    ceasefire: np.ndarray,
) -> None:
    """The talks' day: a first strike during talks can break them at once (`struck`);
    otherwise active talks progress or collapse, a closed channel opens or reopens; a ceasefire
    opens a channel where there was none. Moves `s.stage`."""
    broken = struck & (u[5] < p["talks.strike_collapse_prob"])
    above = np.maximum(s.rung - 3, 0)
    p_prog = _p(r.progress_h)
    p_col = _p(r.collapse_h * (1 + p["talks.escalation_collapse"] * above))
    step = u[6]
    stage = np.where(
        active & ~broken,
        np.where(
            step < p_prog,
            s.stage + 1,
            np.where(step < p_prog + p_col, Stage.COLLAPSED, s.stage),
        ),
        s.stage,
    )
    stage = np.where(broken, Stage.COLLAPSED, stage)
    s.stage = np.where(
        ((stage == Stage.NO_CHANNEL) & (step < r.open_p))
        | (collapsed & ~broken & (step < r.reopen_p))
        | (ceasefire & ((stage == Stage.NO_CHANNEL) | (stage == Stage.COLLAPSED))),
        Stage.INDIRECT_TALKS,
        stage,
    )


def _crisis_step(
    crisis: np.ndarray,
    violence: np.ndarray,
    rung: np.ndarray,
    signed: np.ndarray,
    cease: np.ndarray,
    settle: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """One day of the crisis-level view: an open crisis records its highest violence; it ends by
    agreement the day one is signed, or at the settle hazard on a day without fighting, by
    agreement if a ceasefire is then in force (ICB's semi-formal agreements), else otherwise."""
    is_open = crisis == 0
    level = np.where(rung >= WAR_RUNG, 2, np.where(rung >= STRIKE_RUNG, 1, 0)).astype(np.int8)
    violence = np.where(is_open, np.maximum(violence, level), violence)
    settles = is_open & ~signed & settle & (rung < STRIKE_RUNG)
    crisis = np.where(is_open & signed, 1, np.where(settles, np.where(cease, 1, 2), crisis)).astype(
        np.int8
    )
    return crisis, violence
