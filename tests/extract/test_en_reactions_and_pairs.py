"""English: disapproval told as a noun belongs to the party named after it ("met with
condemnation from X"), and both sides after "that" are whom a verb asks. Texts written for
these tests."""

from __future__ import annotations

from .conftest import triples


def test_condemnation_from_a_party_is_that_party_s(coders) -> None:
    text = (
        "China held naval drills near Taiwan on Monday; the exercises met with condemnation "
        "from the Taiwanese government."
    )
    got = triples(coders["rules"], text)
    assert ("CHN", "ACCUSE", "TWN") not in got
    assert ("TWN", "ACCUSE", None) in got or ("TWN", "ACCUSE", "CHN") in got


def test_criticism_from_a_state_after_a_plan(coders) -> None:
    got = triples(coders["rules"], "The new settlement plan drew sharp criticism from Turkey.")
    assert any(a == "TUR" and c == "ACCUSE" for a, c, _ in got)


def test_possessed_condemnation_stays_the_possessor_s(coders) -> None:
    got = triples(coders["rules"], "Japan's condemnation of the Chinese drills was swift.")
    assert ("JPN", "ACCUSE", "CHN") in got


def test_agent_heads_a_longer_phrase(coders) -> None:
    text = "The convoy came under heavy fire from the well armed fighters of the Russian army."
    got = triples(coders["rules"], text)
    assert any(a == "RUS" and c == "ASSAULT" for a, c, _ in got)


def test_hope_that_the_two_sides_asks_each_of_them(coders) -> None:
    text = (
        "Iran and Pakistan clashed on Tuesday. China hopes that the two sides will calm "
        "things down."
    )
    got = triples(coders["rules"], text)
    assert {("CHN", "REQUEST", "IRN"), ("CHN", "REQUEST", "PAK")} <= got


def test_insisted_that_both_sides_asks_each_of_them(coders) -> None:
    text = "Iran and Pakistan clashed on Tuesday. China insisted that both sides return to talks."
    for coder in ("rules", "learned"):
        got = triples(coders[coder], text)
        assert {("CHN", "REQUEST", "IRN"), ("CHN", "REQUEST", "PAK")} <= got, coder


def test_participle_warning_is_aimed_at_the_demand_s_target(coders) -> None:
    text = "The EU demanded that Serbia meet its obligations, warning of consequences otherwise."
    got = triples(coders["rules"], text)
    assert {("EU", "REQUEST", "SRB"), ("EU", "THREATEN", "SRB")} <= got


def test_participle_after_a_meeting_takes_no_target_from_it(coders) -> None:
    text = (
        "Rubio spoke with the foreign ministers of India and Pakistan on Friday, urging both "
        "sides to step back and keep talking."
    )
    got = triples(coders["rules"], text)
    assert not any(c == "REQUEST" and t == "USA" for _, c, t in got)
