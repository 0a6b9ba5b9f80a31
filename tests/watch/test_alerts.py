"""Alert rules: the YAML schema with file:line errors, and each rule over successive snapshots
(fires once per change, never again on the same state)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from dualtrack.model import Event, Evidence
from dualtrack.watch import RulesError, Snapshot, evaluate, load_rules
from dualtrack.watch.snapshot import ActorActing, Escalation, RedLine, Talks

RULES = """\
rules:
  - id: war
    when: probability
    end_state: limited_strikes+major_war
    horizon: 7
    above: 0.3
  - id: ladder
    when: escalation
    at_least: 4
  - id: lines
    when: red_line
  - id: rounds
    when: next_round
  - id: mediators
    when: new_actor
    role: mediator
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def snap(
    p: float = 0.1,
    rung: int = 2,
    lines: tuple[str, ...] = (),
    talks: str = "held",
    mediators: tuple[str, ...] = (),
) -> Snapshot:
    return Snapshot(
        case_id="c",
        asof=dt.date(2025, 5, 6),
        forecast={"7": {"limited_strikes": p / 2, "major_war": p / 2, "agreement": 1 - p}},
        forecast_event_ids=["e1"],
        escalation=Escalation(rung=rung, rung_id="x", event_ids=["e1"]),
        red_lines=[
            RedLine(key=k, issue="agenda", holder="KST", by="NVA", stance_ids=["s1"]) for k in lines
        ],
        talks=Talks(status=talks, last_round=None, next_round_date=None, event_ids=["e2"]),  # type: ignore[arg-type]
        mediators=[ActorActing(actor=a, event_ids=["e2"]) for a in mediators],
        spoilers=[],
    )


EVENT = Event(
    id="e1", date=dt.date(2025, 5, 6), actor="NVA", target="KST", category="ASSAULT",
    evidence=[Evidence(doc_id="d1", start=0, end=5, text="Boom.")],
)  # fmt: skip


def run(rules: Any, snaps: list[Snapshot]) -> list[list[str]]:
    """The rule ids fired at each snapshot, carrying the state from one to the next."""
    state: dict[str, Any] = {}
    fired = []
    for s in snaps:
        state, alerts = evaluate(rules, s, state, {"e1": EVENT}, {})
        fired.append([a["rule"] for a in alerts])
    return fired


def test_each_change_fires_once(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, RULES))
    fired = run(
        rules,
        [
            snap(),  # baseline: nothing fires
            snap(),  # the same state again: nothing
            snap(p=0.4, rung=5, lines=("a",), talks="scheduled", mediators=("VAL",)),
            snap(p=0.4, rung=5, lines=("a",), talks="scheduled", mediators=("VAL",)),
            snap(p=0.2, rung=3),  # back below; rung down to 3 (< at_least); talks "held"
            snap(p=0.5, rung=3, talks="cancelled"),  # crosses again: fires again
        ],
    )
    assert fired == [
        [],
        [],
        ["war", "ladder", "lines", "rounds", "mediators"],
        [],
        [],
        ["war", "rounds"],
    ]


def test_probability_noise_around_the_threshold_fires_once(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, RULES))
    fired = run(rules, [snap(p=0.31), snap(p=0.29), snap(p=0.31), snap(p=0.27), snap(p=0.31)])
    assert fired == [["war"], [], [], [], ["war"]]  # re-armed only below 0.3 - 0.02


def test_threshold_already_past_fires_on_the_first_snapshot(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, RULES))
    assert run(rules, [snap(p=0.9), snap(p=0.9)]) == [["war"], []]


def test_alert_names_events_and_evidence(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, RULES))
    _, alerts = evaluate(rules, snap(p=0.9), {}, {"e1": EVENT}, {})
    [alert] = alerts
    assert alert["events"] == ["e1"]
    assert alert["evidence"] == [{
        "claim": "e1", "doc_id": "d1", "start": 0, "end": 5, "text": "Boom.", "date": None,
        "title": None, "url": None,
    }]  # fmt: skip
    assert "0.90, above 0.3" in alert["message"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "rules:\n  - id: a\n    when: escalation\n    colour: red\n",
            "rules.yaml:4: rules[0]: unknown key 'colour'",
        ),
        (
            "rules:\n  - id: a\n    when: probability\n    end_state: peace\n    horizon: 7\n"
            "    above: 0.5\n",
            "rules.yaml:2: rules[0]: end_state 'peace': unknown peace",
        ),
        (
            "rules:\n  - id: a\n    when: probability\n    end_state: collapse\n    horizon: 7\n",
            "give exactly one of 'above' or 'below'",
        ),
        (
            "rules:\n  - id: a\n    when: escalation\n  - id: a\n    when: red_line\n",
            "rule id 'a' is used twice",
        ),
        ("rules:\n  - id: a\n    when: weather\n", "rules.yaml:3: rules[0].when:"),
        (
            "rules:\n  - id: a\n    when: new_actor\n    role: judge\n",
            "rules.yaml:4: rules[0].role",
        ),
        (
            "rules:\n  - id: a\n    when: probability\n    end_state: collapse\n    horizon: 14\n"
            "    below: 0.1\n",
            "horizon 14: the forecast gives 7, 30, 90 days",
        ),
        ("rules: [\n", "rules.yaml:2: YAML syntax"),
        ("- a\n", "expected a mapping with a 'rules' list"),
        ("rulez: []\n", "rules.yaml:1: unknown key 'rulez'"),
    ],
)
def test_bad_rules_name_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(RulesError) as e:
        load_rules(write(tmp_path, text))
    assert any(expected in str(p) for p in e.value.problems), [str(p) for p in e.value.problems]


def test_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="no such file"):
        load_rules(tmp_path / "none.yaml")
