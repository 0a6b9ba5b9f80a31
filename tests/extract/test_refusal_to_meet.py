"""A refusal to meet is REJECT with mode `meet` (what breaks talks off in the forecast's start
state), made, not threatened; a refusal of anything else keeps no mode."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Iran refused to meet the American envoy on Monday.",
        "Iran on Monday rejected talks with the United States.",
        "伊朗3日拒绝与美国举行会谈。",
        "伊朗3日拒絕與美國會面。",
    ],
)
def test_refusing_to_meet_is_reject_meet(run, ex, text: str) -> None:
    rejects = [e for e in run(text).events if e.category.value == "REJECT"]
    assert [(ex.country(e.actor), ex.country(e.target), e.mode) for e in rejects] == [
        ("IRN", "USA", "meet")
    ]
    assert not rejects[0].flags.threatened


def test_refusing_a_demand_is_no_refusal_to_meet(run) -> None:
    rejects = [e for e in run("伊朗5日拒绝了美国的要求。").events if e.category.value == "REJECT"]
    assert rejects and all(e.mode != "meet" for e in rejects)
