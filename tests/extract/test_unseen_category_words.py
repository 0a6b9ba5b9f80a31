"""General trigger words of categories the out-of-fold funnel found unseen by both the rules
and the clause model (s30c): gunfire exchanged, a call between two leaders, 接见 (receiving a
visitor). Every sentence here is written for the test."""

from __future__ import annotations


def triples(tuples, res) -> set[tuple]:
    return {t[1:] for t in tuples(res)}


def test_exchanged_gunfire_is_a_mutual_assault(run, tuples) -> None:
    got = triples(tuples, run("Indian and Pakistani troops exchanged gunfire on Monday."))
    assert {("IND", "ASSAULT", "PAK"), ("PAK", "ASSAULT", "IND")} <= got


def test_a_call_between_two_ministers_is_consultation(run, tuples) -> None:
    text = "There was a call between the Indian and Pakistani foreign ministers on Monday."
    assert ("IND", "CONSULT", "PAK") in triples(tuples, run(text))


def test_receiving_a_visitor_is_consultation(run, tuples) -> None:
    got = triples(tuples, run("中国国家主席周一在北京接见了越南总理。"))
    assert ("CHN", "CONSULT", "VNM") in got
