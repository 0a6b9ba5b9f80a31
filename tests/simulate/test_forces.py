"""Forces in proximity by kind: the one-input form still means warships, kinds add up by their
weights in major warships, deployments in the events set each kind, and `case validate` names
an unknown kind at its line with the valid ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from dualtrack.cli import app
from dualtrack.model import Actor, Case, Event, Quantity, Role
from dualtrack.simulate.baserate import case_inputs
from dualtrack.simulate.forces import combined, force_kinds
from dualtrack.simulate.state import reported_forces

ASOF = dt.date(2031, 1, 10)


def case(forces: dict | None = None, events: list[Event] | None = None) -> Case:
    return Case(
        id="f",
        title="forces",
        asof=ASOF,
        actors=[
            Actor(id="AAA", kind="state", role=Role.PARTY),
            Actor(id="BBB", kind="state", role=Role.PARTY),
        ],
        events=events or [],
        parameters={"forces_in_proximity": forces} if forces is not None else {},
    )


def test_the_one_input_form_is_naval_and_unchanged() -> None:
    c = case({"value": 10, "range": [10, 14], "unit": "major warships", "source": "s"})
    levels = case_inputs(c).forces()
    assert levels == {"naval": (10.0, 10.0, 14.0, "case parameter: s")}
    assert combined(levels) == levels["naval"]


def test_kinds_add_up_by_their_weights() -> None:
    c = case({"ground": {"value": 40, "range": [20, 60], "unit": "battalions", "source": "g"},
              "air": {"value": 12, "source": "a"}})  # fmt: skip
    w = force_kinds()
    value, low, high, source = combined(case_inputs(c).forces())
    assert value == 40 * w["ground"].weight + 12 * w["air"].weight
    assert (low, high) == (20 * w["ground"].weight + 12 * w["air"].weight,
                           60 * w["ground"].weight + 12 * w["air"].weight)  # fmt: skip
    assert "ground 40 battalions" in source and "forces.yaml" in source


def test_each_partys_latest_deployment_sets_its_kind() -> None:
    def deploy(day: int, actor: str, *qs: tuple[float, str]) -> Event:
        quantities = [Quantity(value=v, unit="person", what=w) for v, w in qs]
        return Event(
            date=dt.date(2031, 1, day), actor=actor, category="MOBILIZE", quantities=quantities
        )

    events = [
        deploy(2, "AAA", (1600, "troops")),
        deploy(5, "AAA", (2400, "troops"), (40, "tank")),  # AAA's latest: 3 + 1 battalions
        deploy(6, "BBB", (800, "soldier")),
        deploy(7, "BBB", (12, "fighter")),
    ]
    levels, ids = reported_forces(case(events=events), ASOF, {})
    assert levels["ground"][0] == 5.0 and levels["air"][0] == 12.0 and "naval" not in levels
    assert len(ids) == 3 and events[0].id not in ids


def test_validate_names_an_unknown_force_kind(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "id: f\ntitle: t\nactors:\n  - {id: AAA, kind: state, role: party}\n"
        "parameters:\n  forces_in_proximity:\n    ground: {value: 4, source: x}\n"
        "    tanks: {value: 40, source: x}\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["case", "validate", str(path)])
    text = " ".join(res.stdout.split())
    assert res.exit_code == 1
    assert f"{path}:8: parameters.forces_in_proximity.tanks: unknown force kind 'tanks'" in text
    assert "valid: naval, air, ground" in text
