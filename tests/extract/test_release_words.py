"""A release (benchmarks/real/GUIDE.md: prisoner or hostage releases are RETREAT `release`) frees
someone; releasing a statement, a list or pictures frees no one; a withdrawal named as a task
(撤离工作) is a topic, not a withdrawal. Every sentence here is written for the test."""

from __future__ import annotations

import datetime as dt

D = dt.date


def test_people_released_are_a_release(run, tuples) -> None:
    for text, actor, target in (
        ("Hamas released three Israeli hostages on Wednesday.", "PSE", "ISR"),
        ("Peru released three Chilean fishermen on Wednesday.", "PER", "CHL"),
    ):
        assert tuples(run(text)) == {(D(2026, 3, 4), actor, "RETREAT", target)}


def test_statements_lists_and_pictures_released_are_no_release(run, tuples) -> None:
    for text in (
        "The Chilean government released a statement on Wednesday criticising Peru.",
        "Peru released a list of 40 Chilean firms on Wednesday.",
        "A handout picture released by the Peruvian presidency shows its president in Lima.",
    ):
        assert "RETREAT" not in {c for _, _, c, _ in tuples(run(text))}


def test_a_withdrawal_named_as_work_is_a_noun(run, tuples) -> None:
    """撤离工作 (the work of a withdrawal) names the withdrawal as a topic, as 撤离的…; the
    speaker does not withdraw. A withdrawal told with its verb still is one."""
    for text in (
        "马里4日表示，撤离工作必须通过双边协议进行。",
        "馬利4日表示，撤離工作必須透過雙邊協議進行。",
    ):
        assert tuples(run(text)) == set()
    assert tuples(run("法国4日从马里撤离了部队。")) == {(D(2026, 3, 4), "FRA", "RETREAT", "MLI")}
