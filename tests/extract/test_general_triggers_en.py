"""General English trigger words the out-of-fold funnel showed the rules never considered
(complaints, carried-out strikes, disbanding, live-fire drills, hopes addressed to the parties,
a signed pact); every sentence here is written for the test."""

from __future__ import annotations

import datetime as dt

D = dt.date


def cats(tuples, res) -> set[str]:
    return {c for _, _, c, _ in tuples(res)}


def test_a_complaint_is_disapproval(run, tuples) -> None:
    got = tuples(run("Japan on Tuesday complained to China about the radar incident."))
    assert got == {(D(2026, 3, 3), "JPN", "ACCUSE", "CHN")}


def test_carried_out_strikes_is_an_assault(run, tuples) -> None:
    got = tuples(run("Pakistan on Tuesday carried out strikes on militant hideouts in Iran."))
    assert ("PAK", "ASSAULT") in {(a, c) for _, a, c, _ in got}


def test_disbanding_is_a_concession(run, tuples) -> None:
    assert "CONCEDE" in cats(tuples, run("The PKK said on Tuesday it would disband."))


def test_live_fire_drills_and_a_buildup_are_mobilisation(run, tuples) -> None:
    res = run("China's navy on Tuesday held live-fire drills near Taiwan.")
    assert "MOBILIZE" in cats(tuples, res)


def test_a_hope_addressed_to_the_parties_is_an_appeal(run, tuples) -> None:
    res = run("China said on Tuesday it hopes both sides in Myanmar will respect the truce.")
    assert "REQUEST" in cats(tuples, res)


def test_signing_a_pact_is_agreement(run, tuples) -> None:
    res = run("India and Japan on Tuesday signed a security pact.")
    assert ("IND", "AGREE", "JPN") in {(a, c, t) for _, a, c, t in tuples(res)}
