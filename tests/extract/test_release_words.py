"""A release (benchmarks/real/GUIDE.md: prisoner or hostage releases are RETREAT `release`) frees
someone; releasing a statement, a list or pictures frees no one. Every sentence here is written
for the test."""

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
