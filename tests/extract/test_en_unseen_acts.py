"""English wordings of acts the coder used to see no trigger in at all (verbs.yaml), and names
of officials and commands it did not know (actors.yaml). Each case is one class of wording news
uses for the act, written for these tests; both coders must code it."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor
from dualtrack.model import Document

CODERS = ("rules", "learned")

CASES = [
    # a ceasefire or peace agreement named with its kind between "reached" and the noun
    (
        "Armenia and Azerbaijan reached and signed a peace accord on Friday.",
        ("ARM", "AGREE", "AZE"),
    ),
    # one side stopping its own attacks: its ceasefire alone, not also the attacked side's
    ("The Houthis ceased their missile attacks on Israeli tankers.", ("YEM", "RETREAT", "ISR")),
    (
        "Moscow and Kyiv plan to exchange 300 wounded prisoners.",
        ("RUS", "RETREAT", "UKR"),
    ),
    # a downgrade of diplomatic ties
    ("Pakistan sent the Afghan ambassador back home on Friday.", ("PAK", "SANCTION", "AFG")),
    (
        "Pakistan downgraded its ties with Iran and suspended its high-level engagements.",
        ("PAK", "SANCTION", "IRN"),
    ),
    ("Egypt closed both its consulates in Ethiopia.", ("EGY", "SANCTION", "ETH")),
    # working with another armed side
    ("Hamas fighters collaborated with Iran's militias.", ("PSE", "COOPERATE", "IRN")),
    # thanks and gratitude
    ("Egypt expressed its gratitude to Oman for its help.", ("EGY", "SUPPORT", "OMN")),
    ("Germany spoke out against the Israeli plan.", ("DEU", "ACCUSE", "ISR")),
    ("Trump verbally attacked Zelensky last week.", ("USA", "ACCUSE", "UKR")),
    # pressure short of force along a front line
    ("North Korea sent trash balloons over South Korea.", ("PRK", "COERCE", "KOR")),
    ("Seoul resumed its loudspeaker broadcasts toward North Korea.", ("KOR", "COERCE", "PRK")),
    ("China blocked Indian patrols in Ladakh.", ("CHN", "COERCE", "IND")),
    ("Israel said humanitarian deliveries into Gaza were halted.", ("ISR", "COERCE", "PSE")),
    ("Japan said it could intervene should China attack Taiwan.", ("JPN", "THREATEN", "CHN")),
    ("Japan boosted its military readiness against North Korea.", ("JPN", "MOBILIZE", "PRK")),
    ("South Korea fired warning shots at North Korean soldiers.", ("KOR", "MOBILIZE", "PRK")),
    # talks worded as an ongoing process
    ("Pakistan and Iran will continue discussions about their border.", ("PAK", "CONSULT", "IRN")),
    # names of officials and commands
    ("The PLA fired missiles into waters near Taiwan.", ("CHN", "MOBILIZE", "TWN")),
    ("Qalibaf condemned the US strikes on Iran.", ("IRN", "ACCUSE", "USA")),
    ("President Ali accused Venezuela of threatening Guyana.", ("GUY", "ACCUSE", "VEN")),
]


@pytest.fixture(scope="module", params=CODERS)
def coder(request: pytest.FixtureRequest) -> Extractor:
    return Extractor(case=None, lang="auto", coder=request.param)


def _triples(ex: Extractor, text: str) -> set[tuple[str | None, str, str | None]]:
    res = ex.extract(Document(text=text, date=dt.date(2026, 3, 5)))
    return {(ex.country(e.actor), e.category.value, ex.country(e.target)) for e in res.events}


@pytest.mark.parametrize(("text", "want"), CASES)
def test_wording_is_coded(coder: Extractor, text: str, want: tuple[str, str, str]) -> None:
    got = _triples(coder, text)
    a, c, t = want
    assert want in got or (c in ("AGREE", "CONSULT", "COOPERATE") and (t, c, a) in got), got


def test_stopping_attacks_is_one_sided(coder: Extractor) -> None:
    got = _triples(coder, "The Houthis ceased their missile attacks on Israeli tankers.")
    assert ("ISR", "RETREAT", "YEM") not in got


def test_urging_a_stop_is_the_request_only(coder: Extractor) -> None:
    got = _triples(coder, "Russia urged Ukraine to stop its attacks on Belgorod.")
    assert got == {("RUS", "REQUEST", "UKR")}
