"""Demands the coders did not find (s55q): a deadline given to the other side (给予…一周时间…,
"gave the junta seven days to …") is a demand on it, what it is to do the content; an envoy
given hours to leave stays expelled. Sentences written for these tests; both coders."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import asserted_tuples

D = dt.date(2026, 3, 4)

# (text, an event (actor country, category, target country) both coders must find)
CASES = [
    (
        "西非国家经济共同体4日给予马里军方一周的时间释放被扣押的部长。",
        ("ECOWAS", "REQUEST", "MLI"),
    ),
    ("以色列4日給予哈瑪斯三天時間交出人質。", ("ISR", "REQUEST", "PSE")),
    (
        "On Wednesday ECOWAS gave Mali's military rulers ten days to free the detained ministers.",
        ("ECOWAS", "REQUEST", "MLI"),
    ),
]


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(("text", "event"), CASES)
def test_a_deadline_is_a_demand(coders, coder: str, text: str, event: tuple) -> None:
    assert (D, *event) in asserted_tuples(coders[coder], text)


def test_an_envoy_given_hours_to_leave_is_no_request(coders) -> None:
    got = asserted_tuples(
        coders["rules"], "On Wednesday Chad gave the Sudanese ambassador 48 hours to leave."
    )
    assert not any(c == "REQUEST" for _, _, c, _ in got)
    assert (D, "TCD", "SANCTION", "SDN") in got


def test_time_given_for_no_deed_is_no_demand(coders) -> None:
    for coder in ("rules", "learned"):
        got = asserted_tuples(
            coders[coder], "On Wednesday the minister gave a briefing to reporters."
        )
        assert not any(c == "REQUEST" for _, _, c, _ in got), coder
