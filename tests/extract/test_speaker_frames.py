"""Wrong speakers and unread negations (s49s), both coders: an aside between dashes is no
speaker (as one between commas is not: `aside_marks`); the party after "with" in a time frame of
talks (A与B通电话时表示) is no subject of what follows it (`with_frame`); saying there is no
evidence of an act negates it (`denial`); an obligation cue before a passive with its agent
("should be reassured by our offer") asks nothing of the subject (`obligation_passive`).
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor
from dualtrack.model import Document

from .conftest import triples

DAY = dt.date(2026, 4, 9)

# A lead long enough that the dash is no dateline's (dates.dateline looks at the first 160
# characters), then a speaker with an aside that names another party.
LEAD = (
    "Tension rose in the Aegean this week as ships of both navies shadowed each other near the "
    "disputed islets for a third day, and fishermen on both sides stayed in port. "
)
ASIDES = [
    "Greek Prime Minister Kyriakos Mitsotakis – who faces criticism from the International "
    "Criminal Court – said on Thursday that Turkey must withdraw its ships.",
    "Greek Prime Minister Kyriakos Mitsotakis - who faces criticism from the International "
    "Criminal Court - said on Thursday that Turkey must withdraw its ships.",
    "Greek Prime Minister Kyriakos Mitsotakis, who faces criticism from the International "
    "Criminal Court, said on Thursday that Turkey must withdraw its ships.",
]


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize("text", ASIDES)
def test_an_aside_between_dashes_is_no_speaker(coders, coder: str, text: str) -> None:
    got = triples(coders[coder], LEAD + text, DAY)
    assert ("GRC", "REQUEST", "TUR") in got
    assert not any(a not in ("GRC", "TUR") for a, _, _ in got), got


CALLS = [
    "希腊总理9日与法国总统通电话时表示，土耳其的钻探行动违反国际法。",
    "希腊总理9日在同法国总统会晤期间表示，土耳其的钻探行动违反国际法。",
]


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize("text", CALLS)
def test_the_other_party_of_a_call_is_no_speaker(coders, coder: str, text: str) -> None:
    got = triples(coders[coder], text, DAY)
    assert ("GRC", "ACCUSE", "TUR") in got
    assert ("FRA", "ACCUSE", "TUR") not in got


def _asserted(ex: Extractor, text: str) -> set[tuple]:
    res = ex.extract(Document(text=text, date=DAY))
    return {
        (ex.country(e.actor), e.category.value, ex.country(e.target))
        for e in res.events
        if not e.flags.negated
    }


@pytest.mark.parametrize("coder", ["rules", "learned"])
def test_no_evidence_of_an_act_negates_it(coders, coder: str) -> None:
    ex = coders[coder]
    act = "Turkey has been shelling Greek fishing boats."
    said = "Athens said on Thursday that " + act
    doubted = "Athens said on Thursday there was no proof that " + act
    assert ("TUR", "ASSAULT", "GRC") in _asserted(ex, said)
    assert ("TUR", "ASSAULT", "GRC") not in _asserted(ex, doubted)


@pytest.mark.parametrize("coder", ["rules", "learned"])
def test_an_obligation_before_a_passive_with_an_agent_asks_nothing(coders, coder: str) -> None:
    ex = coders[coder]
    said = "The Greek foreign minister said on Thursday that Turkey "
    active = said + "should recall its ship."
    passive = said + "should be reassured by our offer."
    no_agent = said + "must be fully disarmed."
    assert ("GRC", "REQUEST", "TUR") in triples(ex, active, DAY)
    assert ("GRC", "REQUEST", "TUR") not in triples(ex, passive, DAY)
    assert ("GRC", "REQUEST", "TUR") in triples(ex, no_agent, DAY)  # a demand on its own side
