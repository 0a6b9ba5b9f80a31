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


@pytest.mark.parametrize(
    "text",
    [
        "Dutch officials refused to comment on the Belgian demand.",
        "Belgium refused to say whether the Dutch envoy had asked for a pause.",
        "荷兰官员拒绝透露比利时提出的要求。",
        "比利时拒不置评荷兰的说法。",
    ],
)
def test_declining_to_comment_is_no_rejection(run, text: str) -> None:
    """Declining to comment or to disclose refuses no party's demand (GUIDE: REJECT is refusing
    a demand, a proposal or a meeting, or rejecting an accusation)."""
    assert not [e for e in run(text).events if e.category.value == "REJECT"]


def test_a_reporters_request_for_comment_is_no_request(run) -> None:
    text = "比利时和荷兰政府至今未就记者的置评请求作答。"
    assert not [e for e in run(text).events if e.category.value == "REQUEST"]


def test_refusing_a_demand_still_rejects_it(run, ex) -> None:
    for text in ("Belgium refused the Dutch proposal.", "比利时拒绝接受荷兰的要求。"):
        rejects = [e for e in run(text).events if e.category.value == "REJECT"]
        assert [(ex.country(e.actor), ex.country(e.target)) for e in rejects] == [("BEL", "NLD")]
